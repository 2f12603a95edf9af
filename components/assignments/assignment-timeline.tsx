import { getFormatter, getTranslations } from "next-intl/server";
import type { AssignmentDetail } from "@/db/queries/assignments";
import { EvidenceList } from "@/components/evidence/evidence-list";
import { StatusChip } from "@/components/ui/status-chip";

/** Submissions (with their figures, evidence and return reasons) and the status history of one assignment. */
export async function AssignmentTimeline({ detail }: { detail: AssignmentDetail }) {
  const t = await getTranslations("assignment");
  const ts = await getTranslations("submit.timeline");
  const format = await getFormatter();
  const when = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short" });
  return (
    <>
      <section className="rounded-2xl bg-white p-5 ring-1 ring-slate-200">
        <h2 className="font-semibold">{t("submissions")}</h2>
        {detail.submissions.length === 0 ? (
          <p className="mt-2 text-sm text-slate-500">{t("noSubmissions")}</p>
        ) : (
          <ol className="mt-3 space-y-3">
            {[...detail.submissions].reverse().map((s) => (
              <li key={s.id} className="rounded-xl bg-slate-50 p-3 text-sm">
                <div className="flex items-center justify-between gap-2">
                  <span className="min-w-0 text-slate-500">
                    <time>{when(s.submittedAt)}</time>
                    {s.submittedByName ? <span> · {ts("submittedBy", { name: s.submittedByName })}</span> : null}
                  </span>
                  {s.decision ? <StatusChip state={s.decision} /> : <StatusChip state="submitted" />}
                </div>
                {s.note ? <p className="mt-2 whitespace-pre-line">{s.note}</p> : null}
                {s.figureValues.length > 0 ? (
                  <ul className="mt-2 flex flex-wrap gap-2" aria-label={ts("figures")}>
                    {s.figureValues.map((v) => (
                      <li key={v.id} className="rounded-lg bg-white px-2 py-1 ring-1 ring-slate-200">
                        {ts("figureValue", { name: v.name, value: format.number(v.value), unit: v.measureUnit })}
                      </li>
                    ))}
                  </ul>
                ) : null}
                <EvidenceList files={s.files} />
                {s.returnReason ? (
                  <p className="mt-2 rounded-lg bg-orange-50 px-3 py-2 text-orange-900">
                    {t("returnReason")}：{s.returnReason}
                  </p>
                ) : null}
              </li>
            ))}
          </ol>
        )}
      </section>
      <section className="rounded-2xl bg-white p-5 ring-1 ring-slate-200">
        <h2 className="font-semibold">{t("timeline")}</h2>
        {detail.events.length === 0 ? (
          <p className="mt-2 text-sm text-slate-500">{t("noTimeline")}</p>
        ) : (
          <ol className="mt-3 space-y-3 border-l-2 border-slate-200 pl-4 text-sm">
            {detail.events.map((e) => (
              <li key={e.id} className="relative">
                <span aria-hidden className="absolute -left-[1.4rem] top-1.5 h-2.5 w-2.5 rounded-full bg-slate-300 ring-2 ring-white" />
                <div className="flex flex-wrap items-center gap-2">
                  <StatusChip state={e.toStatus} />
                  <span className="text-slate-600">{e.actorName ?? ""}</span>
                  <time className="text-slate-400">{when(e.createdAt)}</time>
                </div>
                {e.reason ? <p className="mt-1 text-slate-700">{e.reason}</p> : null}
              </li>
            ))}
          </ol>
        )}
      </section>
    </>
  );
}
