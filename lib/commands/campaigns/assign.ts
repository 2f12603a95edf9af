import "server-only";
import { and, count, eq, inArray, isNull, or, sql } from "drizzle-orm";
import { z } from "zod";
import type { AuditEntry } from "@/db/audit";
import { announceAssignments } from "@/lib/reach/announce";
import { assignmentEvents, assignments, hazards, submissions, tasks, units } from "@/db/schema";
import { ActionError, defineCommand, type ActionContext } from "@/lib/auth/action-core";
import { listOf, optionalDate, optionalUuid, unitKindList } from "./fields";
import { activeUnitOf, campaignOf, endOfDay, liaisonByUnit } from "./guards";

/**
 * Gives tasks to units in bulk: the given tasks (or every task of an
 * activity) × the units of the given kinds and/or the picked units. Units
 * that already have a task are skipped; the new units' liaisons are told
 * only when the campaign is active (a draft is still being prepared).
 */
export const assignUnits = defineCommand(
  {
    name: "campaign.assign",
    permission: "campaign.manage",
    schema: z
      .object({
        campaignId: z.uuid(),
        taskIds: listOf(z.uuid()),
        activityId: optionalUuid,
        unitKinds: unitKindList,
        unitIds: listOf(z.uuid()),
        deadline: optionalDate,
      })
      .refine((v) => v.taskIds.length > 0 || !!v.activityId, { message: "请选择任务", path: ["taskIds"] })
      .refine((v) => v.unitKinds.length > 0 || v.unitIds.length > 0, { message: "请选择单位类型或单位", path: ["unitIds"] }),
  },
  async (input, ctx) => {
    const campaign = await campaignOf(ctx, input.campaignId);
    const taskRows = await ctx.tx
      .select({ id: tasks.id, title: tasks.title })
      .from(tasks)
      .where(
        and(
          eq(tasks.orgId, ctx.orgId),
          eq(tasks.campaignId, campaign.id),
          or(
            input.taskIds.length > 0 ? inArray(tasks.id, input.taskIds) : undefined,
            input.activityId ? eq(tasks.activityId, input.activityId) : undefined,
          ),
        ),
      );
    const found = new Set(taskRows.map((t) => t.id));
    if (taskRows.length === 0 || input.taskIds.some((id) => !found.has(id))) throw new ActionError("not_found", "未找到该任务");

    const unitRows = await ctx.tx
      .select({ id: units.id })
      .from(units)
      .where(
        and(
          eq(units.orgId, ctx.orgId),
          isNull(units.archivedAt),
          or(
            input.unitKinds.length > 0 ? inArray(units.kind, input.unitKinds) : undefined,
            input.unitIds.length > 0 ? inArray(units.id, input.unitIds) : undefined,
          ),
        ),
      );
    const unitIds = unitRows.map((u) => u.id);
    const known = new Set(unitIds);
    if (input.unitIds.some((id) => !known.has(id))) throw new ActionError("not_found", "未找到该单位");

    const owners = await liaisonByUnit(ctx, unitIds);
    const deadline = input.deadline ? endOfDay(input.deadline) : null;
    const audit: AuditEntry[] = [];
    let created = 0;
    for (const task of taskRows) {
      if (unitIds.length === 0) break;
      const rows = await ctx.tx
        .insert(assignments)
        .values(unitIds.map((unitId) => ({ orgId: ctx.orgId, taskId: task.id, unitId, deadline, ownerUserId: owners.get(unitId) ?? null })))
        .onConflictDoNothing({ target: [assignments.orgId, assignments.taskId, assignments.unitId] })
        .returning({ id: assignments.id, unitId: assignments.unitId });
      if (rows.length === 0) continue;
      created += rows.length;
      await ctx.tx
        .insert(assignmentEvents)
        .values(rows.map((a) => ({ orgId: ctx.orgId, assignmentId: a.id, toStatus: "pending" as const, actorUserId: ctx.userId })));
      for (const a of rows) {
        audit.push({ action: "assignment.create", entityType: "assignment", entityId: a.id, after: { taskId: task.id, unitId: a.unitId, deadline } });
      }
      if (campaign.status === "active") {
        await announceAssignments(
          ctx.tx,
          ctx.orgId,
          rows.map((a) => ({ unitId: a.unitId, assignmentIds: [a.id], title: `新任务：${task.title}`, body: campaign.name, link: `/tasks/${a.id}` })),
          { title: `新任务：${task.title}（${campaign.name}）`, link: "/tasks" },
        );
      }
    }
    const skipped = taskRows.length * unitIds.length - created;
    return { data: { created, skipped, units: unitIds.length, tasks: taskRows.length }, audit };
  },
);

async function assignmentOf(ctx: ActionContext, assignmentId: string) {
  const [row] = await ctx.tx
    .select({ assignment: assignments, campaignId: tasks.campaignId, taskTitle: tasks.title })
    .from(assignments)
    .innerJoin(tasks, and(eq(tasks.orgId, assignments.orgId), eq(tasks.id, assignments.taskId)))
    .where(and(eq(assignments.orgId, ctx.orgId), eq(assignments.id, assignmentId)))
    .limit(1);
  if (!row) throw new ActionError("not_found", "未找到该分派");
  return row;
}

/** Refuses once the unit has started: its submissions and history belong to that unit. */
async function refuseIfStarted(ctx: ActionContext, assignment: typeof assignments.$inferSelect, what: string) {
  // Locked, so a submission racing this change waits and is then seen (or finds the row moved).
  const [current] = await ctx.tx
    .select({ status: assignments.status })
    .from(assignments)
    .where(and(eq(assignments.orgId, ctx.orgId), eq(assignments.id, assignment.id)))
    .for("update");
  const [submitted] = await ctx.tx
    .select({ n: count() })
    .from(submissions)
    .where(and(eq(submissions.orgId, ctx.orgId), eq(submissions.assignmentId, assignment.id)));
  if ((submitted?.n ?? 0) > 0 || current?.status !== "pending") {
    throw new ActionError("conflict", `该单位已提交过材料，不能${what}`);
  }
  const [linked] = await ctx.tx
    .select({ n: count() })
    .from(hazards)
    .where(and(eq(hazards.orgId, ctx.orgId), eq(hazards.assignmentId, assignment.id)));
  if ((linked?.n ?? 0) > 0) throw new ActionError("conflict", `该任务已有隐患关联，不能${what}`);
}

/** Per-unit deadline override; an empty date goes back to the task's deadline. */
export const setAssignmentDeadline = defineCommand(
  {
    name: "campaign.assignment.deadline",
    permission: "campaign.manage",
    schema: z.object({ assignmentId: z.uuid(), deadline: optionalDate }),
  },
  async ({ assignmentId, deadline }, ctx) => {
    const { assignment } = await assignmentOf(ctx, assignmentId);
    const value = deadline ? endOfDay(deadline) : null;
    const [updated] = await ctx.tx
      .update(assignments)
      .set({ deadline: value, version: sql`${assignments.version} + 1`, updatedAt: new Date() })
      .where(and(eq(assignments.orgId, ctx.orgId), eq(assignments.id, assignmentId), eq(assignments.version, assignment.version)))
      .returning({ version: assignments.version });
    if (!updated) throw new ActionError("conflict", "该分派已被他人修改，请刷新后重试");
    return {
      data: { version: updated.version },
      audit: [
        {
          action: "assignment.deadline",
          entityType: "assignment",
          entityId: assignmentId,
          before: { deadline: assignment.deadline, version: assignment.version },
          after: { deadline: value, version: updated.version },
        },
      ],
    };
  },
);

/** Moves an untouched assignment to another unit of the township. */
export const reassignAssignment = defineCommand(
  {
    name: "campaign.assignment.reassign",
    permission: "campaign.manage",
    schema: z.object({ assignmentId: z.uuid(), unitId: z.uuid() }),
  },
  async ({ assignmentId, unitId }, ctx) => {
    const { assignment, campaignId, taskTitle } = await assignmentOf(ctx, assignmentId);
    const unit = await activeUnitOf(ctx, unitId);
    if (unit.id === assignment.unitId) throw new ActionError("invalid", "请选择另一个单位");
    await refuseIfStarted(ctx, assignment, "改派");
    const [taken] = await ctx.tx
      .select({ id: assignments.id })
      .from(assignments)
      .where(and(eq(assignments.orgId, ctx.orgId), eq(assignments.taskId, assignment.taskId), eq(assignments.unitId, unitId)));
    if (taken) throw new ActionError("conflict", `${unit.name}已有该任务`);

    const owner = (await liaisonByUnit(ctx, [unitId])).get(unitId) ?? null;
    const [updated] = await ctx.tx
      .update(assignments)
      .set({ unitId, ownerUserId: owner, acknowledgedAt: null, publishedAt: null, version: sql`${assignments.version} + 1`, updatedAt: new Date() })
      .where(
        and(
          eq(assignments.orgId, ctx.orgId),
          eq(assignments.id, assignmentId),
          eq(assignments.version, assignment.version),
          eq(assignments.status, "pending"),
        ),
      )
      .returning({ version: assignments.version });
    if (!updated) throw new ActionError("conflict", "该分派已被他人修改，请刷新后重试");
    const campaign = await campaignOf(ctx, campaignId);
    if (campaign.status === "active") {
      await announceAssignments(
        ctx.tx,
        ctx.orgId,
        [{ unitId, assignmentIds: [assignmentId], title: `新任务：${taskTitle}`, body: campaign.name, link: `/tasks/${assignmentId}` }],
        { title: `新任务：${taskTitle}（${campaign.name}）`, link: "/tasks" },
      );
    }
    return {
      data: { version: updated.version },
      audit: [
        {
          action: "assignment.reassign",
          entityType: "assignment",
          entityId: assignmentId,
          before: { unitId: assignment.unitId, version: assignment.version },
          after: { unitId, version: updated.version },
        },
      ],
    };
  },
);

/** Takes an untouched assignment away from its unit. */
export const unassign = defineCommand(
  { name: "campaign.assignment.unassign", permission: "campaign.manage", schema: z.object({ assignmentId: z.uuid() }) },
  async ({ assignmentId }, ctx) => {
    const { assignment } = await assignmentOf(ctx, assignmentId);
    await refuseIfStarted(ctx, assignment, "取消分派");
    await ctx.tx.delete(assignments).where(and(eq(assignments.orgId, ctx.orgId), eq(assignments.id, assignmentId)));
    return {
      data: { assignmentId },
      audit: [{ action: "assignment.unassign", entityType: "assignment", entityId: assignmentId, before: assignment }],
    };
  },
);
