import { describe, expect, it } from "vitest";
import { attentionOrder, cellState } from "./compliance";

const cell = (total: number, approved: number, submitted: number, overdue: number) => ({ total, approved, submitted, overdue });

describe("matrix cell state", () => {
  it("no assignment: not applicable", () => expect(cellState(cell(0, 0, 0, 0))).toBe("not_applicable"));
  it("everything approved: approved", () => expect(cellState(cell(3, 3, 0, 0))).toBe("approved"));
  it("the rest waiting for review: submitted", () => expect(cellState(cell(3, 1, 2, 0))).toBe("submitted"));
  it("anything overdue wins over everything else", () => expect(cellState(cell(3, 2, 0, 1))).toBe("overdue"));
  it("open work not yet due: in progress", () => expect(cellState(cell(3, 1, 1, 0))).toBe("in_progress"));
});

describe("attention order (the capped heat-map's rows)", () => {
  const units = ["a", "b", "c", "d"].map((id) => ({ id }));
  const at = (unitId: string, total: number, approved: number, overdue: number) => ({ unitId, total, approved, submitted: 0, overdue });

  it("puts the most overdue work first, then the smallest share approved; ties keep their order", () => {
    const cells = [at("a", 4, 4, 0), at("b", 4, 1, 0), at("c", 4, 2, 2), at("c", 2, 0, 1), at("d", 4, 1, 0)];
    expect(attentionOrder(units, cells).map((u) => u.id)).toEqual(["c", "b", "d", "a"]);
  });

  it("units without assignments come after those with open work", () => {
    expect(attentionOrder(units, [at("d", 2, 1, 0)]).map((u) => u.id)).toEqual(["d", "a", "b", "c"]);
  });
});
