import { z } from "zod";
import { isCalendarDay } from "@/lib/deadline-day";

/** Form fields arrive as strings; an empty one means "not given". */
const blank = (v: unknown) => v === undefined || v === null || (typeof v === "string" && v.trim() === "");

export const requiredText = (label: string, max: number) =>
  z.preprocess(
    (v) => (typeof v === "string" ? v.trim() : v),
    z.string({ error: `请填写${label}` }).min(1, `请填写${label}`).max(max, `${label}不能超过 ${max} 字`),
  );

export const optionalText = (label: string, max: number) =>
  z.preprocess(
    (v) => (blank(v) ? null : typeof v === "string" ? v.trim() : v),
    z.string().max(max, `${label}不能超过 ${max} 字`).nullable(),
  );

export const calendarDay = (label: string) =>
  z.preprocess(
    (v) => (typeof v === "string" ? v.trim() : v),
    z.string({ error: `请选择${label}` }).refine(isCalendarDay, `请选择有效的${label}`),
  );

export const optionalUuid = z.preprocess((v) => (blank(v) ? undefined : v), z.uuid().optional());

export const expectedVersion = z.coerce.number().int().positive();

/** 整改资金 in 元: up to two decimals, stored as numeric(14,2). */
export const funds = z.preprocess(
  (v) => (blank(v) ? null : typeof v === "string" ? Number(v.trim()) : v),
  z
    .number({ error: "整改资金请填写数字" })
    .min(0, "整改资金不能为负数")
    .max(999_999_999_999, "整改资金过大")
    .nullable(),
);
