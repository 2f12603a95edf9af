/**
 * A campaign as plain data: the seed's built-in campaigns and, later, JSON
 * template export/import. Pure (no database, no server-only) so that it can be
 * used for client-side validation too.
 *
 * Dates are calendar dates "YYYY-MM-DD" in the township's time zone
 * (Asia/Shanghai); a task deadline means the end of that day (23:59:59 +08:00).
 */
import { z } from "zod";
import { parts } from "./template-dates";

export const UNIT_KINDS = ["village", "community", "department", "enterprise", "school"] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

/** Evidence a task can require; stored as these codes in tasks.evidence_required. */
export const EVIDENCE_KINDS = [
  "meeting_minutes",
  "sign_in_sheet",
  "photo",
  "summary",
  "plan",
  "report",
  "video",
  "other",
] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

/** Dates outside these years are typing mistakes, not plans. */
export const MIN_DATE = "2000-01-01";
export const MAX_DATE = "2100-12-31";
/** A template expands to at most this many task rows (a monthly task over decades is a mistake). */
export const MAX_TASK_INSTANCES = 1000;
/** Deadlines may fall this many days after the campaign ends (reports due early the next month). */
export const DEADLINE_GRACE_DAYS = 62;

function isCalendarDate(s: string): boolean {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: "日期格式应为 YYYY-MM-DD", abort: true })
  .refine(isCalendarDate, { message: "不是有效的日历日期", abort: true })
  .refine((s) => s >= MIN_DATE && s <= MAX_DATE, `日期应在 ${MIN_DATE.slice(0, 4)}—${MAX_DATE.slice(0, 4)} 年之间`);

const key = z.string().regex(/^[a-z0-9][a-z0-9._-]*$/, "只能包含小写字母、数字和 . _ -，且以字母或数字开头");

/**
 * One instance per calendar month or quarter, from the period containing
 * `from` to the one containing `to` (periodStart = the period's first day).
 * Each instance's deadline is the last day of its period; with `dayOfMonth`
 * it is instead that day of the month after the period (e.g. 5 → reports due
 * on the 5th of the next month), clamped to that month's length.
 */
export const recurrenceSchema = z.object({
  freq: z.enum(["monthly", "quarterly"]),
  from: isoDate,
  to: isoDate,
  dayOfMonth: z.number().int().min(1).max(31).optional(),
});

export const taskFigureSchema = z.object({
  key,
  name: z.string().min(1),
  measureUnit: z.string().min(1),
  /** Township-wide target, summed over units' submissions. */
  target: z.number().nonnegative().optional(),
});

export const templateTaskSchema = z.object({
  key,
  title: z.string().min(1),
  description: z.string().optional(),
  /** For a recurring task: the deadline of its last instance (each instance gets its own). */
  deadline: isoDate,
  phaseKey: key.optional(),
  applicableUnitKinds: z.array(z.enum(UNIT_KINDS)).min(1),
  evidenceRequired: z.array(z.enum(EVIDENCE_KINDS)),
  recurrence: recurrenceSchema.optional(),
  /** The responsible (lead) unit, by unit code. */
  ownerUnitCode: z.string().min(1).optional(),
  /** "kinds" (default): every unit of an applicable kind; "owner": only the owner unit. */
  assignTo: z.enum(["kinds", "owner"]).optional(),
  figures: z.array(taskFigureSchema).optional(),
});

export const templateActivitySchema = z.object({
  key,
  /** Free-text label such as 专题 / 专项; nothing may assume a fixed list. */
  grouping: z.string().min(1).optional(),
  /** Heading number as printed, e.g. （一）. */
  code: z.string().min(1).optional(),
  title: z.string().min(1),
  description: z.string().optional(),
  tasks: z.array(templateTaskSchema),
});

export const templatePhaseSchema = z.object({ key, name: z.string().min(1), startsOn: isoDate, endsOn: isoDate });

export const campaignTemplateSchema = z
  .object({
    /** Stable across townships and years, e.g. "safety-month-2020" (county roll-ups group by it). */
    key,
    name: z.string().min(1),
    theme: z.string().optional(),
    startsOn: isoDate,
    endsOn: isoDate,
    noticeTitle: z.string().optional(),
    noticeText: z.string().optional(),
    phases: z.array(templatePhaseSchema),
    activities: z.array(templateActivitySchema),
  })
  .superRefine((t, ctx) => {
    for (const problem of templateProblems(t)) ctx.addIssue({ code: "custom", ...problem });
  });

export type CampaignTemplate = z.infer<typeof campaignTemplateSchema>;
export type TemplateTask = CampaignTemplate["activities"][number]["tasks"][number];
export type TemplateRecurrence = z.infer<typeof recurrenceSchema>;

export interface TemplateProblem {
  path: (string | number)[];
  message: string;
}

const record = (v: unknown): Record<string, unknown> =>
  v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const text = (v: unknown): string | undefined => (typeof v === "string" ? v : undefined);
const dateOf = (v: unknown): string | undefined =>
  typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v) && isCalendarDate(v) ? v : undefined;

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** How many periods a recurrence spans, without expanding it. */
function periodCount(freq: "monthly" | "quarterly", from: string, to: string): number {
  const index = (date: string) => {
    const [y, m] = parts(date);
    return freq === "monthly" ? y * 12 + m : y * 4 + Math.floor((m - 1) / 3);
  };
  return index(to) - index(from) + 1;
}

/**
 * The checks between fields of a template (references, order of dates,
 * duplicate keys, deadlines inside the campaign). Walks the input
 * defensively, so it also reports these problems for a file that has type
 * errors elsewhere: an import lists every problem at once.
 */
export function templateProblems(raw: unknown): TemplateProblem[] {
  const out: TemplateProblem[] = [];
  const issue = (message: string, path: (string | number)[]) => out.push({ path, message });
  const t = record(raw);
  const startsOn = dateOf(t.startsOn);
  const endsOn = dateOf(t.endsOn);
  if (startsOn && endsOn && endsOn < startsOn) issue("结束日期早于开始日期", ["endsOn"]);
  const inCampaign = startsOn && endsOn && startsOn <= endsOn;
  const latest = endsOn ? addDays(endsOn, DEADLINE_GRACE_DAYS) : undefined;

  const phaseKeys = new Set<string>();
  list(t.phases).forEach((raw, i) => {
    const p = record(raw);
    const k = text(p.key);
    if (k !== undefined && phaseKeys.has(k)) issue(`阶段键重复：${k}`, ["phases", i, "key"]);
    if (k !== undefined) phaseKeys.add(k);
    const [from, to] = [dateOf(p.startsOn), dateOf(p.endsOn)];
    if (from && to && to < from) issue("结束日期早于开始日期", ["phases", i, "endsOn"]);
    else if (from && to && inCampaign && (from < startsOn || to > endsOn)) {
      issue(`阶段应在活动期间内（${startsOn} 至 ${endsOn}）`, ["phases", i]);
    }
  });

  const activityKeys = new Set<string>();
  const taskKeys = new Set<string>();
  let instances = 0;
  list(t.activities).forEach((rawActivity, ai) => {
    const a = record(rawActivity);
    const ak = text(a.key);
    if (ak !== undefined && activityKeys.has(ak)) issue(`活动键重复：${ak}`, ["activities", ai, "key"]);
    if (ak !== undefined) activityKeys.add(ak);
    list(a.tasks).forEach((rawTask, ti) => {
      const task = record(rawTask);
      const path = ["activities", ai, "tasks", ti];
      const tk = text(task.key);
      if (tk !== undefined && taskKeys.has(tk)) issue(`任务键重复：${tk}`, [...path, "key"]);
      if (tk !== undefined) taskKeys.add(tk);
      const phaseKey = text(task.phaseKey);
      if (phaseKey !== undefined && !phaseKeys.has(phaseKey)) issue(`所属阶段不存在：${phaseKey}`, [...path, "phaseKey"]);
      if (task.assignTo === "owner" && text(task.ownerUnitCode) === undefined) {
        issue("按牵头单位分派时必须填写牵头单位编码", [...path, "ownerUnitCode"]);
      }
      const deadline = dateOf(task.deadline);
      if (deadline && inCampaign && latest && (deadline < startsOn || deadline > latest)) {
        issue(`截止日期应在 ${startsOn} 至 ${latest} 之间`, [...path, "deadline"]);
      }
      const r = record(task.recurrence);
      const [from, to] = [dateOf(r.from), dateOf(r.to)];
      const freq = r.freq === "monthly" || r.freq === "quarterly" ? r.freq : undefined;
      if (from && to && to < from) issue("周期结束早于开始", [...path, "recurrence", "to"]);
      else if (from && to && freq) {
        instances += periodCount(freq, from, to);
        if (inCampaign && latest && (from < startsOn || to > endsOn)) {
          issue(`周期应在活动期间内（${startsOn} 至 ${endsOn}）`, [...path, "recurrence"]);
        }
      } else if (task.recurrence === undefined) {
        instances += 1;
      }
      const figureKeys = new Set<string>();
      list(task.figures).forEach((rawFigure, fi) => {
        const fk = text(record(rawFigure).key);
        if (fk !== undefined && figureKeys.has(fk)) issue(`指标键重复：${fk}`, [...path, "figures", fi, "key"]);
        if (fk !== undefined) figureKeys.add(fk);
      });
    });
  });
  if (instances > MAX_TASK_INSTANCES) issue(`任务实例过多（${instances} 个，最多 ${MAX_TASK_INSTANCES} 个）`, ["activities"]);
  return out;
}
