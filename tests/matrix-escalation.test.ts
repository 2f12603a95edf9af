import { and, asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { contextFor, loadMembership, type QueryContext } from "@/db/queries/context";
import { complianceMatrix } from "@/db/queries/matrix";
import { activities, assignments, campaigns, memberships, reachSettings, tasks, units } from "@/db/schema";
import { seedDemoTownship } from "@/db/seed";
import type { AssignmentStatus } from "@/lib/status";
import { createTestDb, uniqueOrgOptions } from "./helpers/db";

/**
 * 三色督办 on the heat-map: one enterprise's cells rewritten so their most
 * overdue task is 0, 3 and 7 days overdue (blue, yellow, red under the
 * default thresholds 0/3/7), then under a township's own thresholds.
 */
const NOW = new Date("2026-06-18T10:00:00+08:00");
const FUTURE = new Date("2026-06-29T23:59:59+08:00");
/** Deadlines are the last second of a day: the day before NOW is 0 days overdue. */
const overdueBy = (days: number) => new Date(Date.parse("2026-06-17T23:59:59+08:00") - days * 86_400_000);
let handle: DbHandle;
let orgId: string;
let campaignId: string;
let enterpriseId: string;
let activityIds: string[];
let ctx: QueryContext;

async function setCell(activityIndex: number, plan: { status: AssignmentStatus; deadline: Date }[]) {
  const list = await handle.db
    .select({ id: assignments.id })
    .from(assignments)
    .innerJoin(tasks, and(eq(tasks.orgId, assignments.orgId), eq(tasks.id, assignments.taskId)))
    .where(and(eq(assignments.orgId, orgId), eq(assignments.unitId, enterpriseId), eq(tasks.activityId, activityIds[activityIndex]!)))
    .orderBy(asc(tasks.position));
  expect(list.length, `activity ${activityIndex + 1}`).toBe(plan.length);
  for (const [i, a] of list.entries()) await handle.db.update(assignments).set(plan[i]!).where(eq(assignments.id, a.id));
}

async function levels() {
  const matrix = await complianceMatrix(ctx, campaignId, NOW);
  const cell = (i: number) => matrix.cells.find((c) => c.unitId === enterpriseId && c.activityId === activityIds[i]);
  return { levels: [0, 1, 2, 3, 5, 6].map((i) => cell(i)?.escalation ?? null), escalationDays: matrix.escalationDays };
}

beforeAll(async () => {
  handle = await createTestDb();
  orgId = (await seedDemoTownship(handle.db, { now: NOW, shiftToYear: 2026, ...uniqueOrgOptions("esc") })).orgId;
  const [campaign] = await handle.db
    .select({ id: campaigns.id })
    .from(campaigns)
    .where(and(eq(campaigns.orgId, orgId), eq(campaigns.templateKey, "safety-month-2020")));
  campaignId = campaign!.id;
  activityIds = (
    await handle.db
      .select({ id: activities.id })
      .from(activities)
      .where(and(eq(activities.orgId, orgId), eq(activities.campaignId, campaignId)))
      .orderBy(asc(activities.position))
  ).map((a) => a.id);
  const [enterprise] = await handle.db
    .select({ id: units.id })
    .from(units)
    .where(and(eq(units.orgId, orgId), eq(units.kind, "enterprise")))
    .orderBy(asc(units.code))
    .limit(1);
  enterpriseId = enterprise!.id;
  const [leader] = await handle.db
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.orgId, orgId), eq(memberships.role, "leader")))
    .limit(1);
  ctx = contextFor(handle.db, (await loadMembership(handle.db, leader!.userId, orgId))!);
  // An enterprise's tasks in the safety month: 2, 1, 2, 1, none in (五), 1, 1.
  await setCell(0, [{ status: "pending", deadline: overdueBy(0) }, { status: "returned", deadline: overdueBy(7) }]);
  await setCell(1, [{ status: "pending", deadline: overdueBy(0) }]);
  await setCell(2, [{ status: "pending", deadline: overdueBy(3) }, { status: "approved", deadline: overdueBy(9) }]);
  await setCell(3, [{ status: "submitted", deadline: overdueBy(9) }]);
  await setCell(5, [{ status: "pending", deadline: FUTURE }]);
  await setCell(6, [{ status: "returned", deadline: overdueBy(3) }]);
});

afterAll(async () => {
  await handle?.close();
});

describe("heat-map escalation level", () => {
  it("marks each cell by its most overdue open task: 0 days blue, 3 yellow, 7 red; nothing when nothing is overdue", async () => {
    expect(await levels()).toEqual({
      levels: ["red", "blue", "yellow", null, null, "yellow"],
      escalationDays: [0, 3, 7],
    });
  });

  it("follows the township's own thresholds", async () => {
    await handle.db.insert(reachSettings).values({ orgId, escalationDays: [1, 2, 5] });
    expect(await levels()).toEqual({
      levels: ["red", null, "yellow", null, null, "yellow"],
      escalationDays: [1, 2, 5],
    });
  });
});
