import { describe, expect, it } from "vitest";
import {
  HAZARD_STATUSES,
  beijingToday,
  canCloseAsSecondPerson,
  canEditAssignment,
  canMarkRectified,
  hazardDisplayState,
  isRectificationOverdue,
  nextHazardStatus,
  type HazardStatus,
  type HazardTransition,
} from "./hazard-status";

const ALLOWED: Record<HazardTransition, Partial<Record<HazardStatus, HazardStatus>>> = {
  startRectification: { reported: "rectifying" },
  markRectified: { rectifying: "rectified" },
  verify: { rectified: "verified" },
  failReinspection: { rectified: "rectifying" },
};

describe("hazard transitions", () => {
  for (const [transition, allowed] of Object.entries(ALLOWED) as [HazardTransition, Partial<Record<HazardStatus, HazardStatus>>][]) {
    for (const from of HAZARD_STATUSES) {
      const to = allowed[from] ?? null;
      it(`${transition} from ${from} → ${to ?? "refused"}`, () => {
        expect(nextHazardStatus(from, transition)).toBe(to);
      });
    }
  }

  it("a closed (verified) hazard allows no transition at all", () => {
    for (const transition of Object.keys(ALLOWED) as HazardTransition[]) {
      expect(nextHazardStatus("verified", transition)).toBeNull();
    }
  });

  it("the assignment can be edited while reported or rectifying only", () => {
    expect(HAZARD_STATUSES.filter(canEditAssignment)).toEqual(["reported", "rectifying"]);
  });
});

describe("overdue rectification (Beijing date)", () => {
  // 2026-11-29 00:30 in Beijing is still 2026-11-28 in UTC.
  const justAfterMidnight = new Date("2026-11-29T00:30:00+08:00");

  it("uses the Beijing calendar day", () => {
    expect(beijingToday(justAfterMidnight)).toBe("2026-11-29");
    expect(beijingToday(new Date("2026-11-29T23:59:00+08:00"))).toBe("2026-11-29");
  });

  it("is overdue the day after the deadline, not on the deadline day", () => {
    expect(isRectificationOverdue("rectifying", "2026-11-28", justAfterMidnight)).toBe(true);
    expect(isRectificationOverdue("rectifying", "2026-11-29", justAfterMidnight)).toBe(false);
    expect(isRectificationOverdue("reported", "2026-11-01", justAfterMidnight)).toBe(true);
  });

  it("is never overdue once rectified or closed, or without a deadline", () => {
    expect(isRectificationOverdue("rectified", "2026-11-01", justAfterMidnight)).toBe(false);
    expect(isRectificationOverdue("verified", "2026-11-01", justAfterMidnight)).toBe(false);
    expect(isRectificationOverdue("rectifying", null, justAfterMidnight)).toBe(false);
  });

  it("layers overdue on top of the stored status for display", () => {
    expect(hazardDisplayState("rectifying", "2026-11-01", justAfterMidnight)).toBe("overdue");
    expect(hazardDisplayState("rectified", "2026-11-01", justAfterMidnight)).toBe("rectified");
  });
});

describe("second person for 销号", () => {
  const hazard = { foundBy: "reporter", rectifiedBy: "rectifier" };
  it("refuses the reporter and the rectifier, allows anyone else", () => {
    expect(canCloseAsSecondPerson(hazard, "reporter")).toBe(false);
    expect(canCloseAsSecondPerson(hazard, "rectifier")).toBe(false);
    expect(canCloseAsSecondPerson(hazard, "another leader")).toBe(true);
  });
  it("a public report (no reporter account) can be closed by anyone but the rectifier", () => {
    expect(canCloseAsSecondPerson({ foundBy: null, rectifiedBy: "rectifier" }, "another leader")).toBe(true);
    expect(canCloseAsSecondPerson({ foundBy: null, rectifiedBy: "rectifier" }, "rectifier")).toBe(false);
  });
});

describe("重大 hazards need a rectification plan", () => {
  it("general without a plan: yes; major without: no; major with: yes", () => {
    expect(canMarkRectified("general", 0)).toBe(true);
    expect(canMarkRectified("major", 0)).toBe(false);
    expect(canMarkRectified("major", 1)).toBe(true);
  });
});
