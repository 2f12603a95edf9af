import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { rowsOf } from "../helpers/db";

/** Per township: table → row count and md5 of its rows. */
export type Fingerprint = Record<string, string>;

let tablesCache: { name: string; hasId: boolean }[] | null = null;

/** Every table with an org_id column (login_attempts has none and is left out by design), and whether it has an id. */
export async function orgTables(db: Db): Promise<{ name: string; hasId: boolean }[]> {
  tablesCache ??= rowsOf<{ table_name: string; has_id: boolean }>(
    await db.execute(sql`
      select c.table_name, exists (select 1 from information_schema.columns i
        where i.table_schema = 'public' and i.table_name = c.table_name and i.column_name = 'id') as has_id
      from information_schema.columns c
      where c.table_schema = 'public' and c.column_name = 'org_id' order by c.table_name`),
  ).map((r) => ({ name: r.table_name, hasId: r.has_id }));
  return tablesCache;
}

/**
 * Row counts and an md5 of every row of every table that belongs to the given
 * townships: their org-scoped tables, their organizations row and the users
 * who are their members. Two equal fingerprints mean no row was added,
 * removed or changed in those townships.
 */
export async function fingerprint(db: Db, orgIds: string[]): Promise<Record<string, Fingerprint>> {
  const ids = sql.join(orgIds.map((id) => sql`${id}::uuid`), sql`, `);
  const parts = (await orgTables(db)).map(
    ({ name: table }) => sql`select ${table} as t, x.org_id::text as org, count(*)::int as n, md5(string_agg(x::text, '|' order by x::text)) as h
      from ${sql.identifier(table)} x where x.org_id in (${ids}) group by x.org_id`,
  );
  parts.push(
    sql`select 'organizations', x.id::text, count(*)::int, md5(string_agg(x::text, '|' order by x::text))
      from organizations x where x.id in (${ids}) group by x.id`,
    sql`select 'users', m.org_id::text, count(*)::int, md5(string_agg(x::text, '|' order by x::text))
      from users x join memberships m on m.user_id = x.id where m.org_id in (${ids}) group by m.org_id`,
  );
  const rows = rowsOf<{ t: string; org: string; n: number; h: string }>(await db.execute(sql.join(parts, sql` union all `)));
  const out: Record<string, Fingerprint> = Object.fromEntries(orgIds.map((id) => [id, {}]));
  for (const r of rows) out[r.org]![r.t] = `${r.n}:${r.h}`;
  return out;
}

/** The tables whose rows differ between two fingerprints of one township. */
export function changedTables(before: Fingerprint, after: Fingerprint): string[] {
  const tables = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...tables].filter((t) => before[t] !== after[t]).sort();
}

/** The next transaction id: it moves only when some transaction wrote (or began to). */
async function nextXid(db: Db): Promise<string> {
  const [row] = rowsOf<{ x: string }>(await db.execute(sql`select pg_snapshot_xmax(pg_current_snapshot())::text as x`));
  return row!.x;
}

/**
 * Watches the townships across many calls cheaply: the fingerprint is taken
 * again only when a transaction id was spent since the last one (on a shared
 * PostgreSQL server other test files spend them too, which only costs time).
 */
export class WriteWatch {
  private xid = "";
  private known: Record<string, Fingerprint> | null = null;

  constructor(
    private readonly db: Db,
    private readonly orgIds: string[],
  ) {}

  /** Call before a call whose effect is to be checked. */
  async mark(): Promise<void> {
    const xid = await nextXid(this.db);
    if (xid === this.xid && this.known) return;
    this.known = await fingerprint(this.db, this.orgIds);
    this.xid = xid;
  }

  /** The tables changed since mark(), as `<org>.<table>`. */
  async changes(): Promise<string[]> {
    const xid = await nextXid(this.db);
    if (xid === this.xid && this.known) return [];
    const now = await fingerprint(this.db, this.orgIds);
    const changed = this.orgIds.flatMap((org) => changedTables(this.known![org]!, now[org]!).map((t) => `${org}.${t}`));
    this.known = now;
    this.xid = xid;
    return changed;
  }
}
