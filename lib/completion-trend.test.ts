import { describe, expect, it } from "vitest";
import { groupFigures, splitDone, type FigureRow } from "./completion";
import { completionSeries } from "./completion-trend";

describe("completion over time", () => {
  const range = { startsOn: "2026-06-01", endsOn: "2026-06-05", today: "2026-06-03" };

  it("accumulates per day up to today, counting early approvals on the first day", () => {
    const series = completionSeries(
      [
        { day: "2026-05-30", approved: 1 },
        { day: "2026-06-02", approved: 2 },
      ],
      10,
      range,
    );
    expect(series).toEqual([
      { day: "2026-06-01", approved: 1, percent: 10 },
      { day: "2026-06-02", approved: 3, percent: 30 },
      { day: "2026-06-03", approved: 3, percent: 30 },
    ]);
  });

  it("runs past the end only as far as the last approval, and is empty before the start", () => {
    const after = completionSeries([{ day: "2026-06-07", approved: 1 }], 4, { ...range, today: "2026-07-01" });
    expect(after.at(-1)).toEqual({ day: "2026-06-07", approved: 1, percent: 25 });
    expect(completionSeries([], 4, { ...range, today: "2026-05-20" })).toEqual([]);
  });
});

describe("completion views", () => {
  const row = (over: Partial<FigureRow>): FigureRow => ({
    activityId: "a",
    taskId: "t1",
    seriesId: null,
    taskTitle: "月报（2026年7月）",
    figurePosition: 0,
    name: "报道",
    measureUnit: "篇",
    target: "10",
    reported: "4",
    reporting: 2,
    ...over,
  });

  it("sums a recurring task's instances into one line, targets and reports alike", () => {
    const totals = groupFigures([
      row({ taskId: "t1", seriesId: "s" }),
      row({ taskId: "t2", seriesId: "s", taskTitle: "月报（2026年8月）", reported: null, reporting: null }),
      row({ taskId: "t3", name: "其他", target: null }),
    ]);
    expect(totals.map((f) => [f.taskTitle, f.name, f.target, f.reported, f.reporting])).toEqual([
      ["月报", "报道", 20, 4, 2],
      ["月报", "其他", null, 4, 2],
    ]);
  });

  it("a unit is done when every assignment is approved; not-done units with overdue work first", () => {
    const { done, notDone } = splitDone([
      { unitId: "a", total: 2, approved: 2, overdue: 0 },
      { unitId: "b", total: 2, approved: 1, overdue: 0 },
      { unitId: "c", total: 1, approved: 0, overdue: 1 },
      { unitId: "d", total: 0, approved: 0, overdue: 0 },
    ]);
    expect(done.map((u) => u.unitId)).toEqual(["a"]);
    expect(notDone.map((u) => u.unitId)).toEqual(["c", "b"]);
  });
});
