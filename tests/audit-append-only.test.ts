import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { seedDemoTownship } from "@/db/seed";
import { createTestDb, rowsOf, uniqueOrgOptions } from "./helpers/db";

let handle: DbHandle;
let orgId: string;

beforeAll(async () => {
  handle = await createTestDb();
  orgId = (await seedDemoTownship(handle.db, uniqueOrgOptions("audit"))).orgId;
});
afterAll(() => handle.close());

async function auditCount(): Promise<number> {
  const rows = rowsOf<{ n: number }>(
    await handle.db.execute(sql`select count(*)::int as n from audit_events where org_id = ${orgId}`),
  );
  return rows[0]?.n ?? 0;
}

/** The database's own refusal (drizzle wraps it as the cause of "Failed query"). */
async function refusal(statement: ReturnType<typeof sql>): Promise<string> {
  try {
    await handle.db.execute(statement);
  } catch (error) {
    const cause = (error as { cause?: unknown }).cause;
    return cause instanceof Error ? cause.message : String(error);
  }
  return "accepted";
}

describe("audit_events is append-only in the database", () => {
  it("accepts new rows", async () => {
    const before = await auditCount();
    await handle.db.execute(
      sql`insert into audit_events (org_id, action, entity_type) values (${orgId}, 'test.append', 'test')`,
    );
    expect(await auditCount()).toBe(before + 1);
  });

  it("refuses UPDATE and DELETE, and the rows stay as they were", async () => {
    const before = await auditCount();
    expect(await refusal(sql`update audit_events set action = 'forged' where org_id = ${orgId}`)).toMatch(
      /append-only: UPDATE/,
    );
    expect(await refusal(sql`delete from audit_events where org_id = ${orgId}`)).toMatch(/append-only: DELETE/);
    expect(await auditCount()).toBe(before);
    const forged = rowsOf(await handle.db.execute(sql`select 1 from audit_events where action = 'forged'`));
    expect(forged).toHaveLength(0);
  });

  it("refuses TRUNCATE", async () => {
    const before = await auditCount();
    expect(await refusal(sql`truncate audit_events cascade`)).toMatch(/append-only: TRUNCATE/);
    expect(await auditCount()).toBe(before);
  });
});
