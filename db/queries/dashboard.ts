import "server-only";
import { and, asc, eq } from "drizzle-orm";
import type { DashboardFilters } from "@/lib/dashboard-filters";
import { assignments, phases, tasks, units } from "../schema";
import type { QueryContext } from "./context";
import { dashboardFilterConditions } from "./dashboard-scope";
import {
  assignmentScope,
  effectiveDeadline,
  overdueCondition,
  statusCountColumns,
  taskOfAssignment,
  unitOfAssignment,
} from "./scope";

/**
 * Per unit: its assignments in the campaign counted by status, the laggards
 * first. One grouped query (tasks_org_campaign_idx → assignments_org_task_unit_key).
 */
export async function unitProgress(ctx: QueryContext, campaignId: string, now = new Date(), filters: DashboardFilters = {}) {
  const rows = await ctx.db
    .select({ unitId: units.id, unitName: units.name, unitKind: units.kind, ...statusCountColumns(now) })
    .from(assignments)
    .innerJoin(tasks, taskOfAssignment)
    .innerJoin(units, unitOfAssignment)
    .where(and(assignmentScope(ctx), eq(tasks.campaignId, campaignId), ...dashboardFilterConditions(filters)))
    .groupBy(units.id, units.name, units.kind);
  return rows.sort((a, b) => b.overdue - a.overdue || a.approved / a.total - b.approved / b.total);
}

/** Open work past its deadline, oldest deadline first. */
export async function overdueAssignments(
  ctx: QueryContext,
  campaignId: string,
  now = new Date(),
  limit = 20,
  filters: DashboardFilters = {},
) {
  const rows = await ctx.db
    .select({
      id: assignments.id,
      status: assignments.status,
      deadline: effectiveDeadline,
      taskTitle: tasks.title,
      unitName: units.name,
    })
    .from(assignments)
    .innerJoin(tasks, taskOfAssignment)
    .innerJoin(units, unitOfAssignment)
    .where(
      and(
        assignmentScope(ctx),
        eq(tasks.campaignId, campaignId),
        overdueCondition(now),
        ...dashboardFilterConditions(filters),
      ),
    )
    .orderBy(asc(effectiveDeadline))
    .limit(limit);
  return rows.map((row) => ({ ...row, deadline: new Date(row.deadline) }));
}

/** The phases of a campaign, for the phase filter (phases_org_campaign_idx). */
export async function campaignPhases(ctx: QueryContext, campaignId: string) {
  return ctx.db
    .select({ id: phases.id, name: phases.name, startsOn: phases.startsOn, endsOn: phases.endsOn })
    .from(phases)
    .where(and(eq(phases.orgId, ctx.orgId), eq(phases.campaignId, campaignId)))
    .orderBy(asc(phases.position));
}
