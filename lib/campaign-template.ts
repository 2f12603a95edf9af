/**
 * A campaign as plain data: the seed's built-in campaigns and, later, JSON
 * template export/import. Pure (no database, no server-only) so that it can be
 * used for client-side validation too.
 *
 * Dates are calendar dates "YYYY-MM-DD" in the township's time zone
 * (Asia/Shanghai); a task deadline means the end of that day (23:59:59 +08:00).
 */
import { z } from "zod";

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

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "expected YYYY-MM-DD")
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, "not a calendar date");

const key = z.string().regex(/^[a-z0-9][a-z0-9._-]*$/, "lowercase letters, digits, . _ -");

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
    const issue = (message: string, path: (string | number)[]) => ctx.addIssue({ code: "custom", message, path });
    if (t.endsOn < t.startsOn) issue("ends before it starts", ["endsOn"]);
    const phaseKeys = new Set(t.phases.map((p) => p.key));
    if (phaseKeys.size !== t.phases.length) issue("duplicate phase key", ["phases"]);
    t.phases.forEach((p, i) => p.endsOn < p.startsOn && issue("ends before it starts", ["phases", i, "endsOn"]));
    const taskKeys = new Set<string>();
    const activityKeys = new Set<string>();
    t.activities.forEach((a, ai) => {
      if (activityKeys.has(a.key)) issue("duplicate activity key", ["activities", ai, "key"]);
      activityKeys.add(a.key);
      a.tasks.forEach((task, ti) => {
        const path = ["activities", ai, "tasks", ti];
        if (taskKeys.has(task.key)) issue("duplicate task key", [...path, "key"]);
        taskKeys.add(task.key);
        if (task.phaseKey && !phaseKeys.has(task.phaseKey)) issue("unknown phase", [...path, "phaseKey"]);
        if (task.assignTo === "owner" && !task.ownerUnitCode) issue("assignTo owner needs ownerUnitCode", path);
        if (task.recurrence && task.recurrence.to < task.recurrence.from) issue("ends before it starts", path);
        const figureKeys = new Set((task.figures ?? []).map((f) => f.key));
        if (figureKeys.size !== (task.figures ?? []).length) issue("duplicate figure key", [...path, "figures"]);
      });
    });
  });

export type CampaignTemplate = z.infer<typeof campaignTemplateSchema>;
export type TemplateTask = CampaignTemplate["activities"][number]["tasks"][number];
export type TemplateRecurrence = z.infer<typeof recurrenceSchema>;

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const daysInMonth = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate(); // m is 1-based
const pad = (n: number) => String(n).padStart(2, "0");
const fmt = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;

function parts(date: string): [number, number, number] {
  const [y, m, d] = date.split("-").map(Number);
  return [y ?? 0, m ?? 0, d ?? 0];
}

/** Shifts a date by whole years; 29 February becomes the 28th in a common year. */
export function shiftDate(date: string, years: number): string {
  const [y, m, d] = parts(date);
  const ny = y + years;
  return fmt(ny, m, m === 2 && d === 29 && !isLeap(ny) ? 28 : d);
}

/** Rewrites years written as "2020年" (or "2020—2022年") in display text so that names follow the dates. */
function shiftText<T extends string | undefined>(text: T, years: number): T {
  if (text === undefined) return text;
  // A year before 年, or opening a range such as 2020—2022年.
  const year = /(?<!\d)(?:19|20)\d{2}(?=年|[—–~至-](?:19|20)\d{2}年)/g;
  return text.replace(year, (y) => String(Number(y) + years)) as T;
}

/**
 * The same campaign N whole years later: every date, and years written as
 * "NNNN年" in names, titles and texts. The template key is kept (it names the
 * template, not the year it runs in).
 */
export function shiftTemplateYears(t: CampaignTemplate, years: number): CampaignTemplate {
  if (!Number.isInteger(years)) throw new Error(`shiftTemplateYears: ${years} is not a whole number`);
  if (years === 0) return t;
  const sd = (d: string) => shiftDate(d, years);
  const st = <T extends string | undefined>(s: T) => shiftText(s, years);
  return {
    ...t,
    name: st(t.name),
    theme: st(t.theme),
    noticeTitle: st(t.noticeTitle),
    noticeText: st(t.noticeText),
    startsOn: sd(t.startsOn),
    endsOn: sd(t.endsOn),
    phases: t.phases.map((p) => ({ ...p, name: st(p.name), startsOn: sd(p.startsOn), endsOn: sd(p.endsOn) })),
    activities: t.activities.map((a) => ({
      ...a,
      title: st(a.title),
      description: st(a.description),
      tasks: a.tasks.map((task) => ({
        ...task,
        title: st(task.title),
        description: st(task.description),
        deadline: sd(task.deadline),
        recurrence: task.recurrence && { ...task.recurrence, from: sd(task.recurrence.from), to: sd(task.recurrence.to) },
      })),
    })),
  };
}

export interface TaskInstance {
  /** Appended to the task title, e.g. "（2020年7月）"; "" for a one-off task. */
  titleSuffix: string;
  /** First day of the period; null for a one-off task. */
  periodStart: string | null;
  deadline: string;
}

/** The dated instances of a task: one per period when it recurs, else the task itself. */
export function expandRecurrence(task: Pick<TemplateTask, "deadline" | "recurrence">): TaskInstance[] {
  const r = task.recurrence;
  if (!r) return [{ titleSuffix: "", periodStart: null, deadline: task.deadline }];
  const months = r.freq === "monthly" ? 1 : 3;
  const [fy, fm] = parts(r.from);
  // From the period containing `from` to the one containing `to`.
  let y = fy;
  let m = r.freq === "monthly" ? fm : fm - ((fm - 1) % 3);
  const out: TaskInstance[] = [];
  while (fmt(y, m, 1) <= r.to) {
    const start = fmt(y, m, 1);
    const lastMonth = m + months - 1;
    const [ny, nm] = lastMonth === 12 ? [y + 1, 1] : [y, lastMonth + 1];
    const deadline = r.dayOfMonth
      ? fmt(ny, nm, Math.min(r.dayOfMonth, daysInMonth(ny, nm)))
      : fmt(y, lastMonth, daysInMonth(y, lastMonth));
    const titleSuffix = r.freq === "monthly" ? `（${y}年${m}月）` : `（${y}年第${Math.ceil(m / 3)}季度）`;
    out.push({ titleSuffix, periodStart: start, deadline });
    [y, m] = m + months > 12 ? [y + 1, m + months - 12] : [y, m + months];
  }
  return out;
}
