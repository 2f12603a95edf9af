import { describe, expect, it } from "vitest";
import { cellState } from "./compliance";

const cell = (total: number, approved: number, submitted: number, overdue: number) => ({ total, approved, submitted, overdue });

describe("matrix cell state", () => {
  it("no assignment: not applicable", () => expect(cellState(cell(0, 0, 0, 0))).toBe("not_applicable"));
  it("everything approved: approved", () => expect(cellState(cell(3, 3, 0, 0))).toBe("approved"));
  it("the rest waiting for review: submitted", () => expect(cellState(cell(3, 1, 2, 0))).toBe("submitted"));
  it("anything overdue wins over everything else", () => expect(cellState(cell(3, 2, 0, 1))).toBe("overdue"));
  it("open work not yet due: in progress", () => expect(cellState(cell(3, 1, 1, 0))).toBe("in_progress"));
});
