/**
 * Deadlines are chosen as calendar days in the township's time zone
 * (Asia/Shanghai, UTC+8 all year) and stored as the last second of that day.
 */
const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;

/** The calendar day (YYYY-MM-DD) of an instant in Asia/Shanghai. */
export function shanghaiDay(at: Date): string {
  return new Date(at.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** The last second of a calendar day in Asia/Shanghai. */
export function endOfShanghaiDay(day: string): Date {
  return new Date(`${day}T23:59:59+08:00`);
}

/** True for a YYYY-MM-DD string naming a day that exists (no 02-30). */
export function isCalendarDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const at = new Date(`${value}T12:00:00Z`);
  return !Number.isNaN(at.getTime()) && at.toISOString().slice(0, 10) === value;
}
