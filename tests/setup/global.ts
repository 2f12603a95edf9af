import type { TestProject } from "vitest/node";
import { openPostgres } from "@/db/client";
import { migrate } from "@/db/migrate";
import { createDatabase, databaseUrl, dropDatabase, uniqueDatabaseName } from "../helpers/postgres-admin";

declare module "vitest" {
  export interface ProvidedContext {
    /** The migrated per-run database when TEST_DATABASE_URL is set, else null (in-memory PGlite). */
    testDatabaseUrl: string | null;
  }
}

/**
 * With TEST_DATABASE_URL (an admin URL), creates one database for this run,
 * migrates it once and hands its URL to the workers; drops it afterwards.
 */
export default async function setup(project: TestProject) {
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) {
    console.log("database: pglite (in-memory)");
    project.provide("testDatabaseUrl", null);
    return;
  }

  const name = uniqueDatabaseName("duban_test");
  console.log(`database: postgresql ${name}`);
  await createDatabase(adminUrl, name);
  const url = databaseUrl(adminUrl, name);
  try {
    const handle = openPostgres(url, 1);
    try {
      await migrate(handle);
    } finally {
      await handle.close();
    }
  } catch (error) {
    await dropDatabase(adminUrl, name);
    throw error;
  }
  project.provide("testDatabaseUrl", url);

  return async () => {
    await dropDatabase(adminUrl, name);
  };
}
