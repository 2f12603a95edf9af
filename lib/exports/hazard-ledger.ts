import "server-only";
import type { QueryContext } from "@/db/queries/context";
import { hazardLedgerRows, type HazardLedgerRow } from "@/db/queries/hazard-ledger";
import { isRectificationOverdue, type HazardLevel, type HazardSource, type HazardStatus } from "@/lib/hazard-status";

/** The 隐患台账 sheet's columns, in order, with their Chinese headers. */
export const HAZARD_LEDGER_COLUMNS = [
  { key: "number", header: "隐患编号" },
  { key: "title", header: "隐患名称" },
  { key: "description", header: "隐患描述" },
  { key: "unitName", header: "所属单位" },
  { key: "location", header: "隐患位置" },
  { key: "industry", header: "行业领域" },
  { key: "level", header: "隐患级别" },
  { key: "source", header: "隐患来源" },
  { key: "foundOn", header: "发现日期" },
  { key: "foundBy", header: "发现人" },
  { key: "taskTitle", header: "关联排查任务" },
  { key: "measures", header: "整改措施" },
  { key: "interimMeasures", header: "临时管控措施" },
  { key: "funds", header: "整改资金（元）" },
  { key: "responsibleUnitName", header: "整改责任单位" },
  { key: "responsiblePerson", header: "整改责任人" },
  { key: "rectificationDeadline", header: "整改期限" },
  { key: "status", header: "整改状态" },
  { key: "overdue", header: "是否逾期" },
  { key: "rectifiedOn", header: "整改完成日期" },
  { key: "rectificationNote", header: "整改情况" },
  { key: "verifiedBy", header: "验收人" },
  { key: "verificationResult", header: "验收意见" },
  { key: "closedOn", header: "销号日期" },
] as const;

export type HazardLedgerKey = (typeof HAZARD_LEDGER_COLUMNS)[number]["key"];
export type HazardLedgerRecord = Record<HazardLedgerKey, string | number | null>;

export const LEVEL_LABELS: Record<HazardLevel, string> = { general: "一般隐患", major: "重大隐患" };
export const STATUS_LABELS: Record<HazardStatus, string> = {
  reported: "待整改",
  rectifying: "整改中",
  rectified: "已整改待验收",
  verified: "已销号",
};
export const SOURCE_LABELS: Record<HazardSource, string> = {
  self_inspection: "单位自查",
  investigation_task: "排查任务",
  supervision_check: "督查检查",
  hotline_12350: "12350举报热线",
  hotline_119: "119火警热线",
  hotline_96119: "96119消防举报",
  media: "媒体曝光",
  public_report: "群众举报",
};

/** One row of the sheet as plain values (labels in Chinese, funds as a number). */
export function toLedgerRecord(row: HazardLedgerRow, now: Date): HazardLedgerRecord {
  return {
    number: row.number,
    title: row.title,
    description: row.description,
    unitName: row.unitName,
    location: row.location,
    industry: row.industry,
    level: LEVEL_LABELS[row.level],
    source: SOURCE_LABELS[row.source],
    foundOn: row.foundOn,
    foundBy: row.foundByName ?? (row.source === "public_report" ? "群众" : null),
    taskTitle: row.taskTitle,
    measures: row.measures,
    interimMeasures: row.interimMeasures,
    funds: row.funds === null ? null : Number(row.funds),
    responsibleUnitName: row.responsibleUnitName ?? row.unitName,
    responsiblePerson: row.responsiblePerson,
    rectificationDeadline: row.rectificationDeadline,
    status: STATUS_LABELS[row.status],
    overdue: isRectificationOverdue(row.status, row.rectificationDeadline, now) ? "是" : "否",
    rectifiedOn: row.rectifiedOn,
    rectificationNote: row.rectificationNote,
    verifiedBy: row.verifiedByName,
    verificationResult: row.verificationResult,
    closedOn: row.closedOn,
  };
}

/**
 * The 隐患台账 of a township (optionally one campaign's) for the compliance
 * export: the headers and the rows as plain data, scoped like every read.
 */
export async function hazardLedger(ctx: QueryContext, options: { campaignId?: string; now?: Date } = {}) {
  const now = options.now ?? new Date();
  const rows = await hazardLedgerRows(ctx, { campaignId: options.campaignId });
  return { columns: HAZARD_LEDGER_COLUMNS, rows: rows.map((row) => toLedgerRecord(row, now)) };
}
