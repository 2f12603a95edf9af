import "server-only";
import { and, desc, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import type { AuditEntry } from "@/db/audit";
import { notifyUnitLiaisons } from "@/db/notify";
import { assignmentScope, taskOfAssignment } from "@/db/queries/scope";
import { assignments, submissions, tasks } from "@/db/schema";
import { ActionError, defineCommand, type ActionContext } from "@/lib/auth/action-core";
import { transitionAssignment, type TransitionResult } from "./transition-assignment";

const MAX_BATCH = 200;

const versioned = z.object({
  assignmentId: z.uuid(),
  version: z.coerce.number().int().positive(),
});

const returnReason = z.string().trim().min(2, "请填写退回原因（至少 2 个字）").max(500, "退回原因不能超过 500 个字");

/** The task titles of the given assignments in the caller's scope, by assignment id. */
async function taskTitles(ctx: ActionContext, ids: string[]): Promise<Map<string, string>> {
  const rows = await ctx.tx
    .select({ id: assignments.id, title: tasks.title })
    .from(assignments)
    .innerJoin(tasks, taskOfAssignment)
    .where(and(assignmentScope(ctx), inArray(assignments.id, ids)));
  return new Map(rows.map((r) => [r.id, r.title]));
}

/**
 * Records the decision on the newest submission of the assignment, the one the
 * reviewer saw. Returns its audit entry; an assignment submitted before
 * submissions were recorded has none to stamp.
 */
async function stampLatestSubmission(
  ctx: ActionContext,
  assignmentId: string,
  decision: "approved" | "returned",
  returnReason: string | null,
  at: Date,
): Promise<AuditEntry[]> {
  const [latest] = await ctx.tx
    .select({ id: submissions.id })
    .from(submissions)
    .where(and(eq(submissions.orgId, ctx.orgId), eq(submissions.assignmentId, assignmentId)))
    .orderBy(desc(submissions.submittedAt))
    .limit(1);
  if (!latest) return [];
  await ctx.tx
    .update(submissions)
    .set({ decision, reviewedBy: ctx.userId, reviewedAt: at, returnReason })
    .where(and(eq(submissions.orgId, ctx.orgId), eq(submissions.id, latest.id)));
  return [
    {
      action: `submission.${decision === "approved" ? "approve" : "return"}`,
      entityType: "submission",
      entityId: latest.id,
      before: { decision: null },
      after: { decision, reviewedAt: at.toISOString(), returnReason },
    },
  ];
}

/**
 * 通过: approves one or many submitted assignments in one transaction. Each
 * carries the version the reviewer saw; if any of them changed meanwhile the
 * whole batch is refused and nothing is approved.
 */
export const approveAssignments = defineCommand(
  {
    name: "assignment.approve",
    permission: "assignment.review",
    schema: z.object({
      items: z
        .array(versioned)
        .min(1, "请至少选择一项")
        .max(MAX_BATCH, `一次最多通过 ${MAX_BATCH} 项`)
        .refine((items) => new Set(items.map((i) => i.assignmentId)).size === items.length, "同一任务不能重复提交"),
    }),
  },
  async ({ items }, ctx) => {
    // A fixed lock order, so two overlapping batches on PostgreSQL wait for each other instead of deadlocking.
    const ordered = [...items].sort((a, b) => a.assignmentId.localeCompare(b.assignmentId));
    const titles = await taskTitles(
      ctx,
      ordered.map((i) => i.assignmentId),
    );
    if (titles.size !== ordered.length) throw new ActionError("not_found", "未找到所选任务中的一项或多项");

    const done: TransitionResult[] = [];
    let changed = 0;
    for (const item of ordered) {
      try {
        done.push(
          await transitionAssignment(ctx, { assignmentId: item.assignmentId, transition: "approve", expectedVersion: item.version }),
        );
      } catch (error) {
        if (!(error instanceof ActionError) || error.code !== "conflict") throw error;
        changed++;
      }
    }
    if (changed > 0) {
      // Throwing rolls back the approvals already made in this transaction.
      throw new ActionError(
        "conflict",
        ordered.length === 1
          ? "该任务已被他人处理或已有变化，请刷新后查看最新状态"
          : `所选 ${ordered.length} 项中有 ${changed} 项已被他人处理或已有变化，本次未通过任何一项，请刷新后重试`,
      );
    }

    const now = new Date();
    const audit: AuditEntry[] = [];
    for (const result of done) {
      audit.push(result.audit, ...(await stampLatestSubmission(ctx, result.id, "approved", null, now)));
      await notifyUnitLiaisons(ctx.tx, ctx.orgId, [result.unitId], {
        kind: "approved",
        title: `任务已通过：${titles.get(result.id) ?? ""}`,
        body: "您提交的佐证材料已审核通过。",
        link: `/tasks/${result.id}`,
      });
    }
    return { data: { approved: done.length }, audit };
  },
);

/** 退回: sends a submitted assignment back to the unit with a required reason. */
export const returnAssignment = defineCommand(
  {
    name: "assignment.return",
    permission: "assignment.review",
    schema: versioned.extend({ reason: returnReason }),
  },
  async ({ assignmentId, version, reason }, ctx) => {
    const result = await transitionAssignment(ctx, { assignmentId, transition: "return", expectedVersion: version, reason });
    const now = new Date();
    const titles = await taskTitles(ctx, [assignmentId]);
    const stamped = await stampLatestSubmission(ctx, assignmentId, "returned", reason, now);
    await notifyUnitLiaisons(ctx.tx, ctx.orgId, [result.unitId], {
      kind: "returned",
      title: `任务被退回：${titles.get(assignmentId) ?? ""}`,
      body: `退回原因：${reason}`,
      link: `/tasks/${assignmentId}`,
    });
    return { data: { returned: 1 }, audit: [result.audit, ...stamped] };
  },
);
