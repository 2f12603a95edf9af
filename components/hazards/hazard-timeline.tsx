import { useFormatter, useTranslations } from "next-intl";
import type { HazardDetail } from "@/db/queries/hazards";

const KNOWN = new Set(["report", "assign", "update", "rectify", "close", "fail_reinspection", "upload_plan"]);

/** The hazard's history, read from its audit rows: who did what, when, and the reason or note given. */
export function HazardTimeline({ events }: { events: HazardDetail["timeline"] }) {
  const t = useTranslations("hazards.timeline");
  const format = useFormatter();
  return (
    <section className="rounded-2xl bg-white p-5 ring-1 ring-slate-200">
      <h2 className="text-base font-semibold">{t("title")}</h2>
      {events.length === 0 ? (
        <p className="mt-2 text-sm text-slate-500">{t("empty")}</p>
      ) : (
        <ol className="mt-3 space-y-3 border-l-2 border-slate-200 pl-4">
          {events.map((e) => {
            const kind = e.action.replace(/^hazard\./, "");
            return (
              <li key={e.id} className="relative text-sm">
                <span className="absolute -left-[1.4rem] top-1.5 h-2.5 w-2.5 rounded-full bg-brand-600" aria-hidden />
                <p>
                  <span className={`font-medium ${kind === "fail_reinspection" ? "text-red-700" : ""}`}>
                    {KNOWN.has(kind) ? t(kind) : e.action}
                  </span>
                  <span className="ml-2 text-slate-500">
                    {e.actorName ?? t("system")} · {format.dateTime(e.createdAt, { dateStyle: "medium", timeStyle: "short" })}
                  </span>
                </p>
                {e.reason ? <p className="mt-0.5 whitespace-pre-line text-slate-700">{e.reason}</p> : null}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
