import { and, count, eq, inArray, ne } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import * as assignmentQueries from "@/db/queries/assignments";
import * as campaignQueries from "@/db/queries/campaigns";
import { contextFor, loadMembership, type QueryContext } from "@/db/queries/context";
import * as dashboardQueries from "@/db/queries/dashboard";
import { assignments, campaigns, hazards, memberships, tasks } from "@/db/schema";
import { seedDemoTownship } from "@/db/seed";
import type { Role } from "@/lib/auth/permissions";
import { createTestDb, uniqueOrgOptions } from "./helpers/db";

/**
 * Two identical townships in one database: whatever a query returns for one must
 * never include the other's rows, and a liaison sees only their unit. A query
 * module export without an entry below fails the registry test.
 */
const NOW = new Date("2026-11-29T10:00:00+08:00");
let handle: DbHandle;
let orgA: string;
let orgB: string;

async function contextOf(orgId: string, role: Role): Promise<QueryContext> {
  const [m] = await handle.db
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.orgId, orgId), eq(memberships.role, role)))
    .limit(1);
  const membership = m && (await loadMembership(handle.db, m.userId, orgId));
  if (!membership) throw new Error(`no ${role} in ${orgId}`);
  return contextFor(handle.db, membership);
}

async function idsOf(orgId: string) {
  const db = handle.db;
  const a = await db.select({ id: assignments.id }).from(assignments).where(eq(assignments.orgId, orgId));
  const c = await db.select({ id: campaigns.id }).from(campaigns).where(eq(campaigns.orgId, orgId));
  return new Set([...a, ...c].map((r) => r.id));
}

beforeAll(async () => {
  handle = await createTestDb();
  orgA = (await seedDemoTownship(handle.db, { now: NOW, shiftToYear: 2026, ...uniqueOrgOptions("a") })).orgId;
  orgB = (await seedDemoTownship(handle.db, { now: NOW, shiftToYear: 2026, ...uniqueOrgOptions("b") })).orgId;
});

afterAll(async () => {
  await handle?.close();
});

/** Each query, called as township A, returning the ids and figures it exposes. */
const QUERIES: Record<string, (ctx: QueryContext, campaignId: string) => Promise<{ ids: string[]; total: number }>> = {
  "assignments.listAssignments": async (ctx) => {
    const rows = await assignmentQueries.listAssignments(ctx, { limit: 10_000 });
    return { ids: rows.map((r) => r.id), total: rows.length };
  },
  "assignments.getAssignmentDetail": async (ctx) => {
    const [first] = await assignmentQueries.listAssignments(ctx, { limit: 1 });
    const detail = first ? await assignmentQueries.getAssignmentDetail(ctx, first.id) : null;
    return { ids: detail ? [detail.id, detail.campaignId] : [], total: detail ? 1 : 0 };
  },
  "campaigns.listCampaignsWithProgress": async (ctx) => {
    const rows = await campaignQueries.listCampaignsWithProgress(ctx, NOW);
    return { ids: rows.map((r) => r.id), total: rows.reduce((sum, r) => sum + r.counts.total, 0) };
  },
  "campaigns.getCampaign": async (ctx, campaignId) => {
    const row = await campaignQueries.getCampaign(ctx, campaignId);
    return { ids: row ? [row.id] : [], total: row ? 1 : 0 };
  },
  "campaigns.campaignStatusCounts": async (ctx, campaignId) => {
    const counts = await campaignQueries.campaignStatusCounts(ctx, campaignId, NOW);
    return { ids: [], total: counts.total };
  },
  "dashboard.unitProgress": async (ctx, campaignId) => {
    const rows = await dashboardQueries.unitProgress(ctx, campaignId, NOW);
    return { ids: [], total: rows.reduce((sum, r) => sum + r.total, 0) };
  },
  "dashboard.overdueAssignments": async (ctx, campaignId) => {
    const rows = await dashboardQueries.overdueAssignments(ctx, campaignId, NOW, 10_000);
    return { ids: rows.map((r) => r.id), total: rows.length };
  },
  "dashboard.hazardCounts": async (ctx) => {
    const rows = await dashboardQueries.hazardCounts(ctx);
    return { ids: [], total: rows.reduce((sum, r) => sum + r.count, 0) };
  },
};

const MODULES = { assignments: assignmentQueries, campaigns: campaignQueries, dashboard: dashboardQueries };

describe("tenant isolation of db/queries", () => {
  it("every exported query has an entry in this test", () => {
    const exported = Object.entries(MODULES).flatMap(([name, mod]) =>
      Object.entries(mod)
        .filter(([, value]) => typeof value === "function")
        .map(([fn]) => `${name}.${fn}`),
    );
    expect(exported.sort()).toEqual(Object.keys(QUERIES).sort());
  });

  for (const role of ["admin", "leader", "auditor", "liaison"] as const) {
    it(`as a ${role} of township A, no query returns township B's rows`, async () => {
      const ctx = await contextOf(orgA, role);
      const foreign = await idsOf(orgB);
      const [campaign] = await handle.db.select({ id: campaigns.id }).from(campaigns).where(eq(campaigns.orgId, orgA));
      for (const [name, run] of Object.entries(QUERIES)) {
        const { ids } = await run(ctx, campaign!.id);
        expect(ids.filter((id) => foreign.has(id)), name).toEqual([]);
      }
    });
  }

  it("aggregates count only the caller's township", async () => {
    const ctx = await contextOf(orgA, "leader");
    const [campaign] = await handle.db.select({ id: campaigns.id }).from(campaigns).where(eq(campaigns.orgId, orgA));
    const [own] = await handle.db
      .select({ n: count() })
      .from(assignments)
      .innerJoin(tasks, and(eq(tasks.orgId, assignments.orgId), eq(tasks.id, assignments.taskId)))
      .where(and(eq(assignments.orgId, orgA), eq(tasks.campaignId, campaign!.id)));
    const [ownHazards] = await handle.db.select({ n: count() }).from(hazards).where(eq(hazards.orgId, orgA));
    expect((await QUERIES["campaigns.campaignStatusCounts"]!(ctx, campaign!.id)).total).toBe(own!.n);
    expect((await QUERIES["dashboard.unitProgress"]!(ctx, campaign!.id)).total).toBe(own!.n);
    expect((await QUERIES["dashboard.hazardCounts"]!(ctx, campaign!.id)).total).toBe(ownHazards!.n);
    expect(own!.n).toBeGreaterThan(0);
  });

  it("a township's campaign id is not found from the other township", async () => {
    const ctxB = await contextOf(orgB, "leader");
    const [campaignA] = await handle.db.select({ id: campaigns.id }).from(campaigns).where(eq(campaigns.orgId, orgA));
    expect(await campaignQueries.getCampaign(ctxB, campaignA!.id)).toBeNull();
    expect((await campaignQueries.campaignStatusCounts(ctxB, campaignA!.id, NOW)).total).toBe(0);
  });
});

describe("a liaison's scope", () => {
  it("sees only their own unit's assignments, and another unit's assignment is not found", async () => {
    const ctx = await contextOf(orgA, "liaison");
    const mine = await assignmentQueries.listAssignments(ctx, { limit: 10_000 });
    expect(mine.length).toBeGreaterThan(0);
    const unitIds = await handle.db
      .selectDistinct({ unitId: assignments.unitId })
      .from(assignments)
      .where(inArray(assignments.id, mine.map((a) => a.id)));
    expect(unitIds).toEqual([{ unitId: ctx.unitId }]);

    const [otherUnit] = await handle.db
      .select({ id: assignments.id })
      .from(assignments)
      .where(and(eq(assignments.orgId, orgA), ne(assignments.unitId, ctx.unitId!)))
      .limit(1);
    expect(await assignmentQueries.getAssignmentDetail(ctx, otherUnit!.id)).toBeNull();
    expect(await assignmentQueries.getAssignmentDetail(ctx, mine[0]!.id)).not.toBeNull();
    expect(await assignmentQueries.getAssignmentDetail(ctx, "not-a-uuid")).toBeNull();
  });

  it("counts hazards of their own unit only", async () => {
    const ctx = await contextOf(orgA, "liaison");
    const [own] = await handle.db
      .select({ n: count() })
      .from(hazards)
      .where(and(eq(hazards.orgId, orgA), eq(hazards.unitId, ctx.unitId!)));
    const rows = await dashboardQueries.hazardCounts(ctx);
    expect(rows.reduce((sum, r) => sum + r.count, 0)).toBe(own!.n);
  });
});
