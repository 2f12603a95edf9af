/**
 * The assignment status rules, in one place for actions, queries and the UI.
 * `overdue` is never stored: it is derived from the deadline and the status.
 */
export const ASSIGNMENT_STATUSES = ["pending", "submitted", "approved", "returned"] as const;
export type AssignmentStatus = (typeof ASSIGNMENT_STATUSES)[number];

export type AssignmentTransition = "submit" | "approve" | "return";

const TRANSITIONS: Record<AssignmentTransition, { from: readonly AssignmentStatus[]; to: AssignmentStatus }> = {
  submit: { from: ["pending", "returned"], to: "submitted" },
  approve: { from: ["submitted"], to: "approved" },
  return: { from: ["submitted"], to: "returned" },
};

/** The status after `transition`, or null when it is not allowed from `from`. */
export function nextStatus(from: AssignmentStatus, transition: AssignmentTransition): AssignmentStatus | null {
  const rule = TRANSITIONS[transition];
  return rule.from.includes(from) ? rule.to : null;
}

/**
 * Statuses in which the unit still owes work. Only these can be overdue: a
 * submission made in time and waiting for review is the reviewer's delay,
 * not the unit's.
 */
export const OPEN_STATUSES: readonly AssignmentStatus[] = ["pending", "returned"];

export const DUE_SOON_DAYS = 3;
const DAY_MS = 24 * 60 * 60 * 1000;

export function isOverdue(status: AssignmentStatus, deadline: Date, now: Date): boolean {
  return OPEN_STATUSES.includes(status) && deadline.getTime() < now.getTime();
}

/** What a person sees: the stored status, with overdue layered on top. */
export type DisplayState = AssignmentStatus | "overdue";

export function displayState(status: AssignmentStatus, deadline: Date, now: Date): DisplayState {
  return isOverdue(status, deadline, now) ? "overdue" : status;
}

/** The liaison's traffic light: red overdue, yellow due within three days, green approved. */
export type TrafficLight = "red" | "yellow" | "green" | "none";

export function trafficLight(status: AssignmentStatus, deadline: Date, now: Date): TrafficLight {
  if (status === "approved") return "green";
  if (isOverdue(status, deadline, now)) return "red";
  const remaining = deadline.getTime() - now.getTime();
  if (OPEN_STATUSES.includes(status) && remaining <= DUE_SOON_DAYS * DAY_MS) return "yellow";
  return "none";
}
