/**
 * Checks an import sheet against the township's existing data, which the
 * caller passes in, so the same pure function serves the preview and the
 * transaction that writes. Every problem is reported with its sheet row.
 */
import type { z } from "zod";
import type { UnitKind } from "@/lib/campaign-template";
import type { Role } from "@/lib/auth/permissions";
import { optionalText, requiredText } from "@/lib/commands/campaigns/fields";
import { phoneField, unitCodeField, usernameField } from "./fields";
import type { ParsedRow, ParsedSheet } from "./import-parse";

export const MAX_IMPORT_ROWS = 2000;

export const UNIT_COLUMNS = ["单位编码", "单位名称", "单位类型", "责任人", "联系电话"] as const;
export const USER_COLUMNS = ["姓名", "用户名", "手机号", "角色", "所属单位编码"] as const;

export const UNIT_KIND_LABELS: Record<string, UnitKind> = {
  村: "village",
  社区: "community",
  镇级部门: "department",
  企业: "enterprise",
  学校: "school",
};

export const ROLE_LABELS: Record<string, Role> = {
  管理员: "admin",
  系统管理员: "admin",
  镇领导: "leader",
  联络员: "liaison",
  督查: "auditor",
};

export interface ImportIssue {
  /** Sheet row (header = 1); null for problems with the file as a whole. */
  row: number | null;
  column?: string;
  message: string;
}

export interface UnitImportRow {
  row: number;
  code: string;
  name: string;
  kind: UnitKind;
  responsiblePerson: string | null;
  phone: string | null;
}

export interface UserImportRow {
  row: number;
  displayName: string;
  username: string;
  phone: string | null;
  role: Role;
  unitCode: string | null;
}

export interface ImportCheck<R> {
  rows: R[];
  issues: ImportIssue[];
}

/** File-level checks shared by both kinds; an empty list means the rows may be looked at. */
function checkSheet(sheet: ParsedSheet, columns: readonly string[]): ImportIssue[] {
  if (sheet.headers.length === 0) return [{ row: null, message: "文件为空，请使用下载的模板填写" }];
  const issues: ImportIssue[] = [];
  const missing = columns.filter((c) => !sheet.headers.includes(c));
  const unknown = sheet.headers.filter((h) => !columns.includes(h));
  if (missing.length > 0) issues.push({ row: null, message: `缺少列：${missing.join("、")}` });
  if (unknown.length > 0) issues.push({ row: null, message: `无法识别的列：${unknown.join("、")}` });
  if (sheet.rows.length === 0) issues.push({ row: null, message: "文件中没有数据行" });
  if (sheet.rows.length > MAX_IMPORT_ROWS) {
    issues.push({ row: null, message: `一次最多导入 ${MAX_IMPORT_ROWS} 行，本文件有 ${sheet.rows.length} 行` });
  }
  return issues;
}

/** Runs one column's zod field; records the first message and returns undefined on failure. */
function field<T>(schema: z.ZodType<T>, row: ParsedRow, column: string, issues: ImportIssue[]): T | undefined {
  const parsed = schema.safeParse(row.values[column] ?? "");
  if (parsed.success) return parsed.data;
  issues.push({ row: row.rowNumber, column, message: `${column}：${parsed.error.issues[0]?.message ?? "格式不正确"}` });
  return undefined;
}

/** Reports a value already used earlier in the file or in the database. */
function unique(
  value: string | null | undefined,
  seen: Map<string, number>,
  taken: ReadonlySet<string>,
  where: { row: number; column: string; takenMessage: string },
  issues: ImportIssue[],
): boolean {
  if (!value) return true;
  const key = value.toLowerCase();
  const first = seen.get(key);
  if (first !== undefined) {
    issues.push({ row: where.row, column: where.column, message: `${where.column} ${value} 与第 ${first} 行重复` });
    return false;
  }
  seen.set(key, where.row);
  if (taken.has(key)) {
    issues.push({ row: where.row, column: where.column, message: `${where.column} ${value} ${where.takenMessage}` });
    return false;
  }
  return true;
}

const lower = (values: Iterable<string>) => new Set([...values].map((v) => v.toLowerCase()));

export function validateUnitImport(sheet: ParsedSheet, existingCodes: Iterable<string>): ImportCheck<UnitImportRow> {
  const fileIssues = checkSheet(sheet, UNIT_COLUMNS);
  if (fileIssues.length > 0) return { rows: [], issues: fileIssues };
  const taken = lower(existingCodes);
  const seen = new Map<string, number>();
  const issues: ImportIssue[] = [];
  const rows: UnitImportRow[] = [];
  for (const r of sheet.rows) {
    const before = issues.length;
    const code = field(unitCodeField, r, "单位编码", issues);
    const name = field(requiredText(60), r, "单位名称", issues);
    const kindLabel = r.values["单位类型"] ?? "";
    const kind = UNIT_KIND_LABELS[kindLabel];
    if (!kind) {
      const message = kindLabel ? `单位类型“${kindLabel}”无效，应为：村、社区、镇级部门、企业、学校` : "单位类型不能为空";
      issues.push({ row: r.rowNumber, column: "单位类型", message });
    }
    const responsiblePerson = field(optionalText(30), r, "责任人", issues);
    const phone = field(phoneField, r, "联系电话", issues);
    unique(code, seen, taken, { row: r.rowNumber, column: "单位编码", takenMessage: "已被本镇其他单位使用" }, issues);
    if (issues.length === before && code && name && kind) {
      rows.push({ row: r.rowNumber, code, name, kind, responsiblePerson: responsiblePerson ?? null, phone: phone ?? null });
    }
  }
  return { rows, issues };
}

export interface UserImportExisting {
  /** Usernames and phones already used anywhere in the service (they are globally unique). */
  usernames: Iterable<string>;
  phones: Iterable<string>;
  /** Codes of the township's units a liaison may be bound to (not archived). */
  unitCodes: Iterable<string>;
}

export function validateUserImport(sheet: ParsedSheet, existing: UserImportExisting): ImportCheck<UserImportRow> {
  const fileIssues = checkSheet(sheet, USER_COLUMNS);
  if (fileIssues.length > 0) return { rows: [], issues: fileIssues };
  const takenNames = lower(existing.usernames);
  const takenPhones = lower(existing.phones);
  const unitCodes = new Map([...existing.unitCodes].map((c) => [c.toLowerCase(), c]));
  const seenNames = new Map<string, number>();
  const seenPhones = new Map<string, number>();
  const issues: ImportIssue[] = [];
  const rows: UserImportRow[] = [];
  for (const r of sheet.rows) {
    const before = issues.length;
    const displayName = field(requiredText(30), r, "姓名", issues);
    const username = field(usernameField, r, "用户名", issues);
    const phone = field(phoneField, r, "手机号", issues);
    const roleLabel = r.values["角色"] ?? "";
    const role = ROLE_LABELS[roleLabel];
    if (!role) {
      const message = roleLabel ? `角色“${roleLabel}”无效，应为：管理员、镇领导、联络员、督查` : "角色不能为空";
      issues.push({ row: r.rowNumber, column: "角色", message });
    }
    const codeText = r.values["所属单位编码"] ?? "";
    const unitCode = codeText ? (unitCodes.get(codeText.toLowerCase()) ?? null) : null;
    if (role === "liaison" && !codeText) {
      issues.push({ row: r.rowNumber, column: "所属单位编码", message: "联络员必须填写所属单位编码" });
    } else if (role && role !== "liaison" && codeText) {
      issues.push({ row: r.rowNumber, column: "所属单位编码", message: "只有联络员可以填写所属单位编码" });
    } else if (codeText && !unitCode) {
      issues.push({ row: r.rowNumber, column: "所属单位编码", message: `单位编码 ${codeText} 在本镇不存在或已归档` });
    }
    unique(username, seenNames, takenNames, { row: r.rowNumber, column: "用户名", takenMessage: "已被使用" }, issues);
    unique(phone, seenPhones, takenPhones, { row: r.rowNumber, column: "手机号", takenMessage: "已被其他用户使用" }, issues);
    if (issues.length === before && displayName && username && role) {
      rows.push({ row: r.rowNumber, displayName, username, phone: phone ?? null, role, unitCode });
    }
  }
  return { rows, issues };
}
