import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { seedDemoTownship } from "@/db/seed";
import type { Actor, Command } from "@/lib/auth/action-core";
import { createTestDb, uniqueOrgOptions } from "@/tests/helpers/db";
import type { z } from "zod";
import { assignUnits, reassignAssignment, setAssignmentDeadline, unassign } from "./assign";
import { changeCampaignStatus, createCampaign, updateCampaign } from "./campaign";
import { removeFigure, saveFigure } from "./figures";
import { cloneCampaign, createCampaignFromTemplate } from "./from-template";
import { deleteActivity, deletePhase, saveActivity, savePhase } from "./structure";
import { deleteTask, saveTask } from "./task";
import { NOW, auditOf, memberOf, runner, tableCounts } from "./test-support";

let handle: DbHandle;
let orgA: string;
let orgB: string;
let run: ReturnType<typeof runner>;
const actors: Record<"leader" | "admin" | "auditor" | "liaison" | "foreignLeader", Actor> = {} as never;

beforeAll(async () => {
  handle = await createTestDb();
  run = runner(handle);
  orgA = (await seedDemoTownship(handle.db, { now: NOW, shiftToYear: 2026, ...uniqueOrgOptions("cpa") })).orgId;
  orgB = (await seedDemoTownship(handle.db, { now: NOW, shiftToYear: 2026, ...uniqueOrgOptions("cpb") })).orgId;
  for (const role of ["leader", "admin", "auditor", "liaison"] as const) actors[role] = (await memberOf(handle, orgA, role)).actor;
  actors.foreignLeader = (await memberOf(handle, orgB, "leader")).actor;
});

afterAll(async () => {
  await handle?.close();
});

const ok = <T>(result: { ok: boolean; data?: T }) => {
  expect(result).toMatchObject({ ok: true });
  return (result as { data: T }).data;
};

/** A fresh draft campaign of township A with a phase, an activity, a task with a figure, assigned to one village. */
async function fixture() {
  const leader = actors.leader;
  const { campaignId } = ok(
    await run(createCampaign, leader, { name: "测试活动", startsOn: "2027-06-01", endsOn: "2027-06-30" }),
  ) as { campaignId: string };
  const { phaseId } = ok(await run(savePhase, leader, { campaignId, name: "阶段一", startsOn: "2027-06-01", endsOn: "2027-06-15" })) as { phaseId: string };
  const { activityId } = ok(await run(saveActivity, leader, { campaignId, title: "工作项" })) as { activityId: string };
  const { taskIds } = ok(
    await run(saveTask, leader, {
      campaignId,
      activityId,
      title: "任务",
      deadline: "2027-06-20",
      applicableUnitKinds: ["village"],
      evidenceRequired: ["photo"],
    }),
  ) as { taskIds: string[] };
  const taskId = taskIds[0]!;
  ok(await run(saveFigure, leader, { taskId, name: "受教育人次", measureUnit: "人次", target: 100 }));
  ok(await run(assignUnits, leader, { campaignId, taskIds: [taskId], unitKinds: ["village"] }));
  const editor = await import("@/db/queries/campaign-editor");
  const ctx = { db: handle.db, orgId: orgA, userId: leader.userId, role: "leader" as const, unitId: null };
  const detail = await editor.getCampaignEditor(ctx, campaignId);
  const assignments = await editor.listCampaignAssignments(ctx, campaignId);
  const units = await editor.listActiveUnits(ctx);
  const assignment = assignments[0]!;
  const otherUnit = units.find((u) => !assignments.some((a) => a.unitId === u.id))!;
  const figureId = detail!.activities[0]!.tasks[0]!.figures[0]!.id;
  return { campaignId, phaseId, activityId, taskId, figureId, assignmentId: assignment.id, otherUnitId: otherUnit.id };
}

type Fixture = Awaited<ReturnType<typeof fixture>>;
interface Case {
  command: Command<z.ZodType, unknown>;
  input: (f: Fixture) => unknown;
  /** Commands that only create get no not_found check: another township's leader creates in their own. */
  scoped?: boolean;
}

const CASES: Record<string, Case> = {
  createCampaign: { command: createCampaign, input: () => ({ name: "新活动", startsOn: "2027-01-01", endsOn: "2027-12-31" }), scoped: false },
  updateCampaign: { command: updateCampaign, input: (f) => ({ campaignId: f.campaignId, name: "改名", startsOn: "2027-06-01", endsOn: "2027-07-31" }) },
  changeCampaignStatus: { command: changeCampaignStatus, input: (f) => ({ campaignId: f.campaignId, status: "active" }) },
  savePhase: { command: savePhase, input: (f) => ({ campaignId: f.campaignId, name: "阶段二", startsOn: "2027-06-16", endsOn: "2027-06-30" }) },
  deletePhase: { command: deletePhase, input: (f) => ({ phaseId: f.phaseId }) },
  saveActivity: { command: saveActivity, input: (f) => ({ campaignId: f.campaignId, activityId: f.activityId, title: "改过的工作项" }) },
  deleteActivity: { command: deleteActivity, input: (f) => ({ activityId: f.activityId }) },
  saveTask: {
    command: saveTask,
    input: (f) => ({ campaignId: f.campaignId, activityId: f.activityId, taskId: f.taskId, title: "改过的任务", deadline: "2027-06-25", applicableUnitKinds: ["village"] }),
  },
  deleteTask: { command: deleteTask, input: (f) => ({ taskId: f.taskId }) },
  saveFigure: { command: saveFigure, input: (f) => ({ taskId: f.taskId, name: "横幅条数", measureUnit: "条" }) },
  removeFigure: { command: removeFigure, input: (f) => ({ figureId: f.figureId }) },
  createCampaignFromTemplate: {
    command: createCampaignFromTemplate,
    input: () => ({ source: "builtin", builtinKey: "safety-month-2020", year: 2027 }),
    scoped: false,
  },
  cloneCampaign: { command: cloneCampaign, input: (f) => ({ campaignId: f.campaignId, year: 2028 }) },
  assignUnits: { command: assignUnits, input: (f) => ({ campaignId: f.campaignId, taskIds: [f.taskId], unitIds: [f.otherUnitId] }) },
  setAssignmentDeadline: { command: setAssignmentDeadline, input: (f) => ({ assignmentId: f.assignmentId, deadline: "2027-06-28" }) },
  reassignAssignment: { command: reassignAssignment, input: (f) => ({ assignmentId: f.assignmentId, unitId: f.otherUnitId }) },
  unassign: { command: unassign, input: (f) => ({ assignmentId: f.assignmentId }) },
};

describe("who may run the campaign commands", () => {
  for (const [name, c] of Object.entries(CASES)) {
    it(`${name}: leaders and admins may, auditors and liaisons may not, another township gets not-found`, async () => {
      const f = await fixture();
      const before = await tableCounts(handle, orgA);
      for (const role of ["auditor", "liaison"] as const) {
        expect(await run(c.command, actors[role], c.input(f)), role).toMatchObject({ ok: false, code: "forbidden" });
      }
      if (c.scoped !== false) {
        expect(await run(c.command, actors.foreignLeader, c.input(f))).toMatchObject({ ok: false, code: "not_found" });
      }
      expect(await tableCounts(handle, orgA)).toEqual(before);

      const result = await run(c.command, actors.leader, c.input(f));
      expect(result, JSON.stringify(result)).toMatchObject({ ok: true });
      const audits = (await tableCounts(handle, orgA)).auditEvents! - before.auditEvents!;
      expect(audits).toBeGreaterThan(0);

      const again = await fixture();
      expect(await run(c.command, actors.admin, c.input(again))).toMatchObject({ ok: true });
    });
  }

  it("an update's audit row holds what changed, before and after", async () => {
    const f = await fixture();
    ok(await run(updateCampaign, actors.leader, { campaignId: f.campaignId, name: "改名后的活动", startsOn: "2027-06-01", endsOn: "2027-06-30" }));
    const [row] = (await auditOf(handle, f.campaignId)).filter((a) => a.action === "campaign.update");
    expect(row).toMatchObject({ actorUserId: actors.leader.userId, before: { name: "测试活动" }, after: { name: "改名后的活动" } });
  });

  it("malformed input is invalid, with nothing written", async () => {
    const f = await fixture();
    const before = await tableCounts(handle, orgA);
    const bad: [Case["command"], unknown][] = [
      [createCampaign, { name: "", startsOn: "2027-06-01", endsOn: "2027-05-01" }],
      [updateCampaign, { campaignId: "x", name: "a", startsOn: "2027-06-01", endsOn: "2027-06-30" }],
      [savePhase, { campaignId: f.campaignId, name: "阶段", startsOn: "2027-06-10", endsOn: "2027-06-01" }],
      [saveTask, { campaignId: f.campaignId, activityId: f.activityId, title: "无类型", deadline: "2027-06-10" }],
      [saveTask, { campaignId: f.campaignId, activityId: f.activityId, title: "周期", applicableUnitKinds: ["village"], recurrence: "monthly" }],
      [saveFigure, { taskId: f.taskId, name: "x", measureUnit: "条", target: -1 }],
      [assignUnits, { campaignId: f.campaignId, taskIds: [f.taskId] }],
      [createCampaignFromTemplate, { source: "builtin", builtinKey: "safety-month-2020", year: 1800 }],
      [changeCampaignStatus, { campaignId: f.campaignId, status: "archived" }],
    ];
    for (const [command, input] of bad) {
      expect(await run(command, actors.leader, input), command.config.name).toMatchObject({ ok: false, code: "invalid" });
    }
    expect(await tableCounts(handle, orgA)).toEqual(before);
  });
});
