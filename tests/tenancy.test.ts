import path from "node:path";
import { and, count, eq, inArray, ne, or } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import * as assignmentQueries from "@/db/queries/assignments";
import * as campaignQueries from "@/db/queries/campaigns";
import { contextFor, loadMembership, type QueryContext } from "@/db/queries/context";
import { hazardPanelCounts } from "@/db/queries/hazard-panel";
import {
  activities,
  assignments,
  campaigns,
  deliveries,
  files,
  hazards,
  memberships,
  notifications,
  robotConnections,
  submissions,
  tasks,
  units,
} from "@/db/schema";
import { seedDemoTownship } from "@/db/seed";
import type { Role } from "@/lib/auth/permissions";
import { createTestDb, uniqueOrgOptions } from "./helpers/db";
import type { TenancyCase, TenancyCases } from "./tenancy/case";

/**
 * Two identical townships in one database: whatever a query returns for one must
 * never include the other's rows, and a liaison sees only their unit. Every
 * function exported from db/queries/<module>.ts needs a case in
 * tests/tenancy/<module>.cases.ts, or the registry test fails.
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

/** Every id the other township owns, across the tables a query could leak from. */
async function idsOf(orgId: string) {
  const tables = [assignments, campaigns, activities, tasks, units, hazards, submissions, files, notifications, robotConnections, deliveries];
  const ids = new Set<string>();
  for (const table of tables) {
    for (const row of await handle.db.select({ id: table.id }).from(table).where(eq(table.orgId, orgId))) ids.add(row.id);
  }
  return ids;
}

beforeAll(async () => {
  handle = await createTestDb();
  orgA = (await seedDemoTownship(handle.db, { now: NOW, shiftToYear: 2026, ...uniqueOrgOptions("a") })).orgId;
  orgB = (await seedDemoTownship(handle.db, { now: NOW, shiftToYear: 2026, ...uniqueOrgOptions("b") })).orgId;
  // The demo township has no robots or deliveries: one of each per township, so a leak would show.
  for (const orgId of [orgA, orgB]) {
    await handle.db.insert(robotConnections).values({ orgId, kind: "wecom", name: "工作群", webhookUrl: "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=t" });
    await handle.db.insert(deliveries).values({
      orgId,
      idempotencyKey: "tenancy",
      kind: "reminder",
      channel: "email",
      recipient: "a@example.com",
      subject: "提醒",
      body: "提醒",
      status: "failed",
    });
  }
});

afterAll(async () => {
  await handle?.close();
});

// Plumbing modules (context, scope and *-scope: where-clause builders) are not queries of their own.
const isPlumbing = (module: string) => module === "context" || module === "scope" || module.endsWith("-scope");
const queryModules = import.meta.glob<Record<string, unknown>>("../db/queries/*.ts", { eager: true });
const caseFiles = import.meta.glob<{ cases: TenancyCases }>("./tenancy/*.cases.ts", { eager: true });
const moduleName = (file: string) => path.basename(file).replace(/(\.cases)?\.ts$/, "");

/** Every registered case, named `<module>.<export>`. */
const QUERIES: Record<string, TenancyCase> = Object.fromEntries(
  Object.entries(caseFiles).flatMap(([file, mod]) =>
    Object.entries(mod.cases).map(([fn, run]) => [`${moduleName(file)}.${fn}`, run]),
  ),
);

describe("tenant isolation of db/queries", () => {
  it("every exported query has an entry in this test", () => {
    const exported = Object.entries(queryModules)
      .filter(([file]) => !isPlumbing(moduleName(file)))
      .flatMap(([file, mod]) =>
        Object.entries(mod)
          .filter(([, value]) => typeof value === "function")
          .map(([fn]) => `${moduleName(file)}.${fn}`),
      );
    expect(exported.length).toBeGreaterThan(5);
    expect(exported.sort()).toEqual(Object.keys(QUERIES).sort());
  });

  for (const role of ["admin", "leader", "auditor", "liaison"] as const) {
    it(`as a ${role} of township A, no query returns township B's rows`, async () => {
      const ctx = await contextOf(orgA, role);
      const foreign = await idsOf(orgB);
      const [campaign] = await handle.db.select({ id: campaigns.id }).from(campaigns).where(eq(campaigns.orgId, orgA));
      for (const [name, run] of Object.entries(QUERIES)) {
        const { ids } = await run(ctx, { campaignId: campaign!.id, now: NOW });
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
    const fixture = { campaignId: campaign!.id, now: NOW };
    expect((await QUERIES["campaigns.campaignStatusCounts"]!(ctx, fixture)).total).toBe(own!.n);
    expect((await QUERIES["dashboard.unitProgress"]!(ctx, fixture)).total).toBe(own!.n);
    expect((await QUERIES["hazard-panel.hazardPanelCounts"]!(ctx, fixture)).total).toBe(ownHazards!.n);
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

  it("counts only the hazards of their own unit (found there or handed to it)", async () => {
    const ctx = await contextOf(orgA, "liaison");
    const [own] = await handle.db
      .select({ n: count() })
      .from(hazards)
      .where(and(eq(hazards.orgId, orgA), or(eq(hazards.unitId, ctx.unitId!), eq(hazards.responsibleUnitId, ctx.unitId!))));
    const counts = await hazardPanelCounts(ctx, NOW);
    expect(counts.general.total + counts.major.total).toBe(own!.n);
  });
});
