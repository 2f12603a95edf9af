import ExcelJS from "exceljs";
import { and, count, eq, isNotNull, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { assignments, auditEvents, campaigns, files, memberships, submissions, tasks, units } from "@/db/schema";
import { seedDemoTownship } from "@/db/seed";
import type { Actor } from "@/lib/auth/action-core";
import type { Role } from "@/lib/auth/permissions";
import { createTestDb, uniqueOrgOptions } from "@/tests/helpers/db";
import { exportResponse, type ExportRequest } from "./export-response";
import { beijingWallClock } from "./sheet";

const NOW = new Date("2026-11-29T10:00:00+08:00");
const ORIGIN = "https://duban.test";
let handle: DbHandle;
let orgA: string;
let orgB: string;
let campaignId: string;

async function actorOf(orgId: string, role: Role): Promise<Actor & { unitId: string | null }> {
  const [m] = await handle.db
    .select({ userId: memberships.userId, unitId: memberships.unitId })
    .from(memberships)
    .where(and(eq(memberships.orgId, orgId), eq(memberships.role, role)))
    .orderBy(memberships.unitId)
    .limit(1);
  if (!m) throw new Error(`no ${role} in ${orgId}`);
  return { userId: m.userId, orgId, unitId: m.unitId };
}

// A small page size makes every paged sheet cross several pages.
const run = (actor: Actor | null, request: ExportRequest) =>
  exportResponse(handle.db, actor, request, { origin: ORIGIN, now: NOW, pageSize: 7 });

async function workbookOf(response: Response) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(await response.arrayBuffer());
  return workbook;
}

function headerOf(sheet: ExcelJS.Worksheet): string[] {
  const values = sheet.getRow(1).values as unknown[];
  return values.slice(1).map(String);
}

function columnOf(sheet: ExcelJS.Worksheet, header: string): number {
  const index = headerOf(sheet).indexOf(header);
  if (index < 0) throw new Error(`no column ${header}`);
  return index + 1;
}

/** The data rows' values in one column, as text (hyperlink cells give their URL). */
function cellsOf(sheet: ExcelJS.Worksheet, header: string): string[] {
  const col = columnOf(sheet, header);
  const out: string[] = [];
  sheet.eachRow((row, n) => {
    if (n > 1) out.push(String(row.getCell(col).text));
  });
  return out;
}

async function campaignAssignments(unitId?: string) {
  return handle.db
    .select({ id: assignments.id, unitId: assignments.unitId })
    .from(assignments)
    .innerJoin(tasks, and(eq(tasks.orgId, assignments.orgId), eq(tasks.id, assignments.taskId)))
    .where(and(eq(tasks.campaignId, campaignId), unitId ? eq(assignments.unitId, unitId) : undefined));
}

beforeAll(async () => {
  handle = await createTestDb();
  orgA = (await seedDemoTownship(handle.db, { now: NOW, shiftToYear: 2026, ...uniqueOrgOptions("xa") })).orgId;
  orgB = (await seedDemoTownship(handle.db, { now: NOW, shiftToYear: 2026, ...uniqueOrgOptions("xb") })).orgId;
  const [campaign] = await handle.db
    .select({ id: campaigns.id })
    .from(campaigns)
    .where(and(eq(campaigns.orgId, orgA), like(campaigns.name, "%安全生产月")));
  campaignId = campaign!.id;
});

afterAll(async () => {
  await handle?.close();
});

describe("the campaign XLSX", () => {
  it("holds the five sheets with Chinese headers, every assignment once, real date cells, frozen headers and filters", async () => {
    const auditor = await actorOf(orgA, "auditor");
    const response = await run(auditor, { kind: "campaign_xlsx", campaignId });
    expect(response.status).toBe(200);
    expect(response.headers.get("Cache-Control")).toBe("no-store");
    expect(response.headers.get("Content-Disposition")).toContain(
      `filename*=UTF-8''${encodeURIComponent("2026年安全生产月_合规报告_20261129.xlsx")}`,
    );
    const workbook = await workbookOf(response);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(["汇总", "完成矩阵", "任务明细", "隐患台账", "操作日志"]);

    const detail = workbook.getWorksheet("任务明细")!;
    expect(headerOf(detail).slice(0, 6)).toEqual(["单位", "单位类型", "活动", "任务", "截止时间", "状态"]);
    const own = await campaignAssignments();
    const links = cellsOf(detail, "任务页面");
    expect(links).toHaveLength(own.length);
    expect(new Set(links).size).toBe(own.length);
    expect(links.map((l) => l.replace(`${ORIGIN}/tasks/`, "")).sort()).toEqual(own.map((a) => a.id).sort());

    expect(detail.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(detail.autoFilter).toBeTruthy();
    const deadline = detail.getRow(2).getCell(columnOf(detail, "截止时间"));
    expect(deadline.value).toBeInstanceOf(Date);
    // Styles survive the writer's shared per-column style objects: formats, alignment, state colours, link look.
    expect(deadline.numFmt).toBe("yyyy-mm-dd hh:mm");
    expect(deadline.alignment).toMatchObject({ vertical: "top" });
    const states = detail.getColumn(columnOf(detail, "状态"));
    const fills = new Set<string>();
    states.eachCell((cell, n) => {
      const fill = cell.fill as { fgColor?: { argb?: string } } | undefined;
      if (n > 1 && fill?.fgColor?.argb) fills.add(`${cell.text}:${fill.fgColor.argb}`);
    });
    expect(new Set([...fills].map((f) => f.split(":")[0])).size).toBe(fills.size); // one colour per state
    expect(fills.size).toBeGreaterThan(1);
    expect(detail.getRow(2).getCell(columnOf(detail, "任务页面")).font).toMatchObject({ underline: true });

    expect(headerOf(workbook.getWorksheet("隐患台账")!).slice(0, 4)).toEqual(["编号", "隐患名称", "隐患描述", "单位"]);
    const matrix = workbook.getWorksheet("完成矩阵")!;
    expect(headerOf(matrix)[0]).toBe("单位");
    const summary = workbook.getWorksheet("汇总")!;
    expect(cellsOf(summary, "内容")).toEqual(expect.arrayContaining([String(own.length), "2026-11-29 10:00"]));
    expect(cellsOf(workbook.getWorksheet("操作日志")!, "操作代码")).toContain("export.campaign_xlsx");
  });

  it("shows a known returned assignment's unit, task, state, deadline, reviewer and return reason", async () => {
    const [known] = await handle.db
      .select({ id: assignments.id, unitName: units.name, taskTitle: tasks.title, deadline: tasks.deadline, reason: submissions.returnReason })
      .from(assignments)
      .innerJoin(tasks, and(eq(tasks.orgId, assignments.orgId), eq(tasks.id, assignments.taskId)))
      .innerJoin(units, and(eq(units.orgId, assignments.orgId), eq(units.id, assignments.unitId)))
      .innerJoin(submissions, and(eq(submissions.orgId, assignments.orgId), eq(submissions.assignmentId, assignments.id)))
      .where(and(eq(tasks.campaignId, campaignId), eq(assignments.status, "returned"), isNotNull(submissions.returnReason)))
      .limit(1);
    expect(known).toBeDefined();
    const workbook = await workbookOf(await run(await actorOf(orgA, "leader"), { kind: "campaign_xlsx", campaignId }));
    const detail = workbook.getWorksheet("任务明细")!;
    const rowNumber = cellsOf(detail, "任务页面").indexOf(`${ORIGIN}/tasks/${known!.id}`) + 2;
    const row = detail.getRow(rowNumber);
    const cell = (header: string) => row.getCell(columnOf(detail, header));
    expect(cell("单位").value).toBe(known!.unitName);
    expect(cell("任务").value).toBe(known!.taskTitle);
    expect(["已退回", "已逾期"]).toContain(cell("状态").value);
    expect(cell("截止时间").value).toEqual(beijingWallClock(known!.deadline));
    expect(String(cell("退回原因").value)).toContain(known!.reason!);
    expect(cell("审核人").value).toBeTruthy();
  });

  it("lists evidence file names with absolute download links", async () => {
    const [sub] = await handle.db
      .select({ id: submissions.id, assignmentId: submissions.assignmentId })
      .from(submissions)
      .innerJoin(assignments, and(eq(assignments.orgId, submissions.orgId), eq(assignments.id, submissions.assignmentId)))
      .innerJoin(tasks, and(eq(tasks.orgId, assignments.orgId), eq(tasks.id, assignments.taskId)))
      .where(eq(tasks.campaignId, campaignId))
      .limit(1);
    const [file] = await handle.db
      .insert(files)
      .values({ orgId: orgA, purpose: "evidence", submissionId: sub!.id, storageKey: "test/key", originalName: "签到表.jpg", mimeType: "image/jpeg", sizeBytes: 10, sha256: "00" })
      .returning({ id: files.id });
    const workbook = await workbookOf(await run(await actorOf(orgA, "admin"), { kind: "campaign_xlsx", campaignId }));
    const detail = workbook.getWorksheet("任务明细")!;
    const index = cellsOf(detail, "任务页面").indexOf(`${ORIGIN}/tasks/${sub!.assignmentId}`);
    expect(cellsOf(detail, "证据文件")[index]).toContain("签到表.jpg");
    expect(cellsOf(detail, "证据下载链接")[index]).toContain(`${ORIGIN}/api/files/${file!.id}?download=1`);
  });
});

it("streams the workbook without holding it: memory barely moves (rough check)", async () => {
  const before = process.memoryUsage().heapUsed;
  const response = await run(await actorOf(orgA, "auditor"), { kind: "campaign_xlsx", campaignId });
  const reader = response.body!.getReader();
  let bytes = 0;
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) bytes += chunk.value.byteLength;
  expect(bytes).toBeGreaterThan(10_000);
  expect(process.memoryUsage().heapUsed - before).toBeLessThan(100 * 1024 * 1024);
});

describe("the CSV of one sheet", () => {
  it("starts with a BOM, uses CRLF and neutralises a formula in a cell", async () => {
    const [target] = await campaignAssignments();
    const [task] = await handle.db
      .select({ id: tasks.id })
      .from(tasks)
      .innerJoin(assignments, and(eq(assignments.orgId, tasks.orgId), eq(assignments.taskId, tasks.id)))
      .where(eq(assignments.id, target!.id));
    await handle.db.update(tasks).set({ title: '=HYPERLINK("http://evil.test","点我")' }).where(eq(tasks.id, task!.id));

    const response = await run(await actorOf(orgA, "auditor"), { kind: "campaign_csv", campaignId, sheet: "assignments" });
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toContain("text/csv");
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
    expect(text.split("\r\n")[0]).toMatch(/^\uFEFF单位,单位类型,活动,任务,截止时间,状态/);
    expect(text).toContain(`"'=HYPERLINK(""http://evil.test"",""点我"")"`);
    expect(text).not.toMatch(/(^|,)=HYPERLINK/m);

    const workbook = await workbookOf(await run(await actorOf(orgA, "auditor"), { kind: "campaign_xlsx", campaignId }));
    expect(cellsOf(workbook.getWorksheet("任务明细")!, "任务")).toContain(`'=HYPERLINK("http://evil.test","点我")`);
  });

  it("writes one audit row per export, naming the sheet", async () => {
    const auditor = await actorOf(orgA, "auditor");
    const before = await exportsRecorded("export.campaign_csv");
    await (await run(auditor, { kind: "campaign_csv", campaignId, sheet: "matrix" })).arrayBuffer();
    expect(await exportsRecorded("export.campaign_csv")).toBe(before + 1);
  });
});

async function exportsRecorded(action: string) {
  const [row] = await handle.db
    .select({ n: count() })
    .from(auditEvents)
    .where(and(eq(auditEvents.orgId, orgA), eq(auditEvents.action, action)));
  return row!.n;
}

describe("a unit's evidence ledger", () => {
  it("holds only that unit's assignments, with the review trail", async () => {
    const liaison = await actorOf(orgA, "liaison");
    const own = await campaignAssignments(liaison.unitId!);
    for (const actor of [liaison, await actorOf(orgA, "auditor")]) {
      const response = await run(actor, { kind: "unit_ledger", campaignId, unitId: liaison.unitId! });
      expect(response.status).toBe(200);
      const sheet = (await workbookOf(response)).getWorksheet("证据台账")!;
      expect(headerOf(sheet)).toContain("审核记录");
      const ids = cellsOf(sheet, "任务页面").map((l) => l.replace(`${ORIGIN}/tasks/`, ""));
      expect(ids.sort()).toEqual(own.map((a) => a.id).sort());
    }
  });

  it("refuses a liaison another unit's ledger and the township's report", async () => {
    const liaison = await actorOf(orgA, "liaison");
    const [other] = await handle.db
      .select({ id: units.id })
      .from(units)
      .where(and(eq(units.orgId, orgA)))
      .orderBy(units.code);
    const otherId = other!.id === liaison.unitId ? (await campaignAssignments()).find((a) => a.unitId !== liaison.unitId)!.unitId : other!.id;
    expect((await run(liaison, { kind: "unit_ledger", campaignId, unitId: otherId })).status).toBe(404);
    expect((await run(liaison, { kind: "campaign_xlsx", campaignId })).status).toBe(403);
  });
});

describe("refusals", () => {
  it("401 signed out, 404 for another township or a malformed id, 400 for a bad sheet, nothing recorded", async () => {
    const before = await exportsRecorded("export.campaign_xlsx");
    expect((await run(null, { kind: "campaign_xlsx", campaignId })).status).toBe(401);
    const auditorB = await actorOf(orgB, "auditor");
    expect((await run(auditorB, { kind: "campaign_xlsx", campaignId })).status).toBe(404);
    expect((await run(auditorB, { kind: "campaign_csv", campaignId, sheet: "summary" })).status).toBe(404);
    const unitA = (await campaignAssignments())[0]!.unitId;
    expect((await run(auditorB, { kind: "unit_ledger", campaignId, unitId: unitA })).status).toBe(404);
    const auditorA = await actorOf(orgA, "auditor");
    expect((await run(auditorA, { kind: "campaign_xlsx", campaignId: "not-a-uuid" })).status).toBe(404);
    expect((await run(auditorA, { kind: "unit_ledger", campaignId, unitId: "x" })).status).toBe(404);
    expect((await run(auditorA, { kind: "campaign_csv", campaignId, sheet: "secrets" })).status).toBe(400);
    expect((await run(auditorA, { kind: "campaign_csv", campaignId, sheet: null })).status).toBe(400);
    expect(await exportsRecorded("export.campaign_xlsx")).toBe(before);
  });
});
