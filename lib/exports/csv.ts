import { cellText, type Column, type Row, type Sheet } from "./sheet";

/** Excel only reads a CSV as UTF-8 (and shows Chinese) when it starts with a byte order mark. */
export const BOM = "\uFEFF";
const CRLF = "\r\n";

/** One CSV field: quoted when it holds a comma, quote or line break; quotes doubled. */
export function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvLine(columns: Column[], row: Row): string {
  return columns.map((c) => csvField(cellText(c, row[c.key]))).join(",") + CRLF;
}

export function csvHeader(columns: Column[]): string {
  return BOM + columns.map((c) => csvField(c.header)).join(",") + CRLF;
}

/**
 * The sheet as a UTF-8 CSV byte stream (BOM, header, CRLF lines), pulled one
 * page of rows at a time so a slow client holds back the database reads.
 */
export function csvStream(sheet: Sheet, onError: (error: unknown) => void): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const pages = sheet.rows[Symbol.asyncIterator]();
  let headerSent = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!headerSent) {
        headerSent = true;
        controller.enqueue(encoder.encode(csvHeader(sheet.columns)));
        return;
      }
      try {
        const next = await pages.next();
        if (next.done) {
          controller.close();
          return;
        }
        controller.enqueue(encoder.encode(next.value.map((row) => csvLine(sheet.columns, row)).join("")));
      } catch (error) {
        onError(error);
        controller.error(error);
      }
    },
    async cancel() {
      await pages.return?.();
    },
  });
}
