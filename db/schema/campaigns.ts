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
  uuid,
} from "drizzle-orm/pg-core";
import { campaignStatus, recurrence, unitKind } from "./enums";
import { organizations, units, users } from "./organizations";

/** A campaign such as 2020年安全生产月, with the notice it came from. */
export const campaigns = pgTable(
  "campaigns",
  {
    orgId: uuid()
      .notNull()
      .references(() => organizations.id),
    id: uuid().notNull().defaultRandom(),
    name: text().notNull(),
    theme: text(),
    startsOn: date().notNull(),
    endsOn: date().notNull(),
    status: campaignStatus().notNull().default("draft"),
    noticeTitle: text(),
    noticeText: text(),
    /** Same key across townships for campaigns made from one template (county roll-up). */
    templateKey: text(),
    createdBy: uuid().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    index("campaigns_org_status_idx").on(t.orgId, t.status),
    index("campaigns_org_template_idx").on(t.orgId, t.templateKey),
  ],
);

/** An optional dated stage of a campaign, e.g. 动员部署 / 排查整治 / 集中攻坚 / 巩固提升. */
export const phases = pgTable(
  "phases",
  {
    orgId: uuid().notNull(),
    id: uuid().notNull().defaultRandom(),
    campaignId: uuid().notNull(),
    name: text().notNull(),
    startsOn: date().notNull(),
    endsOn: date().notNull(),
    position: integer().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId, t.campaignId], foreignColumns: [campaigns.orgId, campaigns.id] }).onDelete("cascade"),
    index("phases_org_campaign_idx").on(t.orgId, t.campaignId),
  ],
);

/** A heading of the notice; `grouping` holds labels such as 专题 / 专项 when a plan has them. */
export const activities = pgTable(
  "activities",
  {
    orgId: uuid().notNull(),
    id: uuid().notNull().defaultRandom(),
    campaignId: uuid().notNull(),
    grouping: text(),
    code: text(),
    title: text().notNull(),
    description: text(),
    position: integer().notNull(),
    /** 分管领导 of the activity; told at the red level (before the unit's own 分管领导). */
    supervisorUserId: uuid().references(() => users.id),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId, t.campaignId], foreignColumns: [campaigns.orgId, campaigns.id] }).onDelete("cascade"),
    index("activities_org_campaign_idx").on(t.orgId, t.campaignId),
  ],
);

/**
 * The unit of work. A recurring task is stored as one row per period sharing a
 * `seriesId`, so each instance has its own deadline and assignments.
 */
export const tasks = pgTable(
  "tasks",
  {
    orgId: uuid().notNull(),
    id: uuid().notNull().defaultRandom(),
    campaignId: uuid().notNull(),
    activityId: uuid().notNull(),
    phaseId: uuid(),
    title: text().notNull(),
    description: text(),
    deadline: timestamp({ withTimezone: true }).notNull(),
    applicableUnitKinds: unitKind().array().notNull(),
    /** Codes from lib/evidence-kinds (meeting_minutes, sign_in_sheet, photo, …). */
    evidenceRequired: text().array().notNull(),
    recurrence: recurrence().notNull().default("none"),
    seriesId: uuid(),
    periodStart: date(),
    /** The unit that leads the task (e.g. 应急办 for a township-level duty). */
    ownerUnitId: uuid(),
    /** 签收时限: hours after publication within which each unit must sign for the task; null: the township's default. */
    ackLimitHours: integer(),
    position: integer().notNull().default(0),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId, t.campaignId], foreignColumns: [campaigns.orgId, campaigns.id] }).onDelete("cascade"),
    foreignKey({ columns: [t.orgId, t.activityId], foreignColumns: [activities.orgId, activities.id] }).onDelete("cascade"),
    foreignKey({ columns: [t.orgId, t.phaseId], foreignColumns: [phases.orgId, phases.id] }),
    foreignKey({ columns: [t.orgId, t.ownerUnitId], foreignColumns: [units.orgId, units.id] }),
    index("tasks_org_campaign_idx").on(t.orgId, t.campaignId),
    index("tasks_org_activity_idx").on(t.orgId, t.activityId),
    index("tasks_org_series_idx").on(t.orgId, t.seriesId),
  ],
);

/** A figure the liaison reports when submitting (e.g. 受教育人次), summed against `target`. */
export const taskFigures = pgTable(
  "task_figures",
  {
    orgId: uuid().notNull(),
    id: uuid().notNull().defaultRandom(),
    taskId: uuid().notNull(),
    name: text().notNull(),
    measureUnit: text().notNull(),
    target: numeric({ precision: 14, scale: 2 }),
    position: integer().notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId, t.taskId], foreignColumns: [tasks.orgId, tasks.id] }).onDelete("cascade"),
    index("task_figures_org_task_idx").on(t.orgId, t.taskId),
  ],
);
