import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { contextFor, loadMembership } from "@/db/queries/context";
import { listSupervisorCandidates } from "@/db/queries/campaign-editor";
import { activities, tasks } from "@/db/schema";
import { seedDemoTownship } from "@/db/seed";
import type { Actor } from "@/lib/auth/action-core";
import { createTestDb, uniqueOrgOptions } from "@/tests/helpers/db";
import { createCampaign } from "./campaign";
import { saveActivity } from "./structure";
import { saveTask } from "./task";
import { NOW, memberOf, runner } from "./test-support";

/** The campaign editor's reach fields: a task's 签收时限 and an activity's 分管领导. */
let handle: DbHandle;
let orgA: string;
let orgB: string;
let leader: Actor;
let admin: Actor;
let run: ReturnType<typeof runner>;
let campaignId: string;

beforeAll(async () => {
  handle = await createTestDb();
  run = runner(handle);
  orgA = (await seedDemoTownship(handle.db, { now: NOW, shiftToYear: 2026, ...uniqueOrgOptions("rf") })).orgId;
  orgB = (await seedDemoTownship(handle.db, { now: NOW, shiftToYear: 2026, ...uniqueOrgOptions("rfb") })).orgId;
  leader = (await memberOf(handle, orgA, "leader")).actor;
  admin = (await memberOf(handle, orgA, "admin")).actor;
  const created = await run(createCampaign, leader, { name: "2027年安全生产月", startsOn: "2027-06-01", endsOn: "2027-06-30" });
  campaignId = (created as { data: { campaignId: string } }).data.campaignId;
});

afterAll(async () => {
  await handle?.close();
});

describe("签收时限 of a task", () => {
  const task = (activityId: string, ackLimitHours: unknown) => ({
    campaignId,
    activityId,
    title: "召开安全生产月动员会",
    deadline: "2027-06-10",
    applicableUnitKinds: ["village"],
    evidenceRequired: ["photo"],
    ackLimitHours,
  });

  it("is stored from the form's string, cleared when left empty, and refused outside 1–720", async () => {
    const { data } = (await run(saveActivity, leader, { campaignId, title: "动员部署" })) as { data: { activityId: string } };
    const saved = await run(saveTask, leader, task(data.activityId, "48"));
    expect(saved.ok).toBe(true);
    const taskId = (saved as { data: { taskIds: string[] } }).data.taskIds[0]!;
    const stored = async () => (await handle.db.select({ h: tasks.ackLimitHours }).from(tasks).where(eq(tasks.id, taskId)))[0]!.h;
    expect(await stored()).toBe(48);

    expect((await run(saveTask, leader, { ...task(data.activityId, ""), taskId })).ok).toBe(true);
    expect(await stored()).toBeNull();

    for (const bad of ["0", "721", "1.5", "abc"]) {
      const result = await run(saveTask, leader, { ...task(data.activityId, bad), taskId });
      expect(result, bad).toMatchObject({ ok: false, code: "invalid" });
      expect(result.ok === false && result.fieldErrors?.ackLimitHours, bad).toBeTruthy();
    }
  });
});

describe("分管领导 of an activity", () => {
  it("offers the township's active leaders and admins, and stores one or none", async () => {
    const ctx = contextFor(handle.db, (await loadMembership(handle.db, leader.userId, orgA))!);
    const candidates = (await listSupervisorCandidates(ctx)).map((c) => c.id);
    expect(candidates).toEqual(expect.arrayContaining([leader.userId, admin.userId]));
    const liaison = (await memberOf(handle, orgA, "liaison")).actor;
    expect(candidates).not.toContain(liaison.userId);

    const created = await run(saveActivity, leader, { campaignId, title: "安全宣传咨询日", supervisorUserId: admin.userId });
    const activityId = (created as { data: { activityId: string } }).data.activityId;
    const stored = async () =>
      (await handle.db.select({ s: activities.supervisorUserId }).from(activities).where(eq(activities.id, activityId)))[0]!.s;
    expect(await stored()).toBe(admin.userId);
    expect((await run(saveActivity, leader, { campaignId, activityId, title: "安全宣传咨询日", supervisorUserId: "" })).ok).toBe(true);
    expect(await stored()).toBeNull();
  });

  it("refuses a liaison, an auditor or another township's leader as 分管领导", async () => {
    const others = [
      (await memberOf(handle, orgA, "liaison")).actor.userId,
      (await memberOf(handle, orgA, "auditor")).actor.userId,
      (await memberOf(handle, orgB, "leader")).actor.userId,
    ];
    for (const supervisorUserId of others) {
      const result = await run(saveActivity, leader, { campaignId, title: "安全文艺创作展演", supervisorUserId });
      expect(result).toMatchObject({ ok: false, code: "invalid", fieldErrors: { supervisorUserId: [expect.any(String)] } });
    }
  });
});
