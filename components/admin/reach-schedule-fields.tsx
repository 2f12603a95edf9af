import { getTranslations } from "next-intl/server";
import { Field, inputClass } from "@/components/campaigns/form-styles";
import type { ReachSchedule } from "@/lib/reach/rules";

/** A labelled checkbox with its hint, in the admin forms' style. */
export function CheckboxField({ name, label, hint, checked }: { name: string; label: string; hint?: string; checked: boolean }) {
  return (
    <label className="flex min-h-10 items-start gap-2 text-sm text-slate-700">
      <input type="checkbox" name={name} defaultChecked={checked} className="mt-0.5 h-5 w-5 rounded" />
      <span>
        <span className="font-medium">{label}</span>
        {hint ? <span className="block text-xs text-slate-500">{hint}</span> : null}
      </span>
    </label>
  );
}

function HourInput({ name, value, label }: { name: string; value: number; label: string }) {
  return (
    <input name={name} type="number" inputMode="numeric" min={0} max={23} required defaultValue={value} aria-label={label} className={inputClass} />
  );
}

/** The township's reminder schedule (提醒规则), filled with what is in effect. */
export async function ReachScheduleFields({ schedule }: { schedule: ReachSchedule }) {
  const t = await getTranslations("admin.reach.schedule");
  const [blue, yellow, red] = schedule.escalationDays;
  const levels = [
    { name: "escalationBlue", label: t("blue"), value: blue },
    { name: "escalationYellow", label: t("yellow"), value: yellow },
    { name: "escalationRed", label: t("red"), value: red },
  ];
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      <CheckboxField name="enabled" label={t("enabled")} hint={t("enabledHint")} checked={schedule.enabled} />
      <CheckboxField name="overdueNotice" label={t("overdueNotice")} checked={schedule.overdueNotice} />
      <Field label={t("reminderDays")} hint={t("reminderDaysHint")}>
        <input name="reminderDays" inputMode="numeric" defaultValue={schedule.reminderDays.join(",")} className={inputClass} />
      </Field>
      <Field label={t("ackLimitHours")} hint={t("ackLimitHint")}>
        <input
          name="ackLimitHours"
          type="number"
          inputMode="numeric"
          min={1}
          max={720}
          required
          defaultValue={schedule.ackLimitHours}
          className={inputClass}
        />
      </Field>
      <fieldset className="text-sm sm:col-span-2">
        <legend className="mb-1 font-medium text-slate-700">{t("escalation")}</legend>
        <div className="grid grid-cols-3 gap-2">
          {levels.map((level) => (
            <label key={level.name} className="block">
              <span className="mb-1 block text-xs text-slate-600">{level.label}</span>
              <input
                name={level.name}
                type="number"
                inputMode="numeric"
                min={0}
                max={60}
                required
                defaultValue={level.value}
                className={inputClass}
              />
            </label>
          ))}
        </div>
        <span className="mt-1 block text-xs text-slate-500">{t("escalationHint")}</span>
      </fieldset>
      <Field label={t("digestHour")} hint={t("digestHint")}>
        <HourInput name="digestHour" value={schedule.digestHour} label={t("digestHour")} />
      </Field>
      <fieldset className="text-sm">
        <legend className="mb-1 font-medium text-slate-700">{t("quiet")}</legend>
        <div className="grid grid-cols-2 gap-2">
          <label className="block">
            <span className="mb-1 block text-xs text-slate-600">{t("quietStart")}</span>
            <HourInput name="quietStartHour" value={schedule.quietStartHour} label={t("quietStart")} />
          </label>
          <label className="block">
            <span className="mb-1 block text-xs text-slate-600">{t("quietEnd")}</span>
            <HourInput name="quietEndHour" value={schedule.quietEndHour} label={t("quietEnd")} />
          </label>
        </div>
        <span className="mt-1 block text-xs text-slate-500">{t("quietHint")}</span>
      </fieldset>
    </div>
  );
}
