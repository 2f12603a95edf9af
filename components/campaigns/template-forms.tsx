"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { ActionForm, type CampaignAction } from "./action-form";
import { Field, inputClass } from "./form-styles";

export interface BuiltinOption {
  key: string;
  name: string;
  period: string;
  activities: number;
  tasks: number;
}

function YearAndAssign({ defaultYear }: { defaultYear: number }) {
  const t = useTranslations("campaigns.new");
  return (
    <div className="flex flex-wrap items-end gap-4">
      <Field label={t("year")} hint={t("yearHint")}>
        <input type="number" name="year" required min={2000} max={2100} defaultValue={defaultYear} className={`${inputClass} w-32`} />
      </Field>
      <label className="flex min-h-10 items-center gap-2 text-sm">
        <input type="checkbox" name="assignByKinds" className="h-4 w-4" />
        {t("assignByKinds")}
      </label>
    </div>
  );
}

/** 从内置模板创建: pick one of the templates made from the seed notice and a year. */
export function BuiltinTemplateForm({ action, options, defaultYear }: { action: CampaignAction; options: BuiltinOption[]; defaultYear: number }) {
  const t = useTranslations("campaigns.new");
  return (
    <ActionForm action={action} hidden={{ source: "builtin" }} redirectTo="/campaigns/{id}" submitLabel={t("createDraft")}>
      <fieldset className="space-y-2">
        <legend className="mb-1 text-sm font-medium text-slate-700">{t("builtinPick")}</legend>
        {options.map((o, i) => (
          <label key={o.key} className="flex cursor-pointer items-start gap-3 rounded-lg p-3 ring-1 ring-slate-200 has-[:checked]:bg-brand-50 has-[:checked]:ring-brand-600">
            <input type="radio" name="builtinKey" value={o.key} defaultChecked={i === 0} className="mt-1 h-4 w-4" />
            <span className="min-w-0">
              <span className="block font-medium">{o.name}</span>
              <span className="block text-xs text-slate-500">
                {o.period} · {t("shape", { activities: o.activities, tasks: o.tasks })}
              </span>
            </span>
          </label>
        ))}
      </fieldset>
      <YearAndAssign defaultYear={defaultYear} />
    </ActionForm>
  );
}

/** 导入模板: a JSON file exported from Duban (or written by hand), uploaded or pasted. */
export function ImportTemplateForm({ action, defaultYear }: { action: CampaignAction; defaultYear: number }) {
  const t = useTranslations("campaigns.new");
  const [text, setText] = useState("");
  return (
    <ActionForm action={action} hidden={{ source: "json" }} redirectTo="/campaigns/{id}" submitLabel={t("import")}>
      <Field label={t("file")}>
        <input
          type="file"
          accept="application/json,.json"
          className="block w-full text-sm file:mr-3 file:rounded-lg file:border-0 file:bg-slate-100 file:px-3 file:py-2"
          onChange={async (event) => {
            const file = event.currentTarget.files?.[0];
            setText(file ? await file.text() : "");
          }}
        />
      </Field>
      <Field label={t("json")} hint={t("jsonHint")}>
        <textarea
          name="json"
          rows={6}
          value={text}
          onChange={(event) => setText(event.currentTarget.value)}
          className={`${inputClass} font-mono text-xs`}
        />
      </Field>
      <YearAndAssign defaultYear={defaultYear} />
    </ActionForm>
  );
}
