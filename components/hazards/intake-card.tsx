import { useFormatter, useTranslations } from "next-intl";
import type { ActionResult } from "@/lib/auth/action-core";
import { HAZARD_LEVELS } from "@/lib/hazard-status";
import { SelectField, TextArea, TextField } from "./form-fields";
import { HazardActionForm } from "./hazard-action-form";
import { HazardFiles } from "./hazard-files";

type Action = (input: FormData) => Promise<ActionResult<unknown>>;

export interface IntakeReport {
  id: string;
  followUpCode: string;
  description: string;
  location: string;
  contact: string | null;
  status: "received" | "accepted" | "dismissed";
  publicReply: string | null;
  hazardId: string | null;
  hazardNumber: string | null;
  decidedByName: string | null;
  createdAt: Date;
  photos: { id: string; originalName: string; mimeType: string }[];
}

/** One public report: what was reported, and (while waiting) accept-into-a-hazard or dismiss-with-a-reason. */
export function IntakeCard({
  report,
  units,
  accept,
  dismiss,
}: {
  report: IntakeReport;
  units: { id: string; name: string }[];
  accept: Action | null;
  dismiss: Action | null;
}) {
  const t = useTranslations("hazards");
  const format = useFormatter();
  return (
    <article className="rounded-2xl bg-white p-5 ring-1 ring-slate-200">
      <p className="text-xs text-slate-500">
        {t("intake.receivedAt", { time: format.dateTime(report.createdAt, { dateStyle: "medium", timeStyle: "short" }) })} ·{" "}
        {t("intake.code", { code: report.followUpCode })}
      </p>
      <p className="mt-2 whitespace-pre-line leading-relaxed">{report.description}</p>
      <p className="mt-1 text-sm text-slate-600">
        {t("fields.location")}：{report.location}
      </p>
      <p className="mt-1 text-sm text-slate-600">{report.contact ? t("intake.contact", { contact: report.contact }) : t("intake.noContact")}</p>
      <div className="mt-3">
        <HazardFiles title="" files={report.photos.map((p) => ({ ...p, sizeBytes: 0 }))} />
      </div>
      {report.status === "accepted" ? (
        <p className="mt-3 text-sm text-emerald-700">
          {report.hazardId ? (
            <a href={`/hazards/${report.hazardId}`} className="underline">
              {t("intake.accepted", { number: report.hazardNumber ?? "" })}
            </a>
          ) : null}
          {report.decidedByName ? ` · ${report.decidedByName}` : ""}
        </p>
      ) : null}
      {report.status === "dismissed" ? (
        <p className="mt-3 text-sm text-slate-600">
          {t("intake.dismissed")}：{report.publicReply}
          {report.decidedByName ? ` · ${report.decidedByName}` : ""}
        </p>
      ) : null}
      {report.status === "received" && accept && dismiss ? (
        <div className="mt-4 grid gap-4 border-t border-slate-100 pt-4 md:grid-cols-2">
          <details className="rounded-xl bg-slate-50 p-4" open>
            <summary className="cursor-pointer font-medium">{t("intake.acceptTitle")}</summary>
            <HazardActionForm action={accept} submitLabel={t("intake.accept")} className="mt-3">
              <input type="hidden" name="reportId" value={report.id} />
              <SelectField
                label={t("fields.unit")}
                name="unitId"
                required
                placeholder={t("form.unitPlaceholder")}
                options={units.map((u) => ({ value: u.id, label: u.name }))}
              />
              <TextField label={t("fields.title")} name="title" required maxLength={100} defaultValue={report.description.slice(0, 40)} />
              <SelectField
                label={t("fields.level")}
                name="level"
                required
                defaultValue="general"
                options={HAZARD_LEVELS.map((l) => ({ value: l, label: t(`levelLong.${l}`) }))}
              />
              <TextArea label={t("intake.replyLabel")} name="publicReply" required maxLength={500} rows={2} defaultValue={t("intake.replyDefault")} />
            </HazardActionForm>
          </details>
          <details className="rounded-xl bg-slate-50 p-4">
            <summary className="cursor-pointer font-medium">{t("intake.dismissTitle")}</summary>
            <HazardActionForm action={dismiss} submitLabel={t("intake.dismiss")} tone="danger" className="mt-3">
              <input type="hidden" name="reportId" value={report.id} />
              <TextArea label={t("intake.dismissReason")} name="reason" required maxLength={500} rows={3} />
            </HazardActionForm>
          </details>
        </div>
      ) : null}
    </article>
  );
}
