import { describe, expect, it } from "vitest";
import { can, COUNTY_ROLES, homePath, PERMISSIONS, ROLES } from "./permissions";

describe("permissions map", () => {
  it("an auditor can read everything but change nothing (but their own account)", () => {
    const writes = Object.keys(PERMISSIONS).filter((p) => !/\.(read|view|export)$/.test(p) && !p.startsWith("account.")) as (keyof typeof PERMISSIONS)[];
    expect(writes.length).toBeGreaterThan(5);
    for (const permission of writes) expect(can("auditor", permission)).toBe(false);
    expect(can("auditor", "dashboard.view")).toBe(true);
    expect(can("auditor", "report.export")).toBe(true);
  });

  it("only liaisons submit and acknowledge; only leaders and admins review", () => {
    expect(ROLES.filter((r) => can(r, "assignment.submit"))).toEqual(["liaison"]);
    expect(ROLES.filter((r) => can(r, "assignment.acknowledge"))).toEqual(["liaison"]);
    expect(ROLES.filter((r) => can(r, "assignment.review"))).toEqual(["admin", "leader"]);
  });

  it("liaisons never see dashboards or exports; admins alone manage users", () => {
    expect(can("liaison", "dashboard.view")).toBe(false);
    expect(can("liaison", "report.export")).toBe(false);
    expect(ROLES.filter((r) => can(r, "user.manage"))).toEqual(["admin"]);
  });

  it("county roles read their townships' roll-up and nothing of a township's own work", () => {
    for (const role of COUNTY_ROLES) {
      expect(Object.keys(PERMISSIONS).filter((p) => can(role, p as keyof typeof PERMISSIONS)).sort()).toEqual([
        "account.password",
        "account.profile",
        "county.export",
        "county.view",
      ]);
    }
  });

  it("each role has its own home", () => {
    expect(ROLES.map(homePath)).toEqual(["/dashboard", "/dashboard", "/tasks", "/reports", "/county", "/county"]);
  });
});
