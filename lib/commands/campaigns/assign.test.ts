import { and, eq, inArray, ne } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { assignments, notifications, units } from "@/db/schema";
import { seedDemoTownship } from "@/db/seed";
import type { Actor } from "@/lib/auth/action-core";
import { createTestDb, uniqueOrgOptions } from "@/tests/helpers/db";
import { assignUnits, reassignAssignment, setAssignmentDeadline, unassign } from "./assign";
import { changeCampaignStatus, createCampaign } from "./campaign";
import { saveActivity } from "./structure";
import { saveTask } from "./task";
import { NOW, auditOf, memberOf, runner, tableCounts } from "./test-support";

let handle: DbHandle;
let orgA: string;
let leader: Actor;
let run: ReturnType<typeof runner>;

beforeAll(async () => {
  handle = await createTestDb();
  run = runner(handle);
  orgA = (await seedDemoTownship(handle.db, { now: NOW, shiftToYear: 2026, ...uniqueOrgOptions("asg") })).orgId;
  leader = (await memberOf(handle, orgA, "leader")).actor;
});

afterAll(async () => {
  await handle?.close();
});

function data<T>(result: Awaited<ReturnType<typeof run>>): T {
  expect(result, JSON.stringify(result)).toMatchObject({ ok: true });
  return (result as { data: T }).data;
}

async function campaignWithTasks(taskCount = 1) {
  const { campaignId } = data<{ campaignId: string }>(
    await run(createCampaign, leader, { name: "分派测试", startsOn: "2027-06-01", endsOn: "2027-06-30" }),
  );
  const { activityId } = data<{ activityId: string }>(await run(saveActivity, leader, { campaignId, title: "宣传" }));
  const taskIds: string[] = [];
  for (let i = 0; i < taskCount; i++) {
    const saved = data<{ taskIds: string[] }>(
      await run(saveTask, leader, { campaignId, activityId, title: `任务${i + 1}`, deadline: "2027-06-20", applicableUnitKinds: ["village"] }),
    );
    taskIds.push(...saved.taskIds);
  }
  return { campaignId, activityId, taskIds };
}

const unitsOf = async (taskId: string) =>
  handle.db
    .select({ id: assignments.id, unitId: assignments.unitId, kind: units.kind, deadline: assignments.deadline, version: assignments.version })
    .from(assignments)
    .innerJoin(units, and(eq(units.orgId, assignments.orgId), eq(units.id, assignments.unitId)))
    .where(eq(assignments.taskId, taskId));

const notificationsFor = (links: string[]) =>
  handle.db.select().from(notifications).where(and(eq(notifications.orgId, orgA), inArray(notifications.link, links)));

describe("bulk assignment", () => {
  it("by kind “village” reaches exactly the six villages, not the community; a second run adds nothing", async () => {
    const { campaignId, taskIds } = await campaignWithTasks();
    const first = data<{ created: number }>(await run(assignUnits, leader, { campaignId, taskIds, unitKinds: "village" }));
    expect(first.created).toBe(6);
    const rows = await unitsOf(taskIds[0]!);
    expect(rows.map((r) => r.kind)).toEqual(Array(6).fill("village"));
    expect((await auditOf(handle, rows[0]!.id)).map((a) => a.action)).toEqual(["assignment.create"]);

    const second = data<{ created: number; skipped: number }>(await run(assignUnits, leader, { campaignId, taskIds, unitKinds: ["village", "community"] }));
    expect(second).toMatchObject({ created: 1, skipped: 6 });
  });

  it("every task of an activity, with a deadline override; a draft notifies no one, an active campaign does", async () => {
    const { campaignId, activityId, taskIds } = await campaignWithTasks(2);
    const [enterprise] = await handle.db.select().from(units).where(and(eq(units.orgId, orgA), eq(units.kind, "enterprise")));
    data(await run(assignUnits, leader, { campaignId, activityId, unitIds: [enterprise!.id], deadline: "2027-06-25" }));
    for (const taskId of taskIds) {
      const [row] = await unitsOf(taskId);
      expect(row!.deadline!.toISOString()).toBe("2027-06-25T15:59:59.000Z");
      expect(await notificationsFor([`/tasks/${row!.id}`])).toHaveLength(0);
    }

    const published = data<{ notified: number }>(await run(changeCampaignStatus, leader, { campaignId, status: "active" }));
    expect(published.notified).toBe(1); // the one enterprise with work in it
    const told = await handle.db.select().from(notifications).where(and(eq(notifications.orgId, orgA), eq(notifications.title, "新活动已发布：分派测试")));
    expect(told).toHaveLength(1);
    expect(told[0]!.body).toContain("2 项任务");
    // active → draft is not a transition; closing and reopening are, and reopening tells no one again.
    expect(await run(changeCampaignStatus, leader, { campaignId, status: "draft" })).toMatchObject({ ok: false, code: "conflict" });
    data(await run(changeCampaignStatus, leader, { campaignId, status: "closed" }));
    expect(data<{ notified: number }>(await run(changeCampaignStatus, leader, { campaignId, status: "active" })).notified).toBe(0);
    const [school] = await handle.db.select().from(units).where(and(eq(units.orgId, orgA), eq(units.kind, "school")));
    data(await run(assignUnits, leader, { campaignId, taskIds: [taskIds[0]], unitIds: [school!.id] }));
    const schoolRow = (await unitsOf(taskIds[0]!)).find((r) => r.unitId === school!.id)!;
    const sent = await notificationsFor([`/tasks/${schoolRow.id}`]);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ kind: "assigned", title: "新任务：任务1" });
  });

  it("a unit of another township or an unknown task is not found, with nothing written", async () => {
    const { campaignId, taskIds } = await campaignWithTasks();
    const other = (await seedDemoTownship(handle.db, { now: NOW, shiftToYear: 2026, ...uniqueOrgOptions("asgb") })).orgId;
    const [foreignUnit] = await handle.db.select().from(units).where(eq(units.orgId, other));
    const before = await tableCounts(handle, orgA);
    expect(await run(assignUnits, leader, { campaignId, taskIds, unitIds: [foreignUnit!.id] })).toMatchObject({ ok: false, code: "not_found" });
    expect(await run(assignUnits, leader, { campaignId, taskIds: [crypto.randomUUID()], unitKinds: ["village"] })).toMatchObject({ ok: false, code: "not_found" });
    expect(await tableCounts(handle, orgA)).toEqual(before);
  });
});

describe("changing one unit's assignment", () => {
  it("a deadline override bumps the version and is audited; an empty date goes back to the task's", async () => {
    const { campaignId, taskIds } = await campaignWithTasks();
    data(await run(assignUnits, leader, { campaignId, taskIds, unitKinds: ["village"] }));
    const [row] = await unitsOf(taskIds[0]!);
    data(await run(setAssignmentDeadline, leader, { assignmentId: row!.id, deadline: "2027-06-27" }));
    const [after] = (await unitsOf(taskIds[0]!)).filter((r) => r.id === row!.id);
    expect(after).toMatchObject({ version: row!.version + 1 });
    expect(after!.deadline!.toISOString()).toBe("2027-06-27T15:59:59.000Z");
    data(await run(setAssignmentDeadline, leader, { assignmentId: row!.id, deadline: "" }));
    expect((await unitsOf(taskIds[0]!)).find((r) => r.id === row!.id)!.deadline).toBeNull();
    expect((await auditOf(handle, row!.id)).filter((a) => a.action === "assignment.deadline")).toHaveLength(2);
  });

  it("reassign and unassign work while nothing is submitted; a unit that already has the task is a conflict", async () => {
    const { campaignId, taskIds } = await campaignWithTasks();
    data(await run(assignUnits, leader, { campaignId, taskIds, unitKinds: ["village"] }));
    const [first, second] = await unitsOf(taskIds[0]!);
    expect(await run(reassignAssignment, leader, { assignmentId: first!.id, unitId: second!.unitId })).toMatchObject({ ok: false, code: "conflict" });
    const [community] = await handle.db.select().from(units).where(and(eq(units.orgId, orgA), eq(units.kind, "community")));
    data(await run(reassignAssignment, leader, { assignmentId: first!.id, unitId: community!.id }));
    expect((await unitsOf(taskIds[0]!)).find((r) => r.id === first!.id)!.unitId).toBe(community!.id);
    data(await run(unassign, leader, { assignmentId: second!.id }));
    expect(await unitsOf(taskIds[0]!)).toHaveLength(5);
  });

  it("once a unit has submitted, reassigning or unassigning is refused and nothing changes", async () => {
    const [submitted] = await handle.db
      .select()
      .from(assignments)
      .where(and(eq(assignments.orgId, orgA), ne(assignments.status, "pending")))
      .limit(1);
    const [otherUnit] = await handle.db.select().from(units).where(and(eq(units.orgId, orgA), ne(units.id, submitted!.unitId)));
    const before = await tableCounts(handle, orgA);
    const refused = await run(reassignAssignment, leader, { assignmentId: submitted!.id, unitId: otherUnit!.id });
    expect(refused).toMatchObject({ ok: false, code: "conflict", message: "该单位已提交过材料，不能改派" });
    expect(await run(unassign, leader, { assignmentId: submitted!.id })).toMatchObject({ ok: false, code: "conflict" });
    expect(await tableCounts(handle, orgA)).toEqual(before);
  });
});
