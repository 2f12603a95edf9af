import { describe, expect, it } from "vitest";
import { chosenActivities } from "./completion";

const activities = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `a${i + 1}` }));

describe("chosenActivities", () => {
  it("shows the activity chosen in the select", () => {
    expect(chosenActivities(activities(8), "a5")).toEqual([{ id: "a5" }]);
  });

  it("shows the first, second and seventh of a campaign with seven or more", () => {
    expect(chosenActivities(activities(8)).map((a) => a.id)).toEqual(["a1", "a2", "a7"]);
  });

  it("shows the first of a shorter campaign, and ignores an unknown choice", () => {
    expect(chosenActivities(activities(3), "elsewhere")).toEqual([{ id: "a1" }]);
    expect(chosenActivities([])).toEqual([]);
  });
});
