import ExcelJS from "exceljs";
import { and, asc, eq, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { assignments, campaigns, memberships, supervisionOrders, tasks } from "@/db/schema";
import { seedDemoTownship } from "@/db/seed";
import type { Actor } from "@/lib/auth/action-core";
import { createTestDb, uniqueOrgOptions } from "@/tests/helpers/db";
import { exportResponse } from "./export-response";

/** 任务明细's 签收 and 督办 columns, in the XLSX and the CSV. */
const NOW = new Date("2026-11-29T10:00:00+08:00");
const HOUR = 60 * 60 * 1000;
const ORIGIN = "https://duban.test";
let handle: DbHandle;
let orgId: string;
let campaignId: string;
let auditor: Actor;
let ids: { signed: string; late: string; waiting: string; red: string };

const REACH_HEADERS = ["签收时间", "签收状态", "督办等级", "督办单数", "最近督办单"];

beforeAll(async () => {
  handle = await createTestDb();
  orgId = (await seedDemoTownship(handle.db, { now: NOW, shiftToYear: 2026, ...uniqueOrgOptions("xr") })).orgId;
  const [campaign] = await handle.db
    .select({ id: campaigns.id })
    .from(campaigns)
    .where(and(eq(campaigns.orgId, orgId), like(campaigns.name, "%安全生产月")));
  campaignId = campaign!.id;
  const [member] = await handle.db
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.orgId, orgId), eq(memberships.role, "auditor")));
  auditor = { userId: member!.userId, orgId };
  const rows = await handle.db
    .select({ id: assignments.id })
    .from(assignments)
    .innerJoin(tasks, and(eq(tasks.orgId, assignments.orgId), eq(tasks.id, assignments.taskId)))
    .where(eq(tasks.campaignId, campaignId))
    .orderBy(asc(assignments.id))
    .limit(4);
  const [signed, late, waiting, red] = rows.map((r) => r.id) as [string, string, string, string];
  ids = { signed, late, waiting, red };
  const future = new Date(NOW.getTime() + 10 * 24 * HOUR);
  const set = (id: string, values: Partial<typeof assignments.$inferInsert>) =>
    handle.db.update(assignments).set(values).where(eq(assignments.id, id));
  await set(signed, { status: "pending", deadline: future, publishedAt: new Date(NOW.getTime() - 48 * HOUR), acknowledgedAt: new Date("2026-11-28T09:30:00+08:00") });
  await set(late, { status: "pending", deadline: future, publishedAt: new Date(NOW.getTime() - 48 * HOUR), acknowledgedAt: null });
  await set(waiting, { status: "pending", deadline: future, publishedAt: new Date(NOW.getTime() - HOUR), acknowledgedAt: null });
  // 7 days overdue (deadline the end of 11-21): red under the default thresholds.
  await set(red, { status: "returned", deadline: new Date("2026-11-21T23:59:59+08:00"), acknowledgedAt: new Date(NOW.getTime() - 30 * 24 * HOUR) });
  for (const level of ["blue", "yellow"] as const) {
    await handle.db.insert(supervisionOrders).values({ orgId, assignmentId: red, level, note: "督办", issuedBy: auditor.userId });
  }
});

afterAll(async () => {
  await handle?.close();
});

/** RFC 4180 records: quoted fields may hold commas, quotes (doubled) and line breaks. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted && ch === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (ch === '"') {
      quoted = !quoted;
    } else if (!quoted && ch === ",") {
      record.push(field);
      field = "";
    } else if (!quoted && ch === "\r" && text[i + 1] === "\n") {
      record.push(field);
      records.push(record);
      record = [];
      field = "";
      i++;
    } else {
      field += ch;
    }
  }
  return records;
}

function rowsByLink(header: string[], lines: string[][]) {
  const link = header.indexOf("任务页面");
  return new Map(lines.map((cells) => [cells[link]!.replace(`${ORIGIN}/tasks/`, ""), Object.fromEntries(header.map((h, i) => [h, cells[i] ?? ""]))]));
}

describe("签收 and 督办 in 任务明细", () => {
  it("the XLSX has 签收时间, 签收状态 (已签收 / 未签收 / 超时未签收), 督办等级 and the 督办单", async () => {
    const response = await exportResponse(handle.db, auditor, { kind: "campaign_xlsx", campaignId }, { origin: ORIGIN, now: NOW, pageSize: 50 });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    const sheet = workbook.getWorksheet("任务明细")!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
    expect(header.slice(5, 11)).toEqual(["状态", ...REACH_HEADERS]);
    const lines: string[][] = [];
    sheet.eachRow((row, n) => {
      if (n > 1) lines.push(header.map((_, i) => String(row.getCell(i + 1).text)));
    });
    const byId = rowsByLink(header, lines);
    expect(byId.get(ids.signed)).toMatchObject({ 签收状态: "已签收", 督办等级: "", 督办单数: "0" });
    expect(sheet.getRow(lines.findIndex((l) => l.includes(`${ORIGIN}/tasks/${ids.signed}`)) + 2).getCell(header.indexOf("签收时间") + 1).value).toBeInstanceOf(Date);
    expect(byId.get(ids.late)).toMatchObject({ 签收状态: "超时未签收", 签收时间: "" });
    expect(byId.get(ids.waiting)).toMatchObject({ 签收状态: "未签收" });
    expect(byId.get(ids.red)).toMatchObject({ 督办等级: "红色督办", 督办单数: "2", 最近督办单: "黄色督办" });
  });

  it("the CSV carries the same columns and words", async () => {
    const response = await exportResponse(
      handle.db,
      auditor,
      { kind: "campaign_csv", campaignId, sheet: "assignments" },
      { origin: ORIGIN, now: NOW, pageSize: 50 },
    );
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(await response.arrayBuffer()).replace(/^\uFEFF/, "");
    const [header, ...rest] = parseCsv(text);
    expect(header).toEqual(expect.arrayContaining(REACH_HEADERS));
    const byId = rowsByLink(header!, rest);
    expect(byId.get(ids.signed)).toMatchObject({ 签收时间: "2026-11-28 09:30", 签收状态: "已签收" });
    expect(byId.get(ids.late)).toMatchObject({ 签收状态: "超时未签收" });
    expect(byId.get(ids.red)).toMatchObject({ 督办等级: "红色督办", 督办单数: "2", 最近督办单: "黄色督办" });
  });
});
