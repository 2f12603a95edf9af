/**
 * The shape of an exported table, shared by the XLSX and CSV writers so both
 * files carry the same columns, headers and values.
 */
export type ColumnType = "text" | "number" | "percent" | "date" | "datetime" | "link";

export interface Column {
  key: string;
  /** Chinese header: exports are official records and always in Chinese. */
  header: string;
  /** Excel column width in characters (a CJK character counts about two). */
  width: number;
  type: ColumnType;
  /** Cells holding several lines (file lists, review trails) wrap in Excel. */
  wrap?: boolean;
  /** Background colour (ARGB) for a cell value, e.g. the matrix state colours. */
  fill?: (value: CellValue) => string | undefined;
}

/**
 * text/link: string; number/percent: number (percent as 0..1); date: "YYYY-MM-DD"
 * (a calendar day); datetime: a Date (an instant, shown in Beijing time).
 */
export type CellValue = string | number | Date | null | undefined;
export type Row = Record<string, CellValue>;

export interface Sheet {
  /** The sheet (tab) name, also the CSV file name's suffix. */
  name: string;
  columns: Column[];
  /** Pages of rows, pulled one at a time by the writer. */
  rows: AsyncIterable<Row[]>;
  /** Columns kept in view when scrolling sideways (the matrix's unit names). */
  freezeColumns?: number;
}

const BEIJING_OFFSET_MS = 8 * 60 * 60 * 1000;

/**
 * Spreadsheet formula injection: a text cell starting with = + - @ (or a tab
 * or carriage return, which some tools strip before evaluating) is prefixed
 * with an apostrophe so that no spreadsheet ever evaluates it.
 */
export function neutralizeFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** The wall-clock Beijing time of an instant as a Date whose UTC fields hold it (Excel has no time zones). */
export function beijingWallClock(instant: Date): Date {
  return new Date(instant.getTime() + BEIJING_OFFSET_MS);
}

/** A calendar day "YYYY-MM-DD" as midnight UTC, which Excel shows as that day. */
export function dayCell(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}

const pad = (n: number) => String(n).padStart(2, "0");

/** "YYYY-MM-DD HH:mm" in Beijing time. */
export function formatBeijing(instant: Date): string {
  const d = beijingWallClock(instant);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/** "YYYYMMDD" of an instant in Beijing time, for file names. */
export function compactDay(instant: Date): string {
  return formatBeijing(instant).slice(0, 10).replaceAll("-", "");
}

/** A cell as the text a CSV file holds (and a spreadsheet would display). */
export function cellText(column: Column, value: CellValue): string {
  if (value === null || value === undefined || value === "") return "";
  switch (column.type) {
    case "datetime":
      return value instanceof Date ? formatBeijing(value) : neutralizeFormula(String(value));
    case "date":
      return value instanceof Date ? formatBeijing(value).slice(0, 10) : neutralizeFormula(String(value));
    case "percent":
      return typeof value === "number" ? `${(value * 100).toFixed(1)}%` : neutralizeFormula(String(value));
    case "number":
      return typeof value === "number" ? String(value) : neutralizeFormula(String(value));
    default:
      return neutralizeFormula(value instanceof Date ? formatBeijing(value) : String(value));
  }
}

/** A file name safe on every desktop: no path separators or reserved characters. */
export function exportFileName(parts: string[], extension: string): string {
  const base = parts
    .map((p) => p.replace(/[\u0000-\u001f\u007f<>:"/\\|?*]/g, "").trim())
    .filter(Boolean)
    .join("_");
  return `${base || "export"}.${extension}`;
}
