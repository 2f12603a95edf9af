/**
 * The reminder schedule form (提醒与推送) as a zod schema. Forms send strings;
 * every refusal names its field, because the form shows messages without labels.
 */
import { z } from "zod";
import { switchField } from "@/lib/admin/fields";
import type { ReachSchedule } from "./rules";

export const MAX_REMINDER_DAYS = 5;

/** A whole number in [min, max], from a form string or a number; anything else is refused with `label`'s range. */
function wholeNumber(label: string, min: number, max: number) {
  const message = `${label}须为 ${min}–${max} 的整数`;
  return z.preprocess(
    (v) => (typeof v === "string" && /^\s*\d{1,3}\s*$/.test(v) ? Number(v) : v),
    z.number(message).int(message).min(min, message).max(max, message),
  );
}

const REMINDER_DAYS_MESSAGE = "提醒天数须为 1–30 的整数，用逗号分隔（如 3,1）";

/** "3,1" (commas, 、 or spaces) → [3, 1]: distinct, largest first; blank means no reminders before the deadline. */
export const reminderDaysField = z
  .preprocess((v) => (typeof v === "number" ? String(v) : v), z.string(REMINDER_DAYS_MESSAGE).max(100, REMINDER_DAYS_MESSAGE))
  .transform((text, ctx) => {
    const parts = text.split(/[\s,，、]+/).filter(Boolean);
    if (parts.some((p) => !/^\d{1,2}$/.test(p) || Number(p) < 1 || Number(p) > 30)) {
      ctx.addIssue({ code: "custom", message: REMINDER_DAYS_MESSAGE });
      return z.NEVER;
    }
    const days = [...new Set(parts.map(Number))].sort((a, b) => b - a);
    if (days.length > MAX_REMINDER_DAYS) {
      ctx.addIssue({ code: "custom", message: `提醒天数最多 ${MAX_REMINDER_DAYS} 个` });
      return z.NEVER;
    }
    return days;
  });

export const scheduleSchema = z
  .object({
    enabled: switchField("自动提醒"),
    reminderDays: reminderDaysField,
    overdueNotice: switchField("逾期通知"),
    escalationBlue: wholeNumber("蓝色督办天数", 0, 60),
    escalationYellow: wholeNumber("黄色督办天数", 0, 60),
    escalationRed: wholeNumber("红色督办天数", 0, 60),
    ackLimitHours: wholeNumber("签收时限", 1, 720),
    digestHour: wholeNumber("每日汇总时间", 0, 23),
    quietStartHour: wholeNumber("免打扰开始时间", 0, 23),
    quietEndHour: wholeNumber("免打扰结束时间", 0, 23),
  })
  .superRefine((v, ctx) => {
    if (v.escalationYellow < v.escalationBlue) {
      ctx.addIssue({ code: "custom", path: ["escalationYellow"], message: "黄色督办天数不能少于蓝色督办天数" });
    }
    if (v.escalationRed < v.escalationYellow) {
      ctx.addIssue({ code: "custom", path: ["escalationRed"], message: "红色督办天数不能少于黄色督办天数" });
    }
  });

export type ScheduleInput = z.infer<typeof scheduleSchema>;

export function scheduleFromInput(input: ScheduleInput): ReachSchedule {
  return {
    enabled: input.enabled,
    reminderDays: input.reminderDays,
    overdueNotice: input.overdueNotice,
    escalationDays: [input.escalationBlue, input.escalationYellow, input.escalationRed],
    ackLimitHours: input.ackLimitHours,
    digestHour: input.digestHour,
    quietStartHour: input.quietStartHour,
    quietEndHour: input.quietEndHour,
  };
}
