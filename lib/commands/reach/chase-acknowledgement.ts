import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import { lateAcknowledgementItems } from "@/db/queries/acknowledgements";
import { campaigns, units } from "@/db/schema";
import { ActionError, defineCommand } from "@/lib/auth/action-core";
import { formatDateTime } from "@/lib/dates";
import { shanghaiDay } from "@/lib/deadline-day";
import { claimDispatches, messageKey, type DispatchItem } from "@/lib/reach/outbox";
import { listedUnits, tellUnits, type UnitNotice } from "@/lib/reach/tell-units";

const blankToUndefined = (v: unknown) => (v === "" || v === null ? undefined : v);

/** The dispatch key of a hand-made 催签收: once per assignment and Beijing calendar day. */
export const ackChaseKey = (assignmentId: string, now: Date) => `ack-manual:${assignmentId}:${shanghaiDay(now)}`;

/**
 * 催签收: the liaisons of units whose published work is past its 签收时限
 * unsigned are told (bell, e-mail, the liaisons' group robots), one message per
 * unit. Without a unit, every such unit of the campaign. Each assignment is
 * chased at most once a day by hand, so a double click sends nothing twice.
 */
export const chaseAcknowledgement = defineCommand(
  {
    name: "reminder.ack_chase",
    permission: "assignment.remind",
    schema: z.object({ campaignId: z.uuid(), unitId: z.preprocess(blankToUndefined, z.uuid().optional()) }),
  },
  async ({ campaignId, unitId }, ctx) => {
    const [campaign] = await ctx.tx
      .select({ id: campaigns.id, name: campaigns.name })
      .from(campaigns)
      .where(and(eq(campaigns.orgId, ctx.orgId), eq(campaigns.id, campaignId)));
    if (!campaign) throw new ActionError("not_found", "未找到该活动");
    if (unitId) {
      const [unit] = await ctx.tx
        .select({ id: units.id })
        .from(units)
        .where(and(eq(units.orgId, ctx.orgId), eq(units.id, unitId), isNull(units.archivedAt)));
      if (!unit) throw new ActionError("not_found", "未找到该单位");
    }

    const now = new Date();
    const late = await lateAcknowledgementItems(ctx, campaign.id, now, unitId);
    const claimed = await claimDispatches(
      ctx.tx,
      ctx.orgId,
      late.map((a) => ({ key: ackChaseKey(a.id, now), kind: "ack_chase", assignmentId: a.id })),
    );
    const fresh = new Map(claimed.map((c) => [c.assignmentId, c]));
    const byUnit = new Map<string, { items: typeof late; dispatched: DispatchItem[] }>();
    for (const a of late) {
      const dispatch = fresh.get(a.id);
      if (!dispatch) continue;
      const unit = byUnit.get(a.unitId) ?? { items: [], dispatched: [] };
      unit.items.push(a);
      unit.dispatched.push(dispatch);
      byUnit.set(a.unitId, unit);
    }

    const notices: UnitNotice[] = [];
    for (const [unitId, { items, dispatched }] of byUnit) {
      const first = items[0]!;
      notices.push({
        unitId,
        key: messageKey(dispatched),
        kind: "ack_chase",
        title: `催签收：${campaign.name}`,
        body:
          items.length === 1
            ? `任务「${first.taskTitle}」已超过签收时限（${formatDateTime(first.dueAt, "zh-CN")}）仍未签收，请尽快登录督办签收。`
            : `本单位有 ${items.length} 项任务已超过签收时限仍未签收（最早 ${formatDateTime(first.dueAt, "zh-CN")}），请尽快登录督办签收。`,
        link: items.length === 1 ? `/tasks/${first.id}` : "/tasks",
      });
    }
    const { told: chased, notified, deliveries } = await tellUnits(
      ctx.tx,
      ctx.orgId,
      notices,
      {
        key: messageKey(claimed, ":robots"),
        kind: "ack_chase",
        title: `催签收：${campaign.name}`,
        link: "/tasks",
        body: (told) => `以下单位有任务超过签收时限仍未签收：${listedUnits(told.map((t) => t.unitName))}。请联络员尽快签收。`,
      },
      now,
    );

    const assignmentIds = late.filter((a) => fresh.has(a.id)).map((a) => a.id);
    return {
      data: { unitsChased: chased.length, assignments: assignmentIds.length, notified, alreadyChased: late.length - assignmentIds.length },
      audit:
        assignmentIds.length === 0
          ? []
          : [
              {
                action: "reminder.ack_chase",
                entityType: "campaign",
                entityId: campaign.id,
                after: { unitIds: chased, assignmentIds, notified, deliveries, day: shanghaiDay(now) },
              },
            ],
    };
  },
);
