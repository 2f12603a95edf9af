import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { percent } from "@/components/dashboard/status-summary";
import { DownloadLink } from "@/components/reports/download-link";
import type { QueryContext } from "@/db/queries/context";
import { liaisonHome } from "@/db/queries/liaison-home";

/**
 * The top of a liaison's home (/tasks): their unit's progress in each active
 * campaign, work sent back first with the reviewer's reason, then the oldest
 * overdue work and the next deadlines ahead. Renders nothing for members without a unit.
 */
export async function LiaisonSummary({ ctx, now = new Date() }: { ctx: QueryContext; now?: Date }) {
  if (ctx.role !== "liaison" || !ctx.unitId) return null;
  const [home, t, format] = await Promise.all([liaisonHome(ctx, now), getTranslations("dashboard.home"), getFormatter()]);
  const day = (d: Date) => format.dateTime(d, { month: "numeric", day: "numeric", weekday: "short" });

  return (
    <div className="space-y-3">
      {home.returned.length > 0 ? (
        <section aria-labelledby="home-returned" className="rounded-2xl bg-orange-50 p-4 ring-1 ring-orange-200">
          <h2 id="home-returned" className="font-semibold text-orange-900">
            {t("returned", { count: home.returned.length })}
          </h2>
          <ul className="mt-2 space-y-2">
            {home.returned.map((r) => (
              <li key={r.id}>
                <Link href={`/tasks/${r.id}`} className="block rounded-xl bg-white p-3 ring-1 ring-orange-200 active:bg-orange-50">
                  <span className="block font-medium leading-snug">{r.taskTitle}</span>
                  {r.reason ? <span className="mt-1 block text-sm text-orange-900">{t("reason", { reason: r.reason })}</span> : null}
                  <span className="mt-1 block text-xs text-slate-500">
                    {t("deadline", { day: day(r.deadline) })} · {t("fix")} →
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {home.overdue.length > 0 ? (
        <DeadlineList id="home-overdue" title={t("overdueTitle")} items={home.overdue} day={day} overdue />
      ) : null}
      <DeadlineList id="home-next" title={t("next")} items={home.next} day={day} empty={t("nothingDue")} />

      <section aria-labelledby="home-progress" className="rounded-2xl bg-white p-4 ring-1 ring-slate-200">
        <h2 id="home-progress" className="font-semibold">
          {t("progress")}
        </h2>
        <ul className="mt-2 space-y-3">
          {home.progress.map((p) => (
            <li key={p.campaignId}>
              <div className="flex items-baseline justify-between gap-2 text-sm">
                <span className="min-w-0 truncate">{p.campaignName}</span>
                <span className="shrink-0 tabular-nums text-slate-600">
                  {p.approved}/{p.total}
                </span>
              </div>
              <div
                role="progressbar"
                aria-label={p.campaignName}
                aria-valuemin={0}
                aria-valuemax={100}
                aria-valuenow={percent(p.approved, p.total)}
                className="mt-1 h-2.5 overflow-hidden rounded-full bg-slate-100"
              >
                <div className="h-full bg-emerald-500" style={{ width: `${percent(p.approved, p.total)}%` }} />
              </div>
              <DownloadLink
                href={`/api/exports/campaigns/${p.campaignId}/units/${ctx.unitId}/ledger`}
                className="mt-1 inline-block text-xs text-brand-700 underline-offset-2 hover:underline"
              >
                {t("ledger")}
              </DownloadLink>
              {p.overdue || p.submitted ? (
                <p className="mt-1 text-xs text-slate-500">
                  {p.overdue ? <span className="font-medium text-red-700">{t("overdue", { count: p.overdue })}</span> : null}
                  {p.overdue && p.submitted ? " · " : null}
                  {p.submitted ? t("inReview", { count: p.submitted }) : null}
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}

function DeadlineList({
  id,
  title,
  items,
  day,
  overdue = false,
  empty,
}: {
  id: string;
  title: string;
  items: { id: string; taskTitle: string; deadline: Date }[];
  day: (d: Date) => string;
  overdue?: boolean;
  empty?: string;
}) {
  return (
    <section
      aria-labelledby={id}
      className={`rounded-2xl p-4 ring-1 ${overdue ? "bg-red-50 ring-red-200" : "bg-white ring-slate-200"}`}
    >
      <h2 id={id} className={`font-semibold ${overdue ? "text-red-800" : ""}`}>
        {title}
      </h2>
      {items.length === 0 ? (
        <p className="mt-2 text-sm text-slate-500">{empty}</p>
      ) : (
        <ul className={`mt-1 divide-y ${overdue ? "divide-red-100" : "divide-slate-100"}`}>
          {items.map((n) => (
            <li key={n.id}>
              <Link href={`/tasks/${n.id}`} className="flex min-h-12 items-center gap-3 py-2.5">
                <span className={`w-20 shrink-0 text-sm tabular-nums ${overdue ? "font-semibold text-red-700" : "text-slate-600"}`}>
                  {day(n.deadline)}
                </span>
                <span className="min-w-0 flex-1 text-sm leading-snug">{n.taskTitle}</span>
                <span aria-hidden="true" className="text-slate-300">
                  ›
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
