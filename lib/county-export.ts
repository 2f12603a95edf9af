import "server-only";
import { z } from "zod";
import type { Db } from "@/db/client";
import { contextFor, loadMembership } from "@/db/queries/context";
import { defineCommand, executeAction, type Actor } from "@/lib/auth/action-core";
import { can } from "@/lib/auth/permissions";
import { contentDisposition } from "@/lib/files/file-name";
import { compactDay, exportFileName, type Column, type Row, type Sheet } from "@/lib/exports/sheet";
import { xlsxStream } from "@/lib/exports/xlsx";
import type { CountyRow } from "./county";
import { loadCountyRollup, type CountyRollup } from "./county-rollup";

/** Who took a copy of the county's figures: one audit row in the county, before the file streams. */
export const recordCountyExport = defineCommand(
  { name: "export.county", permission: "county.export", schema: z.object({ templateKey: z.string().min(1).max(200) }) },
  async ({ templateKey }) => ({
    data: null,
    audit: [{ action: "export.county_xlsx", entityType: "organization", entityId: null, after: { templateKey } }],
  }),
);

const num = (key: string, header: string, width = 10): Column => ({ key, header, width, type: "number" });
const TOWNSHIP: Column[] = [
  { key: "township", header: "乡镇", width: 16, type: "text" },
  { key: "code", header: "区划代码", width: 14, type: "text" },
];

async function* once(rows: Row[]): AsyncIterable<Row[]> {
  yield rows;
}

function campaignSheet(rollup: CountyRollup): Sheet {
  const columns = [
    ...TOWNSHIP,
    num("total", "任务数"),
    num("approved", "已完成"),
    { key: "completion", header: "完成率", width: 10, type: "percent" } satisfies Column,
    num("overdue", "逾期"),
    num("returns", "退回次数"),
  ];
  const row = (r: Pick<CountyRow, "total" | "approved" | "completion" | "overdue" | "returns">, township: string, code: string): Row => ({
    township,
    code,
    total: r.total,
    approved: r.approved,
    completion: r.completion,
    overdue: r.overdue,
    returns: r.returns,
  });
  const rows = rollup.rows.filter((r) => r.hasCampaign).map((r) => row(r, r.townshipName, r.townshipCode));
  return { name: "活动完成情况", columns, rows: once([...rows, row(rollup.totals, "全县合计", "")]) };
}

function hazardSheet(rollup: CountyRollup): Sheet {
  const columns = [
    ...TOWNSHIP,
    num("generalOpen", "一般隐患未销号", 14),
    num("generalOverdue", "一般隐患逾期", 14),
    num("generalClosed", "一般隐患已销号", 14),
    num("majorOpen", "重大隐患未销号", 14),
    num("majorOverdue", "重大隐患逾期", 14),
    num("majorClosed", "重大隐患已销号", 14),
  ];
  const row = (h: CountyRow["hazards"], township: string, code: string): Row => ({
    township,
    code,
    generalOpen: h.general.open,
    generalOverdue: h.general.overdue,
    generalClosed: h.general.closed,
    majorOpen: h.major.open,
    majorOverdue: h.major.overdue,
    majorClosed: h.major.closed,
  });
  const rows = rollup.rows.map((r) => row(r.hazards, r.townshipName, r.townshipCode));
  return { name: "隐患情况", columns, rows: once([...rows, row(rollup.totals.hazards, "全县合计", "")]) };
}

function rankingSheet(rollup: CountyRollup): Sheet {
  const columns = [
    num("rank", "名次", 8),
    ...TOWNSHIP,
    { key: "completion", header: "完成率", width: 10, type: "percent" } satisfies Column,
    num("approved", "已完成"),
    num("total", "任务数"),
    num("overdue", "逾期"),
  ];
  const rows = rollup.ranking.map((r, i) => ({
    rank: i + 1,
    township: r.townshipName,
    code: r.townshipCode,
    completion: r.completion,
    approved: r.approved,
    total: r.total,
    overdue: r.overdue,
  }));
  return { name: "完成率排名", columns, rows: once(rows) };
}

function plain(status: number, message: string): Response {
  return new Response(message, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
}

/**
 * The county export, independent of Next so tests can call it: 401 signed
 * out, 403 without county.export (every township role), 404 for a template
 * the county does not run; else an audit row and the streamed workbook.
 */
export async function countyExportResponse(db: Db, actor: Actor | null, templateKey: string | null, now = new Date()): Promise<Response> {
  const membership = actor ? await loadMembership(db, actor.userId, actor.orgId) : null;
  if (!actor || !membership) return plain(401, "请先登录");
  if (!can(membership.role, "county.export")) return plain(403, "没有导出权限");
  const ctx = contextFor(db, membership);
  const rollup = await loadCountyRollup(ctx, templateKey ?? undefined, now);
  if (!rollup.template || (templateKey !== null && rollup.template.templateKey !== templateKey)) return plain(404, "未找到该活动");
  const recorded = await executeAction(db, actor, recordCountyExport.config, { templateKey: rollup.template.templateKey }, recordCountyExport.body);
  if (!recorded.ok) return plain(recorded.code === "forbidden" ? 403 : 400, recorded.message);

  const title = `${membership.orgName} ${rollup.template.name} 全县汇总`;
  const body = xlsxStream(
    [async () => campaignSheet(rollup), async () => hazardSheet(rollup), async () => rankingSheet(rollup)],
    { title, creator: membership.displayName },
    (error) => console.error("[export county]", error),
  );
  return new Response(body, {
    status: 200,
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": contentDisposition("attachment", exportFileName([membership.orgName, rollup.template.name, "全县汇总", compactDay(now)], "xlsx")),
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
