import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { hazardScope } from "@/db/queries/hazard-scope";
import { hazards, organizations } from "@/db/schema";
import { ActionError, type ActionContext } from "@/lib/auth/action-core";
import { nextHazardStatus, type HazardStatus, type HazardTransition } from "@/lib/hazard-status";

export type HazardRow = typeof hazards.$inferSelect;

/** The hazard if it is in the caller's scope (township; unit for a liaison), else not_found. */
export async function loadHazard(ctx: ActionContext, hazardId: string, expectedVersion?: number): Promise<HazardRow> {
  const [row] = await ctx.tx.select().from(hazards).where(and(hazardScope(ctx), eq(hazards.id, hazardId)));
  if (!row) throw new ActionError("not_found", "未找到该隐患");
  if (expectedVersion !== undefined && expectedVersion !== row.version) {
    throw new ActionError("conflict", "该隐患已被他人处理，请刷新后查看最新状态");
  }
  return row;
}

/** The status after a transition, or a conflict naming what the hazard's state allows. */
export function requireTransition(current: HazardRow, transition: HazardTransition): HazardStatus {
  const to = nextHazardStatus(current.status, transition);
  if (!to) throw new ActionError("conflict", "该隐患当前状态不允许此操作，请刷新后查看最新状态");
  return to;
}

/**
 * Writes `changes` only if the hazard still has the status and version that
 * were read (optimistic concurrency): the loser of a race gets a conflict,
 * never a silent overwrite. Scope stays in the where clause.
 */
export async function updateHazard(
  ctx: ActionContext,
  current: HazardRow,
  changes: Partial<Omit<HazardRow, "orgId" | "id" | "version">>,
): Promise<number> {
  const [updated] = await ctx.tx
    .update(hazards)
    .set({ ...changes, version: sql`${hazards.version} + 1`, updatedAt: new Date() })
    .where(
      and(
        hazardScope(ctx),
        eq(hazards.id, current.id),
        eq(hazards.version, current.version),
        eq(hazards.status, current.status),
      ),
    )
    .returning({ version: hazards.version });
  if (!updated) throw new ActionError("conflict", "该隐患已被他人处理，请刷新后查看最新状态");
  return updated.version;
}

/**
 * The next number of the township and year, e.g. XMS-2026-0007. The
 * township's row is locked first, so two reports at once queue up here and
 * each sees the other's number (gap-free while nothing is deleted).
 */
export async function nextHazardNumber(tx: Tx, orgId: string, foundOn: string): Promise<string> {
  const [org] = await tx
    .select({ shortCode: organizations.shortCode })
    .from(organizations)
    .where(eq(organizations.id, orgId))
    .for("update");
  if (!org) throw new ActionError("not_found", "未找到该乡镇");
  const prefix = `${org.shortCode}-${foundOn.slice(0, 4)}-`;
  const [row] = await tx
    .select({ last: sql<number | null>`max(substring(${hazards.number} from '(\\d+)$')::int)` })
    .from(hazards)
    .where(and(eq(hazards.orgId, orgId), sql`left(${hazards.number}, ${prefix.length}) = ${prefix}`));
  const next = Number(row?.last ?? 0) + 1;
  return `${prefix}${String(next).padStart(4, "0")}`;
}

