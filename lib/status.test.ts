import { describe, expect, it } from "vitest";
import {
  ASSIGNMENT_STATUSES,
  displayState,
  isOverdue,
  nextStatus,
  trafficLight,
  type AssignmentStatus,
  type AssignmentTransition,
} from "./status";

const ALLOWED: Record<AssignmentTransition, Partial<Record<AssignmentStatus, AssignmentStatus>>> = {
  submit: { pending: "submitted", returned: "submitted" },
  approve: { submitted: "approved" },
  return: { submitted: "returned" },
};

describe("assignment transitions", () => {
  for (const [transition, allowed] of Object.entries(ALLOWED) as [AssignmentTransition, typeof ALLOWED.submit][]) {
    for (const from of ASSIGNMENT_STATUSES) {
      const expected = allowed[from] ?? null;
      it(`${transition} from ${from} → ${expected ?? "refused"}`, () => {
        expect(nextStatus(from, transition)).toBe(expected);
      });
    }
  }
});

describe("overdue and the traffic light", () => {
  const now = new Date("2026-06-20T12:00:00+08:00");
  const past = new Date("2026-06-16T23:59:59+08:00");
  const soon = new Date("2026-06-22T23:59:59+08:00");
  const later = new Date("2026-06-30T23:59:59+08:00");

  it("open work past its deadline is overdue and red", () => {
    for (const status of ["pending", "returned"] as const) {
      expect(isOverdue(status, past, now)).toBe(true);
      expect(displayState(status, past, now)).toBe("overdue");
      expect(trafficLight(status, past, now)).toBe("red");
    }
  });

  it("approved work is green and never overdue", () => {
    expect(isOverdue("approved", past, now)).toBe(false);
    expect(trafficLight("approved", past, now)).toBe("green");
    expect(displayState("approved", past, now)).toBe("approved");
  });

  it("a submission waiting for review is not the unit's delay", () => {
    expect(isOverdue("submitted", past, now)).toBe(false);
    expect(displayState("submitted", past, now)).toBe("submitted");
    expect(trafficLight("submitted", soon, now)).toBe("none");
  });

  it("open work due within three days is yellow, later is unlit", () => {
    expect(trafficLight("pending", soon, now)).toBe("yellow");
    expect(trafficLight("pending", later, now)).toBe("none");
  });

  it("the deadline instant itself is not yet overdue", () => {
    expect(isOverdue("pending", now, now)).toBe(false);
  });
});
