/**
 * What a person reads about an assignment's 签收: signed for, not yet, or past
 * its limit unsigned — the same words on the task page and in the exports.
 * Built on the pure rules of ./rules.
 */
import type { AssignmentStatus } from "@/lib/status";
import { ackDueAt, isAckLate, type ReachSchedule } from "./rules";

export const ACK_STATES = ["acknowledged", "unacknowledged", "late"] as const;
export type AckState = (typeof ACK_STATES)[number];

export interface AckItem {
  status: AssignmentStatus;
  publishedAt: Date | null;
  acknowledgedAt: Date | null;
  /** The task's 签收时限 in hours; null: the township's default. */
  ackLimitHours: number | null;
}

/** The limit that applies: the task's own, else the township's. */
export function ackLimitOf(item: Pick<AckItem, "ackLimitHours">, schedule: Pick<ReachSchedule, "ackLimitHours">): number {
  return item.ackLimitHours ?? schedule.ackLimitHours;
}

export function ackState(item: AckItem, schedule: Pick<ReachSchedule, "ackLimitHours">, now: Date): AckState {
  if (item.acknowledgedAt) return "acknowledged";
  return isAckLate(item, ackLimitOf(item, schedule), now) ? "late" : "unacknowledged";
}

/** When the unit must sign for it, or null before it is published. */
export function ackDueOf(item: AckItem, schedule: Pick<ReachSchedule, "ackLimitHours">): Date | null {
  return ackDueAt(item.publishedAt, ackLimitOf(item, schedule));
}
