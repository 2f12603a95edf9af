import "server-only";
import { and, asc, desc, eq, inArray, ne } from "drizzle-orm";
import { z } from "zod";
import {
  activities,
  assignmentEvents,
  assignments,
  campaigns,
  extensionRequests,
  submissionFigureValues,
  submissions,
  taskFigures,
  tasks,
  units,
  users,
} from "../schema";
import type { QueryContext } from "./context";
import { listSubmissionFiles } from "./evidence";
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
  campaignStatus: campaigns.status,
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
      taskId: assignments.taskId,
      taskDescription: tasks.description,
      evidenceRequired: tasks.evidenceRequired,
      publishedAt: assignments.publishedAt,
      /** The task's 签收时限 in hours; null: the township's default. */
      ackLimitHours: tasks.ackLimitHours,
    })
    .from(assignments)
    .innerJoin(tasks, taskOfAssignment)
    .innerJoin(activities, activityOfTask)
    .innerJoin(campaigns, campaignOfTask)
    .innerJoin(units, unitOfAssignment)
    // A draft campaign is not issued yet: its units do not see it.
    .where(and(assignmentScope(ctx), eq(assignments.id, assignmentId), ctx.role === "liaison" ? ne(campaigns.status, "draft") : undefined))
    .limit(1);
  if (!row) return null;

  const [events, submissionRows, figures, extensions] = await Promise.all([
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
        submittedByName: users.displayName,
        decision: submissions.decision,
        reviewedAt: submissions.reviewedAt,
        returnReason: submissions.returnReason,
      })
      .from(submissions)
      .leftJoin(users, eq(users.id, submissions.submittedBy))
      .where(and(eq(submissions.orgId, ctx.orgId), eq(submissions.assignmentId, row.id)))
      .orderBy(asc(submissions.submittedAt)),
    ctx.db
      .select({ id: taskFigures.id, name: taskFigures.name, measureUnit: taskFigures.measureUnit, target: taskFigures.target })
      .from(taskFigures)
      .where(and(eq(taskFigures.orgId, ctx.orgId), eq(taskFigures.taskId, row.taskId)))
      .orderBy(asc(taskFigures.position)),
    ctx.db
      .select({
        id: extensionRequests.id,
        requestedDeadline: extensionRequests.requestedDeadline,
        reason: extensionRequests.reason,
        status: extensionRequests.status,
        decidedAt: extensionRequests.decidedAt,
        grantedDeadline: extensionRequests.grantedDeadline,
        decisionReason: extensionRequests.decisionReason,
        createdAt: extensionRequests.createdAt,
      })
      .from(extensionRequests)
      .where(and(eq(extensionRequests.orgId, ctx.orgId), eq(extensionRequests.assignmentId, row.id)))
      .orderBy(desc(extensionRequests.createdAt)),
  ]);

  const submissionIds = submissionRows.map((s) => s.id);
  const [evidence, values] = await Promise.all([
    listSubmissionFiles(ctx, submissionIds),
    submissionIds.length === 0
      ? []
      : ctx.db
          .select({
            submissionId: submissionFigureValues.submissionId,
            figureId: submissionFigureValues.figureId,
            value: submissionFigureValues.value,
          })
          .from(submissionFigureValues)
          .where(and(eq(submissionFigureValues.orgId, ctx.orgId), inArray(submissionFigureValues.submissionId, submissionIds))),
  ]);
  const figureById = new Map(figures.map((f) => [f.id, f]));
  const withEvidence = submissionRows.map((s) => ({
    ...s,
    files: evidence.filter((f) => f.submissionId === s.id),
    figureValues: values
      .filter((v) => v.submissionId === s.id)
      .flatMap((v) => {
        const figure = figureById.get(v.figureId);
        return figure ? [{ ...figure, value: Number(v.value) }] : [];
      }),
  }));
  return {
    ...row,
    deadline: new Date(row.deadline),
    events,
    submissions: withEvidence,
    figures: figures.map((f) => ({ ...f, target: f.target === null ? null : Number(f.target) })),
    extensionRequests: extensions,
  };
}

export type AssignmentDetail = NonNullable<Awaited<ReturnType<typeof getAssignmentDetail>>>;
