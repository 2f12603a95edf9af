import { getFormatter, getTranslations } from "next-intl/server";
import { StatusChip } from "@/components/ui/status-chip";
import type { CampaignAssignment, PickerUnit } from "@/db/queries/campaign-editor";
import { shanghaiDay } from "@/lib/campaign-series";
import { UNIT_KINDS } from "@/lib/campaign-template";
import { displayState } from "@/lib/status";
import { assignUnits, reassignAssignment, setAssignmentDeadline, unassign } from "@/app/(app)/campaigns/actions";
import { ActionForm } from "./action-form";
import { Field, inputClass } from "./form-styles";

/** Assign the task (every instance of a series) to units by kind and/or picked units, with an optional deadline. */
export async function AssignForm({
  campaignId,
  taskIds,
  applicableKinds,
  units,
}: {
  campaignId: string;
  taskIds: string[];
  applicableKinds: readonly string[];
  units: PickerUnit[];
}) {
  const t = await getTranslations();
  return (
    <ActionForm action={assignUnits} hidden={{ campaignId }} submitLabel={t("campaigns.assign.submit")} resetOnSuccess>
      {taskIds.map((id) => (
        <input key={id} type="hidden" name="taskIds" value={id} />
      ))}
      <fieldset>
        <legend className="mb-1 text-sm font-medium text-slate-700">{t("campaigns.assign.byKind")}</legend>
        <div className="flex flex-wrap gap-x-4 gap-y-1">
          {UNIT_KINDS.map((kind) => (
            <label key={kind} className="flex min-h-8 items-center gap-1.5 text-sm">
              <input type="checkbox" name="unitKinds" value={kind} className="h-4 w-4" />
              {t(`unitKind.${kind}`)}
            </label>
          ))}
        </div>
        <p className="mt-1 text-xs text-slate-500">
          {t("campaigns.assign.applicable", { kinds: applicableKinds.map((k) => t(`unitKind.${k}`)).join("、") })}
        </p>
      </fieldset>
      <details className="rounded-lg ring-1 ring-slate-200">
        <summary className="cursor-pointer px-3 py-2 text-sm font-medium">{t("campaigns.assign.pickUnits")}</summary>
        <div className="max-h-64 space-y-2 overflow-y-auto px-3 pb-3">
          {UNIT_KINDS.filter((kind) => units.some((u) => u.kind === kind)).map((kind) => (
            <fieldset key={kind}>
              <legend className="text-xs font-medium text-slate-500">{t(`unitKind.${kind}`)}</legend>
              <div className="grid gap-x-4 sm:grid-cols-2">
                {units
                  .filter((u) => u.kind === kind)
                  .map((u) => (
                    <label key={u.id} className="flex min-h-8 items-center gap-1.5 text-sm">
                      <input type="checkbox" name="unitIds" value={u.id} className="h-4 w-4 shrink-0" />
                      <span className="truncate">{u.name}</span>
                    </label>
                  ))}
              </div>
            </fieldset>
          ))}
        </div>
      </details>
      <Field label={t("campaigns.assign.deadline")} hint={t("campaigns.assign.deadlineHint")}>
        <input type="date" name="deadline" className={`${inputClass} sm:w-48`} />
      </Field>
    </ActionForm>
  );
}

/** The units a task instance is assigned to, each with its deadline override, reassign and unassign. */
export async function AssignedList({
  rows,
  units,
  canManage,
}: {
  rows: CampaignAssignment[];
  units: PickerUnit[];
  canManage: boolean;
}) {
  const t = await getTranslations("campaigns.assigned");
  const format = await getFormatter();
  const now = new Date();
  if (rows.length === 0) return <p className="text-sm text-slate-500">{t("none")}</p>;
  const taken = new Set(rows.map((r) => r.unitId));
  const free = units.filter((u) => !taken.has(u.id));
  return (
    <ul aria-label={t("label")} className="divide-y divide-slate-100 rounded-lg ring-1 ring-slate-200">
      {rows.map((row) => (
        <li key={row.id} className="space-y-2 px-3 py-2 text-sm">
          <div className="flex flex-wrap items-center gap-2">
            <span className="font-medium">{row.unitName}</span>
            <StatusChip state={displayState(row.status, row.deadline, now)} />
            <span className="text-xs text-slate-500">
              {t("deadline", { date: format.dateTime(row.deadline, { year: "numeric", month: "2-digit", day: "2-digit" }) })}
              {row.deadlineOverride ? ` · ${t("overridden")}` : ""}
            </span>
          </div>
          {canManage ? (
            <div className="flex flex-wrap items-end gap-2">
              <ActionForm action={setAssignmentDeadline} hidden={{ assignmentId: row.id }} submitLabel={t("saveDeadline")} variant="secondary" className="flex items-end gap-2">
                <input
                  type="date"
                  name="deadline"
                  aria-label={t("deadlineFor", { unit: row.unitName })}
                  defaultValue={row.deadlineOverride ? shanghaiDay(row.deadlineOverride) : ""}
                  className={`${inputClass} w-40`}
                />
              </ActionForm>
              {row.status === "pending" ? (
                <>
                  <ActionForm action={reassignAssignment} hidden={{ assignmentId: row.id }} submitLabel={t("reassign")} variant="secondary" className="flex items-end gap-2">
                    <select name="unitId" required aria-label={t("reassignTo", { unit: row.unitName })} className={`${inputClass} w-44`}>
                      <option value="">{t("pickUnit")}</option>
                      {free.map((u) => (
                        <option key={u.id} value={u.id}>
                          {u.name}
                        </option>
                      ))}
                    </select>
                  </ActionForm>
                  <ActionForm action={unassign} hidden={{ assignmentId: row.id }} submitLabel={t("unassign")} variant="danger" confirm={t("confirmUnassign", { unit: row.unitName })} className="" />
                </>
              ) : null}
            </div>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
