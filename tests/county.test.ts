import { randomBytes } from "node:crypto";
import { and, count, eq, inArray } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { contextFor, loadMembership, type QueryContext } from "@/db/queries/context";
import * as county from "@/db/queries/county";
import { complianceMatrix } from "@/db/queries/matrix";
import { assignments, campaigns, hazards, memberships, organizations, submissions, tasks, users } from "@/db/schema";
import { seedDemoTownship } from "@/db/seed";
import { executeAction } from "@/lib/auth/action-core";
import { acknowledgeAssignment } from "@/lib/commands/acknowledge-assignment";
import { returnAssignment } from "@/lib/commands/review-assignment";
import { isRectificationOverdue } from "@/lib/hazard-status";
import { countyExportResponse } from "@/lib/county-export";
import { createCountyUser, onboardTownship } from "@/lib/onboarding";
import { isOverdue } from "@/lib/status";
import { createTestDb, uniqueOrgOptions } from "./helpers/db";

/**
 * Two townships under county A and a third under county B (each county also
 * holds an onboarded township without campaigns). Seeded townships start under
 * the demo county and are moved, so a shared PostgreSQL run stays apart.
 */
const NOW = new Date("2026-11-29T10:00:00+08:00");
const TEMPLATE = "safety-month-2020";
let handle: DbHandle;
let countyA: string;
let countyB: string;
let townsA: string[];
let townC: string;
let leaderA: QueryContext;
let auditorA: QueryContext;
let leaderB: QueryContext;

const tag = () => randomBytes(4).toString("hex");

async function newCounty(label: string) {
  const id = tag();
  const made = await onboardTownship(handle.db, {
    countyCode: `c${label}-${id}`,
    countyName: `测试县${label}${id}`,
    code: `t${label}-${id}`,
    name: `测试镇${label}${id}`,
    shortCode: `Q${id.slice(0, 4).toUpperCase()}`,
    adminUsername: `adm-${label}-${id}`,
    adminName: "测试管理员",
  });
  return { countyId: made.countyId, countyCode: `c${label}-${id}` };
}

async function countyContext(countyCode: string, role: "county_leader" | "county_auditor"): Promise<QueryContext> {
  const user = await createCountyUser(handle.db, { countyCode, username: `cu-${tag()}`, displayName: "县级用户", role });
  // As if they had already replaced the one-time password (until then every action is refused).
  await handle.db.update(users).set({ mustChangePassword: false }).where(eq(users.id, user.userId));
  const membership = await loadMembership(handle.db, user.userId, user.countyId);
  if (!membership) throw new Error("county membership missing");
  return contextFor(handle.db, membership);
}

async function seedUnder(countyId: string, label: string): Promise<string> {
  const { orgId } = await seedDemoTownship(handle.db, { now: NOW, shiftToYear: 2026, ...uniqueOrgOptions(label) });
  await handle.db.update(organizations).set({ parentId: countyId }).where(eq(organizations.id, orgId));
  return orgId;
}

beforeAll(async () => {
  handle = await createTestDb();
  const a = await newCounty("a");
  const b = await newCounty("b");
  countyA = a.countyId;
  countyB = b.countyId;
  townsA = [await seedUnder(countyA, "ca1"), await seedUnder(countyA, "ca2")];
  townC = await seedUnder(countyB, "cb1");
  leaderA = await countyContext(a.countyCode, "county_leader");
  auditorA = await countyContext(a.countyCode, "county_auditor");
  leaderB = await countyContext(b.countyCode, "county_leader");
}, 120_000);

afterAll(async () => {
  await handle?.close();
});

/** One township's figures computed from its rows in JavaScript, not through the roll-up's SQL. */
async function figuresFromRows(orgId: string) {
  const rows = await handle.db
    .select({ id: assignments.id, status: assignments.status, own: assignments.deadline, task: tasks.deadline })
    .from(assignments)
    .innerJoin(tasks, and(eq(tasks.orgId, assignments.orgId), eq(tasks.id, assignments.taskId)))
    .innerJoin(campaigns, and(eq(campaigns.orgId, tasks.orgId), eq(campaigns.id, tasks.campaignId)))
    .where(and(eq(assignments.orgId, orgId), eq(campaigns.templateKey, TEMPLATE)));
  const [returned] = await handle.db
    .select({ n: count() })
    .from(submissions)
    .where(and(eq(submissions.orgId, orgId), eq(submissions.decision, "returned"), inArray(submissions.assignmentId, rows.map((r) => r.id))));
  const hazardRows = await handle.db.select().from(hazards).where(eq(hazards.orgId, orgId));
  return {
    total: rows.length,
    approved: rows.filter((r) => r.status === "approved").length,
    overdue: rows.filter((r) => isOverdue(r.status, r.own ?? r.task, NOW)).length,
    returns: returned!.n,
    hazardsOpen: hazardRows.filter((h) => h.status !== "verified").length,
    hazardsOverdue: hazardRows.filter((h) => isRectificationOverdue(h.status, h.rectificationDeadline, NOW)).length,
    hazardsClosed: hazardRows.filter((h) => h.status === "verified").length,
  };
}

const sum = (values: number[]) => values.reduce((n, v) => n + v, 0);

describe("county roll-up", () => {
  it("lists the county's own townships and templates only", async () => {
    const towns = await county.countyTownships(leaderA);
    expect(towns.map((t) => t.id).sort()).toEqual([...townsA, ...(await onboardedOf(countyA))].sort());
    const templates = await county.countyTemplates(auditorA);
    expect(templates.map((t) => t.templateKey)).toContain(TEMPLATE);
    expect(templates.find((t) => t.templateKey === TEMPLATE)?.townships).toBe(2);
  });

  it("per-township campaign and hazard figures equal those computed from the rows, and the county totals their sums", async () => {
    const figures = await county.townshipCampaignFigures(leaderA, TEMPLATE, NOW);
    const hazardFigures = await county.townshipHazardFigures(leaderA, NOW);
    expect(figures.map((f) => f.townshipId).sort()).toEqual([...townsA].sort());
    const expected = await Promise.all(townsA.map(figuresFromRows));
    for (const [i, orgId] of townsA.entries()) {
      const row = figures.find((f) => f.townshipId === orgId)!;
      const want = expected[i]!;
      expect({ total: row.total, approved: row.approved, overdue: row.overdue, returns: row.returns }).toEqual({
        total: want.total,
        approved: want.approved,
        overdue: want.overdue,
        returns: want.returns,
      });
      expect(row.completion).toBeCloseTo(want.approved / want.total);
      const mine = hazardFigures.filter((h) => h.townshipId === orgId);
      expect(sum(mine.map((h) => h.open))).toBe(want.hazardsOpen);
      expect(sum(mine.map((h) => h.overdue))).toBe(want.hazardsOverdue);
      expect(sum(mine.map((h) => h.closed))).toBe(want.hazardsClosed);
    }
    expect(sum(figures.map((f) => f.total))).toBe(sum(expected.map((e) => e.total)));
    expect(sum(expected.map((e) => e.total))).toBeGreaterThan(0);
    expect(sum(expected.map((e) => e.overdue))).toBeGreaterThan(0);
    expect(sum(hazardFigures.map((h) => h.open + h.closed))).toBe(sum(expected.map((e) => e.hazardsOpen + e.hazardsClosed)));
  });

  it("the second county sees only its own township, nothing of the first", async () => {
    expect((await county.countyTownships(leaderB)).map((t) => t.id)).toEqual(
      expect.arrayContaining([townC]),
    );
    expect((await county.countyTownships(leaderB)).some((t) => townsA.includes(t.id))).toBe(false);
    const figures = await county.townshipCampaignFigures(leaderB, TEMPLATE, NOW);
    expect(figures.map((f) => f.townshipId)).toEqual([townC]);
    const hazardFigures = await county.townshipHazardFigures(leaderB, NOW);
    expect(new Set(hazardFigures.map((h) => h.townshipId))).toEqual(new Set([townC]));
  });

  it("drills into an own township read-only, and refuses another county's township or a bad id", async () => {
    const read = await county.townshipReadContext(leaderA, townsA[0]!);
    expect(read?.township.id).toBe(townsA[0]);
    expect(read?.ctx.role).toBe("auditor");
    // The same template run again next year: the drill-down keeps showing the one under way.
    await handle.db
      .insert(campaigns)
      .values({ orgId: townsA[0]!, name: "2027年安全生产月", startsOn: "2027-06-01", endsOn: "2027-06-30", templateKey: TEMPLATE });
    const campaign = await county.townshipCampaignOfTemplate(read!.ctx, TEMPLATE, NOW);
    expect(campaign?.startsOn.slice(0, 4)).toBe("2026");
    const matrix = await complianceMatrix(read!.ctx, campaign!.id, NOW);
    expect(matrix.cells.length).toBeGreaterThan(0);
    expect(await county.townshipReadContext(leaderA, townC)).toBeNull();
    expect(await county.townshipReadContext(leaderB, townsA[0]!)).toBeNull();
    expect(await county.townshipReadContext(leaderA, countyB)).toBeNull();
    expect(await county.townshipReadContext(leaderA, "not-a-uuid")).toBeNull();
  });

  it("county roles cannot run township commands", async () => {
    const [a] = await handle.db.select().from(assignments).where(eq(assignments.orgId, townsA[0]!)).limit(1);
    for (const ctx of [leaderA, auditorA]) {
      const actor = { userId: ctx.userId, orgId: ctx.orgId };
      const ack = await executeAction(handle.db, actor, acknowledgeAssignment.config, { assignmentId: a!.id }, acknowledgeAssignment.body);
      expect(ack).toMatchObject({ ok: false, code: "forbidden" });
      const ret = await executeAction(
        handle.db,
        actor,
        returnAssignment.config,
        { assignmentId: a!.id, version: a!.version, reason: "县里退回" },
        returnAssignment.body,
      );
      expect(ret).toMatchObject({ ok: false, code: "forbidden" });
    }
    const [after] = await handle.db.select().from(assignments).where(eq(assignments.id, a!.id));
    expect(after!.version).toBe(a!.version);
  });
});

describe("county export", () => {
  it("streams one sheet per figure set with Chinese headers, the totals matching the roll-up", async () => {
    const response = await countyExportResponse(handle.db, { userId: auditorA.userId, orgId: countyA }, TEMPLATE, NOW);
    expect(response.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    expect(workbook.worksheets.map((w) => w.name)).toEqual(["活动完成情况", "隐患情况", "完成率排名"]);
    const sheet = workbook.getWorksheet("活动完成情况")!;
    expect(sheet.getRow(1).getCell(3).value).toBe("任务数");
    const figures = await county.townshipCampaignFigures(auditorA, TEMPLATE, NOW);
    const last = sheet.getRow(sheet.rowCount);
    expect(last.getCell(1).value).toBe("全县合计");
    expect(last.getCell(3).value).toBe(sum(figures.map((f) => f.total)));
    expect(sheet.rowCount).toBe(1 + townsA.length + 1);
  });

  it("refuses township roles, a signed-out caller and a template the county does not run", async () => {
    const [townLeader] = await handle.db.select().from(memberships).where(and(eq(memberships.orgId, townsA[0]!), eq(memberships.role, "leader")));
    expect((await countyExportResponse(handle.db, { userId: townLeader!.userId, orgId: townsA[0]! }, TEMPLATE, NOW)).status).toBe(403);
    expect((await countyExportResponse(handle.db, null, TEMPLATE, NOW)).status).toBe(401);
    expect((await countyExportResponse(handle.db, { userId: leaderA.userId, orgId: countyA }, "no-such-template", NOW)).status).toBe(404);
  });
});

async function onboardedOf(countyId: string): Promise<string[]> {
  const rows = await handle.db.select({ id: organizations.id }).from(organizations).where(eq(organizations.parentId, countyId));
  return rows.map((r) => r.id).filter((id) => !townsA.includes(id) && id !== townC);
}
