import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { contextFor, loadMembership } from "@/db/queries/context";
import { getCampaignEditor } from "@/db/queries/campaign-editor";
import { campaignAsTemplate } from "@/db/queries/campaign-template";
import { assignments, campaigns, tasks, units } from "@/db/schema";
import { seedDemoTownship } from "@/db/seed";
import type { Actor } from "@/lib/auth/action-core";
import type { CampaignTemplate } from "@/lib/campaign-template";
import { createTestDb, uniqueOrgOptions } from "@/tests/helpers/db";
import { cloneCampaign, createCampaignFromTemplate } from "./from-template";
import { NOW, memberOf, runner, tableCounts } from "./test-support";

let handle: DbHandle;
let orgA: string;
let leader: Actor;
let run: ReturnType<typeof runner>;

beforeAll(async () => {
  handle = await createTestDb();
  run = runner(handle);
  orgA = (await seedDemoTownship(handle.db, { now: NOW, shiftToYear: 2026, ...uniqueOrgOptions("tpl") })).orgId;
  leader = (await memberOf(handle, orgA, "leader")).actor;
});

afterAll(async () => {
  await handle?.close();
});

async function ctx() {
  return contextFor(handle.db, (await loadMembership(handle.db, leader.userId, orgA))!);
}

async function seeded(name: RegExp) {
  const rows = await handle.db.select().from(campaigns).where(eq(campaigns.orgId, orgA));
  const row = rows.find((c) => name.test(c.name));
  if (!row) throw new Error(`no campaign ${name}`);
  return row;
}

const created = (result: Awaited<ReturnType<typeof run>>) => {
  expect(result, JSON.stringify(result)).toMatchObject({ ok: true });
  return (result as { data: { campaignId: string; counts: Record<string, number> } }).data;
};

const assignmentCount = async (campaignId: string) => {
  const [row] = await handle.db
    .select({ n: count() })
    .from(assignments)
    .innerJoin(tasks, and(eq(tasks.orgId, assignments.orgId), eq(tasks.id, assignments.taskId)))
    .where(and(eq(assignments.orgId, orgA), eq(tasks.campaignId, campaignId)));
  return row?.n ?? 0;
};

describe("create from a template", () => {
  it("the built-in 安全生产月 for next year: a draft with every task, dates and names moved, no assignments", async () => {
    const data = created(await run(createCampaignFromTemplate, leader, { source: "builtin", builtinKey: "safety-month-2020", year: "2027" }));
    const editor = (await getCampaignEditor(await ctx(), data.campaignId))!;
    expect(editor.campaign).toMatchObject({ name: "2027年安全生产月", status: "draft", startsOn: "2027-06-01", endsOn: "2027-06-30", templateKey: "safety-month-2020" });
    expect(editor.activities).toHaveLength(7);
    expect(data.counts.assignments).toBe(0);
    expect(await assignmentCount(data.campaignId)).toBe(0);
    const owners = editor.activities.flatMap((a) => a.tasks).filter((t) => t.ownerUnitName);
    expect(owners.length).toBeGreaterThan(0); // the demo codes map onto this township's units
  });

  it("with “assign by applicable unit kinds” the tasks go to their units", async () => {
    const data = created(
      await run(createCampaignFromTemplate, leader, { source: "builtin", builtinKey: "safety-month-2020", year: 2028, assignByKinds: "on" }),
    );
    expect(data.counts.assignments).toBeGreaterThan(50);
    expect(await assignmentCount(data.campaignId)).toBe(data.counts.assignments);
  });

  it("round trip: a seeded campaign exported and imported into another year keeps its shape, dates shifted", async () => {
    const source = await seeded(/三年行动/);
    const template = (await campaignAsTemplate(await ctx(), source.id))!;
    const data = created(await run(createCampaignFromTemplate, leader, { source: "json", json: JSON.stringify(template), year: 2030 }));
    const [a, b] = [(await getCampaignEditor(await ctx(), source.id))!, (await getCampaignEditor(await ctx(), data.campaignId))!];
    expect(b.phases.map((p) => p.name)).toEqual(a.phases.map((p) => p.name));
    expect(b.phases.map((p) => p.startsOn)).toEqual(a.phases.map((p) => p.startsOn.replace(/^\d{4}/, (y) => String(Number(y) + 4))));
    expect(b.activities.map((x) => [x.grouping, x.title, x.tasks.length])).toEqual(a.activities.map((x) => [x.grouping, x.title, x.tasks.length]));
    const instances = (e: typeof a) => e.activities.flatMap((x) => x.tasks.map((t) => t.instances.length));
    expect(instances(b)).toEqual(instances(a));
    const firstDeadline = (e: typeof a) => e.activities[0]!.tasks[0]!.instances[0]!.deadline.getUTCFullYear();
    expect(firstDeadline(b) - firstDeadline(a)).toBe(4);
    const figures = (e: typeof a) => e.activities.flatMap((x) => x.tasks.flatMap((t) => t.figures.map((f) => [f.name, f.target])));
    expect(figures(b)).toEqual(figures(a));
    // The recurring series comes back as one series with its recurrence, not N one-off tasks.
    expect(template.activities.flatMap((x) => x.tasks).filter((t) => t.recurrence)).toHaveLength(1);
  });

  it("a bad file is refused with every problem listed, and nothing is written", async () => {
    const bad = {
      key: "bad",
      name: "坏模板",
      startsOn: "2027-06-30",
      endsOn: "2027-06-01",
      phases: [{ key: "p1", name: "阶段", startsOn: "2027-06-01", endsOn: "2027-06-10" }],
      activities: [
        {
          key: "a1",
          title: "工作项",
          tasks: [
            { key: "t1", deadline: "2027-06-10", applicableUnitKinds: ["village"], evidenceRequired: [] },
            { key: "t2", title: "阶段不存在", deadline: "2027-06-10", phaseKey: "nope", applicableUnitKinds: ["village"], evidenceRequired: [] },
            { key: "t3", title: "单位不存在", deadline: "2027-06-10", ownerUnitCode: "NO-SUCH", applicableUnitKinds: ["village"], evidenceRequired: [] },
            { key: "t4", title: 42, deadline: "六月", applicableUnitKinds: "village", evidenceRequired: ["selfie"] },
          ],
        },
      ],
    };
    const before = await tableCounts(handle, orgA);
    const result = await run(createCampaignFromTemplate, leader, { source: "json", json: JSON.stringify(bad), year: 2027 });
    expect(result).toMatchObject({ ok: false, code: "invalid" });
    const message = result.ok ? "" : result.message;
    for (const expected of [
      "活动 1 › 任务 1 › 标题：缺少此项",
      "活动 1 › 任务 2 › 所属阶段：所属阶段不存在：nope",
      "活动 1 › 任务 3 › 牵头单位编码：本镇没有编码为 NO-SUCH 的单位",
      "结束日期：结束日期早于开始日期",
      "活动 1 › 任务 4 › 标题：类型错误，应为文本",
      "活动 1 › 任务 4 › 截止日期：日期格式应为 YYYY-MM-DD",
      "活动 1 › 任务 4 › 适用单位类型：类型错误，应为列表",
      "活动 1 › 任务 4 › 佐证材料 1：取值无效",
    ]) {
      expect(message).toContain(expected);
    }
    expect(await tableCounts(handle, orgA)).toEqual(before);

    for (const json of ["{not json", "[]", "null"]) {
      expect(await run(createCampaignFromTemplate, leader, { source: "json", json, year: 2027 })).toMatchObject({ ok: false, code: "invalid" });
    }
    expect(await tableCounts(handle, orgA)).toEqual(before);
  });

  it("a three-year-action style plan with five phases, 3 专题 and 12 专项 imports", async () => {
    const phases = ["动员部署", "排查整治", "集中攻坚", "巩固提升", "检查验收"].map((name, i) => ({
      key: `p${i + 1}`,
      name,
      startsOn: `${2021 + Math.floor(i / 2)}-${i % 2 === 0 ? "01" : "07"}-01`,
      endsOn: `${2021 + Math.floor(i / 2)}-${i % 2 === 0 ? "06-30" : "12-31"}`,
    }));
    const groupings = [...Array(3).fill("专题"), ...Array(12).fill("专项")] as string[];
    const [village] = await handle.db.select({ code: units.code }).from(units).where(and(eq(units.orgId, orgA), eq(units.kind, "department")));
    const template: CampaignTemplate = {
      key: "three-year-2021",
      name: "2021年安全生产专项整治三年行动",
      startsOn: "2021-01-01",
      endsOn: "2023-06-30",
      phases,
      activities: groupings.map((grouping, i) => ({
        key: `a${i + 1}`,
        grouping,
        title: `${grouping}${i + 1}`,
        tasks: [
          {
            key: `t${i + 1}`,
            title: `季度报告${i + 1}`,
            deadline: "2023-06-30",
            applicableUnitKinds: ["department"],
            evidenceRequired: ["report"],
            ownerUnitCode: village!.code,
            assignTo: "owner",
            recurrence: { freq: "quarterly", from: "2021-01-01", to: "2023-06-30" },
          },
        ],
      })),
    };
    const data = created(await run(createCampaignFromTemplate, leader, { source: "json", json: JSON.stringify(template), year: 2031, assignByKinds: true }));
    expect(data.counts).toMatchObject({ phases: 5, activities: 15, tasks: 15 * 10, assignments: 15 * 10 });
    const editor = (await getCampaignEditor(await ctx(), data.campaignId))!;
    expect(editor.activities.filter((a) => a.grouping === "专项")).toHaveLength(12);
    expect(editor.phases.map((p) => p.name)).toContain("检查验收");
    expect(editor.phases[4]!.endsOn).toBe("2033-06-30");
  });

  it("cloning a campaign into another year makes a draft copy with shifted dates", async () => {
    const source = await seeded(/许明寺行/);
    const data = created(await run(cloneCampaign, leader, { campaignId: source.id, year: 2029 }));
    const [a, b] = [(await getCampaignEditor(await ctx(), source.id))!, (await getCampaignEditor(await ctx(), data.campaignId))!];
    expect(b.campaign).toMatchObject({ status: "draft", name: source.name.replace("2026", "2029"), startsOn: source.startsOn.replace("2026", "2029") });
    expect(b.activities.flatMap((x) => x.tasks).length).toBe(a.activities.flatMap((x) => x.tasks).length);
    expect(await assignmentCount(data.campaignId)).toBe(0);
  });
});
