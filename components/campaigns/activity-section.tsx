import { getTranslations } from "next-intl/server";
import type { CampaignAssignment, EditorActivity, PickerUnit, SupervisorCandidate } from "@/db/queries/campaign-editor";
import { deleteActivity, saveActivity, saveTask } from "@/app/(app)/campaigns/actions";
import { ActionForm } from "./action-form";
import { Field, inputClass } from "./form-styles";
import { TaskCard } from "./task-card";
import { TaskFields } from "./task-fields";

const summary = "cursor-pointer select-none px-3 py-2 text-sm font-medium text-brand-700";

/** The fields of an activity: a heading of the notice, optionally grouped (专题 / 专项 …) and numbered, and its 分管领导. */
export async function ActivityFields({ activity, supervisors }: { activity?: EditorActivity; supervisors: SupervisorCandidate[] }) {
  const t = await getTranslations("campaigns.fields");
  const tc = await getTranslations("campaigns");
  return (
    <div className="grid gap-3 sm:grid-cols-4">
      <Field label={t("grouping")}>
        <input name="grouping" defaultValue={activity?.grouping ?? ""} placeholder="专项" className={inputClass} />
      </Field>
      <Field label={t("code")}>
        <input name="code" defaultValue={activity?.code ?? ""} placeholder="（一）" className={inputClass} />
      </Field>
      <div className="sm:col-span-2">
        <Field label={t("activityTitle")}>
          <input name="title" required defaultValue={activity?.title} className={inputClass} />
        </Field>
      </div>
      <div className="sm:col-span-4">
        <Field label={t("description")}>
          <textarea name="description" rows={2} defaultValue={activity?.description ?? ""} className={inputClass} />
        </Field>
      </div>
      <div className="sm:col-span-2">
        <Field label={t("supervisorUserId")}>
          <select name="supervisorUserId" defaultValue={activity?.supervisorUserId ?? ""} className={inputClass}>
            <option value="">{tc("noSupervisor")}</option>
            {supervisors.map((s) => (
              <option key={s.id} value={s.id}>
                {s.displayName}
              </option>
            ))}
          </select>
        </Field>
      </div>
    </div>
  );
}

interface Props {
  activity: EditorActivity;
  campaignId: string;
  phases: { id: string; name: string }[];
  units: PickerUnit[];
  assignments: CampaignAssignment[];
  supervisors: SupervisorCandidate[];
  canManage: boolean;
}

/** One activity with its tasks; managers edit it, add tasks, or delete it while nothing was submitted. */
export async function ActivitySection({ activity, campaignId, phases, units, assignments, supervisors, canManage }: Props) {
  const t = await getTranslations("campaigns");
  const supervisor = supervisors.find((s) => s.id === activity.supervisorUserId);
  return (
    <section aria-label={activity.title} className="rounded-xl bg-white p-4 ring-1 ring-slate-200">
      <h3 className="font-semibold leading-snug">
        {activity.code ? <span className="mr-1 text-slate-500">{activity.code}</span> : null}
        {activity.title}
      </h3>
      {activity.description ? <p className="mt-1 whitespace-pre-line text-sm text-slate-500">{activity.description}</p> : null}
      {supervisor ? <p className="mt-1 text-sm text-slate-600">{t("activity.supervisor", { name: supervisor.displayName })}</p> : null}
      {activity.tasks.length === 0 ? (
        <p className="mt-2 text-sm text-slate-500">{t("task.none")}</p>
      ) : (
        <ul aria-label={t("task.listLabel", { activity: activity.title })} className="divide-y divide-slate-100">
          {activity.tasks.map((series) => (
            <TaskCard
              key={series.key}
              series={series}
              campaignId={campaignId}
              activityId={activity.id}
              phases={phases}
              units={units}
              assignments={assignments}
              canManage={canManage}
            />
          ))}
        </ul>
      )}
      {canManage ? (
        <div className="mt-3 space-y-2">
          <details className="rounded-lg ring-1 ring-slate-200">
            <summary className={summary}>{t("task.add")}</summary>
            <div className="px-3 pb-3">
              <ActionForm action={saveTask} hidden={{ campaignId, activityId: activity.id }} submitLabel={t("task.add")} resetOnSuccess>
                <TaskFields phases={phases} units={units} />
              </ActionForm>
            </div>
          </details>
          <details className="rounded-lg ring-1 ring-slate-200">
            <summary className={summary}>{t("activity.edit")}</summary>
            <div className="space-y-3 px-3 pb-3">
              <ActionForm action={saveActivity} hidden={{ campaignId, activityId: activity.id }} submitLabel={t("save")}>
                <ActivityFields activity={activity} supervisors={supervisors} />
              </ActionForm>
              <ActionForm
                action={deleteActivity}
                hidden={{ activityId: activity.id }}
                submitLabel={t("activity.delete")}
                variant="danger"
                confirm={t("activity.confirmDelete", { title: activity.title })}
              />
            </div>
          </details>
        </div>
      ) : null}
    </section>
  );
}
