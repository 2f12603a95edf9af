import "server-only";
import { and, eq, max } from "drizzle-orm";
import { z } from "zod";
import { activities, phases, tasks } from "@/db/schema";
import { defineCommand } from "@/lib/auth/action-core";
import { dateField, optionalText, optionalUuid, requiredText } from "./fields";
import { assertSupervisor } from "../supervisor";
import { activityOf, campaignOf, phaseOf, refuseIfSubmitted } from "./guards";

const phaseFields = z
  .object({
    campaignId: z.uuid(),
    phaseId: optionalUuid,
    name: requiredText(100),
    startsOn: dateField,
    endsOn: dateField,
  })
  .refine((p) => p.endsOn >= p.startsOn, { message: "结束日期不能早于开始日期", path: ["endsOn"] });

/** Adds a phase (no phaseId) or edits one; a campaign may have any number of them. */
export const savePhase = defineCommand(
  { name: "campaign.phase.save", permission: "campaign.manage", schema: phaseFields },
  async ({ campaignId, phaseId, ...fields }, ctx) => {
    await campaignOf(ctx, campaignId);
    if (phaseId) {
      const before = await phaseOf(ctx, phaseId, campaignId);
      await ctx.tx
        .update(phases)
        .set(fields)
        .where(and(eq(phases.orgId, ctx.orgId), eq(phases.id, phaseId)));
      return {
        data: { phaseId },
        audit: [
          {
            action: "phase.update",
            entityType: "phase",
            entityId: phaseId,
            before: { name: before.name, startsOn: before.startsOn, endsOn: before.endsOn },
            after: fields,
          },
        ],
      };
    }
    const [last] = await ctx.tx
      .select({ position: max(phases.position) })
      .from(phases)
      .where(and(eq(phases.orgId, ctx.orgId), eq(phases.campaignId, campaignId)));
    const [row] = await ctx.tx
      .insert(phases)
      .values({ orgId: ctx.orgId, campaignId, ...fields, position: (last?.position ?? -1) + 1 })
      .returning({ id: phases.id });
    if (!row) throw new Error("insert returned nothing");
    return {
      data: { phaseId: row.id },
      audit: [{ action: "phase.create", entityType: "phase", entityId: row.id, after: { campaignId, ...fields } }],
    };
  },
);

/** Removes a phase; its tasks stay, no longer in a phase. */
export const deletePhase = defineCommand(
  { name: "campaign.phase.delete", permission: "campaign.manage", schema: z.object({ phaseId: z.uuid() }) },
  async ({ phaseId }, ctx) => {
    const before = await phaseOf(ctx, phaseId);
    await ctx.tx
      .update(tasks)
      .set({ phaseId: null })
      .where(and(eq(tasks.orgId, ctx.orgId), eq(tasks.phaseId, phaseId)));
    await ctx.tx.delete(phases).where(and(eq(phases.orgId, ctx.orgId), eq(phases.id, phaseId)));
    return {
      data: { phaseId },
      audit: [{ action: "phase.delete", entityType: "phase", entityId: phaseId, before }],
    };
  },
);

const activityFields = z.object({
  campaignId: z.uuid(),
  activityId: optionalUuid,
  grouping: optionalText(50),
  code: optionalText(50),
  title: requiredText(300),
  description: optionalText(5000),
  /** 分管领导: an active leader or admin of the township, told at the red level; empty: none. */
  supervisorUserId: optionalUuid,
});

/** Adds an activity (a heading of the notice, optionally grouped as 专题 / 专项 …) or edits one. */
export const saveActivity = defineCommand(
  { name: "campaign.activity.save", permission: "campaign.manage", schema: activityFields },
  async ({ campaignId, activityId, ...input }, ctx) => {
    await campaignOf(ctx, campaignId);
    if (input.supervisorUserId) await assertSupervisor(ctx.tx, ctx.orgId, input.supervisorUserId);
    const fields = {
      grouping: input.grouping ?? null,
      code: input.code ?? null,
      title: input.title,
      description: input.description ?? null,
      supervisorUserId: input.supervisorUserId ?? null,
    };
    if (activityId) {
      const before = await activityOf(ctx, activityId, campaignId);
      await ctx.tx
        .update(activities)
        .set(fields)
        .where(and(eq(activities.orgId, ctx.orgId), eq(activities.id, activityId)));
      return {
        data: { activityId },
        audit: [
          {
            action: "activity.update",
            entityType: "activity",
            entityId: activityId,
            before: {
              grouping: before.grouping,
              code: before.code,
              title: before.title,
              description: before.description,
              supervisorUserId: before.supervisorUserId,
            },
            after: fields,
          },
        ],
      };
    }
    const [last] = await ctx.tx
      .select({ position: max(activities.position) })
      .from(activities)
      .where(and(eq(activities.orgId, ctx.orgId), eq(activities.campaignId, campaignId)));
    const [row] = await ctx.tx
      .insert(activities)
      .values({ orgId: ctx.orgId, campaignId, ...fields, position: (last?.position ?? -1) + 1 })
      .returning({ id: activities.id });
    if (!row) throw new Error("insert returned nothing");
    return {
      data: { activityId: row.id },
      audit: [{ action: "activity.create", entityType: "activity", entityId: row.id, after: { campaignId, ...fields } }],
    };
  },
);

/** Deletes an activity with its tasks and their assignments, unless a unit has already submitted work for it. */
export const deleteActivity = defineCommand(
  { name: "campaign.activity.delete", permission: "campaign.manage", schema: z.object({ activityId: z.uuid() }) },
  async ({ activityId }, ctx) => {
    const before = await activityOf(ctx, activityId);
    const taskRows = await ctx.tx
      .select({ id: tasks.id })
      .from(tasks)
      .where(and(eq(tasks.orgId, ctx.orgId), eq(tasks.activityId, activityId)));
    await refuseIfSubmitted(
      ctx,
      taskRows.map((t) => t.id),
      "该工作项下的任务",
    );
    await ctx.tx.delete(activities).where(and(eq(activities.orgId, ctx.orgId), eq(activities.id, activityId)));
    return {
      data: { activityId, deletedTasks: taskRows.length },
      audit: [
        {
          action: "activity.delete",
          entityType: "activity",
          entityId: activityId,
          before: { ...before, taskIds: taskRows.map((t) => t.id) },
        },
      ],
    };
  },
);
