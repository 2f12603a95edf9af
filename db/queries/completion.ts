import "server-only";
import { and, arrayOverlaps, asc, eq, inArray, sql } from "drizzle-orm";
import type { DashboardFilters } from "@/lib/dashboard-filters";
import { groupFigures, type FigureRow } from "@/lib/completion";
import { assignments, hazards, submissionFigureValues, submissions, taskFigures, tasks, units } from "../schema";
import type { QueryContext } from "./context";
import { dashboardFilterConditions } from "./dashboard-scope";
import { assignmentScope, taskOfAssignment, unitOfAssignment } from "./scope";

/**
 * The reported figures of some activities summed against their targets.
 *
 * Which submissions count: only approved ones (submissions.decision =
 * 'approved'). An assignment has at most one, and a figure a reviewer has not
 * accepted is not yet the township's figure. Targets are the task's
 * township-wide target; a task is listed only when it applies to a unit kind
 * in the filter.
 *
 * One statement: the approved values grouped per figure in a derived table
 * (submission_figure_values primary key / submissions_org_assignment_idx,
 * assignments and tasks by primary key), joined to the figures of the
 * activities' tasks (tasks_org_activity_idx, task_figures_org_task_idx).
 */
export async function activityFigures(
  ctx: QueryContext,
  campaignId: string,
  activityIds: string[],
  filters: DashboardFilters = {},
) {
  if (activityIds.length === 0) return new Map<string, ReturnType<typeof groupFigures>>();
  const reported = ctx.db
    .select({
      figureId: submissionFigureValues.figureId,
      reported: sql<string>`sum(${submissionFigureValues.value})`.as("reported"),
      reporting: sql<number>`count(*)`.mapWith(Number).as("reporting"),
    })
    .from(submissionFigureValues)
    .innerJoin(
      submissions,
      and(eq(submissions.orgId, submissionFigureValues.orgId), eq(submissions.id, submissionFigureValues.submissionId)),
    )
    .innerJoin(assignments, and(eq(assignments.orgId, submissions.orgId), eq(assignments.id, submissions.assignmentId)))
    .innerJoin(tasks, taskOfAssignment)
    .innerJoin(units, unitOfAssignment)
    .where(
      and(
        eq(submissionFigureValues.orgId, ctx.orgId),
        assignmentScope(ctx),
        eq(submissions.decision, "approved"),
        eq(tasks.campaignId, campaignId),
        inArray(tasks.activityId, activityIds),
        ...dashboardFilterConditions(filters),
      ),
    )
    .groupBy(submissionFigureValues.figureId)
    .as("reported");

  const rows: FigureRow[] = await ctx.db
    .select({
      activityId: tasks.activityId,
      taskId: tasks.id,
      seriesId: tasks.seriesId,
      taskTitle: tasks.title,
      figurePosition: taskFigures.position,
      name: taskFigures.name,
      measureUnit: taskFigures.measureUnit,
      target: taskFigures.target,
      reported: reported.reported,
      reporting: reported.reporting,
    })
    .from(taskFigures)
    .innerJoin(tasks, and(eq(tasks.orgId, taskFigures.orgId), eq(tasks.id, taskFigures.taskId)))
    .leftJoin(reported, eq(reported.figureId, taskFigures.id))
    .where(
      and(
        eq(taskFigures.orgId, ctx.orgId),
        eq(tasks.campaignId, campaignId),
        inArray(tasks.activityId, activityIds),
        filters.phaseId ? eq(tasks.phaseId, filters.phaseId) : undefined,
        filters.unitKinds?.length ? arrayOverlaps(tasks.applicableUnitKinds, filters.unitKinds) : undefined,
      ),
    )
    .orderBy(asc(tasks.position), asc(tasks.deadline), asc(taskFigures.position));
  const byActivity = new Map<string, ReturnType<typeof groupFigures>>();
  for (const id of activityIds) byActivity.set(id, groupFigures(rows.filter((r) => r.activityId === id)));
  return byActivity;
}

/**
 * Hazards found by the activities' assignments (hazards.assignment_id), per
 * activity and unit, by level. One grouped query: hazards_org_assignment_idx
 * joined to assignments and tasks by primary key.
 */
export async function activityHazards(
  ctx: QueryContext,
  campaignId: string,
  activityIds: string[],
  filters: DashboardFilters = {},
) {
  if (activityIds.length === 0) return [];
  return ctx.db
    .select({
      activityId: tasks.activityId,
      unitId: units.id,
      unitName: units.name,
      general: sql<number>`count(*) filter (where ${hazards.level} = 'general')`.mapWith(Number),
      major: sql<number>`count(*) filter (where ${hazards.level} = 'major')`.mapWith(Number),
    })
    .from(hazards)
    .innerJoin(assignments, and(eq(assignments.orgId, hazards.orgId), eq(assignments.id, hazards.assignmentId)))
    .innerJoin(tasks, taskOfAssignment)
    .innerJoin(units, unitOfAssignment)
    .where(
      and(
        eq(hazards.orgId, ctx.orgId),
        assignmentScope(ctx),
        eq(tasks.campaignId, campaignId),
        inArray(tasks.activityId, activityIds),
        ...dashboardFilterConditions(filters),
      ),
    )
    .groupBy(tasks.activityId, units.id, units.name)
    .orderBy(asc(units.name));
}
