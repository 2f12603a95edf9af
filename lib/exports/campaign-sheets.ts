import "server-only";
import type { QueryContext } from "@/db/queries/context";
import { campaignStatusCounts } from "@/db/queries/campaigns";
import { auditExportIds, auditExportRows } from "@/db/queries/export-audit";
import { assignmentExportPage } from "@/db/queries/exports";
import { hazardExportPage, hazardSummary } from "@/db/queries/hazard-ledger";
import { isRectificationOverdue } from "@/lib/hazard-status";
import { complianceMatrix } from "@/db/queries/matrix";
import { cellState, type CellState } from "@/lib/compliance";
import { loadSchedule } from "@/lib/reach/settings";
import { assignmentColumns, assignmentRow, assignmentCursor, reachCells } from "./assignment-rows";
import {
  AUDIT_ACTION_LABEL,
  CAMPAIGN_STATUS_LABEL,
  CELL_STATE_FILL,
  CELL_STATE_LABEL,
  ENTITY_LABEL,
  HAZARD_LEVEL_LABEL,
  HAZARD_SOURCE_LABEL,
  HAZARD_STATUS_LABEL,
  UNIT_KIND_LABEL,
} from "./labels";
import { idPages, pagedRows, singlePage } from "./paging";
import type { Column, Row, Sheet } from "./sheet";
import { SHEET_NAMES, type SheetKey } from "./sheet-keys";

export interface ReportCampaign {
  id: string;
  name: string;
  theme: string | null;
  startsOn: string;
  endsOn: string;
  status: string;
}

/** What every sheet of one export is built from. */
export interface ReportInput {
  ctx: QueryContext;
  campaign: ReportCampaign;
  now: Date;
  /** Absolute origin for links in the file, e.g. https://duban.example.gov.cn */
  origin: string;
  exporterName: string;
  /** Rows per database round trip; small in tests to exercise paging. */
  pageSize?: number;
}

const ratio = (part: number, total: number) => (total === 0 ? 0 : part / total);

async function summarySheet({ ctx, campaign, now, exporterName }: ReportInput): Promise<Sheet> {
  const [counts, hazards] = await Promise.all([campaignStatusCounts(ctx, campaign.id, now), hazardSummary(ctx, campaign.id)]);
  const hazardTotal = hazards.reduce((n, h) => n + h.count, 0);
  const sum = (pick: (h: (typeof hazards)[number]) => boolean) => hazards.filter(pick).reduce((n, h) => n + h.count, 0);
  const items: [string, string | number | Date][] = [
    ["活动名称", campaign.name],
    ["活动主题", campaign.theme ?? ""],
    ["起止日期", `${campaign.startsOn} 至 ${campaign.endsOn}`],
    ["活动状态", CAMPAIGN_STATUS_LABEL[campaign.status] ?? campaign.status],
    ["任务总数", counts.total],
    ["已通过", counts.approved],
    ["待审核", counts.submitted],
    ["已退回", counts.returned],
    ["待办", counts.pending],
    ["已逾期", counts.overdue],
    ["完成率", `${(ratio(counts.approved, counts.total) * 100).toFixed(1)}%`],
    ["隐患总数", hazardTotal],
    ["其中重大隐患", sum((h) => h.level === "major")],
    ["已销号隐患", sum((h) => h.status === "verified")],
    ["导出时间", now],
    ["导出人", exporterName],
    ["统计口径", "已逾期：已过截止时间、仍为待办或已退回的任务；按时提交待审核的不计为逾期"],
  ];
  return {
    name: SHEET_NAMES.summary,
    columns: [
      { key: "item", header: "项目", width: 16, type: "text" },
      { key: "value", header: "内容", width: 60, type: "text", wrap: true },
    ],
    rows: singlePage(items.map(([item, value]) => ({ item, value }))),
  };
}

const stateOfLabel = (value: unknown): CellState | undefined =>
  (Object.keys(CELL_STATE_LABEL) as CellState[]).find(
    (s) => s !== "not_applicable" && typeof value === "string" && value.startsWith(CELL_STATE_LABEL[s]),
  );

async function matrixSheet({ ctx, campaign, now }: ReportInput): Promise<Sheet> {
  const matrix = await complianceMatrix(ctx, campaign.id, now);
  const byCell = new Map(matrix.cells.map((c) => [`${c.unitId}:${c.activityId}`, c]));
  const fill = (value: unknown) => {
    const state = stateOfLabel(value);
    return state ? CELL_STATE_FILL[state] : undefined;
  };
  const columns: Column[] = [
    { key: "unit", header: "单位", width: 20, type: "text" },
    { key: "kind", header: "类型", width: 10, type: "text" },
    ...matrix.activities.map((a, i) => ({
      key: `a${i}`,
      header: [a.code, a.title].filter(Boolean).join(" "),
      width: 14,
      type: "text" as const,
      fill,
    })),
    { key: "total", header: "任务数", width: 8, type: "number" },
    { key: "approved", header: "已通过", width: 8, type: "number" },
    { key: "submitted", header: "待审核", width: 8, type: "number" },
    { key: "returned", header: "已退回", width: 8, type: "number" },
    { key: "overdue", header: "已逾期", width: 8, type: "number" },
    { key: "rate", header: "完成率", width: 9, type: "percent" },
  ];
  const rows = matrix.units.map((unit) => {
    const row: Row = { unit: unit.name, kind: UNIT_KIND_LABEL[unit.kind] ?? unit.kind };
    const totals = { total: 0, approved: 0, submitted: 0, returned: 0, overdue: 0 };
    matrix.activities.forEach((activity, i) => {
      const cell = byCell.get(`${unit.id}:${activity.id}`);
      const state = cell ? cellState(cell) : "not_applicable";
      row[`a${i}`] = cell && state !== "not_applicable" ? `${CELL_STATE_LABEL[state]} ${cell.approved}/${cell.total}` : "—";
      if (cell) for (const k of Object.keys(totals) as (keyof typeof totals)[]) totals[k] += cell[k];
    });
    return { ...row, ...totals, rate: ratio(totals.approved, totals.total) };
  });
  return { name: SHEET_NAMES.matrix, columns, rows: singlePage(rows), freezeColumns: 1 };
}

async function assignmentsSheet(input: ReportInput): Promise<Sheet> {
  const { ctx, campaign, now, origin, pageSize } = input;
  const schedule = await loadSchedule(ctx.db, ctx.orgId);
  return {
    name: SHEET_NAMES.assignments,
    columns: assignmentColumns({ withUnit: true, withTrail: false, withReach: true }),
    rows: pagedRows(
      (after, limit) => assignmentExportPage(ctx, campaign.id, { after, limit }),
      assignmentCursor,
      (row) => ({ ...assignmentRow(row, now, origin), ...reachCells(row, now, schedule) }),
      pageSize,
    ),
  };
}

const HAZARD_COLUMNS: Column[] = [
  { key: "number", header: "编号", width: 16, type: "text" },
  { key: "title", header: "隐患名称", width: 28, type: "text", wrap: true },
  { key: "description", header: "隐患描述", width: 36, type: "text", wrap: true },
  { key: "unitName", header: "单位", width: 18, type: "text" },
  { key: "location", header: "地点", width: 20, type: "text", wrap: true },
  { key: "industry", header: "行业领域", width: 12, type: "text" },
  { key: "level", header: "等级", width: 8, type: "text" },
  { key: "source", header: "来源", width: 12, type: "text" },
  { key: "foundOn", header: "发现日期", width: 12, type: "date" },
  { key: "foundByName", header: "发现人", width: 12, type: "text" },
  { key: "taskTitle", header: "关联排查任务", width: 28, type: "text", wrap: true },
  { key: "measures", header: "整改措施", width: 30, type: "text", wrap: true },
  { key: "responsibleUnitName", header: "责任单位", width: 18, type: "text" },
  { key: "responsiblePerson", header: "责任人", width: 10, type: "text" },
  { key: "rectificationDeadline", header: "整改期限", width: 12, type: "date" },
  { key: "interimMeasures", header: "临时管控措施", width: 24, type: "text", wrap: true },
  { key: "funds", header: "资金（元）", width: 12, type: "number" },
  { key: "status", header: "状态", width: 10, type: "text" },
  { key: "overdue", header: "整改逾期", width: 8, type: "text" },
  { key: "rectifiedOn", header: "整改完成日期", width: 12, type: "date" },
  { key: "rectificationNote", header: "整改情况", width: 30, type: "text", wrap: true },
  { key: "verifierName", header: "验收人", width: 10, type: "text" },
  { key: "verificationResult", header: "验收意见", width: 24, type: "text", wrap: true },
  { key: "closedOn", header: "销号日期", width: 12, type: "date" },
];

function hazardsSheet({ ctx, campaign, now, pageSize }: ReportInput): Sheet {
  return {
    name: SHEET_NAMES.hazards,
    columns: HAZARD_COLUMNS,
    rows: pagedRows(
      (afterNumber: string | null, limit) => hazardExportPage(ctx, campaign.id, { afterNumber, limit }),
      (h) => h.number,
      (h) => ({
        ...h,
        level: HAZARD_LEVEL_LABEL[h.level],
        source: HAZARD_SOURCE_LABEL[h.source],
        status: HAZARD_STATUS_LABEL[h.status],
        foundByName: h.foundByName ?? (h.source === "public_report" ? "群众" : null),
        overdue: isRectificationOverdue(h.status, h.rectificationDeadline, now) ? "是" : "否",
        responsibleUnitName: h.responsibleUnitName ?? h.unitName,
        funds: h.funds === null ? null : Number(h.funds),
      }),
      pageSize,
    ),
  };
}

/** Long JSON in a cell stays readable and under Excel's 32,767-character limit. */
const clip = (text: string | null) => (text && text.length > 2000 ? `${text.slice(0, 2000)}…` : text);

function auditSheet({ ctx, campaign, pageSize }: ReportInput): Sheet {
  return {
    name: SHEET_NAMES.audit,
    columns: [
      { key: "createdAt", header: "时间", width: 17, type: "datetime" },
      { key: "actor", header: "操作人", width: 12, type: "text" },
      { key: "action", header: "操作", width: 18, type: "text" },
      { key: "code", header: "操作代码", width: 22, type: "text" },
      { key: "entity", header: "对象类型", width: 10, type: "text" },
      { key: "entityId", header: "对象编号", width: 38, type: "text" },
      { key: "before", header: "变更前", width: 40, type: "text" },
      { key: "after", header: "变更后", width: 40, type: "text" },
    ],
    rows: idPages(
      () => auditExportIds(ctx, campaign.id),
      (ids) => auditExportRows(ctx, ids),
      (e) => ({
        createdAt: e.createdAt,
        actor: e.actorName ?? (e.system ? "系统" : ""),
        action: AUDIT_ACTION_LABEL[e.action] ?? e.action,
        code: e.action,
        entity: ENTITY_LABEL[e.entityType] ?? e.entityType,
        entityId: e.entityId,
        before: clip(e.before),
        after: clip(e.after),
      }),
      pageSize,
    ),
  };
}

/** One sheet of the campaign report; the XLSX holds all five in SHEET_KEYS order, a CSV one. */
export async function campaignSheet(key: SheetKey, input: ReportInput): Promise<Sheet> {
  switch (key) {
    case "summary":
      return summarySheet(input);
    case "matrix":
      return matrixSheet(input);
    case "assignments":
      return assignmentsSheet(input);
    case "hazards":
      return hazardsSheet(input);
    case "audit":
      return auditSheet(input);
  }
}
