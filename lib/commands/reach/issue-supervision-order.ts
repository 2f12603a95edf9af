import "server-only";
import { and, eq } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { z } from "zod";
import { activityOfTask, assignmentScope, taskOfAssignment, unitOfAssignment } from "@/db/queries/scope";
import { activities, assignments, supervisionOrders, tasks, units, users } from "@/db/schema";
import { ActionError, defineCommand } from "@/lib/auth/action-core";
import { recipientsAt, unitAudiences } from "@/lib/reach/audience";
import { claimDispatches, sendMessage } from "@/lib/reach/outbox";
import { ESCALATION_LEVELS, type EscalationLevel } from "@/lib/reach/rules";
import { loadSchedule } from "@/lib/reach/settings";
import { OPEN_STATUSES } from "@/lib/status";
import { requireOpenAssignment } from "../campaign-open";

const LEVEL_WORD: Record<EscalationLevel, string> = { blue: "蓝色", yellow: "黄色", red: "红色" };

const activitySupervisor = alias(users, "activity_supervisor");

/**
 * 督办单 by hand: a leader's written order about one open assignment, at a
 * level. It reaches that level's audience (lib/reach/audience recipientsAt:
 * blue the liaisons, yellow also the 责任人, red also the 分管领导 — the
 * activity's, else the unit's) in the bell, by e-mail and through the robots.
 */
export const issueSupervisionOrder = defineCommand(
  {
    name: "supervision.issue",
    permission: "assignment.remind",
    schema: z.object({
      assignmentId: z.uuid(),
      level: z.enum(ESCALATION_LEVELS, "请选择督办等级"),
      note: z.string("请填写督办内容").trim().min(1, "请填写督办内容").max(500, "督办内容不能超过 500 个字"),
    }),
  },
  async ({ assignmentId, level, note }, ctx) => {
    const open = await requireOpenAssignment(ctx, assignmentId);
    if (!OPEN_STATUSES.includes(open.status)) {
      throw new ActionError("conflict", open.status === "approved" ? "该任务已通过，无需督办" : "该任务已提交，正在审核");
    }
    const [target] = await ctx.tx
      .select({
        unitId: assignments.unitId,
        unitName: units.name,
        taskTitle: tasks.title,
        campaignId: tasks.campaignId,
        activitySupervisorId: activitySupervisor.id,
      })
      .from(assignments)
      .innerJoin(tasks, taskOfAssignment)
      .innerJoin(activities, activityOfTask)
      .innerJoin(units, unitOfAssignment)
      .leftJoin(activitySupervisor, and(eq(activitySupervisor.id, activities.supervisorUserId), eq(activitySupervisor.active, true)))
      .where(and(assignmentScope(ctx), eq(assignments.id, assignmentId)));
    if (!target) throw new ActionError("not_found", "未找到该任务");

    const now = new Date();
    const [order] = await ctx.tx
      .insert(supervisionOrders)
      .values({ orgId: ctx.orgId, assignmentId, level, note, issuedBy: ctx.userId, createdAt: now })
      .returning({ id: supervisionOrders.id });
    if (!order) throw new Error("insert returned nothing");

    const key = `supervision:${order.id}`;
    await claimDispatches(ctx.tx, ctx.orgId, [{ key, kind: "supervision", assignmentId, level }]);
    const audience = (await unitAudiences(ctx.tx, ctx.orgId, [target.unitId])).get(target.unitId);
    const outcome = audience
      ? await sendMessage(
          ctx.tx,
          ctx.orgId,
          key,
          {
            kind: "supervision",
            title: `${LEVEL_WORD[level]}督办单：${target.taskTitle}`,
            body: `${target.unitName}：${note}`,
            link: `/tasks/${assignmentId}`,
            ...recipientsAt(audience, level, target.activitySupervisorId),
          },
          await loadSchedule(ctx.tx, ctx.orgId),
          now,
        )
      : { notified: 0, deliveries: 0 };

    return {
      data: { orderId: order.id, notified: outcome.notified, deliveries: outcome.deliveries },
      audit: [
        {
          action: "supervision.issue",
          entityType: "supervision_order",
          entityId: order.id,
          after: { assignmentId, campaignId: target.campaignId, unitId: target.unitId, level, note, ...outcome },
        },
      ],
    };
  },
);
