import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { AuditEntry } from "@/db/audit";
import { assignmentEvents, assignments } from "@/db/schema";
import { assignmentScope } from "@/db/queries/scope";
import { ActionError, type ActionContext } from "@/lib/auth/action-core";
import { requireOpenAssignment } from "./campaign-open";
import { nextStatus, type AssignmentStatus, type AssignmentTransition } from "@/lib/status";

export interface TransitionResult {
  id: string;
  taskId: string;
  unitId: string;
  from: AssignmentStatus;
  to: AssignmentStatus;
  version: number;
  audit: AuditEntry;
}

/**
 * Moves one assignment along lib/status's rules, with optimistic concurrency:
 * the update only applies if status and version are still what was read (and
 * what the caller saw, when it passes `expectedVersion`). The loser of a race
 * gets a `conflict`, never a silent overwrite. Writes the timeline event; the
 * caller returns the audit entry.
 */
export async function transitionAssignment(
  ctx: ActionContext,
  args: { assignmentId: string; transition: AssignmentTransition; expectedVersion?: number; reason?: string | null },
): Promise<TransitionResult> {
  const current = await requireOpenAssignment(ctx, args.assignmentId);
  if (args.expectedVersion !== undefined && args.expectedVersion !== current.version) {
    throw new ActionError("conflict", "该任务已被他人处理，请刷新后查看最新状态");
  }
  const to = nextStatus(current.status, args.transition);
  if (!to) throw new ActionError("conflict", "该任务当前状态不允许此操作，请刷新后查看最新状态");

  const now = new Date();
  const [updated] = await ctx.tx
    .update(assignments)
    .set({
      status: to,
      version: sql`${assignments.version} + 1`,
      updatedAt: now,
      ...(to === "submitted" ? { submittedAt: now } : {}),
      ...(to === "approved" ? { approvedAt: now } : {}),
    })
    .where(
      and(
        assignmentScope(ctx),
        eq(assignments.id, args.assignmentId),
        eq(assignments.version, current.version),
        eq(assignments.status, current.status),
      ),
    )
    .returning({ version: assignments.version });
  if (!updated) throw new ActionError("conflict", "该任务已被他人处理，请刷新后查看最新状态");

  await ctx.tx.insert(assignmentEvents).values({
    orgId: ctx.orgId,
    assignmentId: args.assignmentId,
    fromStatus: current.status,
    toStatus: to,
    actorUserId: ctx.userId,
    reason: args.reason ?? null,
    createdAt: now,
  });

  return {
    id: args.assignmentId,
    taskId: current.taskId,
    unitId: current.unitId,
    from: current.status,
    to,
    version: updated.version,
    audit: {
      action: `assignment.${args.transition}`,
      entityType: "assignment",
      entityId: args.assignmentId,
      before: { status: current.status, version: current.version },
      after: { status: to, version: updated.version, reason: args.reason ?? null },
    },
  };
}
