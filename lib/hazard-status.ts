/**
 * The hazard register's (隐患台账) flow rules, in one place for commands,
 * queries and the UI. Overdue rectification is derived, never stored.
 *
 *   reported ──start──▶ rectifying ──mark rectified──▶ rectified ──verify──▶ verified (销号)
 *                           ▲                              │
 *                           └──────fail re-inspection──────┘
 */
export const HAZARD_STATUSES = ["reported", "rectifying", "rectified", "verified"] as const;
export type HazardStatus = (typeof HAZARD_STATUSES)[number];

export const HAZARD_LEVELS = ["general", "major"] as const;
export type HazardLevel = (typeof HAZARD_LEVELS)[number];

export const HAZARD_SOURCES = [
  "self_inspection",
  "investigation_task",
  "supervision_check",
  "hotline_12350",
  "hotline_119",
  "hotline_96119",
  "media",
  "public_report",
] as const;
export type HazardSource = (typeof HAZARD_SOURCES)[number];

/** Sources a person may pick on the report form; the other two are set by the system. */
export const REPORTABLE_SOURCES = HAZARD_SOURCES.filter(
  (s): s is Exclude<HazardSource, "investigation_task" | "public_report"> => s !== "investigation_task" && s !== "public_report",
);

export type HazardTransition = "startRectification" | "markRectified" | "verify" | "failReinspection";

const TRANSITIONS: Record<HazardTransition, { from: readonly HazardStatus[]; to: HazardStatus }> = {
  startRectification: { from: ["reported"], to: "rectifying" },
  markRectified: { from: ["rectifying"], to: "rectified" },
  verify: { from: ["rectified"], to: "verified" },
  failReinspection: { from: ["rectified"], to: "rectifying" },
};

/** The status after `transition`, or null when it is not allowed from `from`. */
export function nextHazardStatus(from: HazardStatus, transition: HazardTransition): HazardStatus | null {
  const rule = TRANSITIONS[transition];
  return rule.from.includes(from) ? rule.to : null;
}

/** Statuses in which the unit still owes the rectification: only these can be overdue. */
export const OPEN_HAZARD_STATUSES: readonly HazardStatus[] = ["reported", "rectifying"];

/** A leader may change the assignment (unit, person, deadline, measures, level) until the unit reports it done. */
export function canEditAssignment(status: HazardStatus): boolean {
  return OPEN_HAZARD_STATUSES.includes(status);
}

/** Today's calendar date (YYYY-MM-DD) in Beijing time, whatever the server's zone. */
export function beijingToday(now: Date): string {
  return new Date(now.getTime() + 8 * 60 * 60 * 1000).toISOString().slice(0, 10);
}

/**
 * Overdue rectification: still open and the deadline day (Beijing) has passed.
 * The deadline day itself is still in time.
 */
export function isRectificationOverdue(status: HazardStatus, deadline: string | null, now: Date): boolean {
  return deadline !== null && OPEN_HAZARD_STATUSES.includes(status) && deadline < beijingToday(now);
}

/**
 * 销号 by a second person: the closing leader is neither the one who found
 * (reported) the hazard nor the one who recorded its rectification.
 */
export function canCloseAsSecondPerson(
  hazard: { foundBy: string | null; rectifiedBy: string | null },
  userId: string,
): boolean {
  return userId !== hazard.foundBy && userId !== hazard.rectifiedBy;
}

/** A 重大 hazard needs a rectification plan document before it can be marked rectified. */
export function canMarkRectified(level: HazardLevel, planCount: number): boolean {
  return level !== "major" || planCount > 0;
}

/** What a person sees: the stored status, with overdue layered on top. */
export type HazardDisplayState = HazardStatus | "overdue";

export function hazardDisplayState(status: HazardStatus, deadline: string | null, now: Date): HazardDisplayState {
  return isRectificationOverdue(status, deadline, now) ? "overdue" : status;
}
