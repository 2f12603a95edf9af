import { getTranslations } from "next-intl/server";
import type { CampaignEditor } from "@/db/queries/campaign-editor";
import { changeCampaignStatus, cloneCampaign, updateCampaign } from "@/app/(app)/campaigns/actions";
import { ActionForm } from "./action-form";
import { Field, buttonClass, inputClass } from "./form-styles";
import { CampaignFields } from "./campaign-fields";
import { CampaignStatusBadge } from "./campaign-status-badge";

const NEXT_STATUS = { draft: "active", active: "closed", closed: "active" } as const;
const summary = "cursor-pointer select-none px-3 py-2 text-sm font-medium text-brand-700";

/** Name, status, period and the campaign-wide controls: status, edit, export, clone. */
export async function CampaignHeader({ editor, canManage }: { editor: CampaignEditor; canManage: boolean }) {
  const t = await getTranslations("campaigns");
  const { campaign, counts } = editor;
  const next = NEXT_STATUS[campaign.status];
  return (
    <section className="space-y-3 rounded-xl bg-white p-4 ring-1 ring-slate-200 sm:p-5">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <div className="flex flex-wrap items-center gap-2">
            <h1 className="text-xl font-semibold leading-snug">{campaign.name}</h1>
            <CampaignStatusBadge status={campaign.status} />
          </div>
          <p className="mt-1 text-sm text-slate-500">
            {campaign.startsOn} – {campaign.endsOn}
            {campaign.theme ? ` · ${campaign.theme}` : ""}
          </p>
          <p className="mt-1 text-sm text-slate-600">
            {t("detail.summary", {
              activities: editor.activities.length,
              tasks: editor.activities.reduce((n, a) => n + a.tasks.length, 0),
              assignments: counts.total,
              approved: counts.approved,
            })}
          </p>
        </div>
        <div className="flex flex-wrap gap-2">
          <a href={`/api/campaigns/${campaign.id}/template`} download className={buttonClass("secondary")}>
            {t("detail.export")}
          </a>
          {canManage ? (
            <ActionForm
              action={changeCampaignStatus}
              hidden={{ campaignId: campaign.id, status: next }}
              submitLabel={t(`detail.to.${campaign.status}`)}
              confirm={t(`detail.confirm.${campaign.status}`)}
              className=""
            />
          ) : null}
        </div>
      </div>
      {campaign.noticeTitle ? <p className="text-sm font-medium">{campaign.noticeTitle}</p> : null}
      {campaign.noticeText ? (
        <details className="rounded-lg ring-1 ring-slate-200">
          <summary className={summary}>{t("detail.notice")}</summary>
          <p className="whitespace-pre-line px-3 pb-3 text-sm leading-relaxed text-slate-700">{campaign.noticeText}</p>
        </details>
      ) : null}
      {canManage ? (
        <div className="grid gap-2 lg:grid-cols-2">
          <details className="rounded-lg ring-1 ring-slate-200">
            <summary className={summary}>{t("detail.edit")}</summary>
            <div className="px-3 pb-3">
              <ActionForm action={updateCampaign} hidden={{ campaignId: campaign.id }} submitLabel={t("save")}>
                <CampaignFields defaults={campaign} />
              </ActionForm>
            </div>
          </details>
          <details className="rounded-lg ring-1 ring-slate-200">
            <summary className={summary}>{t("detail.clone")}</summary>
            <div className="px-3 pb-3">
              <ActionForm action={cloneCampaign} hidden={{ campaignId: campaign.id }} redirectTo="/campaigns/{id}" submitLabel={t("detail.cloneSubmit")}>
                <p className="text-sm text-slate-500">{t("detail.cloneHint")}</p>
                <div className="flex flex-wrap items-end gap-4">
                  <Field label={t("new.year")}>
                    <input type="number" name="year" required min={2000} max={2100} defaultValue={Number(campaign.startsOn.slice(0, 4)) + 1} className={`${inputClass} w-32`} />
                  </Field>
                  <label className="flex min-h-10 items-center gap-2 text-sm">
                    <input type="checkbox" name="assignByKinds" className="h-4 w-4" />
                    {t("new.assignByKinds")}
                  </label>
                </div>
              </ActionForm>
            </div>
          </details>
        </div>
      ) : null}
    </section>
  );
}
