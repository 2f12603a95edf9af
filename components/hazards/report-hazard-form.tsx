import { useTranslations } from "next-intl";
import type { ActionResult } from "@/lib/auth/action-core";
import { HAZARD_LEVELS, REPORTABLE_SOURCES } from "@/lib/hazard-status";
import { FileField, PHOTO_ACCEPT, SelectField, TextArea, TextField } from "./form-fields";
import { HazardActionForm } from "./hazard-action-form";

/**
 * 上报隐患. A liaison reports for their own unit (no unit picker); from an
 * investigation task the unit and source come from the task.
 */
export function ReportHazardForm({
  action,
  units,
  fixedUnitName,
  assignment,
  today,
}: {
  action: (input: FormData) => Promise<ActionResult<unknown>>;
  units: { id: string; name: string }[] | null;
  fixedUnitName: string | null;
  assignment: { id: string; taskTitle: string; unitName: string } | null;
  today: string;
}) {
  const t = useTranslations("hazards");
  const optional = t("form.optional");
  return (
    <HazardActionForm action={action} submitLabel={t("form.submit")} openHazard className="rounded-2xl bg-white p-5 ring-1 ring-slate-200">
      {assignment ? (
        <div className="rounded-xl bg-brand-50 px-3 py-2 text-sm text-brand-700">
          <p className="font-medium">{t("form.fromTask", { task: assignment.taskTitle })}</p>
          <p>{t("form.fromTaskUnit", { unit: assignment.unitName })}</p>
          <input type="hidden" name="assignmentId" value={assignment.id} />
        </div>
      ) : units ? (
        <SelectField
          label={t("fields.unit")}
          name="unitId"
          required
          placeholder={t("form.unitPlaceholder")}
          options={units.map((u) => ({ value: u.id, label: u.name }))}
        />
      ) : fixedUnitName ? (
        <p className="text-sm text-slate-600">
          {t("fields.unit")}：<span className="font-medium text-slate-900">{fixedUnitName}</span>
        </p>
      ) : null}
      <TextField label={t("fields.title")} name="title" required maxLength={100} placeholder={t("form.titlePlaceholder")} />
      <TextArea label={t("fields.description")} name="description" required maxLength={2000} placeholder={t("form.descriptionPlaceholder")} />
      <TextField label={t("fields.location")} name="location" required maxLength={200} />
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField
          label={t("fields.level")}
          name="level"
          required
          defaultValue="general"
          options={HAZARD_LEVELS.map((l) => ({ value: l, label: t(`levelLong.${l}`) }))}
        />
        {assignment ? null : (
          <SelectField
            label={t("fields.source")}
            name="source"
            required
            defaultValue="self_inspection"
            options={REPORTABLE_SOURCES.map((s) => ({ value: s, label: t(`source.${s}`) }))}
          />
        )}
        <TextField label={t("fields.foundOn")} name="foundOn" type="date" required defaultValue={today} />
        <TextField label={`${t("fields.industry")}${optional}`} name="industry" maxLength={50} />
      </div>
      <TextArea label={`${t("fields.interimMeasures")}${optional}`} name="interimMeasures" maxLength={2000} rows={2} />
      <FileField label={t("fields.beforePhotos")} name="photos" accept={PHOTO_ACCEPT} hint={t("form.photosHint")} />
    </HazardActionForm>
  );
}
