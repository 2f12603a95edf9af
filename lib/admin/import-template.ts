import ExcelJS from "exceljs";
import { UNIT_COLUMNS, USER_COLUMNS } from "./import-validate";

export type ImportKind = "units" | "users";

const TEMPLATES: Record<ImportKind, { sheet: string; columns: readonly string[]; example: string[]; file: string }> = {
  units: {
    sheet: "单位",
    columns: UNIT_COLUMNS,
    example: ["CJC", "陈家村", "村", "陈书记", "13800000001"],
    file: "单位导入模板.xlsx",
  },
  users: {
    sheet: "用户",
    columns: USER_COLUMNS,
    example: ["张三", "zhangsan", "13800000002", "联络员", "CJC"],
    file: "用户导入模板.xlsx",
  },
};

export function templateFileName(kind: ImportKind): string {
  return TEMPLATES[kind].file;
}

/** The import template: the Chinese header row (frozen, bold) and one example row, all cells as text. */
export async function importTemplate(kind: ImportKind): Promise<ArrayBuffer> {
  const spec = TEMPLATES[kind];
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(spec.sheet, { views: [{ state: "frozen", ySplit: 1 }] });
  // Text format keeps phone numbers and codes such as 007 exactly as typed.
  sheet.columns = spec.columns.map((header) => ({ header, width: 18, style: { numFmt: "@" } }));
  sheet.getRow(1).font = { bold: true };
  sheet.addRow(spec.example);
  return new Uint8Array(await workbook.xlsx.writeBuffer()).slice().buffer;
}
