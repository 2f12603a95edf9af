import "server-only";
import { z } from "zod";
import { notifyUnitLiaisons } from "@/db/notify";
import { ActionError, defineCommand } from "@/lib/auth/action-core";
import { beijingToday, canCloseAsSecondPerson } from "@/lib/hazard-status";
import { expectedVersion, requiredText } from "./fields";
import { loadHazard, requireTransition, updateHazard } from "./record";

/**
 * 验收销号: a leader re-inspects the rectified hazard and closes it. The
 * closing leader must be a second person: neither who reported the hazard
 * nor who recorded its rectification.
 */
export const closeHazard = defineCommand(
  {
    name: "hazard.close",
    permission: "hazard.verify",
    schema: z.object({ hazardId: z.uuid(), expectedVersion, result: requiredText("验收意见", 500) }),
  },
  async (input, ctx) => {
    const current = await loadHazard(ctx, input.hazardId, input.expectedVersion);
    const to = requireTransition(current, "verify");
    if (!canCloseAsSecondPerson(current, ctx.userId)) {
      throw new ActionError("forbidden", "隐患的上报人或整改人不能验收销号，请由其他领导验收");
    }
    const changes = { status: to, verifiedBy: ctx.userId, verificationResult: input.result, closedOn: beijingToday(new Date()) };
    const version = await updateHazard(ctx, current, changes);
    return {
      data: { version, status: to },
      audit: [
        {
          action: "hazard.close",
          entityType: "hazard",
          entityId: current.id,
          before: { status: current.status, version: current.version },
          after: { ...changes, version },
        },
      ],
    };
  },
);

/**
 * 复查不通过: the rectification is not accepted; the hazard goes back to
 * rectifying with the reason, which stays in its timeline and reaches the
 * responsible unit's liaisons.
 */
export const failReinspection = defineCommand(
  {
    name: "hazard.fail_reinspection",
    permission: "hazard.verify",
    schema: z.object({ hazardId: z.uuid(), expectedVersion, reason: requiredText("不通过原因", 500) }),
  },
  async (input, ctx) => {
    const current = await loadHazard(ctx, input.hazardId, input.expectedVersion);
    const to = requireTransition(current, "failReinspection");
    const version = await updateHazard(ctx, current, { status: to, rectifiedOn: null });
    await notifyUnitLiaisons(ctx.tx, ctx.orgId, [current.responsibleUnitId ?? current.unitId], {
      kind: "hazard_assigned",
      title: `隐患复查不通过：${current.title}`,
      body: `隐患 ${current.number} 复查不通过，原因：${input.reason}。请继续整改后重新上报。`,
      link: `/hazards/${current.id}`,
    });
    return {
      data: { version, status: to },
      audit: [
        {
          action: "hazard.fail_reinspection",
          entityType: "hazard",
          entityId: current.id,
          before: { status: current.status, rectifiedOn: current.rectifiedOn, version: current.version },
          after: { status: to, reason: input.reason, version },
        },
      ],
    };
  },
);
