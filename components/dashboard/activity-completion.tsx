import { getFormatter, getTranslations } from "next-intl/server";
import type { FigureTotal } from "@/lib/completion";
import { percent } from "./status-summary";

interface UnitDone {
  unitId: string;
  name: string;
  href: string;
  total: number;
  approved: number;
  overdue: number;
}

/** One activity's completion card. */
export async function ActivityCompletion({
  activity,
  done,
  notDone,
  figures,
  hazards,
  kindFiltered,
}: {
  activity: { id: string; code: string | null; title: string };
  done: UnitDone[];
  notDone: UnitDone[];
  figures: FigureTotal[];
  hazards: { unitId: string; unitName: string; general: number; major: number }[];
  kindFiltered: boolean;
}) {
  const t = await getTranslations("dashboard.views");
  const format = await getFormatter();
  const units = done.length + notDone.length;
  const found = hazards.reduce((n, h) => n + h.general + h.major, 0);
  const major = hazards.reduce((n, h) => n + h.major, 0);
  const number = (n: number) => format.number(n, { maximumFractionDigits: 2 });

  return (
    <article aria-label={activity.title} className="min-w-0 rounded-xl bg-white p-4 ring-1 ring-slate-200">
      <h3 className="font-medium leading-snug">
        {activity.code ? <span className="mr-1 text-slate-400">{activity.code}</span> : null}
        {activity.title}
      </h3>
      <div className="mt-2 flex items-center gap-2 text-sm">
        <div className="h-2 flex-1 overflow-hidden rounded-full bg-slate-100">
          <div className="h-full bg-emerald-500" style={{ width: `${percent(done.length, units)}%` }} />
        </div>
        <span className="whitespace-nowrap tabular-nums text-slate-600">{t("unitsDone", { done: done.length, total: units })}</span>
      </div>

      {figures.length > 0 ? (
        <ul className="mt-3 space-y-2 text-sm">
          {figures.map((f) => (
            <li key={f.key}>
              <div className="flex items-baseline justify-between gap-2">
                <span className="min-w-0">
                  <span className="font-medium">{f.name}</span>
                  <span className="block truncate text-xs text-slate-400" title={f.taskTitle}>
                    {f.taskTitle}
                  </span>
                </span>
                <span className="whitespace-nowrap tabular-nums">
                  {number(f.reported)}
                  {f.target !== null ? <span className="text-slate-400"> / {number(f.target)}</span> : null} {f.measureUnit}
                </span>
              </div>
              {f.target ? (
                <div className="mt-1 h-1.5 overflow-hidden rounded-full bg-slate-100">
                  <div className="h-full bg-brand-600" style={{ width: `${Math.min(100, percent(f.reported, f.target))}%` }} />
                </div>
              ) : null}
            </li>
          ))}
          {kindFiltered ? <li className="text-xs text-slate-400">{t("targetNote")}</li> : null}
        </ul>
      ) : null}

      {found > 0 ? (
        <div className="mt-3 rounded-lg bg-orange-50 p-2.5 text-sm">
          <p className="font-medium text-orange-900">{t("hazardsFound", { count: found, major })}</p>
          <ul className="mt-1 flex flex-wrap gap-x-3 gap-y-0.5 text-xs text-orange-900/80">
            {hazards.map((h) => (
              <li key={h.unitId}>
                {h.unitName} {h.general + h.major}
                {h.major ? <span className="font-semibold text-red-700">（{t("major", { count: h.major })}）</span> : null}
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      <UnitList summary={t("notDone", { count: notDone.length })} units={notDone} open />
      <UnitList summary={t("done", { count: done.length })} units={done} />
    </article>
  );
}

async function UnitList({ summary, units, open = false }: { summary: string; units: UnitDone[]; open?: boolean }) {
  const t = await getTranslations("dashboard.views");
  if (units.length === 0) return null;
  return (
    <details open={open} className="mt-3 text-sm">
      <summary className="cursor-pointer py-1 text-slate-600">{summary}</summary>
      <ul className="mt-1 flex flex-wrap gap-1.5">
        {units.map((u) => (
          <li key={u.unitId}>
            {/* Plain <a>: up to 200 units per activity, client links would weigh down the page. */}
            <a
              href={u.href}
              className={`inline-flex min-h-8 items-center rounded-full px-2.5 text-xs ring-1 ${
                u.overdue ? "bg-red-50 text-red-800 ring-red-200" : "bg-slate-50 text-slate-700 ring-slate-200"
              }`}
            >
              {u.name}
              <span className="ml-1 tabular-nums opacity-70">
                {u.approved}/{u.total}
              </span>
              {u.overdue ? <span className="sr-only">{t("hasOverdue")}</span> : null}
            </a>
          </li>
        ))}
      </ul>
    </details>
  );
}
