import { count, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import journal from "@/db/migrations/meta/_journal.json";
import { units } from "@/db/schema";
import { seedDemoTownship } from "@/db/seed";
import { createTestDb, rowsOf, uniqueOrgOptions } from "./helpers/db";

describe("test database harness", () => {
  let handle: DbHandle;

  beforeAll(async () => {
    handle = await createTestDb();
  });

  afterAll(async () => {
    await handle?.close();
  });

  it("runs on the database this pass asked for", () => {
    expect(handle.driver).toBe(process.env.TEST_DATABASE_URL ? "postgres" : "pglite");
  });

  it("applies every committed migration", async () => {
    const [row] = rowsOf<{ n: number }>(
      await handle.db.execute(sql`select count(*)::int as n from drizzle.__drizzle_migrations`),
    );
    expect(row?.n).toBe(journal.entries.length);
  });

  it("seeds the demo township once, however often it runs", async () => {
    const options = { ...uniqueOrgOptions("smoke"), shiftToYear: null };
    const first = await seedDemoTownship(handle.db, options);
    expect(first.created).toBe(true);

    const second = await seedDemoTownship(handle.db, options);
    expect(second).toEqual({ orgId: first.orgId, created: false });

    const [row] = await handle.db.select({ n: count() }).from(units).where(eq(units.orgId, first.orgId));
    expect(row?.n).toBeGreaterThanOrEqual(20);
  });
});
