import "server-only";
import { and, asc, eq } from "drizzle-orm";
import { z } from "zod";
import { baseTitle, recurrenceOf, shanghaiDay } from "@/lib/campaign-series";
import type { CampaignTemplate, TemplateTask } from "@/lib/campaign-template";
import { activities, campaigns, phases, taskFigures, tasks, units } from "../schema";
import type { QueryContext } from "./context";

const orUndefined = <T>(value: T | null): T | undefined => value ?? undefined;

/**
 * A campaign of the caller's township as a CampaignTemplate (the JSON a
 * leader exports, and what cloning starts from). A recurring series becomes
 * one task with its recurrence; owner units are named by code. Keys are
 * positional (phase-1, activity-2 …): the database has no keys of its own.
 */
export async function campaignAsTemplate(ctx: QueryContext, campaignId: string): Promise<CampaignTemplate | null> {
  if (!z.uuid().safeParse(campaignId).success) return null;
  const [campaign] = await ctx.db
    .select()
    .from(campaigns)
    .where(and(eq(campaigns.orgId, ctx.orgId), eq(campaigns.id, campaignId)))
    .limit(1);
  if (!campaign) return null;

  const [phaseRows, activityRows, taskRows, figureRows] = await Promise.all([
    ctx.db
      .select()
      .from(phases)
      .where(and(eq(phases.orgId, ctx.orgId), eq(phases.campaignId, campaignId)))
      .orderBy(asc(phases.position), asc(phases.startsOn)),
    ctx.db
      .select()
      .from(activities)
      .where(and(eq(activities.orgId, ctx.orgId), eq(activities.campaignId, campaignId)))
      .orderBy(asc(activities.position)),
    ctx.db
      .select({ task: tasks, ownerUnitCode: units.code })
      .from(tasks)
      .leftJoin(units, and(eq(units.orgId, tasks.orgId), eq(units.id, tasks.ownerUnitId)))
      .where(and(eq(tasks.orgId, ctx.orgId), eq(tasks.campaignId, campaignId)))
      .orderBy(asc(tasks.position), asc(tasks.periodStart), asc(tasks.deadline)),
    ctx.db
      .select({ figure: taskFigures })
      .from(taskFigures)
      .innerJoin(tasks, and(eq(tasks.orgId, taskFigures.orgId), eq(tasks.id, taskFigures.taskId)))
      .where(and(eq(tasks.orgId, ctx.orgId), eq(tasks.campaignId, campaignId)))
      .orderBy(asc(taskFigures.position)),
  ]);

  const phaseKey = new Map(phaseRows.map((p, i) => [p.id, `phase-${i + 1}`]));
  const figuresOf = new Map<string, (typeof taskFigures.$inferSelect)[]>();
  for (const { figure } of figureRows) figuresOf.set(figure.taskId, [...(figuresOf.get(figure.taskId) ?? []), figure]);

  // Group instances into series, keeping the order of each series' first row.
  const series = new Map<string, (typeof taskRows)[number][]>();
  for (const row of taskRows) {
    const key = row.task.seriesId ?? row.task.id;
    series.set(key, [...(series.get(key) ?? []), row]);
  }
  let taskNumber = 0;
  const tasksOf = new Map<string, TemplateTask[]>();
  for (const rows of series.values()) {
    const first = rows[0];
    if (!first) continue;
    const { task } = first;
    const instances = rows.map((r) => r.task);
    const latest = instances.reduce((a, b) => (b.deadline > a.deadline ? b : a));
    const recurrence = task.recurrence === "none" ? null : recurrenceOf(task.recurrence, instances);
    const phaseIds = new Set(instances.map((i) => i.phaseId));
    // A series spread over several phases was placed by deadline; leave it to be placed the same way.
    const phase = phaseIds.size === 1 && task.phaseId ? phaseKey.get(task.phaseId) : undefined;
    taskNumber += 1;
    const out: TemplateTask = {
      key: `task-${taskNumber}`,
      title: recurrence ? baseTitle(task.title) : task.title,
      description: orUndefined(task.description),
      deadline: shanghaiDay(latest.deadline),
      phaseKey: phase,
      applicableUnitKinds: task.applicableUnitKinds,
      evidenceRequired: task.evidenceRequired as TemplateTask["evidenceRequired"],
      recurrence: recurrence ?? undefined,
      ownerUnitCode: orUndefined(first.ownerUnitCode),
      figures: (figuresOf.get(task.id) ?? []).map((f, i) => ({
        key: `figure-${i + 1}`,
        name: f.name,
        measureUnit: f.measureUnit,
        target: f.target === null ? undefined : Number(f.target),
      })),
    };
    tasksOf.set(task.activityId, [...(tasksOf.get(task.activityId) ?? []), out]);
  }

  return {
    key: campaign.templateKey ?? `campaign-${campaign.id.slice(0, 8)}`,
    name: campaign.name,
    theme: orUndefined(campaign.theme),
    startsOn: campaign.startsOn,
    endsOn: campaign.endsOn,
    noticeTitle: orUndefined(campaign.noticeTitle),
    noticeText: orUndefined(campaign.noticeText),
    phases: phaseRows.map((p, i) => ({ key: `phase-${i + 1}`, name: p.name, startsOn: p.startsOn, endsOn: p.endsOn })),
    activities: activityRows.map((a, i) => ({
      key: `activity-${i + 1}`,
      grouping: orUndefined(a.grouping),
      code: orUndefined(a.code),
      title: a.title,
      description: orUndefined(a.description),
      tasks: tasksOf.get(a.id) ?? [],
    })),
  };
}
