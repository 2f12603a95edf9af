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

/**
 * Walks a list of ids fetched once in sheet order (when each page's own
 * ordering would redo the expensive part), fetching the rows of `pageSize`
 * ids at a time: ids are small, rows are held one page at a time.
 */
export async function* idPages<T>(
  fetchIds: () => Promise<string[]>,
  fetchRows: (ids: string[]) => Promise<T[]>,
  toRow: (row: T) => Row,
  pageSize = EXPORT_PAGE_SIZE,
): AsyncGenerator<Row[]> {
  const ids = await fetchIds();
  for (let i = 0; i < ids.length; i += pageSize) {
    const rows = await fetchRows(ids.slice(i, i + pageSize));
    if (rows.length > 0) yield rows.map(toRow);
  }
}

/** A sheet whose rows are already at hand (summary, matrix): one page. */
export async function* singlePage(rows: Row[]): AsyncGenerator<Row[]> {
  if (rows.length > 0) yield rows;
}
