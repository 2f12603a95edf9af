import "server-only";
import { eq, inArray, type SQL } from "drizzle-orm";
import type { DashboardFilters } from "@/lib/dashboard-filters";
import { tasks, units } from "../schema";

/**
 * The dashboard's filters (unit kind, phase) as where conditions, so the
 * headline, matrix, completion views, chart and ranking all count the same
 * assignments. Needs `units` and `tasks` joined to the assignments.
 */
export function dashboardFilterConditions(filters: DashboardFilters): SQL[] {
  const conditions: SQL[] = [];
  if (filters.unitKinds?.length) conditions.push(inArray(units.kind, filters.unitKinds));
  if (filters.phaseId) conditions.push(eq(tasks.phaseId, filters.phaseId));
  return conditions;
}
