/**
 * Reads an uploaded import file (CSV or XLSX) into rows of trimmed strings
 * keyed by the header row. Pure apart from exceljs; no database access.
 */
import ExcelJS from "exceljs";

export interface ParsedRow {
  /** The row number as the user sees it in the sheet (the header is row 1). */
  rowNumber: number;
  values: Record<string, string>;
}

export interface ParsedSheet {
  headers: string[];
  rows: ParsedRow[];
}

export class ImportFileError extends Error {}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

export function isXlsx(bytes: Uint8Array): boolean {
  return ZIP_MAGIC.every((b, i) => bytes[i] === b);
}

/** RFC 4180 records: quoted fields may hold commas, doubled quotes and line breaks; CRLF or LF. */
export function parseCsvRecords(text: string): { line: number; fields: string[] }[] {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records: { line: number; fields: string[] }[] = [];
  let fields: string[] = [];
  let field = "";
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  const endRecord = () => {
    fields.push(field);
    records.push({ line: recordLine, fields });
    fields = [];
    field = "";
  };
  for (let i = 0; i < source.length; i++) {
    const ch = source[i]!;
    if (quoted) {
      if (ch === '"' && source[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else {
        if (ch === "\n") line++;
        field += ch;
      }
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      fields.push(field);
      field = "";
    } else if (ch === "\r" && source[i + 1] === "\n") continue;
    else if (ch === "\n" || ch === "\r") {
      endRecord();
      line++;
      recordLine = line;
    } else field += ch;
  }
  if (field !== "" || fields.length > 0) endRecord();
  return records;
}

function toSheet(records: { line: number; fields: string[] }[]): ParsedSheet {
  const nonEmpty = records.filter((r) => r.fields.some((f) => f.trim() !== ""));
  const [header, ...data] = nonEmpty;
  if (!header) return { headers: [], rows: [] };
  const headers = header.fields.map((h) => h.trim());
  const rows = data.map((r) => {
    const values: Record<string, string> = {};
    headers.forEach((h, i) => {
      if (h) values[h] = (r.fields[i] ?? "").trim();
    });
    return { rowNumber: r.line, values };
  });
  return { headers: headers.filter((h) => h !== ""), rows };
}

export function parseCsv(text: string): ParsedSheet {
  return toSheet(parseCsvRecords(text));
}

/** The first worksheet; cell.text gives what Excel shows (numbers such as phones as digits). */
export async function parseXlsx(bytes: Uint8Array): Promise<ParsedSheet> {
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs accepts an ArrayBuffer; copy so a view into a larger buffer reads only its bytes.
    await workbook.xlsx.load(bytes.slice().buffer);
  } catch {
    throw new ImportFileError("无法读取该 Excel 文件，请使用下载的模板另存为 .xlsx 后重试");
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return { headers: [], rows: [] };
  const records: { line: number; fields: string[] }[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const fields: string[] = [];
    for (let c = 1; c <= row.cellCount; c++) fields.push(row.getCell(c).text ?? "");
    records.push({ line: rowNumber, fields });
  });
  return toSheet(records);
}

/** CSV (UTF-8, BOM optional) or XLSX, told apart by content rather than by the file name. */
export async function parseImportFile(bytes: Uint8Array): Promise<ParsedSheet> {
  if (isXlsx(bytes)) return parseXlsx(bytes);
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new ImportFileError("CSV 文件须为 UTF-8 编码（Excel 中另存为“CSV UTF-8”）");
  }
  return parseCsv(text);
}
