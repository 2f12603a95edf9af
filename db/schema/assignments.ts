import {
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
import { assignmentStatus, extensionStatus, reviewDecision } from "./enums";
import { tasks, taskFigures } from "./campaigns";
import { units, users } from "./organizations";

/** A task given to one unit. `version` guards concurrent transitions (optimistic concurrency). */
export const assignments = pgTable(
  "assignments",
  {
    orgId: uuid().notNull(),
    id: uuid().notNull().defaultRandom(),
    taskId: uuid().notNull(),
    unitId: uuid().notNull(),
    status: assignmentStatus().notNull().default("pending"),
    /** Per-unit override of the task's deadline. */
    deadline: timestamp({ withTimezone: true }),
    ownerUserId: uuid().references(() => users.id),
    /** When the unit was first told of it (campaign published, or assigned while active): the 签收 clock starts. */
    publishedAt: timestamp({ withTimezone: true }),
    acknowledgedAt: timestamp({ withTimezone: true }),
    submittedAt: timestamp({ withTimezone: true }),
    approvedAt: timestamp({ withTimezone: true }),
    version: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId, t.taskId], foreignColumns: [tasks.orgId, tasks.id] }).onDelete("cascade"),
    foreignKey({ columns: [t.orgId, t.unitId], foreignColumns: [units.orgId, units.id] }),
    uniqueIndex("assignments_org_task_unit_key").on(t.orgId, t.taskId, t.unitId),
    index("assignments_org_unit_status_idx").on(t.orgId, t.unitId, t.status),
    index("assignments_org_status_idx").on(t.orgId, t.status),
  ],
);

/** Every status transition of an assignment: the timeline and the completion-over-time chart. */
export const assignmentEvents = pgTable(
  "assignment_events",
  {
    orgId: uuid().notNull(),
    id: uuid().notNull().defaultRandom(),
    assignmentId: uuid().notNull(),
    fromStatus: assignmentStatus(),
    toStatus: assignmentStatus().notNull(),
    actorUserId: uuid().references(() => users.id),
    reason: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId, t.assignmentId], foreignColumns: [assignments.orgId, assignments.id] }).onDelete(
      "cascade",
    ),
    index("assignment_events_org_assignment_idx").on(t.orgId, t.assignmentId, t.createdAt),
  ],
);

/** One submission of evidence; a returned one stays, with its files, beside the resubmission. */
export const submissions = pgTable(
  "submissions",
  {
    orgId: uuid().notNull(),
    id: uuid().notNull().defaultRandom(),
    assignmentId: uuid().notNull(),
    submittedBy: uuid()
      .notNull()
      .references(() => users.id),
    note: text().notNull().default(""),
    submittedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    decision: reviewDecision(),
    reviewedBy: uuid().references(() => users.id),
    reviewedAt: timestamp({ withTimezone: true }),
    returnReason: text(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId, t.assignmentId], foreignColumns: [assignments.orgId, assignments.id] }).onDelete(
      "cascade",
    ),
    index("submissions_org_assignment_idx").on(t.orgId, t.assignmentId, t.submittedAt),
  ],
);

export const submissionFigureValues = pgTable(
  "submission_figure_values",
  {
    orgId: uuid().notNull(),
    submissionId: uuid().notNull(),
    figureId: uuid().notNull(),
    value: numeric({ precision: 14, scale: 2 }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.submissionId, t.figureId] }),
    foreignKey({ columns: [t.orgId, t.submissionId], foreignColumns: [submissions.orgId, submissions.id] }).onDelete(
      "cascade",
    ),
    foreignKey({ columns: [t.orgId, t.figureId], foreignColumns: [taskFigures.orgId, taskFigures.id] }).onDelete(
      "cascade",
    ),
    index("submission_figure_values_org_figure_idx").on(t.orgId, t.figureId),
  ],
);

/** 延期申请: a liaison asks for a later deadline; a leader approves with a date or denies with a reason. */
export const extensionRequests = pgTable(
  "extension_requests",
  {
    orgId: uuid().notNull(),
    id: uuid().notNull().defaultRandom(),
    assignmentId: uuid().notNull(),
    requestedBy: uuid()
      .notNull()
      .references(() => users.id),
    requestedDeadline: timestamp({ withTimezone: true }).notNull(),
    reason: text().notNull(),
    status: extensionStatus().notNull().default("pending"),
    decidedBy: uuid().references(() => users.id),
    decidedAt: timestamp({ withTimezone: true }),
    grantedDeadline: timestamp({ withTimezone: true }),
    decisionReason: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId, t.assignmentId], foreignColumns: [assignments.orgId, assignments.id] }).onDelete(
      "cascade",
    ),
    index("extension_requests_org_status_idx").on(t.orgId, t.status),
    index("extension_requests_org_assignment_idx").on(t.orgId, t.assignmentId),
  ],
);
