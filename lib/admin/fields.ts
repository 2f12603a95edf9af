/**
 * Form fields of township administration (units, users, passwords) as zod
 * schemas, shared by the commands and the import validator.
 */
import { randomInt } from "node:crypto";
import { z } from "zod";
import { UNIT_KINDS } from "@/lib/campaign-template";
import { TOWNSHIP_ROLES } from "@/lib/auth/permissions";
import { optionalText, requiredText } from "@/lib/commands/campaigns/fields";

/** A mainland mobile number, or a landline with its area code (023-12345678 or 02312345678). */
export const PHONE_PATTERN = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/;

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

export const phoneField = z.preprocess(
  blankToUndefined,
  z.string().trim().regex(PHONE_PATTERN, "电话格式不正确（手机号 11 位，或带区号的座机号）").optional(),
);

/** An e-mail address for reminders, or nothing (a blank field clears it). */
export const emailField = z.preprocess(
  blankToUndefined,
  z.string("邮箱格式不正确").trim().max(254, "邮箱不能超过 254 个字符").pipe(z.email("邮箱格式不正确")).optional(),
);

/**
 * A checkbox: "on" (what a checked box sends) or true, absent for unchecked.
 * Anything else is refused rather than read as off, naming the switch.
 */
export const switchField = (label: string) =>
  z.preprocess(
    (v) => (v === undefined || v === "false" ? false : v === "on" || v === "true" ? true : v),
    z.boolean(`${label}只能是开或关`),
  );

export const unitCodeField = z
  .string()
  .trim()
  .min(1, "不能为空")
  .max(32, "不能超过 32 个字符")
  .regex(/^[A-Za-z0-9_-]+$/, "编码只能包含字母、数字、- 和 _");

export const usernameField = z
  .string()
  .trim()
  .min(2, "至少 2 个字符")
  .max(32, "不能超过 32 个字符")
  .regex(/^[A-Za-z0-9_.-]+$/, "用户名只能包含字母、数字、.、- 和 _");

export const unitKindField = z.enum(UNIT_KINDS, "请选择单位类型");
export const roleField = z.enum(TOWNSHIP_ROLES, "请选择角色");

export const unitFields = {
  kind: unitKindField,
  code: unitCodeField,
  name: requiredText(60),
  responsiblePerson: optionalText(30),
  phone: phoneField,
  responsibleEmail: emailField,
  /** 分管领导: checked against the township's active leaders and admins by the command. */
  supervisorUserId: z.preprocess(blankToUndefined, z.uuid("请选择分管领导").optional()),
};

export const optionalUnitId = z.preprocess(blankToUndefined, z.uuid("请选择单位").optional());

/** A liaison belongs to exactly one unit; every other role to none (the database checks this too). */
export function checkRoleUnit(value: { role: string; unitId?: string }, issue: (path: string, message: string) => void) {
  if (value.role === "liaison" && !value.unitId) issue("unitId", "联络员必须选择所属单位");
  if (value.role !== "liaison" && value.unitId) issue("unitId", "只有联络员可以选择所属单位");
}

export const newPasswordField = z
  .string()
  .min(8, "新密码至少 8 位")
  .max(72, "新密码不能超过 72 位")
  .refine((s) => /[A-Za-z]/.test(s) && /\d/.test(s), "新密码须同时包含字母和数字");

// No 0/O, 1/l/I: the admin reads the temporary password out over the phone.
const LETTERS = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ";
const DIGITS = "23456789";

/** A 10-character temporary password with letters and digits, so it also passes the new-password rule. */
export function temporaryPassword(): string {
  const all = LETTERS + DIGITS;
  const chars = [LETTERS[randomInt(LETTERS.length)]!, DIGITS[randomInt(DIGITS.length)]!];
  while (chars.length < 10) chars.push(all[randomInt(all.length)]!);
  return chars.join("");
}
