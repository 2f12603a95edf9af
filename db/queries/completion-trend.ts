import "server-only";
import { and, count, eq, sql } from "drizzle-orm";
import type { DashboardFilters } from "@/lib/dashboard-filters";
import { TIME_ZONE } from "@/lib/dates";
import { assignmentEvents, assignments, tasks, units } from "../schema";
import type { QueryContext } from "./context";
import { dashboardFilterConditions } from "./dashboard-scope";
import { assignmentScope, taskOfAssignment, unitOfAssignment } from "./scope";

/**
 * How many of the campaign's assignments were approved for the first time on
 * each day (Beijing time), from the timeline (assignment_events with
 * to_status = 'approved'). Two grouped levels in one statement: first approval
 * per assignment (assignment_events_org_assignment_idx), then per day.
 */
export async function approvalsPerDay(ctx: QueryContext, campaignId: string, filters: DashboardFilters = {}) {
  const firsts = ctx.db
    .select({
      assignmentId: assignmentEvents.assignmentId,
      firstAt: sql<Date>`min(${assignmentEvents.createdAt})`.as("first_at"),
    })
    .from(assignmentEvents)
    .innerJoin(
      assignments,
      and(eq(assignments.orgId, assignmentEvents.orgId), eq(assignments.id, assignmentEvents.assignmentId)),
    )
    .innerJoin(tasks, taskOfAssignment)
    .innerJoin(units, unitOfAssignment)
    .where(
      and(
        eq(assignmentEvents.orgId, ctx.orgId),
        assignmentScope(ctx),
        eq(assignmentEvents.toStatus, "approved"),
        eq(tasks.campaignId, campaignId),
        ...dashboardFilterConditions(filters),
      ),
    )
    .groupBy(assignmentEvents.assignmentId)
    .as("firsts");
  const day = sql<string>`to_char(${firsts.firstAt} at time zone ${sql.raw(`'${TIME_ZONE}'`)}, 'YYYY-MM-DD')`;
  return ctx.db.select({ day, approved: count() }).from(firsts).groupBy(day).orderBy(day);
}
