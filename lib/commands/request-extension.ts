import "server-only";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { assignments, extensionRequests, tasks } from "@/db/schema";
import { assignmentScope, effectiveDeadline, taskOfAssignment } from "@/db/queries/scope";
import { requireOpenAssignment } from "./campaign-open";
import { ActionError, defineCommand } from "@/lib/auth/action-core";
import { TIME_ZONE } from "@/lib/dates";

/** A requested date means the end of that day in the township's time (deadlines are 23:59:59 +08:00). */
export function endOfShanghaiDay(date: string): Date {
  return new Date(`${date}T23:59:59+08:00`);
}

const shanghaiDay = (d: Date) => new Intl.DateTimeFormat("en-CA", { timeZone: TIME_ZONE }).format(d);

/** The earliest date the form may offer: today, and after the current deadline's day. */
export function earliestExtensionDate(deadline: Date, now: Date): string {
  const dayAfterDeadline = shanghaiDay(new Date(deadline.getTime() + 24 * 60 * 60 * 1000));
  const today = shanghaiDay(now);
  return dayAfterDeadline > today ? dayAfterDeadline : today;
}

const schema = z.object({
  assignmentId: z.uuid(),
  requestedDeadline: z.iso.date("请选择新的截止日期"),
  reason: z.string().trim().min(2, "请填写延期理由（至少 2 个字）").max(500, "延期理由不能超过 500 字"),
});

/**
 * 延期申请: the unit's liaison asks for a later deadline. A leader decides; until
 * then the request is pending, and only one may be pending per assignment.
 */
export const requestExtension = defineCommand(
  { name: "extension.request", permission: "extension.request", schema },
  async (input, ctx) => {
    await requireOpenAssignment(ctx, input.assignmentId);
    // Locks the assignment row so two simultaneous requests cannot both pass the pending check.
    const [assignment] = await ctx.tx
      .select({ status: assignments.status, deadline: effectiveDeadline })
      .from(assignments)
      .innerJoin(tasks, taskOfAssignment)
      .where(and(assignmentScope(ctx), eq(assignments.id, input.assignmentId)))
      .for("update", { of: assignments });
    if (!assignment) throw new ActionError("not_found", "未找到该任务");
    if (assignment.status === "approved") throw new ActionError("conflict", "该任务已审核通过，无需申请延期");

    const requested = endOfShanghaiDay(input.requestedDeadline);
    const now = new Date();
    if (requested.getTime() < now.getTime()) throw new ActionError("invalid", "新的截止日期不能早于今天");
    if (requested.getTime() <= new Date(assignment.deadline).getTime()) {
      throw new ActionError("invalid", "新的截止日期须晚于当前截止日期");
    }

    const [pending] = await ctx.tx
      .select({ id: extensionRequests.id })
      .from(extensionRequests)
      .where(
        and(
          eq(extensionRequests.orgId, ctx.orgId),
          eq(extensionRequests.assignmentId, input.assignmentId),
          eq(extensionRequests.status, "pending"),
        ),
      )
      .limit(1);
    if (pending) throw new ActionError("conflict", "已有一条待审批的延期申请，请等待领导审批");

    const [created] = await ctx.tx
      .insert(extensionRequests)
      .values({
        orgId: ctx.orgId,
        assignmentId: input.assignmentId,
        requestedBy: ctx.userId,
        requestedDeadline: requested,
        reason: input.reason,
        createdAt: now,
      })
      .returning({ id: extensionRequests.id });
    return {
      data: { id: created!.id, requestedDeadline: requested },
      audit: [
        {
          action: "extension.request",
          entityType: "extension_request",
          entityId: created!.id,
          after: {
            assignmentId: input.assignmentId,
            requestedDeadline: requested.toISOString(),
            currentDeadline: new Date(assignment.deadline).toISOString(),
            reason: input.reason,
            status: "pending",
          },
        },
      ],
    };
  },
);
