import { and, eq } from "drizzle-orm";
import * as q from "@/db/queries/matrix-cell";
import { activities, assignments, tasks } from "@/db/schema";
import type { TenancyCases } from "./case";

export const cases: TenancyCases = {
  // Opens the cell of the first assignment the caller can see (for a liaison: their own unit).
  cellAssignments: async (ctx, { campaignId }) => {
    const [any] = await ctx.db
      .select({ unitId: assignments.unitId, activityId: activities.id })
      .from(assignments)
      .innerJoin(tasks, and(eq(tasks.orgId, assignments.orgId), eq(tasks.id, assignments.taskId)))
      .innerJoin(activities, and(eq(activities.orgId, tasks.orgId), eq(activities.id, tasks.activityId)))
      .where(
        and(
          eq(assignments.orgId, ctx.orgId),
          eq(tasks.campaignId, campaignId),
          ctx.unitId ? eq(assignments.unitId, ctx.unitId) : undefined,
        ),
      )
      .limit(1);
    if (!any) return { ids: [], total: 0 };
    const cell = await q.cellAssignments(ctx, { campaignId, ...any });
    return {
      ids: cell ? [cell.unit.id, cell.activityId, ...cell.assignments.map((a) => a.id)] : [],
      total: cell?.assignments.length ?? 0,
    };
  },
};
