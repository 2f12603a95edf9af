import type { PgInsertValue, PgTable } from "drizzle-orm/pg-core";
import type { Tx } from "../client";

export const HOUR_MS = 60 * 60 * 1000;
export const DAY_MS = 24 * HOUR_MS;

/** Multi-row inserts of at most `size` rows each (PostgreSQL caps bind parameters at 65535). */
export async function insertChunked<T extends PgTable>(
  tx: Tx,
  table: T,
  rows: PgInsertValue<T>[],
  size = 500,
): Promise<void> {
  for (let i = 0; i < rows.length; i += size) {
    await tx.insert(table).values(rows.slice(i, i + size));
  }
}

/** The end of a calendar day in the township's time zone. */
export function endOfDayShanghai(date: string): Date {
  return new Date(`${date}T23:59:59+08:00`);
}

/** A time of day on a calendar day in the township's time zone. */
export function atShanghai(date: string, time = "09:00:00"): Date {
  return new Date(`${date}T${time}+08:00`);
}

/** The calendar date (YYYY-MM-DD) of an instant in Asia/Shanghai (UTC+8, no daylight saving). */
export function shanghaiDate(at: Date): string {
  return new Date(at.getTime() + 8 * HOUR_MS).toISOString().slice(0, 10);
}

/** 32-bit FNV-1a with a final avalanche: a stable, platform-independent hash for deterministic demo data. */
export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A deterministic number in [0, 1) for `text`. */
export function unitHash(text: string): number {
  return fnv1a(text) / 0x1_0000_0000;
}

export function minDate(a: Date, b: Date): Date {
  return a.getTime() <= b.getTime() ? a : b;
}
