import "server-only";
import { and, eq, inArray, max } from "drizzle-orm";
import { z } from "zod";
import type { AuditEntry } from "@/db/audit";
import { announceAssignments } from "@/lib/reach/announce";
import { assignmentEvents, assignments, phases, taskFigures, tasks } from "@/db/schema";
import { ActionError, defineCommand, type ActionContext } from "@/lib/auth/action-core";
import type { TemplateRecurrence } from "@/lib/campaign-template";
import { expandRecurrence } from "@/lib/template-dates";
import { evidenceList, optionalDate, optionalText, optionalUuid, requiredText, unitKindList } from "./fields";
import { activeUnitOf, activityOf, campaignOf, endOfDay, liaisonByUnit, phaseOf, refuseIfSubmitted, seriesOf } from "./guards";

/** A recurring task over more periods than this is a typing mistake (ten years of months). */
const MAX_INSTANCES = 120;

export const taskFields = z
  .object({
    campaignId: z.uuid(),
    taskId: optionalUuid,
    activityId: z.uuid(),
    phaseId: optionalUuid,
    title: requiredText(300),
    description: optionalText(5000),
    deadline: optionalDate,
    applicableUnitKinds: unitKindList.refine((kinds) => kinds.length > 0, "请至少选择一种适用单位类型"),
    evidenceRequired: evidenceList,
    ownerUnitId: optionalUuid,
    recurrence: z.enum(["none", "monthly", "quarterly"]).default("none"),
    recurFrom: optionalDate,
    recurTo: optionalDate,
    dayOfMonth: z.preprocess((v) => (v === "" ? undefined : v), z.coerce.number().int().min(1).max(31).optional()),
    /** 签收时限 in hours; empty: the township's default (lib/reach/settings). */
    ackLimitHours: z.preprocess(
      (v) => (v === "" || v === null ? undefined : v),
      z.coerce.number("请填写小时数").int("请填写整数小时").min(1, "签收时限为 1–720 小时").max(720, "签收时限为 1–720 小时").optional(),
    ),
  })
  .superRefine((t, issue) => {
    const add = (message: string, path: string) => issue.addIssue({ code: "custom", message, path: [path] });
    if (t.recurrence === "none") {
      if (!t.deadline) add("请填写截止日期", "deadline");
      return;
    }
    if (!t.recurFrom) add("请填写周期开始日期", "recurFrom");
    if (!t.recurTo) add("请填写周期结束日期", "recurTo");
    if (t.recurFrom && t.recurTo && t.recurTo < t.recurFrom) add("周期结束不能早于开始", "recurTo");
  });

type TaskInput = z.infer<typeof taskFields>;

function instancesOf(input: TaskInput) {
  const recurrence: TemplateRecurrence | undefined =
    input.recurrence === "none"
      ? undefined
      : { freq: input.recurrence, from: input.recurFrom ?? "", to: input.recurTo ?? "", dayOfMonth: input.dayOfMonth };
  const instances = expandRecurrence({ deadline: input.deadline ?? input.recurTo ?? "", recurrence });
  if (instances.length > MAX_INSTANCES) {
    throw new ActionError("invalid", `周期任务最多 ${MAX_INSTANCES} 期，当前为 ${instances.length} 期，请缩短周期`);
  }
  return instances;
}

/** A recurring instance without a chosen phase goes into the phase holding its deadline, as in the seed. */
async function phaseChooser(ctx: ActionContext, campaignId: string, input: TaskInput) {
  if (input.phaseId) {
    await phaseOf(ctx, input.phaseId, campaignId);
    return () => input.phaseId ?? null;
  }
  if (input.recurrence === "none") return () => null;
  const rows = await ctx.tx
    .select()
    .from(phases)
    .where(and(eq(phases.orgId, ctx.orgId), eq(phases.campaignId, campaignId)));
  return (deadline: string) => rows.find((p) => p.startsOn <= deadline && deadline <= p.endsOn)?.id ?? null;
}

/**
 * Adds a task, or edits one (given any instance of its series). A recurring
 * task is one row per period sharing a seriesId: editing keeps the instances
 * whose period remains, adds the new periods (with the series' figures, and
 * assigned to the units the series already has), and removes the periods
 * that are gone — refused if a unit has already submitted for one of them.
 */
export const saveTask = defineCommand(
  { name: "campaign.task.save", permission: "campaign.manage", schema: taskFields },
  async (input, ctx) => {
    const campaign = await campaignOf(ctx, input.campaignId);
    await activityOf(ctx, input.activityId, campaign.id);
    if (input.ownerUnitId) await activeUnitOf(ctx, input.ownerUnitId);
    const choosePhase = await phaseChooser(ctx, campaign.id, input);
    const wanted = instancesOf(input);
    const existing = input.taskId ? await seriesOf(ctx, input.taskId) : [];
    if (existing.some((t) => t.campaignId !== campaign.id)) throw new ActionError("not_found", "未找到该任务");

    const seriesId = input.recurrence === "none" ? null : (existing[0]?.seriesId ?? crypto.randomUUID());
    const shared = {
      activityId: input.activityId,
      description: input.description ?? null,
      applicableUnitKinds: input.applicableUnitKinds,
      evidenceRequired: input.evidenceRequired,
      recurrence: input.recurrence,
      seriesId,
      ownerUnitId: input.ownerUnitId ?? null,
      ackLimitHours: input.ackLimitHours ?? null,
    };
    // Read before any instance is removed: new periods copy the series' figures and units.
    const template = existing[0];
    const [figures, assignedUnits, position] = await Promise.all([
      template
        ? ctx.tx.select().from(taskFigures).where(and(eq(taskFigures.orgId, ctx.orgId), eq(taskFigures.taskId, template.id)))
        : Promise.resolve([]),
      existing.length > 0
        ? ctx.tx
            .selectDistinct({ unitId: assignments.unitId })
            .from(assignments)
            .where(and(eq(assignments.orgId, ctx.orgId), inArray(assignments.taskId, existing.map((t) => t.id))))
        : Promise.resolve([]),
      template
        ? Promise.resolve(template.position)
        : ctx.tx
            .select({ n: max(tasks.position) })
            .from(tasks)
            .where(and(eq(tasks.orgId, ctx.orgId), eq(tasks.activityId, input.activityId)))
            .then(([row]) => (row?.n ?? -1) + 1),
    ]);
    const audit: AuditEntry[] = [];
    const byPeriod = new Map(existing.map((t) => [t.periodStart ?? "-", t]));
    const kept = new Set<string>();

    for (const instance of wanted) {
      const match = byPeriod.get(instance.periodStart ?? "-");
      if (!match) continue;
      kept.add(match.id);
      const after = { ...shared, title: input.title + instance.titleSuffix, deadline: endOfDay(instance.deadline), phaseId: choosePhase(instance.deadline) };
      await ctx.tx.update(tasks).set(after).where(and(eq(tasks.orgId, ctx.orgId), eq(tasks.id, match.id)));
      audit.push({ action: "task.update", entityType: "task", entityId: match.id, before: match, after });
    }

    const removed = existing.filter((t) => !kept.has(t.id));
    await refuseIfSubmitted(ctx, removed.map((t) => t.id), "要删除的周期");
    if (removed.length > 0) {
      await ctx.tx.delete(tasks).where(and(eq(tasks.orgId, ctx.orgId), inArray(tasks.id, removed.map((t) => t.id))));
      for (const t of removed) audit.push({ action: "task.delete", entityType: "task", entityId: t.id, before: t });
    }

    const unitIds = assignedUnits.map((u) => u.unitId);
    const owners = await liaisonByUnit(ctx, unitIds);
    const created: string[] = [];
    for (const instance of wanted) {
      if (byPeriod.has(instance.periodStart ?? "-")) continue; // updated above
      const [row] = await ctx.tx
        .insert(tasks)
        .values({
          orgId: ctx.orgId,
          campaignId: campaign.id,
          ...shared,
          title: input.title + instance.titleSuffix,
          deadline: endOfDay(instance.deadline),
          phaseId: choosePhase(instance.deadline),
          periodStart: instance.periodStart,
          position,
        })
        .returning();
      if (!row) throw new Error("insert returned nothing");
      created.push(row.id);
      audit.push({ action: "task.create", entityType: "task", entityId: row.id, after: row });
      if (figures.length > 0) {
        await ctx.tx.insert(taskFigures).values(
          figures.map((f) => ({ orgId: ctx.orgId, taskId: row.id, name: f.name, measureUnit: f.measureUnit, target: f.target, position: f.position })),
        );
      }
      for (const unitId of unitIds) {
        const [a] = await ctx.tx
          .insert(assignments)
          .values({ orgId: ctx.orgId, taskId: row.id, unitId, ownerUserId: owners.get(unitId) ?? null })
          .returning({ id: assignments.id });
        if (!a) continue;
        await ctx.tx.insert(assignmentEvents).values({ orgId: ctx.orgId, assignmentId: a.id, toStatus: "pending", actorUserId: ctx.userId });
        audit.push({ action: "assignment.create", entityType: "assignment", entityId: a.id, after: { taskId: row.id, unitId } });
        if (campaign.status === "active") {
          await announceAssignments(
            ctx.tx,
            ctx.orgId,
            [{ unitId, assignmentIds: [a.id], title: `新任务：${row.title}`, body: campaign.name, link: `/tasks/${a.id}` }],
            { title: `新任务：${row.title}（${campaign.name}）`, link: "/tasks" },
          );
        }
      }
    }
    return { data: { taskIds: [...kept, ...created], created: created.length, removed: removed.length }, audit };
  },
);

/** Deletes a task (every instance of a recurring one) with its assignments, unless a unit has submitted work for it. */
export const deleteTask = defineCommand(
  { name: "campaign.task.delete", permission: "campaign.manage", schema: z.object({ taskId: z.uuid() }) },
  async ({ taskId }, ctx) => {
    const series = await seriesOf(ctx, taskId);
    const ids = series.map((t) => t.id);
    await refuseIfSubmitted(ctx, ids, "该任务");
    await ctx.tx.delete(tasks).where(and(eq(tasks.orgId, ctx.orgId), inArray(tasks.id, ids)));
    return {
      data: { deleted: ids.length },
      audit: series.map((t) => ({ action: "task.delete", entityType: "task", entityId: t.id, before: t })),
    };
  },
);
