import { randomBytes } from "node:crypto";
import { inject } from "vitest";
import { openPglite, openPostgres, type DbHandle } from "@/db/client";
import { migrate } from "@/db/migrate";

/**
 * A migrated database for one test file. Without TEST_DATABASE_URL: a fresh
 * in-memory PGlite. With it: the per-run PostgreSQL database the global setup
 * created and migrated, shared by all files — so each test makes its own org.
 * Close it in afterAll.
 */
export async function createTestDb(): Promise<DbHandle> {
  const url = inject("testDatabaseUrl");
  if (url) return openPostgres(url, 4);
  if (process.env.TEST_DATABASE_URL) {
    throw new Error("TEST_DATABASE_URL is set but the global setup provided no database");
  }
  const handle = openPglite();
  await migrate(handle);
  return handle;
}

/**
 * Seed options that keep a test's org apart from every other one in a shared
 * database: unique org code, short code and login-name prefix.
 */
export function uniqueOrgOptions(label = "t") {
  const id = randomBytes(4).toString("hex");
  return {
    orgCode: `test-${label}-${id}`,
    orgName: `Test township ${label} ${id}`,
    shortCode: `T${id.slice(0, 5).toUpperCase()}`,
    usernamePrefix: `${label}${id}-`,
  };
}

/** Rows of a raw `db.execute(sql…)`: postgres.js returns an array, PGlite `{ rows }`. */
export function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}
