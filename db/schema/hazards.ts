import {
  date,
  foreignKey,
  index,
  integer,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { hazardLevel, hazardSource, hazardStatus, publicReportStatus } from "./enums";
import { assignments } from "./assignments";
import { units, users } from "./organizations";

/** One row of the 隐患台账 (hazard register). */
export const hazards = pgTable(
  "hazards",
  {
    orgId: uuid().notNull(),
    id: uuid().notNull().defaultRandom(),
    /** Per township and year, e.g. XMS-2020-0001. */
    number: text().notNull(),
    title: text().notNull(),
    description: text().notNull(),
    unitId: uuid().notNull(),
    location: text().notNull(),
    industry: text(),
    level: hazardLevel().notNull(),
    source: hazardSource().notNull(),
    foundOn: date().notNull(),
    foundBy: uuid().references(() => users.id),
    /** The investigation assignment that found it, when there is one. */
    assignmentId: uuid(),
    measures: text(),
    interimMeasures: text(),
    funds: numeric({ precision: 14, scale: 2 }),
    responsibleUnitId: uuid(),
    responsiblePerson: text(),
    rectificationDeadline: date(),
    status: hazardStatus().notNull().default("reported"),
    rectifiedOn: date(),
    rectifiedBy: uuid().references(() => users.id),
    rectificationNote: text(),
    verifiedBy: uuid().references(() => users.id),
    verificationResult: text(),
    closedOn: date(),
    version: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    uniqueIndex("hazards_org_number_key").on(t.orgId, t.number),
    foreignKey({ columns: [t.orgId, t.unitId], foreignColumns: [units.orgId, units.id] }),
    foreignKey({ columns: [t.orgId, t.responsibleUnitId], foreignColumns: [units.orgId, units.id] }),
    foreignKey({ columns: [t.orgId, t.assignmentId], foreignColumns: [assignments.orgId, assignments.id] }),
    index("hazards_org_status_level_idx").on(t.orgId, t.status, t.level),
    index("hazards_org_unit_idx").on(t.orgId, t.unitId),
    index("hazards_org_assignment_idx").on(t.orgId, t.assignmentId),
  ],
);

/** A report from the public page (QR code on a poster); unverified until a leader accepts it. */
export const publicReports = pgTable(
  "public_reports",
  {
    orgId: uuid().notNull(),
    id: uuid().notNull().defaultRandom(),
    followUpCode: text().notNull(),
    description: text().notNull(),
    location: text().notNull(),
    contact: text(),
    status: publicReportStatus().notNull().default("received"),
    publicReply: text(),
    hazardId: uuid(),
    decidedBy: uuid().references(() => users.id),
    decidedAt: timestamp({ withTimezone: true }),
    /** Salted hash of the reporter's address, for rate limiting only. */
    sourceHash: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    uniqueIndex("public_reports_code_key").on(t.followUpCode),
    foreignKey({ columns: [t.orgId, t.hazardId], foreignColumns: [hazards.orgId, hazards.id] }),
    index("public_reports_org_status_idx").on(t.orgId, t.status),
    index("public_reports_source_created_idx").on(t.sourceHash, t.createdAt),
  ],
);
