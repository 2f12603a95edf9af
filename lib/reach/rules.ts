/**
 * The reminder rules, pure, for the scheduler, the queries and the UI alike:
 * 三色督办 levels, the 签收 limit, quiet hours. Days and hours are Beijing time
 * (UTC+8 all year).
 */
import { OPEN_STATUSES, type AssignmentStatus } from "@/lib/status";

export const ESCALATION_LEVELS = ["blue", "yellow", "red"] as const;
export type EscalationLevel = (typeof ESCALATION_LEVELS)[number];

export interface ReachSchedule {
  enabled: boolean;
  /** Calendar days before the deadline on which liaisons are reminded, e.g. [3, 1]. */
  reminderDays: number[];
  overdueNotice: boolean;
  /** Days overdue at which blue, yellow and red are reached, e.g. [0, 3, 7]. */
  escalationDays: [number, number, number];
  ackLimitHours: number;
  digestHour: number;
  quietStartHour: number;
  quietEndHour: number;
}

export const DEFAULT_SCHEDULE: ReachSchedule = {
  enabled: true,
  reminderDays: [3, 1],
  overdueNotice: true,
  escalationDays: [0, 3, 7],
  ackLimitHours: 24,
  digestHour: 8,
  quietStartHour: 22,
  quietEndHour: 7,
};

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;
const OFFSET_MS = 8 * HOUR_MS;

/** Days since 1970-01-01 of the Beijing calendar day holding `at`. */
export function beijingDayNumber(at: Date): number {
  return Math.floor((at.getTime() + OFFSET_MS) / DAY_MS);
}

/** The hour (0–23) of `at` on a Beijing clock. */
export function beijingHour(at: Date): number {
  return Math.floor(((at.getTime() + OFFSET_MS) % DAY_MS) / HOUR_MS);
}

/** Calendar days from today to the deadline's day: 0 on the day itself, negative once past. */
export function daysLeft(deadline: Date, now: Date): number {
  return beijingDayNumber(deadline) - beijingDayNumber(now);
}

/**
 * Whole calendar days overdue: 0 on the first day after the deadline's day
 * (deadlines are the last second of a day), null while not overdue.
 */
export function daysOverdue(status: AssignmentStatus, deadline: Date, now: Date): number | null {
  if (!OPEN_STATUSES.includes(status) || deadline.getTime() >= now.getTime()) return null;
  return Math.max(0, beijingDayNumber(now) - beijingDayNumber(deadline) - 1);
}

/** The 三色督办 level an open item has reached, or null while it is not overdue. */
export function escalationLevel(
  status: AssignmentStatus,
  deadline: Date,
  now: Date,
  thresholds: ReachSchedule["escalationDays"] = DEFAULT_SCHEDULE.escalationDays,
): EscalationLevel | null {
  const days = daysOverdue(status, deadline, now);
  if (days === null) return null;
  if (days >= thresholds[2]) return "red";
  if (days >= thresholds[1]) return "yellow";
  return days >= thresholds[0] ? "blue" : null;
}

/** When the unit must have signed for (签收) an assignment, or null before it is published. */
export function ackDueAt(publishedAt: Date | null, limitHours: number): Date | null {
  return publishedAt ? new Date(publishedAt.getTime() + limitHours * HOUR_MS) : null;
}

/** 未签收 past its limit: published, not acknowledged, the limit gone by, and still owed. */
export function isAckLate(
  item: { status: AssignmentStatus; publishedAt: Date | null; acknowledgedAt: Date | null },
  limitHours: number,
  now: Date,
): boolean {
  const due = ackDueAt(item.publishedAt, limitHours);
  return !item.acknowledgedAt && item.status === "pending" && due !== null && due.getTime() <= now.getTime();
}

function inQuietHours(hour: number, start: number, end: number): boolean {
  if (start === end) return false;
  return start < end ? hour >= start && hour < end : hour >= start || hour < end;
}

/** The first instant at or after `at` outside quiet hours: when an outside message may go. */
export function afterQuietHours(at: Date, schedule: Pick<ReachSchedule, "quietStartHour" | "quietEndHour">): Date {
  const { quietStartHour: start, quietEndHour: end } = schedule;
  if (!inQuietHours(beijingHour(at), start, end)) return at;
  const dayStart = beijingDayNumber(at) * DAY_MS - OFFSET_MS;
  let next = dayStart + end * HOUR_MS;
  if (next <= at.getTime()) next += DAY_MS;
  return new Date(next);
}
