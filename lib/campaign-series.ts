/**
 * A recurring task is stored as one row per period (lib/campaign-template
 * expandRecurrence). These helpers go the other way: from the stored
 * instances back to the one task a person edits or exports. Pure.
 */
import type { TemplateRecurrence } from "./campaign-template";

export type RecurrenceFreq = TemplateRecurrence["freq"];

/** The instance suffix expandRecurrence appends: （2020年7月） or （2020年第3季度）. */
const INSTANCE_SUFFIX = /（\d{4}年(?:\d{1,2}月|第[1-4]季度)）$/;

export function baseTitle(title: string): string {
  return title.replace(INSTANCE_SUFFIX, "");
}

const HOUR_MS = 60 * 60 * 1000;

/** The calendar date of an instant in the township's time zone (UTC+8, no daylight saving). */
export function shanghaiDay(at: Date): string {
  return new Date(at.getTime() + 8 * HOUR_MS).toISOString().slice(0, 10);
}

const pad = (n: number) => String(n).padStart(2, "0");

function lastDayOfPeriod(periodStart: string, freq: RecurrenceFreq): string {
  const [y = 0, m = 1] = periodStart.split("-").map(Number);
  const lastMonth = m + (freq === "monthly" ? 0 : 2);
  const last = new Date(Date.UTC(y, lastMonth, 0)).getUTCDate();
  return `${y}-${pad(lastMonth)}-${pad(last)}`;
}

/**
 * The recurrence that produces these instances: from the first period's
 * start to the last period's end; a deadline on another day than the
 * period's last is read as "that day of the next month" (dayOfMonth).
 */
export function recurrenceOf(
  freq: RecurrenceFreq,
  instances: readonly { periodStart: string | null; deadline: Date }[],
): TemplateRecurrence | null {
  const dated = instances
    .filter((i): i is { periodStart: string; deadline: Date } => i.periodStart !== null)
    .sort((a, b) => a.periodStart.localeCompare(b.periodStart));
  const first = dated[0];
  const last = dated[dated.length - 1];
  if (!first || !last) return null;
  const end = lastDayOfPeriod(last.periodStart, freq);
  const lastDeadline = shanghaiDay(last.deadline);
  const recurrence: TemplateRecurrence = { freq, from: first.periodStart, to: end };
  if (lastDeadline !== end) recurrence.dayOfMonth = Number(lastDeadline.slice(8, 10));
  return recurrence;
}
