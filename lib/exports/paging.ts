import { EXPORT_PAGE_SIZE } from "@/db/queries/exports";
import type { Row } from "./sheet";

/**
 * Walks a keyset-paged query one page at a time, mapping each page to sheet
 * rows: at most one page is held in memory, and the writer asks for the next
 * page only when it is ready for it.
 */
export async function* pagedRows<T, K>(
  fetchPage: (after: K | null, limit: number) => Promise<T[]>,
  keyOf: (row: T) => K,
  toRow: (row: T) => Row,
  pageSize = EXPORT_PAGE_SIZE,
): AsyncGenerator<Row[]> {
  let after: K | null = null;
  for (;;) {
    const page = await fetchPage(after, pageSize);
    if (page.length > 0) yield page.map(toRow);
    const last = page.at(-1);
    if (page.length < pageSize || last === undefined) return;
    after = keyOf(last);
  }
}

/** A sheet whose rows are already at hand (summary, matrix): one page. */
export async function* singlePage(rows: Row[]): AsyncGenerator<Row[]> {
  if (rows.length > 0) yield rows;
}
