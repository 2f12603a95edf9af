/**
 * Validates a campaign template a person uploaded or pasted, and says what is
 * wrong in words a township clerk can act on: every problem at once, each
 * with where it is ("活动 2 › 任务 3 › 截止日期") and what to fix. Pure.
 */
import type { z } from "zod";
import { campaignTemplateSchema, templateProblems, type CampaignTemplate, type TemplateProblem } from "./campaign-template";

/** A JSON file larger than this is not a campaign plan. */
export const MAX_TEMPLATE_CHARS = 2_000_000;

const FIELD_NAMES: Record<string, string> = {
  key: "键",
  name: "名称",
  theme: "主题",
  startsOn: "开始日期",
  endsOn: "结束日期",
  noticeTitle: "通知标题",
  noticeText: "通知正文",
  phases: "阶段",
  activities: "活动",
  tasks: "任务",
  figures: "填报指标",
  grouping: "分组",
  code: "编号",
  title: "标题",
  description: "说明",
  deadline: "截止日期",
  phaseKey: "所属阶段",
  applicableUnitKinds: "适用单位类型",
  evidenceRequired: "佐证材料",
  recurrence: "周期",
  freq: "频率",
  from: "周期开始",
  to: "周期结束",
  dayOfMonth: "次月截止日",
  ownerUnitCode: "牵头单位编码",
  assignTo: "分派方式",
  measureUnit: "计量单位",
  target: "目标值",
};

const TYPE_NAMES: Record<string, string> = {
  string: "文本",
  number: "数字",
  int: "整数",
  boolean: "是/否",
  array: "列表",
  object: "对象",
};

/** "活动 2 › 任务 3 › 截止日期": 1-based positions after the list they index. */
export function describePath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return "模板";
  const parts: string[] = [];
  for (const segment of path) {
    if (typeof segment === "number") {
      const last = parts.pop() ?? "";
      parts.push(`${last} ${segment + 1}`.trim());
    } else {
      const name = String(segment);
      parts.push(FIELD_NAMES[name] ?? name);
    }
  }
  return parts.join(" › ");
}

function valueAt(raw: unknown, path: readonly PropertyKey[]): unknown {
  let value = raw;
  for (const segment of path) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<PropertyKey, unknown>)[segment];
  }
  return value;
}

function describeIssue(issue: z.core.$ZodIssue, raw: unknown): string {
  switch (issue.code) {
    case "invalid_type":
      return valueAt(raw, issue.path) === undefined
        ? "缺少此项"
        : `类型错误，应为${TYPE_NAMES[issue.expected] ?? issue.expected}`;
    case "too_small":
      return issue.origin === "array" ? "至少需要一项" : issue.origin === "string" ? "不能为空" : `不能小于 ${issue.minimum}`;
    case "too_big":
      return `不能大于 ${issue.maximum}`;
    case "invalid_value":
      return `取值无效，可选：${issue.values.map(String).join("、")}`;
    case "unrecognized_keys":
      return `无法识别的字段：${issue.keys.join("、")}`;
    default:
      return issue.message;
  }
}

export type TemplateCheck = { ok: true; template: CampaignTemplate } | { ok: false; problems: string[] };

export interface TemplateCheckOptions {
  /** Codes of the township's units; an owner code not in it is a problem. */
  unitCodes: ReadonlySet<string>;
}

function unknownOwners(raw: unknown, unitCodes: ReadonlySet<string>): TemplateProblem[] {
  const out: TemplateProblem[] = [];
  const activities = (raw as { activities?: unknown } | null)?.activities;
  if (!Array.isArray(activities)) return out;
  activities.forEach((activity: unknown, ai) => {
    const tasks = (activity as { tasks?: unknown } | null)?.tasks;
    if (!Array.isArray(tasks)) return;
    tasks.forEach((task: unknown, ti) => {
      const code = (task as { ownerUnitCode?: unknown } | null)?.ownerUnitCode;
      if (typeof code === "string" && code !== "" && !unitCodes.has(code)) {
        out.push({ path: ["activities", ai, "tasks", ti, "ownerUnitCode"], message: `本镇没有编码为 ${code} 的单位` });
      }
    });
  });
  return out;
}

/** Checks a parsed template: the schema, the references inside it, and owner units of this township. */
export function checkTemplate(raw: unknown, options: TemplateCheckOptions): TemplateCheck {
  const parsed = campaignTemplateSchema.safeParse(raw);
  const problems: TemplateProblem[] = parsed.success
    ? []
    : parsed.error.issues.map((issue) => ({
        path: issue.path.map((p) => (typeof p === "symbol" ? String(p) : p)),
        message: describeIssue(issue, raw),
      }));
  // The schema's own cross-field checks only run on a well-typed file; run them on the raw input too.
  if (!parsed.success) problems.push(...templateProblems(raw));
  problems.push(...unknownOwners(raw, options.unitCodes));

  const lines = [...new Set(problems.map((p) => `${describePath(p.path)}：${p.message}`))];
  if (lines.length > 0 || !parsed.success) return { ok: false, problems: lines };
  return { ok: true, template: parsed.data };
}

/** Parses JSON text first; a file that is not JSON gets one clear problem. */
export function checkTemplateText(textInput: string, options: TemplateCheckOptions): TemplateCheck {
  if (textInput.length > MAX_TEMPLATE_CHARS) return { ok: false, problems: ["文件过大，不是活动模板"] };
  let raw: unknown;
  try {
    raw = JSON.parse(textInput);
  } catch {
    return { ok: false, problems: ["不是有效的 JSON 文件，请检查是否为导出的活动模板"] };
  }
  return checkTemplate(raw, options);
}
