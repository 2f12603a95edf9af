import "server-only";
import { and, eq, inArray, lt, or, sql, type SQL } from "drizzle-orm";
import { OPEN_HAZARD_STATUSES, beijingToday } from "@/lib/hazard-status";
import { hazards } from "../schema";
import type { QueryContext } from "./context";

/**
 * The where clause every hazard read and write starts from: the caller's
 * township, and for a liaison the hazards of their unit — found there, or
 * handed to it for rectification. A liaison without a unit sees nothing.
 */
export function hazardScope(ctx: QueryContext): SQL {
  const inOrg = eq(hazards.orgId, ctx.orgId);
  if (ctx.role !== "liaison") return inOrg;
  if (!ctx.unitId) return sql`false`;
  return and(inOrg, or(eq(hazards.unitId, ctx.unitId), eq(hazards.responsibleUnitId, ctx.unitId))) as SQL;
}

/** SQL twin of lib/hazard-status isRectificationOverdue(): open and past the deadline day in Beijing. */
export function hazardOverdueCondition(now: Date): SQL {
  return and(
    inArray(hazards.status, [...OPEN_HAZARD_STATUSES]),
    lt(hazards.rectificationDeadline, beijingToday(now)),
  ) as SQL;
}

