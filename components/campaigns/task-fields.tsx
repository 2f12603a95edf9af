"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { EVIDENCE_KINDS, UNIT_KINDS } from "@/lib/campaign-template";
import { Field, inputClass } from "./form-styles";

export interface TaskDefaults {
  title?: string;
  description?: string | null;
  deadline?: string;
  phaseId?: string | null;
  applicableUnitKinds?: readonly string[];
  evidenceRequired?: readonly string[];
  ownerUnitId?: string | null;
  recurrence?: "none" | "monthly" | "quarterly";
  recurFrom?: string;
  recurTo?: string;
  dayOfMonth?: number;
  ackLimitHours?: number | null;
}

/** A task's fields; recurrence shows its own period fields instead of a single deadline. */
export function TaskFields({
  defaults = {},
  phases,
  units,
}: {
  defaults?: TaskDefaults;
  phases: { id: string; name: string }[];
  units: { id: string; name: string }[];
}) {
  const t = useTranslations("campaigns");
  const tc = useTranslations();
  const [recurrence, setRecurrence] = useState(defaults.recurrence ?? "none");
  const checkboxes = (name: string, values: readonly string[], label: (v: string) => string, checked: readonly string[] = []) => (
    <div className="flex flex-wrap gap-x-4 gap-y-1">
      {values.map((v) => (
        <label key={v} className="flex min-h-8 items-center gap-1.5 text-sm">
          <input type="checkbox" name={name} value={v} defaultChecked={checked.includes(v)} className="h-4 w-4" />
          {label(v)}
        </label>
      ))}
    </div>
  );
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      <div className="sm:col-span-2">
        <Field label={t("fields.title")}>
          <input name="title" required defaultValue={defaults.title} className={inputClass} />
        </Field>
      </div>
      <div className="sm:col-span-2">
        <Field label={t("fields.description")}>
          <textarea name="description" rows={2} defaultValue={defaults.description ?? ""} className={inputClass} />
        </Field>
      </div>
      <Field label={t("fields.recurrence")}>
        <select
          name="recurrence"
          value={recurrence}
          onChange={(e) => setRecurrence(e.currentTarget.value as typeof recurrence)}
          className={inputClass}
        >
          {(["none", "monthly", "quarterly"] as const).map((r) => (
            <option key={r} value={r}>
              {t(`recurrence.${r}`)}
            </option>
          ))}
        </select>
      </Field>
      {recurrence === "none" ? (
        <Field label={t("fields.deadline")}>
          <input type="date" name="deadline" required defaultValue={defaults.deadline} className={inputClass} />
        </Field>
      ) : (
        <>
          <Field label={t("fields.recurFrom")}>
            <input type="date" name="recurFrom" required defaultValue={defaults.recurFrom} className={inputClass} />
          </Field>
          <Field label={t("fields.recurTo")}>
            <input type="date" name="recurTo" required defaultValue={defaults.recurTo} className={inputClass} />
          </Field>
          <Field label={t("fields.dayOfMonth")} hint={t("dayOfMonthHint")}>
            <input type="number" name="dayOfMonth" min={1} max={31} defaultValue={defaults.dayOfMonth} className={inputClass} />
          </Field>
        </>
      )}
      <Field label={t("fields.phaseId")}>
        <select name="phaseId" defaultValue={defaults.phaseId ?? ""} className={inputClass}>
          <option value="">{t("noPhase")}</option>
          {phases.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t("fields.ownerUnitId")}>
        <select name="ownerUnitId" defaultValue={defaults.ownerUnitId ?? ""} className={inputClass}>
          <option value="">{t("noOwner")}</option>
          {units.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t("fields.ackLimitHours")} hint={t("ackLimitHint")}>
        <input
          type="number"
          name="ackLimitHours"
          min={1}
          max={720}
          step={1}
          defaultValue={defaults.ackLimitHours ?? ""}
          className={inputClass}
        />
      </Field>
      <fieldset className="sm:col-span-2">
        <legend className="mb-1 text-sm font-medium text-slate-700">{t("fields.applicableUnitKinds")}</legend>
        {checkboxes("applicableUnitKinds", UNIT_KINDS, (k) => tc(`unitKind.${k}`), defaults.applicableUnitKinds)}
      </fieldset>
      <fieldset className="sm:col-span-2">
        <legend className="mb-1 text-sm font-medium text-slate-700">{t("fields.evidenceRequired")}</legend>
        {checkboxes("evidenceRequired", EVIDENCE_KINDS, (k) => tc(`evidence.${k}`), defaults.evidenceRequired)}
      </fieldset>
    </div>
  );
}
