import { and, asc, desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { contextFor, loadMembership, type QueryContext } from "@/db/queries/context";
import { liaisonHome } from "@/db/queries/liaison-home";
import { complianceMatrix } from "@/db/queries/matrix";
import { cellAssignments } from "@/db/queries/matrix-cell";
import { activities, assignmentEvents, assignments, campaigns, memberships, tasks, units } from "@/db/schema";
import { seedDemoTownship } from "@/db/seed";
import { cellState } from "@/lib/compliance";
import type { Role } from "@/lib/auth/permissions";
import { createTestDb, uniqueOrgOptions } from "./helpers/db";

/**
 * One enterprise's assignments rewritten by hand so each activity of the
 * safety month shows one colour of the heat-map; then the drill-down of those
 * cells, scoping, and the liaison home against the rows.
 */
const NOW = new Date("2026-06-18T10:00:00+08:00");
const FUTURE = new Date("2026-06-29T18:00:00+08:00");
const PAST = new Date("2026-06-10T18:00:00+08:00");
let handle: DbHandle;
let orgA: string;
let orgB: string;
let campaignId: string;
let enterpriseId: string;
let activityIds: string[];

async function contextOf(orgId: string, role: Role, unitId?: string): Promise<QueryContext> {
  const [m] = await handle.db
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.orgId, orgId), eq(memberships.role, role), unitId ? eq(memberships.unitId, unitId) : undefined))
    .limit(1);
  return contextFor(handle.db, (await loadMembership(handle.db, m!.userId, orgId))!);
}

async function setCell(activityIndex: number, plan: { status: "pending" | "submitted" | "approved" | "returned"; deadline: Date }[]) {
  const list = await handle.db
    .select({ id: assignments.id })
    .from(assignments)
    .innerJoin(tasks, and(eq(tasks.orgId, assignments.orgId), eq(tasks.id, assignments.taskId)))
    .where(and(eq(assignments.orgId, orgA), eq(assignments.unitId, enterpriseId), eq(tasks.activityId, activityIds[activityIndex]!)))
    .orderBy(asc(tasks.position));
  expect(list.length, `activity ${activityIndex + 1}`).toBe(plan.length);
  for (const [i, a] of list.entries()) {
    await handle.db.update(assignments).set(plan[i]!).where(and(eq(assignments.orgId, orgA), eq(assignments.id, a.id)));
  }
}

beforeAll(async () => {
  handle = await createTestDb();
  orgA = (await seedDemoTownship(handle.db, { now: NOW, shiftToYear: 2026, ...uniqueOrgOptions("cells") })).orgId;
  orgB = (await seedDemoTownship(handle.db, { now: NOW, shiftToYear: 2026, ...uniqueOrgOptions("cellsb") })).orgId;
  const [campaign] = await handle.db
    .select({ id: campaigns.id })
    .from(campaigns)
    .where(and(eq(campaigns.orgId, orgA), eq(campaigns.templateKey, "safety-month-2020")));
  campaignId = campaign!.id;
  activityIds = (
    await handle.db
      .select({ id: activities.id })
      .from(activities)
      .where(and(eq(activities.orgId, orgA), eq(activities.campaignId, campaignId)))
      .orderBy(asc(activities.position))
  ).map((a) => a.id);
  const [enterprise] = await handle.db
    .select({ id: units.id })
    .from(units)
    .where(and(eq(units.orgId, orgA), eq(units.kind, "enterprise")))
    .orderBy(asc(units.code))
    .limit(1);
  enterpriseId = enterprise!.id;
  // An enterprise's tasks in the safety month: study 2, investigation 1, cloud class 2, consultation day 1, none in (五), art 1, 五进 1.
  await setCell(0, [{ status: "approved", deadline: PAST }, { status: "approved", deadline: PAST }]);
  await setCell(1, [{ status: "submitted", deadline: PAST }]);
  await setCell(2, [{ status: "pending", deadline: FUTURE }, { status: "approved", deadline: PAST }]);
  await setCell(3, [{ status: "returned", deadline: PAST }]);
  await setCell(5, [{ status: "approved", deadline: FUTURE }]);
  await setCell(6, [{ status: "returned", deadline: FUTURE }]);
});

afterAll(async () => {
  await handle?.close();
});

describe("heat-map cell colours for crafted assignments", () => {
  it("colours each of the enterprise's cells by the state of its tasks there", async () => {
    const matrix = await complianceMatrix(await contextOf(orgA, "leader"), campaignId, NOW);
    const stateOf = (i: number) => {
      const cell = matrix.cells.find((c) => c.unitId === enterpriseId && c.activityId === activityIds[i]);
      return cell ? cellState(cell) : "not_applicable";
    };
    expect(activityIds.map((_, i) => stateOf(i))).toEqual([
      "approved", // all approved
      "submitted", // waiting for review; submitted in time, so not the unit's overdue
      "in_progress", // one open, not yet due
      "overdue", // returned and past the deadline
      "not_applicable", // (五) has no task for enterprises
      "approved",
      "in_progress", // returned but not yet due
    ]);
  });
});

describe("drill-down from a cell", () => {
  it("lists the unit's assignments in the activity, with the overdue one", async () => {
    const cell = await cellAssignments(await contextOf(orgA, "auditor"), { campaignId, unitId: enterpriseId, activityId: activityIds[3]! });
    expect(cell?.unit.id).toBe(enterpriseId);
    expect(cell?.assignments.map((a) => [a.status, a.deadline.getTime()])).toEqual([["returned", PAST.getTime()]]);
  });

  it("is not found for malformed ids, another campaign's activity or another township", async () => {
    const leader = await contextOf(orgA, "leader");
    const key = { campaignId, unitId: enterpriseId, activityId: activityIds[0]! };
    expect(await cellAssignments(leader, { ...key, unitId: "x" })).toBeNull();
    const [threeYearActivity] = await handle.db
      .select({ id: activities.id })
      .from(activities)
      .innerJoin(campaigns, and(eq(campaigns.orgId, activities.orgId), eq(campaigns.id, activities.campaignId)))
      .where(and(eq(activities.orgId, orgA), eq(campaigns.templateKey, "three-year-action-2020")))
      .limit(1);
    expect(await cellAssignments(leader, { ...key, activityId: threeYearActivity!.id })).toBeNull();
    expect(await cellAssignments(await contextOf(orgB, "leader"), key)).toBeNull();
  });

  it("shows a liaison nothing of another unit", async () => {
    const [village] = await handle.db
      .select({ id: units.id })
      .from(units)
      .where(and(eq(units.orgId, orgA), eq(units.kind, "village")))
      .limit(1);
    const liaison = await contextOf(orgA, "liaison", village!.id);
    const cell = await cellAssignments(liaison, { campaignId, unitId: enterpriseId, activityId: activityIds[0]! });
    expect(cell?.assignments ?? []).toEqual([]);
    const matrix = await complianceMatrix(liaison, campaignId, NOW);
    expect(matrix.units.map((u) => u.id)).toEqual([village!.id]);
  });
});

describe("the liaison home", () => {
  it("shows the unit's progress per active campaign, returned work with its reason, overdue work, then the next deadlines", async () => {
    const liaison = await contextOf(orgA, "liaison", enterpriseId);
    const home = await liaisonHome(liaison, NOW);
    const mine = await handle.db
      .select({ id: assignments.id, campaignId: tasks.campaignId, status: assignments.status, deadline: assignments.deadline, taskDeadline: tasks.deadline })
      .from(assignments)
      .innerJoin(tasks, and(eq(tasks.orgId, assignments.orgId), eq(tasks.id, assignments.taskId)))
      .where(and(eq(assignments.orgId, orgA), eq(assignments.unitId, enterpriseId)));
    for (const p of home.progress) {
      const list = mine.filter((m) => m.campaignId === p.campaignId);
      expect(p.total).toBe(list.length);
      expect(p.approved).toBe(list.filter((m) => m.status === "approved").length);
    }
    expect(home.progress).toHaveLength(3);

    const returned = mine.filter((m) => m.status === "returned").map((m) => m.id);
    expect(home.returned.map((r) => r.id).sort()).toEqual(returned.sort());
    expect(returned.length).toBeGreaterThanOrEqual(2);
    for (const r of home.returned) {
      const [last] = await handle.db
        .select({ reason: assignmentEvents.reason })
        .from(assignmentEvents)
        .where(and(eq(assignmentEvents.orgId, orgA), eq(assignmentEvents.assignmentId, r.id), eq(assignmentEvents.toStatus, "returned")))
        .orderBy(desc(assignmentEvents.createdAt))
        .limit(1);
      expect(r.reason).toBe(last?.reason ?? null);
    }

    const pending = mine
      .filter((m) => m.status === "pending")
      .map((m) => ({ id: m.id, at: (m.deadline ?? m.taskDeadline).getTime() }))
      .sort((a, b) => a.at - b.at);
    const late = pending.filter((p) => p.at < NOW.getTime());
    const ahead = pending.filter((p) => p.at >= NOW.getTime());
    expect(home.overdue.map((n) => n.deadline.getTime())).toEqual(late.slice(0, 3).map((p) => p.at));
    expect(home.next.map((n) => n.deadline.getTime())).toEqual(ahead.slice(0, 3).map((p) => p.at));
    expect(home.next.length).toBeGreaterThan(0);
  });
});
