import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  foreignKey,
  index,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  type AnyPgColumn,
} from "drizzle-orm/pg-core";
import { orgKind, role, unitKind } from "./enums";

/** A tenant: a township, grouped under a county (parent) for roll-ups. */
export const organizations = pgTable(
  "organizations",
  {
    id: uuid().primaryKey().defaultRandom(),
    parentId: uuid().references((): AnyPgColumn => organizations.id),
    kind: orgKind().notNull(),
    name: text().notNull(),
    /** Statistical division code, e.g. 500230104 for 许明寺镇. */
    code: text().notNull(),
    /** Prefix for per-township numbers such as hazard ids (XMS-2020-0001). */
    shortCode: text().notNull(),
    timezone: text().notNull().default("Asia/Shanghai"),
    settings: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("organizations_code_key").on(t.code), index("organizations_parent_idx").on(t.parentId)],
);

/** 责任单位: a village, community, department, enterprise or school of one township. */
export const units = pgTable(
  "units",
  {
    orgId: uuid()
      .notNull()
      .references(() => organizations.id),
    id: uuid().notNull().defaultRandom(),
    kind: unitKind().notNull(),
    code: text().notNull(),
    name: text().notNull(),
    responsiblePerson: text(),
    phone: text(),
    /** Where the 责任人 is told when the unit's overdue work reaches the yellow level. */
    responsibleEmail: text(),
    /** 分管领导: the leader told when the unit's overdue work reaches the red level. */
    supervisorUserId: uuid().references((): AnyPgColumn => users.id),
    archivedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    uniqueIndex("units_org_code_key").on(t.orgId, t.code),
    index("units_org_kind_idx").on(t.orgId, t.kind),
  ],
);

/** A person who signs in. Global (a login name is unique across the service); tenancy is in memberships. */
export const users = pgTable(
  "users",
  {
    id: uuid().primaryKey().defaultRandom(),
    username: text().notNull(),
    phone: text(),
    displayName: text().notNull(),
    passwordHash: text().notNull(),
    mustChangePassword: boolean().notNull().default(false),
    active: boolean().notNull().default(true),
    locale: text(),
    email: text(),
    /** The user's own choice: reminders by e-mail (when an address is set). */
    emailNotifications: boolean().notNull().default(true),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("users_username_key").on(t.username), uniqueIndex("users_phone_key").on(t.phone)],
);

/** A user's role in one township; a liaison belongs to exactly one unit. */
export const memberships = pgTable(
  "memberships",
  {
    orgId: uuid()
      .notNull()
      .references(() => organizations.id),
    id: uuid().notNull().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id),
    role: role().notNull(),
    unitId: uuid(),
    active: boolean().notNull().default(true),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    uniqueIndex("memberships_org_user_key").on(t.orgId, t.userId),
    index("memberships_user_idx").on(t.userId),
    index("memberships_org_unit_idx").on(t.orgId, t.unitId),
    foreignKey({ columns: [t.orgId, t.unitId], foreignColumns: [units.orgId, units.id] }),
    check("memberships_liaison_has_unit", sql`(${t.role} = 'liaison') = (${t.unitId} is not null)`),
  ],
);
