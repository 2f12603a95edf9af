import "server-only";
import type { QueryContext } from "@/db/queries/context";
import { assignmentExportPage, type AssignmentCursor, type AssignmentExportRow, type TrailEntry } from "@/db/queries/exports";
import { ackState } from "@/lib/reach/ack-state";
import { escalationLevel, type ReachSchedule } from "@/lib/reach/rules";
import { displayState, type DisplayState } from "@/lib/status";
import { ACK_STATE_LABEL, ESCALATION_LABEL, STATE_FILL, STATE_LABEL, UNIT_KIND_LABEL } from "./labels";
import { pagedRows } from "./paging";
import { formatBeijing, type CellValue, type Column, type Row, type Sheet } from "./sheet";

const FILL_BY_LABEL = new Map(
  (Object.keys(STATE_FILL) as DisplayState[]).map((state) => [STATE_LABEL[state], STATE_FILL[state]]),
);
const stateFill = (value: CellValue) => (typeof value === "string" ? FILL_BY_LABEL.get(value) : undefined);

/** 签收 and 三色督办 of 任务明细 (reachCells fills them). */
const REACH_COLUMNS: Column[] = [
  { key: "acknowledgedAt", header: "签收时间", width: 17, type: "datetime" },
  { key: "ackState", header: "签收状态", width: 11, type: "text" },
  { key: "escalation", header: "督办等级", width: 10, type: "text" },
  { key: "supervisionCount", header: "督办单数", width: 9, type: "number" },
  { key: "lastSupervision", header: "最近督办单", width: 11, type: "text" },
];

/**
 * The columns of 任务明细 (with the unit and, `withReach`, 签收 and 督办) and,
 * without the unit and with the review trail, of a unit's 证据台账.
 */
export function assignmentColumns(options: { withUnit: boolean; withTrail: boolean; withReach?: boolean }): Column[] {
  return [
    ...(options.withUnit
      ? [
          { key: "unitName", header: "单位", width: 18, type: "text" as const },
          { key: "unitKind", header: "单位类型", width: 10, type: "text" as const },
        ]
      : []),
    { key: "activityTitle", header: "活动", width: 28, type: "text", wrap: true },
    { key: "taskTitle", header: "任务", width: 36, type: "text", wrap: true },
    { key: "deadline", header: "截止时间", width: 17, type: "datetime" },
    { key: "state", header: "状态", width: 9, type: "text", fill: stateFill },
    ...(options.withReach ? REACH_COLUMNS : []),
    { key: "submissionCount", header: "提交次数", width: 9, type: "number" },
    { key: "submittedAt", header: "最近提交时间", width: 17, type: "datetime" },
    { key: "reviewedAt", header: "审核时间", width: 17, type: "datetime" },
    { key: "reviewerName", header: "审核人", width: 10, type: "text" },
    { key: "returnReasons", header: "退回原因", width: 36, type: "text", wrap: true },
    ...(options.withTrail ? [{ key: "trail", header: "审核记录", width: 48, type: "text" as const, wrap: true }] : []),
    { key: "evidenceNames", header: "证据文件", width: 30, type: "text", wrap: true },
    { key: "evidenceLinks", header: "证据下载链接", width: 50, type: "text", wrap: true },
    { key: "taskLink", header: "任务页面", width: 40, type: "link" },
  ];
}

const TRAIL_VERB: Record<string, string> = { pending: "下达", submitted: "提交", approved: "通过", returned: "退回" };

function trailText(trail: TrailEntry[]): string {
  return trail
    .map((e) => {
      const reason = e.reason ? `：${e.reason}` : "";
      return `${formatBeijing(e.at)} ${e.by ?? "系统"} ${TRAIL_VERB[e.to] ?? e.to}${reason}`;
    })
    .join("\n");
}

/** One assignment as a sheet row: display state (with overdue), evidence names and absolute links. */
export function assignmentRow(row: AssignmentExportRow, now: Date, origin: string): Row {
  return {
    unitName: row.unitName,
    unitKind: UNIT_KIND_LABEL[row.unitKind] ?? row.unitKind,
    activityTitle: row.activityTitle,
    taskTitle: row.taskTitle,
    deadline: row.deadline,
    state: STATE_LABEL[displayState(row.status, row.deadline, now)],
    submissionCount: row.submissionCount,
    submittedAt: row.submittedAt,
    reviewedAt: row.reviewedAt,
    reviewerName: row.reviewerName,
    returnReasons: row.returnReasons,
    trail: trailText(row.trail),
    evidenceNames: row.evidence.map((f) => f.name).join("\n"),
    evidenceLinks: row.evidence.map((f) => `${origin}/api/files/${f.id}?download=1`).join("\n"),
    taskLink: `${origin}/tasks/${row.id}`,
  };
}

/** 签收 time and state, the 三色督办 level reached under the township's thresholds, and the 督办单. */
export function reachCells(row: AssignmentExportRow, now: Date, schedule: ReachSchedule): Row {
  const level = escalationLevel(row.status, row.deadline, now, schedule.escalationDays);
  return {
    acknowledgedAt: row.acknowledgedAt,
    ackState: ACK_STATE_LABEL[ackState(row, schedule, now)],
    escalation: level ? ESCALATION_LABEL[level] : null,
    supervisionCount: row.supervisionCount,
    lastSupervision: row.lastSupervisionLevel ? ESCALATION_LABEL[row.lastSupervisionLevel] : null,
  };
}

export const assignmentCursor = (row: AssignmentExportRow): AssignmentCursor => ({
  kindRank: row.kindRank,
  unitCode: row.unitCode,
  activityPosition: row.activityPosition,
  deadlineKey: row.deadlineKey,
  id: row.id,
});

/** A unit's 证据台账 for one campaign: every task with its evidence and review trail. */
export function ledgerSheet(
  ctx: QueryContext,
  campaignId: string,
  unitId: string,
  options: { now: Date; origin: string; pageSize?: number },
): Sheet {
  return {
    name: "证据台账",
    columns: assignmentColumns({ withUnit: false, withTrail: true }),
    rows: pagedRows(
      (after, limit) => assignmentExportPage(ctx, campaignId, { unitId, after, limit, withTrail: true }),
      assignmentCursor,
      (row) => assignmentRow(row, options.now, options.origin),
      options.pageSize,
    ),
  };
}
