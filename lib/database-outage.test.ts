import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, inject } from "vitest";
import { getDb, noteDatabaseFailure, openPostgres, type DbHandle } from "@/db/client";
import { createTestDb } from "@/tests/helpers/db";
import { freePort } from "@/tests/helpers/free-port";
import { DATABASE_UNAVAILABLE_DIGEST, DatabaseUnavailableError, isDatabaseUnreachable } from "./database-outage";
import { answersOutage, orUnavailable } from "./database-outage-server";

/** What a query throws, as the app sees it (drizzle's wrapper around the driver's error). */
async function failureOf(run: () => Promise<unknown>): Promise<unknown> {
  try {
    await run();
  } catch (error) {
    return error;
  }
  throw new Error("expected the query to fail");
}

describe("telling a database outage from other errors", () => {
  let unreachable: DbHandle;
  let live: DbHandle;

  beforeAll(async () => {
    unreachable = openPostgres(`postgres://postgres@127.0.0.1:${await freePort()}/duban`, 1);
    live = await createTestDb();
  });

  afterAll(async () => {
    await unreachable.close();
    await live.close();
  });

  it("a server that refuses connections is an outage", async () => {
    const error = await failureOf(() => unreachable.db.execute(sql`select 1`));
    expect(isDatabaseUnreachable(error)).toBe(true);
  });

  it("a bad query or a constraint on a live database is not", async () => {
    expect(isDatabaseUnreachable(await failureOf(() => live.db.execute(sql`select * from no_such_table`)))).toBe(false);
    expect(isDatabaseUnreachable(await failureOf(() => live.db.execute(sql`select 1 / 0`)))).toBe(false);
    expect(isDatabaseUnreachable(new Error("plain bug"))).toBe(false);
    expect(isDatabaseUnreachable(null)).toBe(false);
  });

  it("a connection the server terminates is an outage, and the same client reconnects (PostgreSQL only)", async () => {
    const url = inject("testDatabaseUrl");
    if (!url) return; // PGlite has no server to terminate a connection
    const victim = openPostgres(url, 1);
    const killer = openPostgres(url, 1);
    try {
      const [row] = (await victim.db.execute(sql`select pg_backend_pid() as pid`)) as unknown as { pid: number }[];
      const inFlight = failureOf(() => victim.db.execute(sql`select pg_sleep(10)`));
      // Terminate once the sleep is running, as pg_ctl stop does to every session.
      await expect
        .poll(async () => {
          const rows = (await killer.db.execute(
            sql`select count(*)::int as n from pg_stat_activity where pid = ${row!.pid} and query like '%pg_sleep%'`,
          )) as unknown as { n: number }[];
          return rows[0]?.n;
        })
        .toBe(1);
      await killer.db.execute(sql`select pg_terminate_backend(${row!.pid})`);
      const failures = [await inFlight];
      // postgres.js may hand the server's 57P01 to the next query too, then reconnects.
      for (let attempt = 0; attempt < 3; attempt++) {
        const next = await victim.db.execute(sql`select 1`).then(
          () => null,
          (error: unknown) => error,
        );
        if (!next) break;
        failures.push(next);
      }
      expect(failures.length).toBeLessThan(4);
      for (const error of failures) expect(isDatabaseUnreachable(error)).toBe(true);
      await victim.db.execute(sql`select 1`);
    } finally {
      await victim.close();
      await killer.close();
    }
  });

  it("orUnavailable marks an outage with the digest error pages read, and passes other errors on", async () => {
    const outage = await failureOf(() => orUnavailable(unreachable.db.execute(sql`select 1`)));
    expect(outage).toBeInstanceOf(DatabaseUnavailableError);
    expect((outage as DatabaseUnavailableError).digest).toBe(DATABASE_UNAVAILABLE_DIGEST);
    // What an error boundary receives in production: only the digest survives.
    expect(isDatabaseUnreachable(Object.assign(new Error("hidden"), { digest: DATABASE_UNAVAILABLE_DIGEST }))).toBe(true);

    const bug = await failureOf(() => orUnavailable(live.db.execute(sql`select * from no_such_table`)));
    expect(bug).not.toBeInstanceOf(DatabaseUnavailableError);
  });

  it("a route handler answers a plain 503 during an outage and still throws for a bug", async () => {
    const route = answersOutage(async (db: DbHandle) => {
      await db.db.execute(sql`select * from no_such_table`);
      return new Response("ok");
    });
    const response = await route(unreachable);
    expect(response.status).toBe(503);
    expect(response.headers.get("content-type")).toContain("text/plain");
    expect(await response.text()).toContain("服务暂时不可用");
    await expect(route(live)).rejects.not.toBeInstanceOf(DatabaseUnavailableError);
    expect(isDatabaseUnreachable(await failureOf(() => route(live)))).toBe(false);
  });
});

describe("after an outage error the PostgreSQL pool is replaced (a broken pooled connection cannot linger)", () => {
  const holder = globalThis as unknown as { dubanDb?: DbHandle; dubanDbOpenedAt?: number };
  let savedUrl: string | undefined;

  beforeAll(async () => {
    savedUrl = process.env.DATABASE_URL;
    process.env.DATABASE_URL = `postgres://postgres@127.0.0.1:${await freePort()}/duban`;
    holder.dubanDb = undefined;
  });
  afterAll(async () => {
    await holder.dubanDb?.close();
    holder.dubanDb = undefined;
    process.env.DATABASE_URL = savedUrl;
  });

  it("renews on an outage error, at most once per 5 s, and never for an ordinary error", async () => {
    const first = getDb();
    const outage = await failureOf(() => first.execute(sql`select 1`));
    expect(isDatabaseUnreachable(outage)).toBe(true);

    noteDatabaseFailure(outage);
    expect(getDb()).toBe(first); // opened less than 5 s ago

    holder.dubanDbOpenedAt = Date.now() - 6_000;
    noteDatabaseFailure(new Error("a bug, not an outage"));
    expect(getDb()).toBe(first);
    noteDatabaseFailure(outage);
    const second = getDb();
    expect(second).not.toBe(first);
    noteDatabaseFailure(outage);
    expect(getDb()).toBe(second);
  });
});
