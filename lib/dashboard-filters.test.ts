import { describe, expect, it } from "vitest";
import { DASHBOARD_UNIT_ROWS, dashboardQuery, parseDashboardParams, unitRows } from "./dashboard-filters";

const ID = "0b9a4c1e-7d2f-4a3b-9c8d-1e2f3a4b5c6d";

describe("dashboard URL parameters", () => {
  it("keeps known unit kinds in a fixed order and valid ids, drops the rest", () => {
    expect(parseDashboardParams({ campaign: ID, kind: ["school", "village,bogus", "school"], phase: "nope", view: ID })).toEqual({
      campaignId: ID,
      unitKinds: ["village", "school"],
      phaseId: undefined,
      viewActivityId: ID,
    });
    expect(parseDashboardParams({})).toEqual({ campaignId: undefined, unitKinds: undefined, phaseId: undefined, viewActivityId: undefined });
  });

  it("round-trips through a shareable query string", () => {
    const params = { campaignId: ID, unitKinds: ["enterprise" as const], phaseId: ID };
    const query = dashboardQuery(params);
    expect(query).toBe(`?campaign=${ID}&kind=enterprise&phase=${ID}`);
    const raw = Object.fromEntries(new URLSearchParams(query).entries());
    expect(parseDashboardParams(raw)).toMatchObject(params);
    expect(dashboardQuery(params, { phaseId: undefined })).toBe(`?campaign=${ID}&kind=enterprise`);
  });

  it("asks for every unit's row with units=all, and nothing else turns it on", () => {
    expect(parseDashboardParams({ units: "all" }).allUnits).toBe(true);
    expect(parseDashboardParams({ units: "some" }).allUnits).toBeUndefined();
    expect(dashboardQuery({ campaignId: ID, allUnits: true })).toBe(`?campaign=${ID}&units=all`);
    expect(dashboardQuery({ campaignId: ID, allUnits: true }, { allUnits: undefined })).toBe(`?campaign=${ID}`);
  });

  it("caps a unit table at its first rows unless every unit is asked for", () => {
    const rows = Array.from({ length: 200 }, (_, i) => i);
    expect(unitRows(rows, {})).toEqual(rows.slice(0, DASHBOARD_UNIT_ROWS));
    expect(unitRows(rows, { allUnits: true })).toEqual(rows);
    expect(unitRows(rows.slice(0, 5), {})).toEqual(rows.slice(0, 5));
  });
});
