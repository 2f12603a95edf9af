import "server-only";
import { and, eq, gte, inArray, isNotNull, isNull, lte, or, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { ackLateCondition, activityOfTask, campaignOfTask, effectiveDeadline, taskOfAssignment, unitOfAssignment } from "@/db/queries/scope";
import { activities, assignments, campaigns, dispatches, tasks, units } from "@/db/schema";
import { OPEN_STATUSES, type AssignmentStatus } from "@/lib/status";
import { ackLimitOf } from "./ack-state";
import type { DispatchItem } from "./outbox";
import {
  ESCALATION_LEVELS,
  beijingDayNumber,
  daysLeft,
  escalationLevel,
  isAckLate,
  type EscalationLevel,
  type ReachSchedule,
} from "./rules";

const DAY_MS = 24 * 60 * 60 * 1000;

/** An open assignment the scheduler may have something to say about. */
export interface OpenWork {
  assignmentId: string;
  unitId: string;
  status: AssignmentStatus;
  deadline: Date;
  publishedAt: Date | null;
  acknowledgedAt: Date | null;
  ackLimitHours: number | null;
  periodStart: string | null;
  recurring: boolean;
  title: string;
  campaignName: string;
  activitySupervisorId: string | null;
}

/** What one assignment is owed today; `level` for escalations. */
export interface PlannedItem extends DispatchItem {
  work: OpenWork;
  /** For due-soon reminders: the calendar days left. */
  daysLeft?: number;
}

/**
 * Open work of published, active campaigns that is due within the reminder
 * window, overdue, not signed for, or a recurring period: everything else
 * has nothing to be told.
 */
export async function loadOpenWork(db: Queryable, orgId: string, schedule: ReachSchedule, now: Date): Promise<OpenWork[]> {
  const horizon = new Date(now.getTime() + (Math.max(0, ...schedule.reminderDays) + 1) * DAY_MS);
  // Past the red threshold (and a day's grace) an overdue item has nothing new to be told.
  const settled = new Date(now.getTime() - (schedule.escalationDays[2] + 2) * DAY_MS);
  const recentDay = dayKey(new Date(now.getTime() - 7 * DAY_MS));
  const rows = await db
    .select({
      assignmentId: assignments.id,
      unitId: assignments.unitId,
      status: assignments.status,
      deadline: effectiveDeadline,
      publishedAt: assignments.publishedAt,
      acknowledgedAt: assignments.acknowledgedAt,
      ackLimitHours: tasks.ackLimitHours,
      periodStart: tasks.periodStart,
      seriesId: tasks.seriesId,
      title: tasks.title,
      campaignName: campaigns.name,
      activitySupervisorId: activities.supervisorUserId,
    })
    .from(assignments)
    .innerJoin(tasks, taskOfAssignment)
    .innerJoin(campaigns, campaignOfTask)
    .innerJoin(activities, activityOfTask)
    .innerJoin(units, unitOfAssignment)
    .where(
      and(
        eq(assignments.orgId, orgId),
        inArray(assignments.status, [...OPEN_STATUSES]),
        isNotNull(assignments.publishedAt),
        eq(campaigns.status, "active"),
        isNull(units.archivedAt),
        or(
          // Due soon, or overdue recently enough to have a level still to reach.
          and(
            lte(effectiveDeadline, sql`${horizon.toISOString()}::timestamptz`),
            gte(effectiveDeadline, sql`${settled.toISOString()}::timestamptz`),
          ),
          ackLateCondition(schedule.ackLimitHours, now),
          and(isNotNull(tasks.seriesId), gte(tasks.periodStart, recentDay), lte(tasks.periodStart, dayKey(now))),
        ),
      ),
    );
  return rows.map((r) => ({
    ...r,
    deadline: new Date(r.deadline),
    recurring: r.seriesId !== null,
  }));
}

/** The Beijing calendar day (YYYY-MM-DD) of an instant; part of keys so that a new deadline re-arms its reminders. */
function dayKey(at: Date): string {
  return new Date(beijingDayNumber(at) * DAY_MS).toISOString().slice(0, 10);
}

/** Everything each assignment is owed at `now` by the township's schedule, before looking at what was already sent. */
export function planWork(work: OpenWork[], schedule: ReachSchedule, now: Date): PlannedItem[] {
  const items: PlannedItem[] = [];
  for (const w of work) {
    const day = dayKey(w.deadline);
    const left = daysLeft(w.deadline, now);
    if (w.deadline.getTime() >= now.getTime() && schedule.reminderDays.includes(left)) {
      items.push({ key: `due:${left}:${w.assignmentId}:${day}`, kind: "due_soon", assignmentId: w.assignmentId, work: w, daysLeft: left });
    }
    const level = escalationLevel(w.status, w.deadline, now, schedule.escalationDays);
    if (w.deadline.getTime() < now.getTime() && schedule.overdueNotice) {
      items.push({ key: `overdue:${w.assignmentId}:${day}`, kind: "overdue", assignmentId: w.assignmentId, work: w });
    }
    if (level) {
      // Every level up to the one reached: a unit found at red after an outage is told once, at red.
      for (const reached of ESCALATION_LEVELS.slice(0, ESCALATION_LEVELS.indexOf(level) + 1)) {
        items.push({ key: `esc:${reached}:${w.assignmentId}:${day}`, kind: "escalation", assignmentId: w.assignmentId, level: reached, work: w });
      }
    }
    if (isAckLate(w, ackLimitOf(w, schedule), now)) {
      items.push({ key: `ack:${w.assignmentId}:${w.publishedAt!.toISOString()}`, kind: "ack_chase", assignmentId: w.assignmentId, work: w });
    }
    // A recurring period that opened after publication is announced on its first day.
    if (
      w.recurring &&
      w.periodStart &&
      w.publishedAt &&
      dayKey(now) >= w.periodStart &&
      dayKey(w.publishedAt) < w.periodStart &&
      w.deadline.getTime() >= now.getTime()
    ) {
      items.push({ key: `period:${w.assignmentId}:${w.periodStart}`, kind: "period_open", assignmentId: w.assignmentId, work: w });
    }
  }
  return items;
}

/** Drops what was already dispatched (one indexed lookup per batch), so a tick claims only new items. */
export async function withoutDispatched(db: Queryable, orgId: string, items: PlannedItem[]): Promise<PlannedItem[]> {
  if (items.length === 0) return [];
  const taken = new Set<string>();
  const ids = [...new Set(items.map((i) => i.assignmentId!))];
  for (let i = 0; i < ids.length; i += 1000) {
    const rows = await db
      .select({ key: dispatches.key })
      .from(dispatches)
      .where(and(eq(dispatches.orgId, orgId), inArray(dispatches.assignmentId, ids.slice(i, i + 1000))));
    for (const r of rows) taken.add(r.key);
  }
  return items.filter((i) => !taken.has(i.key));
}

/** The strongest escalation level among items, or null. */
export function topLevel(items: PlannedItem[]): EscalationLevel | null {
  let best = -1;
  for (const i of items) if (i.level) best = Math.max(best, ESCALATION_LEVELS.indexOf(i.level));
  return best < 0 ? null : ESCALATION_LEVELS[best]!;
}
