import path from "node:path";

/** Demo accounts created by db/seed (see README). */
export const DEMO_PASSWORD = "Duban@2020";

export const ACCOUNTS = {
  admin: { username: "admin", home: "/dashboard" },
  leader: { username: "leader", home: "/dashboard" },
  auditor: { username: "auditor", home: "/reports" },
  liaison: { username: "lx204", home: "/tasks" },
} as const;

export type DemoRole = keyof typeof ACCOUNTS;

export function storageStateOf(role: DemoRole): string {
  return path.join(__dirname, "..", ".auth", `${role}.json`);
}
