import path from "node:path";
import type { Page } from "@playwright/test";

/** Demo accounts created by db/seed (see README). */
export const DEMO_PASSWORD = "Duban@2020";

/**
 * Each spec file keeps to its own liaison so that files running in parallel never
 * act on the same assignments: `liaison` (青杠村) for the home and access specs,
 * `villageLiaison` (石龙村) for submissions, `enterpriseLiaison` (加油站) for reviews,
 * `journeyLiaison` (白鹤村) for the whole-workflow journey on a campaign it creates;
 * `townBLiaison` (龙河镇 青杠村) for the escaping spec, which writes only in 龙河镇.
 */
export const ACCOUNTS = {
  admin: { username: "admin", home: "/dashboard" },
  leader: { username: "leader", home: "/dashboard" },
  auditor: { username: "auditor", home: "/reports" },
  liaison: { username: "lx204", home: "/tasks" },
  villageLiaison: { username: "lx207", home: "/tasks" },
  enterpriseLiaison: { username: "lx-e01", home: "/tasks" },
  journeyLiaison: { username: "lx208", home: "/tasks" },
  county: { username: "county", home: "/county" },
  countyAuditor: { username: "county-auditor", home: "/county" },
  // The second seeded township (龙河镇, db/setup.ts): the other tenant of the page matrix and the escaping spec.
  townBAdmin: { username: "t2-admin", home: "/dashboard" },
  townBLeader: { username: "t2-leader", home: "/dashboard" },
  townBAuditor: { username: "t2-auditor", home: "/reports" },
  townBLiaison: { username: "t2-lx204", home: "/tasks" },
} as const;

export type DemoRole = keyof typeof ACCOUNTS;

/** Per port, so two runs on one machine never share sessions signed with different secrets. */
export function storageStateOf(role: DemoRole): string {
  return path.join(__dirname, "..", ".auth", process.env.E2E_PORT || "3100", `${role}.json`);
}

/** The assignment list of /tasks (the liaison's summary above it has links too). */
export const taskList = (page: Page) => page.getByRole("list", { name: "任务列表" });

/** The seed shifts the demo campaigns to the current year (Beijing time); other specs add campaigns for next year. */
export const SEED_YEAR = Number(new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 4));
