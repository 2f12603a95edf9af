import { boolean, index, jsonb, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { notificationKind } from "./enums";
import { organizations, users } from "./organizations";

/** What a user sees under the bell: new assignment, returned, approved, reminder. */
export const notifications = pgTable(
  "notifications",
  {
    orgId: uuid()
      .notNull()
      .references(() => organizations.id),
    id: uuid().notNull().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id),
    kind: notificationKind().notNull(),
    title: text().notNull(),
    body: text(),
    link: text(),
    readAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    index("notifications_org_user_idx").on(t.orgId, t.userId, t.createdAt),
  ],
);

/** Append-only record of every change: who, when, what, before and after. */
export const auditEvents = pgTable(
  "audit_events",
  {
    orgId: uuid()
      .notNull()
      .references(() => organizations.id),
    id: uuid().notNull().defaultRandom(),
    actorUserId: uuid().references(() => users.id),
    action: text().notNull(),
    entityType: text().notNull(),
    entityId: uuid(),
    before: jsonb(),
    after: jsonb(),
    /** True for rows written by the seed rather than by a person. */
    system: boolean().notNull().default(false),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    index("audit_events_org_created_idx").on(t.orgId, t.createdAt),
    index("audit_events_org_entity_idx").on(t.orgId, t.entityType, t.entityId),
  ],
);
