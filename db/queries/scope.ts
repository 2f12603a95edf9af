import "server-only";
import { and, count, eq, inArray, isNotNull, isNull, lt, lte, sql, type SQL } from "drizzle-orm";
import { OPEN_STATUSES } from "@/lib/status";
import { activities, assignments, campaigns, tasks, units } from "../schema";
import type { QueryContext } from "./context";

/**
 * The where clause every assignment read starts from: the caller's township,
 * and for a liaison their own unit. A liaison without a unit sees nothing.
 */
export function assignmentScope(ctx: QueryContext): SQL {
  const inOrg = eq(assignments.orgId, ctx.orgId);
  if (ctx.role !== "liaison") return inOrg;
  return ctx.unitId ? (and(inOrg, eq(assignments.unitId, ctx.unitId)) as SQL) : sql`false`;
}

/** Joins tasks on the composite key, so a row can never pair with another township's task. */
export const taskOfAssignment = and(eq(tasks.orgId, assignments.orgId), eq(tasks.id, assignments.taskId));

export const activityOfTask = and(eq(activities.orgId, tasks.orgId), eq(activities.id, tasks.activityId));
export const campaignOfTask = and(eq(campaigns.orgId, tasks.orgId), eq(campaigns.id, tasks.campaignId));
export const unitOfAssignment = and(eq(units.orgId, assignments.orgId), eq(units.id, assignments.unitId));

/** The per-unit override when there is one, else the task's deadline. */
export const effectiveDeadline = sql<Date>`coalesce(${assignments.deadline}, ${tasks.deadline})`;

/** SQL twin of lib/reach/rules ackDueAt(): publication plus the task's 签收时限, else the township's. */
export const ackDueAt = (defaultHours: number) =>
  sql<Date>`(${assignments.publishedAt} + coalesce(${tasks.ackLimitHours}, ${defaultHours}::int) * interval '1 hour')`;

/** SQL twin of lib/reach/rules isAckLate(): published, still pending, not signed for, and the limit gone by. */
export function ackLateCondition(defaultHours: number, now: Date): SQL {
  return and(
    eq(assignments.status, "pending"),
    isNull(assignments.acknowledgedAt),
    isNotNull(assignments.publishedAt),
    lte(ackDueAt(defaultHours), sql`${now.toISOString()}::timestamptz`),
  ) as SQL;
}

/** SQL twin of lib/status isOverdue(): open work past its deadline. */
export function overdueCondition(now: Date): SQL {
  return and(inArray(assignments.status, [...OPEN_STATUSES]), lt(effectiveDeadline, sql`${now.toISOString()}::timestamptz`)) as SQL;
}

export interface StatusCounts {
  total: number;
  pending: number;
  submitted: number;
  approved: number;
  returned: number;
  overdue: number;
}

/** Assignments counted by stored status, plus the derived overdue count. */
export const statusCountColumns = (now: Date) => ({
  total: count(),
  pending: sql<number>`count(*) filter (where ${assignments.status} = 'pending')`.mapWith(Number),
  submitted: sql<number>`count(*) filter (where ${assignments.status} = 'submitted')`.mapWith(Number),
  approved: sql<number>`count(*) filter (where ${assignments.status} = 'approved')`.mapWith(Number),
  returned: sql<number>`count(*) filter (where ${assignments.status} = 'returned')`.mapWith(Number),
  overdue: sql<number>`count(*) filter (where ${overdueCondition(now)})`.mapWith(Number),
});

