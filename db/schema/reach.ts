import {
  boolean,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { assignments } from "./assignments";
import { channelKind, deliveryStatus, escalationLevel, notificationKind } from "./enums";
import { organizations, users } from "./organizations";

/**
 * A township's reminder schedule (one row per township; absent means the
 * defaults of lib/reach/settings). Hours and days are Beijing time.
 */
export const reachSettings = pgTable("reach_settings", {
  orgId: uuid()
    .primaryKey()
    .references(() => organizations.id),
  /** Automatic reminders, chases, escalations and the digest; off stops only what the scheduler sends. */
  enabled: boolean().notNull().default(true),
  /** Calendar days before the deadline on which liaisons are reminded. */
  reminderDays: smallint().array().notNull().default([3, 1]),
  overdueNotice: boolean().notNull().default(true),
  /** Days overdue at which the blue, yellow and red levels are reached. */
  escalationDays: smallint().array().notNull().default([0, 3, 7]),
  /** Default 签收 limit in hours after publication. */
  ackLimitHours: integer().notNull().default(24),
  /** Hour (0–23) of the leaders' daily digest. */
  digestHour: smallint().notNull().default(8),
  /** Quiet hours [start, end) in hours 0–23; messages wait until the end. Equal values: none. */
  quietStartHour: smallint().notNull().default(22),
  quietEndHour: smallint().notNull().default(7),
  updatedBy: uuid().references(() => users.id),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/** A township group's robot (DingTalk custom robot, WeCom group robot, Feishu custom bot). */
export const robotConnections = pgTable(
  "robot_connections",
  {
    orgId: uuid()
      .notNull()
      .references(() => organizations.id),
    id: uuid().notNull().defaultRandom(),
    kind: channelKind().notNull(),
    name: text().notNull(),
    webhookUrl: text().notNull(),
    /** DingTalk's 加签 secret / Feishu's signature secret; never shown back in full. */
    secret: text(),
    /** Which messages the group gets: those for liaisons (reminders, chases) and/or for leaders (digest, red level). */
    forLiaisons: boolean().notNull().default(true),
    forLeaders: boolean().notNull().default(true),
    enabled: boolean().notNull().default(true),
    createdBy: uuid().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] }), index("robot_connections_org_idx").on(t.orgId)],
);

/**
 * One thing Duban decided to tell (a 3-day reminder of one assignment, a
 * township's digest of one day, a 督办单). The key makes it happen once,
 * however many schedulers run and however often.
 */
export const dispatches = pgTable(
  "dispatches",
  {
    orgId: uuid()
      .notNull()
      .references(() => organizations.id),
    id: uuid().notNull().defaultRandom(),
    key: text().notNull(),
    kind: notificationKind().notNull(),
    assignmentId: uuid(),
    level: escalationLevel(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    uniqueIndex("dispatches_org_key").on(t.orgId, t.key),
    foreignKey({ columns: [t.orgId, t.assignmentId], foreignColumns: [assignments.orgId, assignments.id] }).onDelete(
      "cascade",
    ),
    index("dispatches_org_assignment_idx").on(t.orgId, t.assignmentId),
  ],
);

/**
 * One message to one outside recipient (an e-mail address, a robot), and its
 * delivery log. The idempotency key is unique: a retry or a second worker
 * finds the row and never sends it twice.
 */
export const deliveries = pgTable(
  "deliveries",
  {
    orgId: uuid()
      .notNull()
      .references(() => organizations.id),
    id: uuid().notNull().defaultRandom(),
    idempotencyKey: text().notNull(),
    kind: notificationKind().notNull(),
    channel: channelKind().notNull(),
    /** The robot it went to; no foreign key, so the log outlives a removed robot. */
    robotId: uuid(),
    recipientUserId: uuid().references(() => users.id),
    /** The address or robot name, as the log shows it. */
    recipient: text().notNull(),
    subject: text().notNull(),
    body: text().notNull(),
    link: text(),
    /** Phone numbers a robot message @-mentions. */
    mentions: text().array().notNull().default([]),
    status: deliveryStatus().notNull().default("pending"),
    attempts: integer().notNull().default(0),
    /** Not sent before this instant (quiet hours). */
    notBefore: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** A worker that claimed the row owns it until then; after, another may retry. */
    leaseUntil: timestamp({ withTimezone: true }),
    /** The provider's last answer (or the error), for the admin's delivery log. */
    lastResponse: text(),
    sentAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    uniqueIndex("deliveries_org_idempotency_key").on(t.orgId, t.idempotencyKey),
    index("deliveries_org_created_idx").on(t.orgId, t.createdAt),
    index("deliveries_due_idx").on(t.status, t.notBefore),
  ],
);

/** 督办单: a leader's written order to a unit about one assignment, at a level. */
export const supervisionOrders = pgTable(
  "supervision_orders",
  {
    orgId: uuid()
      .notNull()
      .references(() => organizations.id),
    id: uuid().notNull().defaultRandom(),
    assignmentId: uuid().notNull(),
    level: escalationLevel().notNull(),
    note: text().notNull(),
    issuedBy: uuid()
      .notNull()
      .references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId, t.assignmentId], foreignColumns: [assignments.orgId, assignments.id] }).onDelete(
      "cascade",
    ),
    index("supervision_orders_org_assignment_idx").on(t.orgId, t.assignmentId),
  ],
);
