import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { contextFor, loadMembership } from "@/db/queries/context";
import { campaigns, memberships } from "@/db/schema";
import { seedDemoTownship } from "@/db/seed";
import type { Role } from "@/lib/auth/permissions";
import { campaignTemplateSchema } from "@/lib/campaign-template";
import { createTestDb, uniqueOrgOptions } from "@/tests/helpers/db";
import { campaignTemplateResponse } from "./campaign-template-download";

const NOW = new Date("2026-11-29T10:00:00+08:00");
let handle: DbHandle;
let orgA: string;
let orgB: string;

async function ctxOf(orgId: string, role: Role) {
  const [m] = await handle.db
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.orgId, orgId), eq(memberships.role, role)))
    .limit(1);
  return contextFor(handle.db, (await loadMembership(handle.db, m!.userId, orgId))!);
}

beforeAll(async () => {
  handle = await createTestDb();
  orgA = (await seedDemoTownship(handle.db, { now: NOW, shiftToYear: 2026, ...uniqueOrgOptions("dla") })).orgId;
  orgB = (await seedDemoTownship(handle.db, { now: NOW, shiftToYear: 2026, ...uniqueOrgOptions("dlb") })).orgId;
});

afterAll(async () => {
  await handle?.close();
});

describe("GET /api/campaigns/<id>/template", () => {
  it("leaders and auditors download the campaign as a valid JSON template named after it", async () => {
    const [campaign] = await handle.db.select().from(campaigns).where(eq(campaigns.orgId, orgA));
    for (const role of ["leader", "auditor", "admin"] as const) {
      const response = await campaignTemplateResponse(await ctxOf(orgA, role), campaign!.id);
      expect(response.status).toBe(200);
      expect(response.headers.get("content-disposition")).toContain(`filename*=UTF-8''${encodeURIComponent(`${campaign!.name}.json`)}`);
      const body = campaignTemplateSchema.parse(await response.json());
      expect(body.name).toBe(campaign!.name);
    }
  });

  it("a liaison, another township, a malformed id and a signed-out caller get nothing", async () => {
    const [campaign] = await handle.db.select().from(campaigns).where(eq(campaigns.orgId, orgA));
    expect((await campaignTemplateResponse(await ctxOf(orgA, "liaison"), campaign!.id)).status).toBe(404);
    expect((await campaignTemplateResponse(await ctxOf(orgB, "leader"), campaign!.id)).status).toBe(404);
    expect((await campaignTemplateResponse(await ctxOf(orgA, "leader"), "../etc")).status).toBe(404);
    expect((await campaignTemplateResponse(null, campaign!.id)).status).toBe(401);
  });
});
