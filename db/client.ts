import "server-only";
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { ExtractTablesWithRelations } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { isDatabaseUnreachable } from "../lib/database-outage";
import * as schema from "./schema";

type Schema = typeof schema;
/** The one typed API both drivers share. */
export type Db = PgDatabase<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
/** Anything that can run a query: the database or an open transaction. */
export type Queryable = Db | Tx;

export interface DbHandle {
  db: Db;
  driver: "pglite" | "postgres";
  /** The embedded client, for the job queue that shares it (PGlite only). */
  pglite?: PGlite;
  /** The server's URL, for the job queue's own pool (PostgreSQL only). */
  url?: string;
  close(): Promise<void>;
}

export const DEFAULT_PGLITE_DIR = ".data/pglite";

/**
 * PGlite takes no lock of its own, and two processes on one data directory
 * silently lose writes. A lock file holding the owner's PID makes the second
 * opener fail loudly instead.
 */
function acquireLock(dataDir: string): () => void {
  const lockPath = `${path.resolve(dataDir)}.lock`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockPath, "wx");
      writeSync(fd, String(process.pid));
      closeSync(fd);
      const release = () => rmSync(lockPath, { force: true });
      process.once("exit", release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = Number(readFileSync(lockPath, "utf8").trim());
      if (Number.isInteger(holder) && holder > 0 && isAlive(holder)) {
        throw new Error(
          `The embedded database ${dataDir} is in use by process ${holder}. ` +
            `Only one process may open it: stop that process (or set DATABASE_URL to use PostgreSQL).`,
        );
      }
      rmSync(lockPath, { force: true }); // stale lock from a process that died
    }
  }
  throw new Error(`Could not lock the embedded database ${dataDir}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** PGlite on a data directory, or in memory when `dataDir` is undefined (tests). */
export function openPglite(dataDir?: string): DbHandle {
  let release = () => {};
  let client: PGlite;
  if (dataDir) {
    mkdirSync(path.dirname(path.resolve(dataDir)), { recursive: true });
    release = acquireLock(dataDir);
    client = new PGlite(dataDir);
  } else {
    client = new PGlite();
  }
  const db = drizzlePglite({ client, schema, casing: "snake_case" }) as unknown as Db;
  return {
    db,
    driver: "pglite",
    pglite: client,
    async close() {
      await client.close();
      release();
    },
  };
}

/**
 * During an outage a page or form should say "service unavailable" within
 * seconds, and serve again as soon as the server is back. postgres.js waits
 * 30 s for a connection by default, and after failed connections delays each
 * new attempt by a backoff that grows to 20 s (seen: a sign-in answering after
 * 17 s while the database was down); a short fixed delay keeps both quick.
 */
const CONNECT_TIMEOUT_SECONDS = 5;
const RECONNECT_DELAY_SECONDS = 0.25;

export function openPostgres(url: string, max = 10): DbHandle {
  const client = postgres(url, {
    max,
    connect_timeout: CONNECT_TIMEOUT_SECONDS,
    backoff: () => RECONNECT_DELAY_SECONDS,
    onnotice: () => {},
  });
  const db = drizzlePostgres({ client, schema, casing: "snake_case" }) as unknown as Db;
  return { db, driver: "postgres", url, close: () => client.end({ timeout: 5 }) };
}

/** PostgreSQL when DATABASE_URL is set, else PGlite under .data/. */
export function openFromEnv(): DbHandle {
  const url = process.env.DATABASE_URL;
  return url ? openPostgres(url) : openPglite(process.env.PGLITE_DIR || DEFAULT_PGLITE_DIR);
}

const globalForDb = globalThis as unknown as { dubanDb?: DbHandle; dubanDbOpenedAt?: number };

/** The process-wide database, opened on first use (never at import, so `next build` needs none). */
export function getDb(): Db {
  if (!globalForDb.dubanDb) {
    globalForDb.dubanDb = openFromEnv();
    globalForDb.dubanDbOpenedAt = Date.now();
  }
  return globalForDb.dubanDb.db;
}

/** The process-wide database handle (the job queue needs the driver underneath). */
export function getDbHandle(): DbHandle {
  getDb();
  return globalForDb.dubanDb!;
}

/** At most one new pool per this interval, however many requests fail at once. */
const RENEW_INTERVAL_MS = 5_000;

/**
 * After the database server went away, postgres.js can keep a pooled
 * connection that never works again (an uncaught "reading 'write'" in the
 * driver, porsager/postgres#1154, unfixed in 3.4.9): every query routed to it
 * fails although the server is back. So an outage error replaces the whole
 * PostgreSQL pool — at most every 5 s; the old pool lets its running queries
 * finish (up to 5 s) and closes. PGlite runs in-process and is left alone.
 */
export function noteDatabaseFailure(error: unknown, options: { certain?: boolean } = {}): void {
  const current = globalForDb.dubanDb;
  if (!current || current.driver !== "postgres") return;
  if (!options.certain && !isDatabaseUnreachable(error)) return;
  if (Date.now() - (globalForDb.dubanDbOpenedAt ?? 0) < RENEW_INTERVAL_MS) return;
  globalForDb.dubanDb = openFromEnv();
  globalForDb.dubanDbOpenedAt = Date.now();
  current.close().catch((closeError: unknown) => console.error("[db] closing the old pool", closeError));
}
