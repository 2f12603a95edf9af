import { and, asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { activities, assignments, hazards, submissions, taskFigures, tasks } from "@/db/schema";
import { seedDemoTownship } from "@/db/seed";
import type { Actor } from "@/lib/auth/action-core";
import { createTestDb, uniqueOrgOptions } from "@/tests/helpers/db";
import { assignUnits } from "./assign";
import { createCampaign } from "./campaign";
import { removeFigure, saveFigure } from "./figures";
import { deleteActivity, saveActivity } from "./structure";
import { deleteTask, saveTask } from "./task";
import { NOW, memberOf, runner, tableCounts } from "./test-support";

let handle: DbHandle;
let orgA: string;
let leader: Actor;
let run: ReturnType<typeof runner>;

beforeAll(async () => {
  handle = await createTestDb();
  run = runner(handle);
  orgA = (await seedDemoTownship(handle.db, { now: NOW, shiftToYear: 2026, ...uniqueOrgOptions("tsk") })).orgId;
  leader = (await memberOf(handle, orgA, "leader")).actor;
});

afterAll(async () => {
  await handle?.close();
});

function data<T>(result: Awaited<ReturnType<typeof run>>): T {
  expect(result, JSON.stringify(result)).toMatchObject({ ok: true });
  return (result as { data: T }).data;
}

async function draftWithActivity() {
  const { campaignId } = data<{ campaignId: string }>(
    await run(createCampaign, leader, { name: "2027年安全生产许明寺行", startsOn: "2027-06-01", endsOn: "2027-12-31" }),
  );
  const { activityId } = data<{ activityId: string }>(await run(saveActivity, leader, { campaignId, title: "区域行" }));
  return { campaignId, activityId };
}

async function instancesOf(taskId: string) {
  const [task] = await handle.db.select({ seriesId: tasks.seriesId }).from(tasks).where(eq(tasks.id, taskId));
  return handle.db.select().from(tasks).where(eq(tasks.seriesId, task!.seriesId!)).orderBy(asc(tasks.deadline));
}

const shanghai = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 10);

describe("recurring tasks", () => {
  it("monthly from June to December makes 7 instances, one series, each due at its month's end", async () => {
    const { campaignId, activityId } = await draftWithActivity();
    const form = new FormData();
    for (const [k, v] of Object.entries({ campaignId, activityId, title: "月度报送", recurrence: "monthly", recurFrom: "2027-06-01", recurTo: "2027-12-31" })) {
      form.set(k, v);
    }
    form.append("applicableUnitKinds", "village");
    form.append("applicableUnitKinds", "community");
    form.append("evidenceRequired", "report");
    const { taskIds } = data<{ taskIds: string[] }>(await run(saveTask, leader, form));
    const rows = await instancesOf(taskIds[0]!);
    expect(rows).toHaveLength(7);
    expect(new Set(rows.map((r) => r.seriesId)).size).toBe(1);
    expect(rows.map((r) => shanghai(r.deadline))).toEqual([
      "2027-06-30", "2027-07-31", "2027-08-31", "2027-09-30", "2027-10-31", "2027-11-30", "2027-12-31",
    ]);
    expect(rows[1]!.title).toBe("月度报送（2027年7月）");
    expect(rows.every((r) => r.recurrence === "monthly")).toBe(true);
  });

  it("editing the range keeps the remaining months, adds new ones to the same units and removes the dropped ones", async () => {
    const { campaignId, activityId } = await draftWithActivity();
    const base = { campaignId, activityId, title: "月度报送", applicableUnitKinds: ["village"], recurrence: "monthly", recurFrom: "2027-06-01", recurTo: "2027-08-31" };
    const { taskIds } = data<{ taskIds: string[] }>(await run(saveTask, leader, base));
    data(await run(assignUnits, leader, { campaignId, taskIds, unitKinds: ["village"] }));
    data(await run(saveFigure, leader, { taskId: taskIds[0], name: "宣传报道", measureUnit: "篇", target: 30 }));
    const june = (await instancesOf(taskIds[0]!))[0]!;

    const result = data<{ created: number; removed: number; taskIds: string[] }>(
      await run(saveTask, leader, { ...base, taskId: june.id, title: "月度进展报送", recurFrom: "2027-07-01", recurTo: "2027-10-31" }),
    );
    expect(result).toMatchObject({ created: 2, removed: 1 });
    const rows = await instancesOf(result.taskIds[0]!);
    expect(rows.map((r) => r.title)).toEqual(["月度进展报送（2027年7月）", "月度进展报送（2027年8月）", "月度进展报送（2027年9月）", "月度进展报送（2027年10月）"]);
    for (const row of rows) {
      const units = await handle.db.select().from(assignments).where(eq(assignments.taskId, row.id));
      expect(units).toHaveLength(6);
      const figures = await handle.db.select().from(taskFigures).where(eq(taskFigures.taskId, row.id));
      expect(figures.map((f) => f.name)).toEqual(["宣传报道"]);
    }
  });

  it("figures of a series are edited and removed on every instance", async () => {
    const { campaignId, activityId } = await draftWithActivity();
    const { taskIds } = data<{ taskIds: string[] }>(
      await run(saveTask, leader, { campaignId, activityId, title: "季报", applicableUnitKinds: ["department"], recurrence: "quarterly", recurFrom: "2027-07-01", recurTo: "2027-12-31" }),
    );
    expect(taskIds).toHaveLength(2);
    data(await run(saveFigure, leader, { taskId: taskIds[1], name: "横幅条数", measureUnit: "条" }));
    const [figure] = await handle.db.select().from(taskFigures).where(eq(taskFigures.taskId, taskIds[0]!));
    data(await run(saveFigure, leader, { taskId: taskIds[0], figureId: figure!.id, name: "横幅条数", measureUnit: "条", target: "12" }));
    const all = await handle.db.select().from(taskFigures).where(and(eq(taskFigures.orgId, orgA), eq(taskFigures.name, "横幅条数")));
    expect(all.filter((f) => taskIds.includes(f.taskId)).map((f) => Number(f.target))).toEqual([12, 12]);
    data(await run(removeFigure, leader, { figureId: figure!.id }));
    const left = await handle.db.select().from(taskFigures).where(eq(taskFigures.taskId, taskIds[1]!));
    expect(left).toHaveLength(0);
  });
});

describe("deleting", () => {
  async function submittedTask() {
    const [row] = await handle.db
      .select({ taskId: tasks.id, activityId: tasks.activityId, seriesId: tasks.seriesId })
      .from(submissions)
      .innerJoin(assignments, and(eq(assignments.orgId, submissions.orgId), eq(assignments.id, submissions.assignmentId)))
      .innerJoin(tasks, and(eq(tasks.orgId, assignments.orgId), eq(tasks.id, assignments.taskId)))
      .where(eq(submissions.orgId, orgA))
      .limit(1);
    return row!;
  }

  it("a task or activity with a unit's submission is refused with a clear message, and nothing changes", async () => {
    const { taskId, activityId } = await submittedTask();
    const before = await tableCounts(handle, orgA);
    const refusedTask = await run(deleteTask, leader, { taskId });
    expect(refusedTask).toMatchObject({ ok: false, code: "conflict" });
    expect(refusedTask.ok ? "" : refusedTask.message).toMatch(/已有 \d+ 份单位提交的材料，不能删除/);
    expect(await run(deleteActivity, leader, { activityId })).toMatchObject({ ok: false, code: "conflict" });
    expect(await tableCounts(handle, orgA)).toEqual(before);
  });

  it("a task whose assignment found a hazard is refused with a clear message, not a database error", async () => {
    const { campaignId, activityId } = await draftWithActivity();
    const { taskIds } = data<{ taskIds: string[] }>(
      await run(saveTask, leader, { campaignId, activityId, title: "查找身边隐患", applicableUnitKinds: ["village"], deadline: "2027-06-20" }),
    );
    data(await run(assignUnits, leader, { campaignId, activityId, unitKinds: ["village"] }));
    const [assignment] = await handle.db.select().from(assignments).where(eq(assignments.taskId, taskIds[0]!)).limit(1);
    await handle.db.insert(hazards).values({
      orgId: orgA,
      number: `T-2027-${assignment!.id.slice(0, 8)}`,
      title: "电线老化",
      description: "农房电线老化",
      unitId: assignment!.unitId,
      location: "3组",
      level: "general",
      source: "investigation_task",
      foundOn: "2027-06-10",
      assignmentId: assignment!.id,
    });
    const refused = await run(deleteTask, leader, { taskId: taskIds[0] });
    expect(refused).toMatchObject({ ok: false, code: "conflict" });
    expect(refused.ok ? "" : refused.message).toMatch(/隐患关联/);
  });

  it("a task with no submissions goes, with its whole series and assignments", async () => {
    const { campaignId, activityId } = await draftWithActivity();
    const { taskIds } = data<{ taskIds: string[] }>(
      await run(saveTask, leader, { campaignId, activityId, title: "月报", applicableUnitKinds: ["village"], recurrence: "monthly", recurFrom: "2027-06-01", recurTo: "2027-07-31" }),
    );
    data(await run(assignUnits, leader, { campaignId, activityId, unitKinds: ["village"] }));
    expect(data<{ deleted: number }>(await run(deleteTask, leader, { taskId: taskIds[0] })).deleted).toBe(2);
    expect(await handle.db.select().from(tasks).where(eq(tasks.activityId, activityId))).toHaveLength(0);
    data(await run(deleteActivity, leader, { activityId }));
    expect(await handle.db.select().from(activities).where(eq(activities.id, activityId))).toHaveLength(0);
  });
});
