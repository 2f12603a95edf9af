import "server-only";
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import type { Tx } from "@/db/client";
import { memberships, units, users } from "@/db/schema";
import { temporaryPassword } from "@/lib/admin/fields";
import { ImportFileError, parseImportFile, type ParsedSheet } from "@/lib/admin/import-parse";
import {
  validateUnitImport,
  validateUserImport,
  type ImportCheck,
  type ImportIssue,
  type UnitImportRow,
  type UserImportRow,
} from "@/lib/admin/import-validate";
import { ActionError, defineCommand } from "@/lib/auth/action-core";
import { hashPassword } from "@/lib/auth/credentials";

/**
 * Bulk import of units and users. The preview and the import run the same
 * parse + validation; the import does it again inside its transaction, so a
 * unit or user created since the preview is caught and nothing is written.
 */

const MAX_FILE_BYTES = 5 * 1024 * 1024;

const fileSchema = z.object({
  file: z
    .instanceof(File, { message: "请选择要导入的文件" })
    .refine((f) => f.size > 0, "文件为空，请使用下载的模板填写")
    .refine((f) => f.size <= MAX_FILE_BYTES, "文件不能超过 5 MB"),
});

async function readSheet(file: File): Promise<ParsedSheet> {
  try {
    return await parseImportFile(new Uint8Array(await file.arrayBuffer()));
  } catch (error) {
    if (error instanceof ImportFileError) throw new ActionError("invalid", error.message, { file: [error.message] });
    throw error;
  }
}

export function describeIssue(issue: ImportIssue): string {
  return issue.row === null ? issue.message : `第 ${issue.row} 行：${issue.message}`;
}

function refuseInvalid(issues: ImportIssue[]): never {
  throw new ActionError("invalid", `文件有 ${issues.length} 处错误，未导入任何数据`, { file: issues.map(describeIssue) });
}

async function checkUnits(tx: Tx, orgId: string, file: File): Promise<ImportCheck<UnitImportRow>> {
  const sheet = await readSheet(file);
  const existing = await tx.select({ code: units.code }).from(units).where(eq(units.orgId, orgId));
  return validateUnitImport(
    sheet,
    existing.map((u) => u.code),
  );
}

/** Units a liaison may be bound to, by code (lower-cased, as the validator compares). */
async function assignableUnitIds(tx: Tx, orgId: string): Promise<Map<string, string>> {
  const rows = await tx
    .select({ id: units.id, code: units.code })
    .from(units)
    .where(and(eq(units.orgId, orgId), isNull(units.archivedAt)));
  return new Map(rows.map((u) => [u.code, u.id]));
}

async function checkUsers(tx: Tx, orgId: string, file: File) {
  const sheet = await readSheet(file);
  const names = sheet.rows.map((r) => (r.values["用户名"] ?? "").toLowerCase()).filter(Boolean);
  const phones = sheet.rows.map((r) => r.values["手机号"] ?? "").filter(Boolean);
  // Only the clashing values are read: usernames and phones are unique across all townships.
  const takenNames = names.length
    ? await tx.select({ v: users.username }).from(users).where(inArray(sql`lower(${users.username})`, names))
    : [];
  const takenPhones = phones.length ? await tx.select({ v: users.phone }).from(users).where(inArray(users.phone, phones)) : [];
  const unitIds = await assignableUnitIds(tx, orgId);
  const check = validateUserImport(sheet, {
    usernames: takenNames.map((r) => r.v),
    phones: takenPhones.flatMap((r) => (r.v ? [r.v] : [])),
    unitCodes: unitIds.keys(),
  });
  return { check, unitIds };
}

const preview = <R>(check: ImportCheck<R>) => ({ data: { rows: check.rows, issues: check.issues }, audit: [] });

export const previewUnitImport = defineCommand(
  { name: "unit.import_preview", permission: "unit.manage", schema: fileSchema },
  async ({ file }, ctx) => preview(await checkUnits(ctx.tx, ctx.orgId, file)),
);

export const previewUserImport = defineCommand(
  { name: "user.import_preview", permission: "user.manage", schema: fileSchema },
  async ({ file }, ctx) => preview((await checkUsers(ctx.tx, ctx.orgId, file)).check),
);

export const importUnits = defineCommand(
  { name: "unit.import", permission: "unit.manage", schema: fileSchema },
  async ({ file }, ctx) => {
    const check = await checkUnits(ctx.tx, ctx.orgId, file);
    if (check.issues.length > 0) refuseInvalid(check.issues);
    const created = await ctx.tx
      .insert(units)
      .values(
        check.rows.map((u) => ({
          orgId: ctx.orgId,
          code: u.code,
          name: u.name,
          kind: u.kind,
          responsiblePerson: u.responsiblePerson,
          phone: u.phone,
        })),
      )
      .returning();
    return {
      data: { created: created.length },
      audit: created.map((u) => ({
        action: "unit.create",
        entityType: "unit",
        entityId: u.id,
        after: { kind: u.kind, code: u.code, name: u.name, responsiblePerson: u.responsiblePerson, phone: u.phone, imported: true },
      })),
    };
  },
);

export interface IssuedCredential {
  username: string;
  displayName: string;
  temporaryPassword: string;
}

export const importUsers = defineCommand(
  { name: "user.import", permission: "user.manage", schema: fileSchema },
  async ({ file }, ctx) => {
    const { check, unitIds } = await checkUsers(ctx.tx, ctx.orgId, file);
    if (check.issues.length > 0) refuseInvalid(check.issues);
    const people = await Promise.all(
      check.rows.map(async (row: UserImportRow) => {
        const password = temporaryPassword();
        return { row, password, hash: await hashPassword(password) };
      }),
    );
    const created = await ctx.tx
      .insert(users)
      .values(
        people.map(({ row, hash }) => ({
          username: row.username,
          displayName: row.displayName,
          phone: row.phone,
          passwordHash: hash,
          mustChangePassword: true,
        })),
      )
      .returning({ id: users.id, username: users.username });
    const idOf = new Map(created.map((u) => [u.username, u.id]));
    const members = people.map(({ row }) => ({
      orgId: ctx.orgId,
      userId: idOf.get(row.username)!,
      role: row.role,
      unitId: row.unitCode ? (unitIds.get(row.unitCode) ?? null) : null,
    }));
    await ctx.tx.insert(memberships).values(members);
    const credentials: IssuedCredential[] = people.map(({ row, password }) => ({
      username: row.username,
      displayName: row.displayName,
      temporaryPassword: password,
    }));
    return {
      data: { created: created.length, credentials },
      audit: people.map(({ row }, i) => ({
        action: "user.create",
        entityType: "user",
        entityId: members[i]!.userId,
        after: {
          username: row.username,
          displayName: row.displayName,
          phone: row.phone,
          role: row.role,
          unitId: members[i]!.unitId,
          imported: true,
        },
      })),
    };
  },
);
