import "server-only";
import { and, asc, count, eq, inArray, isNull } from "drizzle-orm";
import { activities, assignments, campaigns, hazards, memberships, phases, submissions, tasks, units, users } from "@/db/schema";
import { ActionError, type ActionContext } from "@/lib/auth/action-core";

/** The campaign of the caller's township, or not_found. */
export async function campaignOf(ctx: ActionContext, campaignId: string) {
  const [row] = await ctx.tx
    .select()
    .from(campaigns)
    .where(and(eq(campaigns.orgId, ctx.orgId), eq(campaigns.id, campaignId)))
    .limit(1);
  if (!row) throw new ActionError("not_found", "未找到该活动");
  return row;
}

export async function activityOf(ctx: ActionContext, activityId: string, campaignId?: string) {
  const [row] = await ctx.tx
    .select()
    .from(activities)
    .where(
      and(
        eq(activities.orgId, ctx.orgId),
        eq(activities.id, activityId),
        campaignId ? eq(activities.campaignId, campaignId) : undefined,
      ),
    )
    .limit(1);
  if (!row) throw new ActionError("not_found", "未找到该工作项");
  return row;
}

export async function phaseOf(ctx: ActionContext, phaseId: string, campaignId?: string) {
  const [row] = await ctx.tx
    .select()
    .from(phases)
    .where(and(eq(phases.orgId, ctx.orgId), eq(phases.id, phaseId), campaignId ? eq(phases.campaignId, campaignId) : undefined))
    .limit(1);
  if (!row) throw new ActionError("not_found", "未找到该阶段");
  return row;
}

/** Every instance of the task's series (the task alone when it does not recur), earliest first; not_found otherwise. */
export async function seriesOf(ctx: ActionContext, taskId: string) {
  const [task] = await ctx.tx
    .select()
    .from(tasks)
    .where(and(eq(tasks.orgId, ctx.orgId), eq(tasks.id, taskId)))
    .limit(1);
  if (!task) throw new ActionError("not_found", "未找到该任务");
  if (!task.seriesId) return [task];
  return ctx.tx
    .select()
    .from(tasks)
    .where(and(eq(tasks.orgId, ctx.orgId), eq(tasks.seriesId, task.seriesId)))
    .orderBy(asc(tasks.deadline));
}

/** An active unit of the caller's township, or not_found. */
export async function activeUnitOf(ctx: ActionContext, unitId: string) {
  const [row] = await ctx.tx
    .select()
    .from(units)
    .where(and(eq(units.orgId, ctx.orgId), eq(units.id, unitId), isNull(units.archivedAt)))
    .limit(1);
  if (!row) throw new ActionError("not_found", "未找到该单位");
  return row;
}

/** How many submissions the assignments of these tasks have (a task with any cannot be deleted). */
export async function submissionCount(ctx: ActionContext, taskIds: string[]): Promise<number> {
  if (taskIds.length === 0) return 0;
  const [row] = await ctx.tx
    .select({ n: count() })
    .from(submissions)
    .innerJoin(assignments, and(eq(assignments.orgId, submissions.orgId), eq(assignments.id, submissions.assignmentId)))
    .where(and(eq(submissions.orgId, ctx.orgId), inArray(assignments.taskId, taskIds)));
  return row?.n ?? 0;
}

/**
 * Refuses when any of these tasks has received a submission or has a hazard
 * linked to it: deleting would lose a unit's evidence or orphan the register.
 * The tasks' assignments are locked first, so a liaison submitting at the same
 * moment waits, and is then either counted here or finds the task gone.
 */
export async function refuseIfSubmitted(ctx: ActionContext, taskIds: string[], what: string): Promise<void> {
  if (taskIds.length === 0) return;
  await ctx.tx
    .select({ id: assignments.id })
    .from(assignments)
    .where(and(eq(assignments.orgId, ctx.orgId), inArray(assignments.taskId, taskIds)))
    .for("update");
  const n = await submissionCount(ctx, taskIds);
  if (n > 0) throw new ActionError("conflict", `${what}已有 ${n} 份单位提交的材料，不能删除；如不再需要，可关闭活动`);
  const [linked] = await ctx.tx
    .select({ n: count() })
    .from(hazards)
    .innerJoin(assignments, and(eq(assignments.orgId, hazards.orgId), eq(assignments.id, hazards.assignmentId)))
    .where(and(eq(hazards.orgId, ctx.orgId), inArray(assignments.taskId, taskIds)));
  if ((linked?.n ?? 0) > 0) throw new ActionError("conflict", `${what}已有 ${linked!.n} 条隐患关联，不能删除`);
}

/** Unit id → the user who owns its assignments (its first active liaison). */
export async function liaisonByUnit(ctx: ActionContext, unitIds: string[]): Promise<Map<string, string>> {
  if (unitIds.length === 0) return new Map();
  const rows = await ctx.tx
    .select({ unitId: memberships.unitId, userId: memberships.userId })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        eq(memberships.orgId, ctx.orgId),
        eq(memberships.role, "liaison"),
        eq(memberships.active, true),
        eq(users.active, true),
        inArray(memberships.unitId, unitIds),
      ),
    )
    .orderBy(asc(memberships.createdAt));
  const out = new Map<string, string>();
  for (const row of rows) if (row.unitId && !out.has(row.unitId)) out.set(row.unitId, row.userId);
  return out;
}

/** A calendar date's deadline: the end of that day in the township's time zone. */
export function endOfDay(date: string): Date {
  return new Date(`${date}T23:59:59+08:00`);
}
