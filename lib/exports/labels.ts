import common from "@/lib/i18n/messages/zh-CN/common.json";
import dashboard from "@/lib/i18n/messages/zh-CN/dashboard.json";
import hazards from "@/lib/i18n/messages/zh-CN/hazards.json";
import type { CellState } from "@/lib/compliance";
import type { HazardLevel, HazardSource, HazardStatus } from "@/lib/hazard-status";
import type { AckState } from "@/lib/reach/ack-state";
import type { EscalationLevel } from "@/lib/reach/rules";
import type { DisplayState } from "@/lib/status";

/**
 * The Chinese words the exported files use. Exports are official records, so
 * they are always in Chinese whatever the reader's UI language; the status
 * words come from the UI's own Chinese messages so both read the same.
 */
export const STATE_LABEL: Record<DisplayState, string> = common.status;
export const UNIT_KIND_LABEL: Record<string, string> = common.unitKind;
export const HAZARD_STATUS_LABEL: Record<HazardStatus, string> = hazards.hazards.status;
export const HAZARD_LEVEL_LABEL: Record<HazardLevel, string> = hazards.hazards.level;

/** 三色督办 and 签收 words, the UI's own (common.json). */
export const ESCALATION_LABEL: Record<EscalationLevel, string> = common.escalationLevel;
export const ACK_STATE_LABEL: Record<AckState, string> = common.ackState;

export const HAZARD_SOURCE_LABEL: Record<HazardSource, string> = hazards.hazards.source;

export const CELL_STATE_LABEL: Record<CellState, string> = {
  approved: "已完成",
  submitted: "待审核",
  in_progress: "进行中",
  overdue: "有逾期",
  not_applicable: "—",
};

/** Matrix colours (ARGB), the same hues as the dashboard heat-map and the print legend. */
export const CELL_STATE_FILL: Record<CellState, string | undefined> = {
  approved: "FFD1FAE5",
  submitted: "FFDBEAFE",
  in_progress: "FFFEF3C7",
  overdue: "FFFEE2E2",
  not_applicable: undefined,
};

export const STATE_FILL: Partial<Record<DisplayState, string>> = {
  approved: "FFD1FAE5",
  submitted: "FFDBEAFE",
  returned: "FFFFEDD5",
  overdue: "FFFEE2E2",
};

export const CAMPAIGN_STATUS_LABEL: Record<string, string> = dashboard.reports.campaignStatus;

/** The audit actions people ask about, in words; others show their code. */
export const AUDIT_ACTION_LABEL: Record<string, string> = {
  "campaign.create": "创建活动",
  "campaign.update": "修改活动",
  "campaign.status": "变更活动状态",
  "campaign.create_from_template": "按模板创建活动",
  "campaign.clone": "复制活动",
  "activity.create": "新增活动项目",
  "activity.update": "修改活动项目",
  "activity.delete": "删除活动项目",
  "phase.create": "新增阶段",
  "phase.update": "修改阶段",
  "phase.delete": "删除阶段",
  "task.create": "新建任务",
  "task.update": "修改任务",
  "task.delete": "删除任务",
  "assignment.create": "下达任务",
  "assignment.unassign": "撤回任务",
  "assignment.reassign": "变更负责人",
  "assignment.deadline": "调整截止时间",
  "assignment.acknowledge": "签收任务",
  "assignment.submit": "提交材料",
  "assignment.approve": "审核通过",
  "assignment.return": "退回",
  "submission.create": "提交材料",
  "submission.approve": "审核通过",
  "submission.return": "审核退回",
  "file.upload": "上传文件",
  "extension.request": "申请延期",
  "extension.approve": "批准延期",
  "extension.deny": "驳回延期",
  "reminder.unit": "催办单位",
  "reminder.laggards": "批量催办",
  "reminder.ack_chase": "催签收",
  "supervision.issue": "下发督办单",
  "export.campaign_xlsx": "导出合规报告（XLSX）",
  "export.campaign_csv": "导出报表（CSV）",
  "export.unit_ledger": "导出单位台账",
};

export const ENTITY_LABEL: Record<string, string> = {
  campaign: "活动",
  activity: "活动项目",
  phase: "阶段",
  task: "任务",
  task_figure: "任务指标",
  assignment: "任务分配",
  submission: "提交",
  extension_request: "延期申请",
  file: "文件",
  hazard: "隐患",
  unit: "单位",
  supervision_order: "督办单",
};
