/**
 * Dates of campaign templates: moving a whole template to another year, and
 * expanding a recurring task into its dated periods. Pure.
 */
import type { CampaignTemplate, TemplateTask } from "./campaign-template";

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const daysInMonth = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate(); // m is 1-based
const pad = (n: number) => String(n).padStart(2, "0");
const fmt = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;

export function parts(date: string): [number, number, number] {
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
