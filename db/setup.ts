import "server-only";
import path from "node:path";
import { openFromEnv } from "./client";
import { migrate } from "./migrate";
import { runSchedule } from "../lib/reach/scheduler";
import { seedDemoTownship } from "./seed";

/**
 * The year the demo campaign is shifted to. Unset: the current year, so a fresh
 * install shows live deadlines. `DUBAN_DEMO_YEAR=none` keeps the seed's own dates
 * (the 2020 campaign as it happened); a number shifts to that year.
 */
export function demoYearFromEnv(value = process.env.DUBAN_DEMO_YEAR, now = new Date()): number | null {
  const raw = value?.trim().toLowerCase();
  if (!raw) return now.getFullYear();
  if (raw === "none") return null;
  const year = Number(raw);
  if (!Number.isInteger(year) || year < 2000 || year > 2100) {
    throw new Error(`DUBAN_DEMO_YEAR must be a year or "none", got "${value}"`);
  }
  return year;
}

const SECOND_TOWNSHIP = { orgCode: "500230105", orgName: "龙河镇", shortCode: "LH", usernamePrefix: "t2-" };

export interface SetupResult {
  driver: "pglite" | "postgres";
  orgId: string;
  created: boolean;
  shiftToYear: number | null;
}

/** Migrates the database named by the environment and seeds the demo township once. */
export async function setupDatabase(): Promise<SetupResult> {
  const shiftToYear = demoYearFromEnv();
  const handle = openFromEnv();
  try {
    await migrate(handle);
    const { orgId, created } = await seedDemoTownship(handle.db, { shiftToYear });
    // A second, smaller-named township of the same county, so the county roll-up compares two.
    const second = await seedDemoTownship(handle.db, { shiftToYear, ...SECOND_TOWNSHIP, countyAccounts: false });
    // The demo's reminders, chases and escalations up to now count as told: the worker's first minute
    // does not flood the demo accounts with the past; what falls due from now on is sent.
    const seeded = [created ? orgId : null, second.created ? second.orgId : null].filter((id): id is string => id !== null);
    if (seeded.length > 0) await runSchedule(handle.db, new Date(), { recordOnly: true, orgIds: seeded });
    return { driver: handle.driver, orgId, created, shiftToYear };
  } finally {
    await handle.close();
  }
}

async function main() {
  const started = Date.now();
  const result = await setupDatabase();
  const where = result.driver === "postgres" ? "PostgreSQL (DATABASE_URL)" : `PGlite (${process.env.PGLITE_DIR || ".data/pglite"})`;
  const seed = result.created
    ? `demo township seeded${result.shiftToYear === null ? "" : ` (shifted to ${result.shiftToYear})`}`
    : "demo township already present";
  console.log(`Database ready: ${where}, migrations applied, ${seed} [${Date.now() - started} ms]`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(__filename)) {
  main().catch((error: unknown) => {
    // The message says what to do (e.g. which process holds the database); the cause says why a query failed.
    const cause = error instanceof Error && error.cause instanceof Error ? `\n  caused by: ${error.cause.message}` : "";
    console.error(`Database setup failed: ${error instanceof Error ? error.message : String(error)}${cause}`);
    process.exit(1);
  });
}
