import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { DashboardFilters } from "@/lib/dashboard-filters";
import { rankUnits } from "@/lib/ranking";
import { assignmentEvents, assignments, tasks, units } from "../schema";
import type { QueryContext } from "./context";
import { dashboardFilterConditions } from "./dashboard-scope";
import { assignmentScope, effectiveDeadline, overdueCondition, taskOfAssignment, unitOfAssignment } from "./scope";

const countWhere = (condition: ReturnType<typeof sql>) => sql<number>`count(*) filter (where ${condition})`.mapWith(Number);

/**
 * The 考核 ranking of one campaign: per unit, due / on-time / late / returned /
 * overdue counts in one grouped statement, then scored by lib/ranking.
 * Returns come from a derived table of returned events per assignment
 * (assignment_events_org_assignment_idx); the assignments from
 * tasks_org_campaign_idx → assignments_org_task_unit_key.
 */
export async function unitRanking(ctx: QueryContext, campaignId: string, now: Date, filters: DashboardFilters = {}) {
  const returned = ctx.db
    .select({
      assignmentId: assignmentEvents.assignmentId,
      returns: sql<number>`count(*)`.as("returns"),
    })
    .from(assignmentEvents)
    .where(and(eq(assignmentEvents.orgId, ctx.orgId), eq(assignmentEvents.toStatus, "returned")))
    .groupBy(assignmentEvents.assignmentId)
    .as("returned");
  const nowSql = sql`${now.toISOString()}::timestamptz`;
  const approved = sql`${assignments.status} = 'approved'`;

  const rows = await ctx.db
    .select({
      unitId: units.id,
      unitName: units.name,
      unitKind: units.kind,
      total: sql<number>`count(*)`.mapWith(Number),
      due: countWhere(sql`${effectiveDeadline} < ${nowSql} or ${approved}`),
      onTime: countWhere(sql`${approved} and ${assignments.submittedAt} <= ${effectiveDeadline}`),
      late: countWhere(sql`${approved} and ${assignments.submittedAt} > ${effectiveDeadline}`),
      returns: sql<number>`coalesce(sum(${returned.returns}), 0)`.mapWith(Number),
      overdue: countWhere(overdueCondition(now)),
    })
    .from(assignments)
    .innerJoin(tasks, taskOfAssignment)
    .innerJoin(units, unitOfAssignment)
    .leftJoin(returned, eq(returned.assignmentId, assignments.id))
    .where(and(assignmentScope(ctx), eq(tasks.campaignId, campaignId), ...dashboardFilterConditions(filters)))
    .groupBy(units.id, units.name, units.kind);
  return rankUnits(rows);
}
