import "server-only";
import { and, asc, count, desc, eq, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import {
  activities,
  assignments,
  campaigns,
  extensionRequests,
  submissionFigureValues,
  submissions,
  taskFigures,
  tasks,
  units,
  unitKind,
  users,
} from "../schema";
import type { QueryContext } from "./context";
import {
  activityOfTask,
  assignmentScope,
  campaignOfTask,
  effectiveDeadline,
  taskOfAssignment,
  unitOfAssignment,
} from "./scope";

export type UnitKind = (typeof unitKind.enumValues)[number];

export interface ReviewQueueOptions {
  campaignId?: string;
  unitKind?: UnitKind;
  limit?: number;
}

export interface ReviewFigure {
  figureId: string;
  name: string;
  measureUnit: string;
  target: string | null;
  value: string;
}

export interface ReviewSubmission {
  id: string;
  note: string;
  submittedAt: Date;
  submitterName: string;
  figures: ReviewFigure[];
}

/**
 * Submitted work waiting for a decision, oldest submission first, each with
 * the version the reviewer acts on and the latest submission (note, figures).
 */
export async function listReviewQueue(ctx: QueryContext, options: ReviewQueueOptions = {}) {
  if (options.campaignId !== undefined && !z.uuid().safeParse(options.campaignId).success) return [];
  const rows = await ctx.db
    .select({
      id: assignments.id,
      version: assignments.version,
      submittedAt: assignments.submittedAt,
      deadline: effectiveDeadline,
      unitId: units.id,
      unitName: units.name,
      unitKind: units.kind,
      taskId: tasks.id,
      taskTitle: tasks.title,
      evidenceRequired: tasks.evidenceRequired,
      activityTitle: activities.title,
      campaignId: campaigns.id,
      campaignName: campaigns.name,
    })
    .from(assignments)
    .innerJoin(tasks, taskOfAssignment)
    .innerJoin(activities, activityOfTask)
    .innerJoin(campaigns, campaignOfTask)
    .innerJoin(units, unitOfAssignment)
    .where(
      and(
        assignmentScope(ctx),
        eq(assignments.status, "submitted"),
        options.campaignId ? eq(campaigns.id, options.campaignId) : undefined,
        options.unitKind ? eq(units.kind, options.unitKind) : undefined,
      ),
    )
    .orderBy(sql`${assignments.submittedAt} asc nulls last`, asc(assignments.id))
    .limit(Math.min(options.limit ?? 200, 1000));

  const latest = await latestSubmissions(
    ctx,
    rows.map((r) => r.id),
  );
  return rows.map((row) => ({ ...row, deadline: new Date(row.deadline), submission: latest.get(row.id) ?? null }));
}

export type ReviewQueueItem = Awaited<ReturnType<typeof listReviewQueue>>[number];

/** The newest submission of each assignment (which the caller may see), with its figures. */
async function latestSubmissions(ctx: QueryContext, assignmentIds: string[]): Promise<Map<string, ReviewSubmission>> {
  if (assignmentIds.length === 0) return new Map();
  const subs = await ctx.db
    .selectDistinctOn([submissions.assignmentId], {
      id: submissions.id,
      assignmentId: submissions.assignmentId,
      note: submissions.note,
      submittedAt: submissions.submittedAt,
      submitterName: users.displayName,
    })
    .from(submissions)
    .innerJoin(assignments, and(eq(assignments.orgId, submissions.orgId), eq(assignments.id, submissions.assignmentId)))
    .innerJoin(users, eq(users.id, submissions.submittedBy))
    .where(and(assignmentScope(ctx), eq(submissions.orgId, ctx.orgId), inArray(submissions.assignmentId, assignmentIds)))
    .orderBy(submissions.assignmentId, desc(submissions.submittedAt));
  if (subs.length === 0) return new Map();

  const figures = await ctx.db
    .select({
      submissionId: submissionFigureValues.submissionId,
      figureId: taskFigures.id,
      name: taskFigures.name,
      measureUnit: taskFigures.measureUnit,
      target: taskFigures.target,
      value: submissionFigureValues.value,
    })
    .from(submissionFigureValues)
    .innerJoin(
      taskFigures,
      and(eq(taskFigures.orgId, submissionFigureValues.orgId), eq(taskFigures.id, submissionFigureValues.figureId)),
    )
    .where(
      and(
        eq(submissionFigureValues.orgId, ctx.orgId),
        inArray(
          submissionFigureValues.submissionId,
          subs.map((s) => s.id),
        ),
      ),
    )
    .orderBy(asc(taskFigures.position), asc(taskFigures.name));

  const bySubmission = new Map<string, ReviewFigure[]>();
  for (const { submissionId, ...figure } of figures) {
    const list = bySubmission.get(submissionId) ?? [];
    list.push(figure);
    bySubmission.set(submissionId, list);
  }
  return new Map(
    subs.map(({ assignmentId, ...s }) => [assignmentId, { ...s, figures: bySubmission.get(s.id) ?? [] }]),
  );
}

/** 延期申请 waiting for a decision, oldest first, with the deadline that applies today. */
export async function listPendingExtensions(ctx: QueryContext) {
  const rows = await ctx.db
    .select({
      id: extensionRequests.id,
      assignmentId: assignments.id,
      assignmentStatus: assignments.status,
      requestedDeadline: extensionRequests.requestedDeadline,
      reason: extensionRequests.reason,
      createdAt: extensionRequests.createdAt,
      requesterName: users.displayName,
      currentDeadline: effectiveDeadline,
      taskTitle: tasks.title,
      campaignName: campaigns.name,
      unitName: units.name,
      unitKind: units.kind,
    })
    .from(extensionRequests)
    .innerJoin(
      assignments,
      and(eq(assignments.orgId, extensionRequests.orgId), eq(assignments.id, extensionRequests.assignmentId)),
    )
    .innerJoin(tasks, taskOfAssignment)
    .innerJoin(campaigns, campaignOfTask)
    .innerJoin(units, unitOfAssignment)
    .innerJoin(users, eq(users.id, extensionRequests.requestedBy))
    .where(and(assignmentScope(ctx), eq(extensionRequests.orgId, ctx.orgId), eq(extensionRequests.status, "pending")))
    .orderBy(asc(extensionRequests.createdAt), asc(extensionRequests.id));
  return rows.map((row) => ({ ...row, currentDeadline: new Date(row.currentDeadline) }));
}

export type PendingExtension = Awaited<ReturnType<typeof listPendingExtensions>>[number];

/** How much is waiting for a reviewer: submissions and extension requests. */
export async function reviewQueueCount(ctx: QueryContext): Promise<{ submissions: number; extensions: number }> {
  const [[queued], [pending]] = await Promise.all([
    ctx.db
      .select({ n: count() })
      .from(assignments)
      .where(and(assignmentScope(ctx), eq(assignments.status, "submitted"))),
    ctx.db
      .select({ n: count() })
      .from(extensionRequests)
      .innerJoin(
        assignments,
        and(eq(assignments.orgId, extensionRequests.orgId), eq(assignments.id, extensionRequests.assignmentId)),
      )
      .where(and(assignmentScope(ctx), eq(extensionRequests.orgId, ctx.orgId), eq(extensionRequests.status, "pending"))),
  ]);
  return { submissions: queued?.n ?? 0, extensions: pending?.n ?? 0 };
}
