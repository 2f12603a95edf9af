import "server-only";
import { and, asc, count, eq, sql } from "drizzle-orm";
import { assignments, hazards, tasks, units } from "../schema";
import type { QueryContext } from "./context";
import {
  assignmentScope,
  effectiveDeadline,
  overdueCondition,
  statusCountColumns,
  taskOfAssignment,
  unitOfAssignment,
} from "./scope";

/** Per unit: its assignments in the campaign counted by status, the laggards first. */
export async function unitProgress(ctx: QueryContext, campaignId: string, now = new Date()) {
  const rows = await ctx.db
    .select({ unitId: units.id, unitName: units.name, unitKind: units.kind, ...statusCountColumns(now) })
    .from(assignments)
    .innerJoin(tasks, taskOfAssignment)
    .innerJoin(units, unitOfAssignment)
    .where(and(assignmentScope(ctx), eq(tasks.campaignId, campaignId)))
    .groupBy(units.id, units.name, units.kind);
  return rows.sort((a, b) => b.overdue - a.overdue || a.approved / a.total - b.approved / b.total);
}

/** Open work past its deadline, oldest deadline first. */
export async function overdueAssignments(ctx: QueryContext, campaignId: string, now = new Date(), limit = 20) {
  const rows = await ctx.db
    .select({
      id: assignments.id,
      status: assignments.status,
      deadline: effectiveDeadline,
      taskTitle: tasks.title,
      unitName: units.name,
    })
    .from(assignments)
    .innerJoin(tasks, taskOfAssignment)
    .innerJoin(units, unitOfAssignment)
    .where(and(assignmentScope(ctx), eq(tasks.campaignId, campaignId), overdueCondition(now)))
    .orderBy(asc(effectiveDeadline))
    .limit(limit);
  return rows.map((row) => ({ ...row, deadline: new Date(row.deadline) }));
}

/** Hazards of the township (a liaison: their unit's) counted by status and level. */
export async function hazardCounts(ctx: QueryContext) {
  const scope =
    ctx.role === "liaison"
      ? and(eq(hazards.orgId, ctx.orgId), ctx.unitId ? eq(hazards.unitId, ctx.unitId) : sql`false`)
      : eq(hazards.orgId, ctx.orgId);
  return ctx.db
    .select({ status: hazards.status, level: hazards.level, count: count() })
    .from(hazards)
    .where(scope)
    .groupBy(hazards.status, hazards.level);
}
