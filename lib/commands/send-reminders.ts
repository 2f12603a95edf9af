import "server-only";
import { and, eq, gte, inArray, isNull, lte, min, or, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import {
  assignmentScope,
  campaignOfTask,
  effectiveDeadline,
  overdueCondition,
  taskOfAssignment,
  unitOfAssignment,
} from "@/db/queries/scope";
import { assignments, campaigns, tasks, units } from "@/db/schema";
import { ActionError, defineCommand, type ActionContext } from "@/lib/auth/action-core";
import { shanghaiDay } from "@/lib/deadline-day";
import { listedUnits, tellUnits } from "@/lib/reach/tell-units";
import { DUE_SOON_DAYS, OPEN_STATUSES } from "@/lib/status";

const DAY_MS = 24 * 60 * 60 * 1000;
export const REMINDER_SCOPES = ["overdue", "due_soon", "both"] as const;
export type ReminderScope = (typeof REMINDER_SCOPES)[number];

/** Open work whose deadline falls within the next DUE_SOON_DAYS days. */
function dueSoonCondition(now: Date): SQL {
  const until = new Date(now.getTime() + DUE_SOON_DAYS * DAY_MS);
  return and(
    inArray(assignments.status, [...OPEN_STATUSES]),
    gte(effectiveDeadline, sql`${now.toISOString()}::timestamptz`),
    lte(effectiveDeadline, sql`${until.toISOString()}::timestamptz`),
  ) as SQL;
}

async function campaignOf(ctx: ActionContext, campaignId: string) {
  const [row] = await ctx.tx
    .select({ id: campaigns.id, name: campaigns.name })
    .from(campaigns)
    .where(and(eq(campaigns.orgId, ctx.orgId), eq(campaigns.id, campaignId)));
  if (!row) throw new ActionError("not_found", "未找到该活动");
  return row;
}

interface UnitWork {
  open: number;
  overdue: number;
  dueSoon: number;
  earliest: Date | null;
}

/** Per unit: the matching items, how many are overdue or due soon, and the earliest deadline among them. */
async function openWorkByUnit(ctx: ActionContext, where: SQL, now: Date) {
  const rows = await ctx.tx
    .select({
      unitId: units.id,
      open: sql<number>`count(*)`.mapWith(Number),
      overdue: sql<number>`count(*) filter (where ${overdueCondition(now)})`.mapWith(Number),
      dueSoon: sql<number>`count(*) filter (where ${dueSoonCondition(now)})`.mapWith(Number),
      earliest: min(effectiveDeadline),
    })
    .from(assignments)
    .innerJoin(tasks, taskOfAssignment)
    .innerJoin(campaigns, campaignOfTask)
    .innerJoin(units, unitOfAssignment)
    .where(and(assignmentScope(ctx), isNull(units.archivedAt), where))
    .groupBy(units.id, units.code)
    .orderBy(units.code);
  return rows.map((r) => ({ ...r, earliest: r.earliest ? new Date(r.earliest) : null }));
}

/** What the liaison reads: how many items, how many overdue or due soon, and the earliest deadline. */
function reminderBody(work: UnitWork, campaignName: string | null): string {
  const where = campaignName ? `在「${campaignName}」中` : "";
  if (work.open === 0) return `您单位${where}暂无未完成的任务，请继续保持。`;
  const details = [
    work.overdue > 0 ? `${work.overdue} 项已逾期` : null,
    work.dueSoon > 0 ? `${work.dueSoon} 项将在 ${DUE_SOON_DAYS} 天内到期` : null,
  ].filter(Boolean);
  const detail = details.length > 0 ? `（其中${details.join("、")}）` : "";
  const earliest = work.earliest ? `，最早截止日期 ${shanghaiDay(work.earliest)}` : "";
  return `您单位${where}有 ${work.open} 项任务未完成${detail}${earliest}。请尽快办理并上传佐证材料。`;
}

/**
 * A leader's 催办 goes where the liaisons are: the bell, their e-mail and
 * (once per click, listing the units) the liaisons' group robots. Each click
 * is its own message: a leader who chases twice means it.
 */
async function remind(
  ctx: ActionContext,
  works: { unitId: string; title: string; body: string }[],
  robotSummary: string,
): Promise<{ reminded: string[]; notified: number }> {
  const click = crypto.randomUUID();
  const outcome = await tellUnits(
    ctx.tx,
    ctx.orgId,
    works.map((w) => ({ ...w, key: `manual:${click}:${w.unitId}`, kind: "reminder", link: "/tasks" })),
    { key: `manual:${click}:robots`, kind: "reminder", title: robotSummary, link: "/tasks", body: (told) => `请以下单位尽快办理：${listedUnits(told.map((t) => t.unitName), 50)}。` },
    new Date(),
  );
  return { reminded: outcome.told, notified: outcome.notified };
}

/** 催办 one unit: its liaisons get a reminder listing the unit's open work (in one campaign, or all active ones). */
export const remindUnit = defineCommand(
  {
    name: "reminder.unit",
    permission: "assignment.remind",
    schema: z.object({
      unitId: z.uuid(),
      campaignId: z.preprocess((v) => (v === "" || v === null ? undefined : v), z.uuid().optional()),
      message: z.string().trim().max(200, "催办附言不能超过 200 个字").optional(),
    }),
  },
  async ({ unitId, campaignId, message }, ctx) => {
    const [unit] = await ctx.tx
      .select({ id: units.id })
      .from(units)
      .where(and(eq(units.orgId, ctx.orgId), eq(units.id, unitId), isNull(units.archivedAt)));
    if (!unit) throw new ActionError("not_found", "未找到该单位");
    const campaign = campaignId ? await campaignOf(ctx, campaignId) : null;
    const now = new Date();
    const [work] = await openWorkByUnit(
      ctx,
      and(
        eq(units.id, unitId),
        inArray(assignments.status, [...OPEN_STATUSES]),
        campaign ? eq(campaigns.id, campaign.id) : eq(campaigns.status, "active"),
      ) as SQL,
      now,
    );
    const body = reminderBody(work ?? { open: 0, overdue: 0, dueSoon: 0, earliest: null }, campaign?.name ?? null);
    const title = campaign ? `催办：${campaign.name}` : "催办：请尽快完成任务";
    const { notified } = await remind(ctx, [{ unitId, title, body: message ? `${body}\n${message}` : body }], title);
    return {
      data: { unitsReminded: notified > 0 ? 1 : 0, notified },
      audit: [
        {
          action: "reminder.unit",
          entityType: "unit",
          entityId: unitId,
          after: { unitIds: [unitId], campaignId: campaign?.id ?? null, message: message || null, notified },
        },
      ],
    };
  },
);

/** 一键催办: every unit of the campaign with overdue and/or due-soon work, each told its own numbers. */
export const remindLaggards = defineCommand(
  {
    name: "reminder.laggards",
    permission: "assignment.remind",
    schema: z.object({ campaignId: z.uuid(), scope: z.enum(REMINDER_SCOPES) }),
  },
  async ({ campaignId, scope }, ctx) => {
    const campaign = await campaignOf(ctx, campaignId);
    const now = new Date();
    const wanted =
      scope === "overdue"
        ? overdueCondition(now)
        : scope === "due_soon"
          ? dueSoonCondition(now)
          : (or(overdueCondition(now), dueSoonCondition(now)) as SQL);
    const laggards = await openWorkByUnit(ctx, and(eq(campaigns.id, campaign.id), wanted) as SQL, now);

    const { reminded, notified } = await remind(
      ctx,
      laggards.map((work) => ({ unitId: work.unitId, title: `催办：${campaign.name}`, body: reminderBody(work, campaign.name) })),
      `催办：${campaign.name}`,
    );
    return {
      data: { unitsReminded: reminded.length, notified },
      audit:
        reminded.length === 0
          ? []
          : [
              {
                action: "reminder.laggards",
                entityType: "campaign",
                entityId: campaign.id,
                after: { scope, unitIds: reminded, notified },
              },
            ],
    };
  },
);
