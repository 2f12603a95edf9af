import { getFormatter, getTranslations } from "next-intl/server";
import type { CampaignAssignment, PickerUnit, TaskSeries } from "@/db/queries/campaign-editor";
import { recurrenceOf, shanghaiDay } from "@/lib/campaign-series";
import { deleteTask, removeFigure, saveFigure, saveTask } from "@/app/(app)/campaigns/actions";
import { ActionForm } from "./action-form";
import { Field, inputClass } from "./form-styles";
import { AssignForm, AssignedList } from "./assign-panel";
import { TaskFields } from "./task-fields";

const chip = "rounded bg-slate-100 px-2 py-0.5 text-xs";
const panel = "rounded-lg bg-slate-50 ring-1 ring-slate-200";
const summary = "cursor-pointer select-none px-3 py-2 text-sm font-medium text-brand-700";

interface Props {
  series: TaskSeries;
  campaignId: string;
  activityId: string;
  phases: { id: string; name: string }[];
  units: PickerUnit[];
  assignments: CampaignAssignment[];
  canManage: boolean;
}

/** One task (a recurring series shown once): what it asks, who has it, and the leader's controls. */
export async function TaskCard({ series, campaignId, activityId, phases, units, assignments, canManage }: Props) {
  const t = await getTranslations();
  const format = await getFormatter();
  const day = (d: Date) => format.dateTime(d, { year: "numeric", month: "2-digit", day: "2-digit" });
  const first = series.instances[0];
  const last = series.instances[series.instances.length - 1];
  if (!first || !last) return null;
  const recurrence = series.recurrence ? recurrenceOf(series.recurrence, series.instances) : null;
  const byTask = (taskId: string) => assignments.filter((a) => a.taskId === taskId);
  const unitCount = new Set(series.instances.flatMap((i) => byTask(i.id).map((a) => a.unitId))).size;
  const phase = phases.find((p) => p.id === series.phaseId);

  return (
    <li className="space-y-2 py-3">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <h4 className="font-medium leading-snug">{series.title}</h4>
        <span className="shrink-0 text-xs text-slate-600">
          {t("campaigns.task.assignedCount", { units: unitCount, approved: series.counts.approved, total: series.counts.total })}
        </span>
      </div>
      <p className="text-sm text-slate-600">
        {recurrence
          ? t("campaigns.task.recurring", {
              freq: t(`campaigns.recurrence.${recurrence.freq}`),
              count: series.instances.length,
              from: day(first.deadline),
              to: day(last.deadline),
            })
          : t("campaigns.task.deadline", { date: day(first.deadline) })}
        {phase ? ` · ${phase.name}` : ""}
        {series.ownerUnitName ? ` · ${t("campaigns.task.owner", { unit: series.ownerUnitName })}` : ""}
        {series.ackLimitHours !== null ? ` · ${t("campaigns.task.ackLimit", { hours: series.ackLimitHours })}` : ""}
      </p>
      {series.description ? <p className="whitespace-pre-line text-sm text-slate-500">{series.description}</p> : null}
      <div className="flex flex-wrap gap-1">
        {series.applicableUnitKinds.map((k) => (
          <span key={k} className={`${chip} bg-brand-50 text-brand-700`}>
            {t(`unitKind.${k}`)}
          </span>
        ))}
        {series.evidenceRequired.map((e) => (
          <span key={e} className={chip}>
            {t.has(`evidence.${e}`) ? t(`evidence.${e}`) : e}
          </span>
        ))}
      </div>
      {series.figures.length > 0 ? (
        <ul aria-label={t("campaigns.figures.label")} className="space-y-1 text-sm">
          {series.figures.map((f) => (
            <li key={f.id} className="flex flex-wrap items-center gap-2">
              <span>
                {f.name}
                {f.target !== null ? ` · ${t("campaigns.figures.target", { target: f.target, unit: f.measureUnit })}` : ` (${f.measureUnit})`}
              </span>
            </li>
          ))}
        </ul>
      ) : null}

      <details className={panel}>
        <summary className={summary}>{t("campaigns.assign.title", { count: unitCount })}</summary>
        <div className="space-y-3 px-3 pb-3">
          {canManage ? (
            <AssignForm campaignId={campaignId} taskIds={series.instances.map((i) => i.id)} applicableKinds={series.applicableUnitKinds} units={units} />
          ) : null}
          {series.instances.length === 1 ? (
            <AssignedList rows={byTask(first.id)} units={units} canManage={canManage} />
          ) : (
            series.instances.map((instance) => (
              <details key={instance.id} className="rounded-lg bg-white ring-1 ring-slate-200">
                <summary className="cursor-pointer px-3 py-2 text-sm">
                  {instance.title} · {day(instance.deadline)} · {t("campaigns.task.unitsShort", { count: byTask(instance.id).length })}
                </summary>
                <div className="px-3 pb-3">
                  <AssignedList rows={byTask(instance.id)} units={units} canManage={canManage} />
                </div>
              </details>
            ))
          )}
        </div>
      </details>

      {canManage ? (
        <div className="flex flex-wrap gap-2">
          <details className={`${panel} w-full`}>
            <summary className={summary}>{t("campaigns.task.edit")}</summary>
            <div className="space-y-4 px-3 pb-3">
              <ActionForm action={saveTask} hidden={{ campaignId, activityId, taskId: first.id }} submitLabel={t("campaigns.save")}>
                <TaskFields
                  phases={phases}
                  units={units}
                  defaults={{
                    title: series.title,
                    description: series.description,
                    deadline: shanghaiDay(last.deadline),
                    phaseId: series.phaseId,
                    applicableUnitKinds: series.applicableUnitKinds,
                    evidenceRequired: series.evidenceRequired,
                    ownerUnitId: series.ownerUnitId,
                    recurrence: recurrence?.freq ?? "none",
                    recurFrom: recurrence?.from,
                    recurTo: recurrence?.to,
                    dayOfMonth: recurrence?.dayOfMonth,
                    ackLimitHours: series.ackLimitHours,
                  }}
                />
              </ActionForm>
              <fieldset className="space-y-2">
                <legend className="text-sm font-medium text-slate-700">{t("campaigns.figures.label")}</legend>
                {series.figures.map((f) => (
                  <div key={f.id} className="flex flex-wrap items-end gap-2">
                    <FigureForm taskId={first.id} figure={f} />
                    <ActionForm action={removeFigure} hidden={{ figureId: f.id }} submitLabel={t("campaigns.figures.remove")} variant="danger" className="" />
                  </div>
                ))}
                <FigureForm taskId={first.id} />
              </fieldset>
              <ActionForm
                action={deleteTask}
                hidden={{ taskId: first.id }}
                submitLabel={t("campaigns.task.delete")}
                variant="danger"
                confirm={t("campaigns.task.confirmDelete", { title: series.title })}
              />
            </div>
          </details>
        </div>
      ) : null}
    </li>
  );
}

/** Adds a figure, or edits one (name, measure unit, target) on every instance of the task. */
async function FigureForm({ taskId, figure }: { taskId: string; figure?: TaskSeries["figures"][number] }) {
  const t = await getTranslations("campaigns");
  return (
    <ActionForm
      action={saveFigure}
      hidden={figure ? { taskId, figureId: figure.id } : { taskId }}
      submitLabel={figure ? t("save") : t("figures.add")}
      variant={figure ? "secondary" : "primary"}
      resetOnSuccess={!figure}
      className="flex flex-wrap items-end gap-2"
    >
      <Field label={t("fields.figureName")}>
        <input name="name" required defaultValue={figure?.name} className={`${inputClass} w-36`} />
      </Field>
      <Field label={t("fields.measureUnit")}>
        <input name="measureUnit" required defaultValue={figure?.measureUnit} className={`${inputClass} w-20`} />
      </Field>
      <Field label={t("fields.target")}>
        <input type="number" name="target" min={0} step="any" defaultValue={figure?.target ?? ""} className={`${inputClass} w-28`} />
      </Field>
    </ActionForm>
  );
}
