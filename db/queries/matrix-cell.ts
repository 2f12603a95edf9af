import "server-only";
import { and, asc, eq } from "drizzle-orm";
import { z } from "zod";
import type { DashboardFilters } from "@/lib/dashboard-filters";
import { activities, assignments, campaigns, tasks, units } from "../schema";
import type { QueryContext } from "./context";
import { dashboardFilterConditions } from "./dashboard-scope";
import { assignmentScope, effectiveDeadline, taskOfAssignment } from "./scope";

const cellKey = z.object({ campaignId: z.uuid(), unitId: z.uuid(), activityId: z.uuid() });

/**
 * One cell of the heat-map opened: a unit's assignments in one activity of a
 * campaign, earliest deadline first. Null when any id is malformed or not the
 * caller's township's (the activity must belong to the campaign), so the page
 * answers 404. The phase filter carries over from the dashboard; the unit-kind
 * filter does not apply to a single unit.
 * Indexes: the primary keys (org_id, id) for the three lookups, then
 * tasks_org_activity_idx and assignments_org_task_unit_key.
 */
export async function cellAssignments(
  ctx: QueryContext,
  key: { campaignId: string; unitId: string; activityId: string },
  filters: Pick<DashboardFilters, "phaseId"> = {},
) {
  const parsed = cellKey.safeParse(key);
  if (!parsed.success) return null;
  const { campaignId, unitId, activityId } = parsed.data;

  const [[head], [unit]] = await Promise.all([
    ctx.db
      .select({
        campaignName: campaigns.name,
        activityCode: activities.code,
        activityTitle: activities.title,
      })
      .from(activities)
      .innerJoin(campaigns, and(eq(campaigns.orgId, activities.orgId), eq(campaigns.id, activities.campaignId)))
      .where(and(eq(activities.orgId, ctx.orgId), eq(activities.id, activityId), eq(activities.campaignId, campaignId)))
      .limit(1),
    ctx.db
      .select({ id: units.id, name: units.name, kind: units.kind })
      .from(units)
      .where(and(eq(units.orgId, ctx.orgId), eq(units.id, unitId)))
      .limit(1),
  ]);
  if (!head || !unit) return null;

  const rows = await ctx.db
    .select({
      id: assignments.id,
      status: assignments.status,
      deadline: effectiveDeadline,
      submittedAt: assignments.submittedAt,
      approvedAt: assignments.approvedAt,
      taskTitle: tasks.title,
    })
    .from(assignments)
    .innerJoin(tasks, taskOfAssignment)
    .where(
      and(
        assignmentScope(ctx),
        eq(assignments.unitId, unit.id),
        eq(tasks.campaignId, campaignId),
        eq(tasks.activityId, activityId),
        ...dashboardFilterConditions({ phaseId: filters.phaseId }),
      ),
    )
    .orderBy(asc(effectiveDeadline), asc(tasks.position));
  return {
    ...head,
    campaignId,
    activityId,
    unit,
    assignments: rows.map((r) => ({ ...r, deadline: new Date(r.deadline) })),
  };
}
