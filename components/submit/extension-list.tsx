import { getFormatter, getTranslations } from "next-intl/server";
import type { AssignmentDetail } from "@/db/queries/assignments";

const STATUS_STYLES = {
  pending: "bg-amber-50 text-amber-800 ring-amber-200",
  approved: "bg-emerald-50 text-emerald-700 ring-emerald-200",
  denied: "bg-slate-100 text-slate-700 ring-slate-200",
} as const;

/** The assignment's extension requests, newest first, with the leader's decision once there is one. */
export async function ExtensionList({ requests }: { requests: AssignmentDetail["extensionRequests"] }) {
  const t = await getTranslations("submit.extension");
  const format = await getFormatter();
  const day = (d: Date) => format.dateTime(d, { year: "numeric", month: "2-digit", day: "2-digit" });
  if (requests.length === 0) return null;
  return (
    <section className="rounded-2xl bg-white p-5 ring-1 ring-slate-200">
      <h2 className="font-semibold">{t("title")}</h2>
      <ul className="mt-3 space-y-3">
        {requests.map((r) => (
          <li key={r.id} className="rounded-xl bg-slate-50 p-3 text-sm">
            <div className="flex items-center justify-between gap-2">
              <span className="font-medium">{t("requested", { date: day(r.requestedDeadline) })}</span>
              <span className={`rounded-full px-2 py-0.5 text-xs font-medium ring-1 ${STATUS_STYLES[r.status]}`}>
                {t(`status.${r.status}`)}
              </span>
            </div>
            <p className="mt-1 whitespace-pre-line text-slate-700">{r.reason}</p>
            <p className="mt-1 text-xs text-slate-400">
              {t("requestedAt", { time: format.dateTime(r.createdAt, { dateStyle: "medium", timeStyle: "short" }) })}
            </p>
            {r.grantedDeadline ? (
              <p className="mt-2 text-emerald-700">{t("granted", { date: day(r.grantedDeadline) })}</p>
            ) : null}
            {r.decisionReason ? <p className="mt-1 text-slate-700">{t("decision", { reason: r.decisionReason })}</p> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
