import { and, eq, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { contextFor, loadMembership } from "@/db/queries/context";
import { campaigns } from "@/db/schema";
import { seedDemoTownship } from "@/db/seed";
import { createTestDb, uniqueOrgOptions } from "@/tests/helpers/db";
import { hazardCast } from "@/tests/helpers/hazards";
import { hazardExportPage, hazardSummary } from "./hazard-ledger";

const NOW = new Date("2026-11-29T10:00:00+08:00");
let handle: DbHandle;
let orgId: string;
let monthId: string;
let cast: Awaited<ReturnType<typeof hazardCast>>;

const contextOf = async (who: { actor: { userId: string; orgId: string } }) =>
  contextFor(handle.db, (await loadMembership(handle.db, who.actor.userId, who.actor.orgId))!);

beforeAll(async () => {
  handle = await createTestDb();
  orgId = (await seedDemoTownship(handle.db, { now: NOW, shiftToYear: 2026, ...uniqueOrgOptions("ledger") })).orgId;
  cast = await hazardCast(handle.db, orgId);
  const [month] = await handle.db
    .select({ id: campaigns.id })
    .from(campaigns)
    .where(and(eq(campaigns.orgId, orgId), like(campaigns.name, "%安全生产月%")));
  monthId = month!.id;
});

afterAll(async () => {
  await handle?.close();
});

describe("the 隐患台账 export rows", () => {
  it("a campaign's sheet holds the hazards its investigation tasks found, with the ledger fields", async () => {
    const rows = await hazardExportPage(await contextOf(cast.auditor), monthId);
    const village = rows.find((r) => r.taskTitle?.includes("查找身边隐患"));
    expect(village).toMatchObject({ level: "general", status: "rectifying", funds: "1800.00" });
    expect(village?.description).toBeTruthy();
    expect(village?.foundByName).toBeTruthy();
    const summary = await hazardSummary(await contextOf(cast.auditor), monthId);
    expect(summary.reduce((n, r) => n + r.count, 0)).toBe(rows.length);
  });

  it("pages by hazard number without repeating a row", async () => {
    const ctx = await contextOf(cast.leader);
    const first = await hazardExportPage(ctx, monthId, { limit: 1 });
    const rest = await hazardExportPage(ctx, monthId, { afterNumber: first[0]?.number ?? null, limit: 100 });
    const all = await hazardExportPage(ctx, monthId);
    expect([...first, ...rest].map((r) => r.id)).toEqual(all.map((r) => r.id));
  });

  it("a liaison sees only their unit's hazards; a malformed campaign id gives nothing", async () => {
    const mine = await hazardExportPage(await contextOf(cast.liaison), monthId);
    const unitIds = new Set(mine.map((r) => r.unitName));
    expect(unitIds.size).toBeLessThanOrEqual(1);
    expect(await hazardExportPage(await contextOf(cast.leader), "nope")).toEqual([]);
  });
});
