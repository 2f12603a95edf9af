import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { notifyUnitLiaisons } from "@/db/notify";
import { assignmentScope, effectiveDeadline, taskOfAssignment } from "@/db/queries/scope";
import { assignmentEvents, assignments, extensionRequests, tasks } from "@/db/schema";
import { requireOpenAssignment } from "./campaign-open";
import { ActionError, defineCommand, type ActionContext } from "@/lib/auth/action-core";
import { endOfShanghaiDay, isCalendarDay, shanghaiDay } from "@/lib/deadline-day";

/**
 * The pending request with its assignment, in the caller's scope. Decided
 * already → conflict, so two leaders deciding at once never both win.
 */
async function pendingRequest(ctx: ActionContext, requestId: string) {
  const [row] = await ctx.tx
    .select({
      status: extensionRequests.status,
      requestedDeadline: extensionRequests.requestedDeadline,
      assignmentId: assignments.id,
      assignmentStatus: assignments.status,
      assignmentVersion: assignments.version,
      overrideDeadline: assignments.deadline,
      currentDeadline: effectiveDeadline,
      unitId: assignments.unitId,
      taskTitle: tasks.title,
    })
    .from(extensionRequests)
    .innerJoin(
      assignments,
      and(eq(assignments.orgId, extensionRequests.orgId), eq(assignments.id, extensionRequests.assignmentId)),
    )
    .innerJoin(tasks, taskOfAssignment)
    .where(and(assignmentScope(ctx), eq(extensionRequests.orgId, ctx.orgId), eq(extensionRequests.id, requestId)));
  if (!row) throw new ActionError("not_found", "未找到该延期申请");
  if (row.status !== "pending") throw new ActionError("conflict", "该延期申请已被处理，请刷新后查看");
  return { ...row, currentDeadline: new Date(row.currentDeadline) };
}

/** Marks the request decided, only if it is still pending (the race guard). */
async function decide(
  ctx: ActionContext,
  requestId: string,
  values: { status: "approved" | "denied"; grantedDeadline?: Date; decisionReason?: string },
  at: Date,
) {
  const [updated] = await ctx.tx
    .update(extensionRequests)
    .set({ ...values, decidedBy: ctx.userId, decidedAt: at })
    .where(
      and(
        eq(extensionRequests.orgId, ctx.orgId),
        eq(extensionRequests.id, requestId),
        eq(extensionRequests.status, "pending"),
      ),
    )
    .returning({ id: extensionRequests.id });
  if (!updated) throw new ActionError("conflict", "该延期申请已被处理，请刷新后查看");
}

const optionalDay = z.preprocess(
  (value) => (value === "" || value === null ? undefined : value),
  z
    .string()
    .refine(isCalendarDay, "请选择有效的日期")
    .refine((day) => day >= shanghaiDay(new Date()), "新的截止日期不能早于今天")
    .optional(),
);

/**
 * 批准延期: gives the unit a new deadline for this assignment (the per-unit
 * override), bumps its version, and notes the change on its timeline.
 */
export const approveExtension = defineCommand(
  {
    name: "extension.approve",
    permission: "extension.decide",
    schema: z.object({ requestId: z.uuid(), newDeadline: optionalDay }),
  },
  async ({ requestId, newDeadline }, ctx) => {
    const request = await pendingRequest(ctx, requestId);
    await requireOpenAssignment(ctx, request.assignmentId);
    if (request.assignmentStatus === "approved") {
      throw new ActionError("conflict", "该任务已审核通过，无需延期");
    }
    const now = new Date();
    const day = newDeadline ?? shanghaiDay(request.requestedDeadline);
    if (day < shanghaiDay(now)) throw new ActionError("invalid", "申请的日期已过，请选择新的截止日期");
    const granted = endOfShanghaiDay(day);

    await decide(ctx, requestId, { status: "approved", grantedDeadline: granted }, now);
    const [updated] = await ctx.tx
      .update(assignments)
      .set({ deadline: granted, version: sql`${assignments.version} + 1`, updatedAt: now })
      .where(
        and(
          assignmentScope(ctx),
          eq(assignments.id, request.assignmentId),
          eq(assignments.version, request.assignmentVersion),
        ),
      )
      .returning({ version: assignments.version });
    if (!updated) throw new ActionError("conflict", "该任务已被他人处理，请刷新后重试");

    // The status does not change; a same-status event keeps the new deadline visible on the timeline.
    await ctx.tx.insert(assignmentEvents).values({
      orgId: ctx.orgId,
      assignmentId: request.assignmentId,
      fromStatus: request.assignmentStatus,
      toStatus: request.assignmentStatus,
      actorUserId: ctx.userId,
      reason: `延期至 ${day}`,
      createdAt: now,
    });
    await notifyUnitLiaisons(ctx.tx, ctx.orgId, [request.unitId], {
      kind: "extension_decided",
      title: `延期申请已批准：${request.taskTitle}`,
      body: `新的截止日期：${day}`,
      link: `/tasks/${request.assignmentId}`,
    });

    return {
      data: { grantedDeadline: granted },
      audit: [
        {
          action: "extension.approve",
          entityType: "extension_request",
          entityId: requestId,
          before: { status: "pending" },
          after: { status: "approved", grantedDeadline: granted.toISOString() },
        },
        {
          action: "assignment.deadline",
          entityType: "assignment",
          entityId: request.assignmentId,
          before: { deadline: request.currentDeadline.toISOString(), version: request.assignmentVersion },
          after: { deadline: granted.toISOString(), version: updated.version, extensionRequestId: requestId },
        },
      ],
    };
  },
);

/** 驳回延期: the deadline stays; the unit is told why. */
export const denyExtension = defineCommand(
  {
    name: "extension.deny",
    permission: "extension.decide",
    schema: z.object({
      requestId: z.uuid(),
      reason: z.string().trim().min(2, "请填写驳回原因（至少 2 个字）").max(500, "驳回原因不能超过 500 个字"),
    }),
  },
  async ({ requestId, reason }, ctx) => {
    const request = await pendingRequest(ctx, requestId);
    await decide(ctx, requestId, { status: "denied", decisionReason: reason }, new Date());
    await notifyUnitLiaisons(ctx.tx, ctx.orgId, [request.unitId], {
      kind: "extension_decided",
      title: `延期申请未获批准：${request.taskTitle}`,
      body: `原因：${reason}。请按原截止日期（${shanghaiDay(request.currentDeadline)}）完成。`,
      link: `/tasks/${request.assignmentId}`,
    });
    return {
      data: { denied: 1 },
      audit: [
        {
          action: "extension.deny",
          entityType: "extension_request",
          entityId: requestId,
          before: { status: "pending" },
          after: { status: "denied", decisionReason: reason },
        },
      ],
    };
  },
);
