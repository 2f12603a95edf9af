import "server-only";
import { and, asc, count, eq, ne, sql } from "drizzle-orm";
import { isRectificationOverdue } from "@/lib/hazard-status";
import { hazards, units } from "../schema";
import type { QueryContext } from "./context";
import { hazardOverdueCondition, hazardScope } from "./hazard-scope";
import { unitOfHazard } from "./hazards";

const countWhere = (condition: ReturnType<typeof sql>) => sql<number>`count(*) filter (where ${condition})`.mapWith(Number);

/** Open (reported), rectifying, rectified (awaiting 销号), overdue and closed counts. */
const panelColumns = (now: Date) => ({
  total: count(),
  reported: countWhere(sql`${hazards.status} = 'reported'`),
  rectifying: countWhere(sql`${hazards.status} = 'rectifying'`),
  rectified: countWhere(sql`${hazards.status} = 'rectified'`),
  closed: countWhere(sql`${hazards.status} = 'verified'`),
  overdue: countWhere(sql`${hazardOverdueCondition(now)}`),
});

export type HazardPanelCounts = Awaited<ReturnType<typeof hazardPanelCounts>>;

/**
 * The dashboard's hazard panel: counts by level and by unit (units with any
 * hazard, the most overdue first), in the caller's scope.
 */
export async function hazardPanelCounts(ctx: QueryContext, now = new Date()) {
  const [byLevel, byUnit] = await Promise.all([
    ctx.db.select({ level: hazards.level, ...panelColumns(now) }).from(hazards).where(hazardScope(ctx)).groupBy(hazards.level),
    ctx.db
      .select({ unitId: units.id, unitName: units.name, ...panelColumns(now) })
      .from(hazards)
      .innerJoin(units, unitOfHazard)
      .where(hazardScope(ctx))
      .groupBy(units.id, units.name),
  ]);
  const zero = { total: 0, reported: 0, rectifying: 0, rectified: 0, closed: 0, overdue: 0 };
  const ofLevel = (level: "general" | "major") => {
    const row = byLevel.find((r) => r.level === level);
    if (!row) return zero;
    const { total, reported, rectifying, rectified, closed, overdue } = row;
    return { total, reported, rectifying, rectified, closed, overdue };
  };
  return {
    general: ofLevel("general"),
    major: ofLevel("major"),
    units: byUnit.sort(
      (a, b) => b.overdue - a.overdue || b.total - b.closed - (a.total - a.closed) || a.unitName.localeCompare(b.unitName),
    ),
  };
}

/** 重大 hazards not yet closed: they stay on the leader's dashboard until 销号. */
export async function openMajorHazards(ctx: QueryContext, now = new Date()) {
  const rows = await ctx.db
    .select({
      id: hazards.id,
      number: hazards.number,
      title: hazards.title,
      status: hazards.status,
      rectificationDeadline: hazards.rectificationDeadline,
      unitName: units.name,
    })
    .from(hazards)
    .innerJoin(units, unitOfHazard)
    .where(and(hazardScope(ctx), eq(hazards.level, "major"), ne(hazards.status, "verified")))
    .orderBy(sql`${hazards.rectificationDeadline} asc nulls last`, asc(hazards.number));
  return rows.map((row) => ({ ...row, overdue: isRectificationOverdue(row.status, row.rectificationDeadline, now) }));
}
