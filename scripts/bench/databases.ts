/** The benchmark's databases on the DATABASE_URL server: the dataset's own, and pgbench's scratch one. */
import postgres, { type Sql } from "postgres";

export { createDatabase, databaseUrl, dropDatabase } from "../../tests/helpers/postgres-admin";

export const DEFAULT_SERVER_URL = "postgres://postgres@127.0.0.1:5432/postgres";

export function connect(url: string, max = 1): Sql {
  return postgres(url, { max, onnotice: () => {} });
}

export async function databaseExists(serverUrl: string, name: string): Promise<boolean> {
  const sql = connect(serverUrl);
  try {
    return (await sql`select 1 from pg_database where datname = ${name}`).length > 0;
  } finally {
    await sql.end({ timeout: 5 });
  }
}
