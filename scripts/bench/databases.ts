/** The benchmark's databases on the DATABASE_URL server: the dataset's own, and pgbench's scratch one. */
import postgres, { type Sql } from "postgres";

export const DEFAULT_SERVER_URL = "postgres://postgres@127.0.0.1:5432/postgres";

/** The same server and credentials, another database. */
export function databaseUrl(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export function connect(url: string, max = 1): Sql {
  return postgres(url, { max, onnotice: () => {} });
}

async function onServer<T>(serverUrl: string, run: (sql: Sql) => Promise<T>): Promise<T> {
  const sql = connect(serverUrl);
  try {
    return await run(sql);
  } finally {
    await sql.end({ timeout: 5 });
  }
}

export function databaseExists(serverUrl: string, name: string): Promise<boolean> {
  return onServer(serverUrl, async (sql) => (await sql`select 1 from pg_database where datname = ${name}`).length > 0);
}

export function createDatabase(serverUrl: string, name: string): Promise<void> {
  return onServer(serverUrl, async (sql) => {
    await sql.unsafe(`create database "${name}"`);
  });
}

export function dropDatabase(serverUrl: string, name: string): Promise<void> {
  return onServer(serverUrl, async (sql) => {
    await sql.unsafe(`drop database if exists "${name}" with (force)`);
  });
}
