import "server-only";
import { and, asc, eq } from "drizzle-orm";
import { z } from "zod";
import { activities, assignmentEvents, assignments, campaigns, submissions, tasks, units, users } from "../schema";
import type { QueryContext } from "./context";
import {
  activityOfTask,
  assignmentScope,
  campaignOfTask,
  effectiveDeadline,
  taskOfAssignment,
  unitOfAssignment,
} from "./scope";

const listColumns = {
  id: assignments.id,
  status: assignments.status,
  deadline: effectiveDeadline,
  acknowledgedAt: assignments.acknowledgedAt,
  taskTitle: tasks.title,
  activityTitle: activities.title,
  campaignId: campaigns.id,
  campaignName: campaigns.name,
  unitName: units.name,
};

export type AssignmentListItem = Awaited<ReturnType<typeof listAssignments>>[number];

/** The caller's assignments (a liaison: their unit's only), earliest deadline first. */
export async function listAssignments(ctx: QueryContext, options: { limit?: number } = {}) {
  const rows = await ctx.db
    .select(listColumns)
    .from(assignments)
    .innerJoin(tasks, taskOfAssignment)
    .innerJoin(activities, activityOfTask)
    .innerJoin(campaigns, campaignOfTask)
    .innerJoin(units, unitOfAssignment)
    .where(and(assignmentScope(ctx), eq(campaigns.status, "active")))
    .orderBy(asc(effectiveDeadline), asc(tasks.position))
    .limit(options.limit ?? 500);
  return rows.map((row) => ({ ...row, deadline: new Date(row.deadline) }));
}

/** One assignment with its task, history and submissions; null when it is not the caller's to see. */
export async function getAssignmentDetail(ctx: QueryContext, assignmentId: string) {
  if (!z.uuid().safeParse(assignmentId).success) return null;
  const [row] = await ctx.db
    .select({
      ...listColumns,
      version: assignments.version,
      unitId: assignments.unitId,
      taskDescription: tasks.description,
      evidenceRequired: tasks.evidenceRequired,
    })
    .from(assignments)
    .innerJoin(tasks, taskOfAssignment)
    .innerJoin(activities, activityOfTask)
    .innerJoin(campaigns, campaignOfTask)
    .innerJoin(units, unitOfAssignment)
    .where(and(assignmentScope(ctx), eq(assignments.id, assignmentId)))
    .limit(1);
  if (!row) return null;

  const [events, submissionRows] = await Promise.all([
    ctx.db
      .select({
        id: assignmentEvents.id,
        fromStatus: assignmentEvents.fromStatus,
        toStatus: assignmentEvents.toStatus,
        reason: assignmentEvents.reason,
        createdAt: assignmentEvents.createdAt,
        actorName: users.displayName,
      })
      .from(assignmentEvents)
      .leftJoin(users, eq(users.id, assignmentEvents.actorUserId))
      .where(and(eq(assignmentEvents.orgId, ctx.orgId), eq(assignmentEvents.assignmentId, row.id)))
      .orderBy(asc(assignmentEvents.createdAt)),
    ctx.db
      .select({
        id: submissions.id,
        note: submissions.note,
        submittedAt: submissions.submittedAt,
        decision: submissions.decision,
        reviewedAt: submissions.reviewedAt,
        returnReason: submissions.returnReason,
      })
      .from(submissions)
      .where(and(eq(submissions.orgId, ctx.orgId), eq(submissions.assignmentId, row.id)))
      .orderBy(asc(submissions.submittedAt)),
  ]);
  return { ...row, deadline: new Date(row.deadline), events, submissions: submissionRows };
}

export type AssignmentDetail = NonNullable<Awaited<ReturnType<typeof getAssignmentDetail>>>;
