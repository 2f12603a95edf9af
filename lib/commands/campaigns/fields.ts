/**
 * Form fields of the campaign editor as zod schemas. Forms send strings (and
 * repeated keys as arrays, see formDataToObject), so every field accepts the
 * string form; tests and client code may send the typed value directly.
 */
import { z } from "zod";
import { EVIDENCE_KINDS, MAX_DATE, MIN_DATE, UNIT_KINDS } from "@/lib/campaign-template";

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

export const dateField = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "请填写日期（YYYY-MM-DD）")
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s && s >= MIN_DATE && s <= MAX_DATE;
  }, "不是有效的日期");

export const optionalDate = z.preprocess(blankToUndefined, dateField.optional());

export const requiredText = (max: number) => z.string().trim().min(1, "不能为空").max(max, `不能超过 ${max} 个字`);

export const optionalText = (max: number) =>
  z.preprocess(blankToUndefined, z.string().trim().max(max, `不能超过 ${max} 个字`).optional());

export const optionalUuid = z.preprocess(blankToUndefined, z.uuid().optional());

/** A field that may arrive once (a string) or repeated (an array), or not at all. */
export const listOf = <T extends z.ZodType>(item: T) =>
  z.preprocess((v) => (v === undefined || v === "" ? [] : Array.isArray(v) ? v : [v]), z.array(item));

export const checkbox = z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean());

export const yearField = z.coerce.number().int("请填写年份").min(2000, "年份应在 2000—2100 之间").max(2100, "年份应在 2000—2100 之间");

export const unitKindList = listOf(z.enum(UNIT_KINDS));
export const evidenceList = listOf(z.enum(EVIDENCE_KINDS));

export const targetField = z.preprocess(
  blankToUndefined,
  z.coerce.number().nonnegative("目标值不能为负数").max(1e12, "目标值过大").optional(),
);
