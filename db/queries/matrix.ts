import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import type { DashboardFilters } from "@/lib/dashboard-filters";
import { escalationLevel, type EscalationLevel } from "@/lib/reach/rules";
import { loadSchedule } from "@/lib/reach/settings";
import { activities, assignments, tasks, units } from "../schema";
import type { QueryContext } from "./context";
import { dashboardFilterConditions } from "./dashboard-scope";
import {
  assignmentScope,
  effectiveDeadline,
  overdueCondition,
  statusCountColumns,
  taskOfAssignment,
  unitOfAssignment,
  type StatusCounts,
} from "./scope";

type UnitKind = (typeof units.$inferSelect)["kind"];

export type MatrixFilters = DashboardFilters;

export interface MatrixCell extends StatusCounts {
  unitId: string;
  activityId: string;
  /** The 三色督办 level of the cell's most overdue assignment; null when nothing is overdue (enough). */
  escalation: EscalationLevel | null;
}

/**
 * The unit × activity matrix of one campaign in one set-based query: assignment
 * counts by status per (unit, activity). Uses tasks_org_campaign_idx to find the
 * campaign's tasks, then assignments_org_task_unit_key (org_id, task_id, …) for
 * their assignments and the units primary key; activities_org_campaign_idx for
 * the columns. The caller's scope (township, a liaison's unit) and the
 * dashboard filters are in the where, so the cells sum to the headline figures.
 * A cell's escalation level comes from the earliest deadline among its overdue
 * assignments (the most days overdue), one aggregate per cell, against the
 * township's thresholds.
 */
export async function complianceMatrix(ctx: QueryContext, campaignId: string, now: Date, filters: MatrixFilters = {}) {
  const conditions = [assignmentScope(ctx), eq(tasks.campaignId, campaignId), ...dashboardFilterConditions(filters)];

  const [schedule, activityRows, cells] = await Promise.all([
    loadSchedule(ctx.db, ctx.orgId),
    ctx.db
      .select({
        id: activities.id,
        code: activities.code,
        title: activities.title,
        grouping: activities.grouping,
        position: activities.position,
      })
      .from(activities)
      .where(and(eq(activities.orgId, ctx.orgId), eq(activities.campaignId, campaignId)))
      .orderBy(asc(activities.position)),
    ctx.db
      .select({
        unitId: units.id,
        unitName: units.name,
        unitKind: units.kind,
        unitCode: units.code,
        activityId: tasks.activityId,
        ...statusCountColumns(now),
        oldestOverdue: sql<Date | string | null>`min(${effectiveDeadline}) filter (where ${overdueCondition(now)})`,
      })
      .from(assignments)
      .innerJoin(tasks, taskOfAssignment)
      .innerJoin(units, unitOfAssignment)
      .where(and(...conditions))
      .groupBy(units.id, units.name, units.kind, units.code, tasks.activityId),
  ]);

  const unitMap = new Map<string, { id: string; name: string; kind: UnitKind; code: string }>();
  for (const c of cells) unitMap.set(c.unitId, { id: c.unitId, name: c.unitName, kind: c.unitKind, code: c.unitCode });
  const KIND_ORDER: UnitKind[] = ["community", "village", "department", "school", "enterprise"];
  const unitList = [...unitMap.values()].sort(
    (a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || a.code.localeCompare(b.code),
  );
  const matrixCells: MatrixCell[] = cells.map((c) => ({
    unitId: c.unitId,
    activityId: c.activityId,
    total: c.total,
    pending: c.pending,
    submitted: c.submitted,
    approved: c.approved,
    returned: c.returned,
    overdue: c.overdue,
    // The filter keeps open work only, so "pending" stands for the cell's worst assignment here.
    escalation: c.oldestOverdue ? escalationLevel("pending", new Date(c.oldestOverdue), now, schedule.escalationDays) : null,
  }));
  return { activities: activityRows, units: unitList, cells: matrixCells, escalationDays: schedule.escalationDays };
}
