import "server-only";
import { and, asc, count, eq, isNull, min, type SQL } from "drizzle-orm";
import { z } from "zod";
import { loadSchedule } from "@/lib/reach/settings";
import { assignments, campaigns, tasks, units } from "../schema";
import type { QueryContext } from "./context";
import { ackDueAt, ackLateCondition, assignmentScope, campaignOfTask, taskOfAssignment, unitOfAssignment } from "./scope";

const isUuid = (value: string) => z.uuid().safeParse(value).success;

/** Late 签收 (ackLateCondition) in an active campaign, for units that are not archived. */
function lateWhere(ctx: QueryContext, campaignId: string, defaultHours: number, now: Date, unitId?: string): SQL {
  return and(
    assignmentScope(ctx),
    eq(tasks.campaignId, campaignId),
    eq(campaigns.status, "active"),
    isNull(units.archivedAt),
    ackLateCondition(defaultHours, now),
    unitId ? eq(assignments.unitId, unitId) : undefined,
  ) as SQL;
}

/**
 * The dashboard's 未签收 panel: per unit, how many of its assignments in the
 * campaign are past their 签收时限 unsigned, and the earliest due time; the
 * longest waiting first. One grouped query (tasks_org_campaign_idx →
 * assignments_org_task_unit_key).
 */
export async function lateAcknowledgementsByUnit(ctx: QueryContext, campaignId: string, now = new Date()) {
  if (!isUuid(campaignId)) return [];
  const schedule = await loadSchedule(ctx.db, ctx.orgId);
  const due = ackDueAt(schedule.ackLimitHours);
  const rows = await ctx.db
    .select({ unitId: units.id, unitName: units.name, count: count(), oldestDueAt: min(due) })
    .from(assignments)
    .innerJoin(tasks, taskOfAssignment)
    .innerJoin(campaigns, campaignOfTask)
    .innerJoin(units, unitOfAssignment)
    .where(lateWhere(ctx, campaignId, schedule.ackLimitHours, now))
    .groupBy(units.id, units.name, units.code)
    .orderBy(asc(min(due)), asc(units.code));
  return rows.map((r) => ({ ...r, oldestDueAt: new Date(r.oldestDueAt ?? now) }));
}

export type LateAcknowledgementUnit = Awaited<ReturnType<typeof lateAcknowledgementsByUnit>>[number];

/** The assignments behind the panel (one unit's, or the campaign's): what 催签收 tells the units about. */
export async function lateAcknowledgementItems(ctx: QueryContext, campaignId: string, now = new Date(), unitId?: string) {
  if (!isUuid(campaignId) || (unitId !== undefined && !isUuid(unitId))) return [];
  const schedule = await loadSchedule(ctx.db, ctx.orgId);
  const due = ackDueAt(schedule.ackLimitHours);
  const rows = await ctx.db
    .select({ id: assignments.id, unitId: assignments.unitId, taskTitle: tasks.title, dueAt: due })
    .from(assignments)
    .innerJoin(tasks, taskOfAssignment)
    .innerJoin(campaigns, campaignOfTask)
    .innerJoin(units, unitOfAssignment)
    .where(lateWhere(ctx, campaignId, schedule.ackLimitHours, now, unitId))
    .orderBy(asc(units.code), asc(due), asc(assignments.id));
  return rows.map((r) => ({ ...r, dueAt: new Date(r.dueAt) }));
}
