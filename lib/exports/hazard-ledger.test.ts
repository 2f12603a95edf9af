import { and, eq, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { contextFor, loadMembership } from "@/db/queries/context";
import { campaigns } from "@/db/schema";
import { seedDemoTownship } from "@/db/seed";
import { createTestDb, uniqueOrgOptions } from "@/tests/helpers/db";
import { hazardCast } from "@/tests/helpers/hazards";
import { HAZARD_LEDGER_COLUMNS, hazardLedger } from "./hazard-ledger";

const NOW = new Date("2026-11-29T10:00:00+08:00");
let handle: DbHandle;
let orgId: string;
let cast: Awaited<ReturnType<typeof hazardCast>>;

const contextOf = async (who: { actor: { userId: string; orgId: string } }) =>
  contextFor(handle.db, (await loadMembership(handle.db, who.actor.userId, who.actor.orgId))!);

beforeAll(async () => {
  handle = await createTestDb();
  orgId = (await seedDemoTownship(handle.db, { now: NOW, shiftToYear: 2026, ...uniqueOrgOptions("ledger") })).orgId;
  cast = await hazardCast(handle.db, orgId);
});

afterAll(async () => {
  await handle?.close();
});

describe("隐患台账 rows for the compliance export", () => {
  it("gives every ledger column a Chinese header and a value per row, labels in Chinese", async () => {
    const ledger = await hazardLedger(await contextOf(cast.auditor), { now: NOW });
    expect(ledger.columns.map((c) => c.header)).toContain("隐患编号");
    expect(ledger.rows).toHaveLength(2);
    for (const row of ledger.rows) expect(Object.keys(row).sort()).toEqual(HAZARD_LEDGER_COLUMNS.map((c) => c.key).sort());
    const major = ledger.rows.find((r) => r.level === "重大隐患");
    expect(major).toMatchObject({ source: "12350举报热线", status: "待整改", overdue: "否" });
    const village = ledger.rows.find((r) => r.level === "一般隐患");
    expect(village).toMatchObject({ funds: 1800, status: "整改中", taskTitle: expect.stringContaining("查找身边隐患") });
  });

  it("for a campaign: the hazards its tasks found; a liaison sees only their unit's", async () => {
    const [month] = await handle.db
      .select({ id: campaigns.id })
      .from(campaigns)
      .where(and(eq(campaigns.orgId, orgId), like(campaigns.name, "%安全生产月%")));
    const forCampaign = await hazardLedger(await contextOf(cast.leader), { campaignId: month!.id, now: NOW });
    expect(forCampaign.rows.some((r) => String(r.taskTitle).includes("查找身边隐患"))).toBe(true);
    expect((await hazardLedger(await contextOf(cast.leader), { campaignId: "nope" })).rows).toEqual([]);
    const mine = await hazardLedger(await contextOf(cast.liaison), { now: NOW });
    expect(mine.rows.every((r) => r.unitName === mine.rows[0]?.unitName)).toBe(true);
  });
});
