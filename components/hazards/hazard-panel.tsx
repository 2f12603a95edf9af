import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { QueryContext } from "@/db/queries/context";
import { hazardPanelCounts, openMajorHazards } from "@/db/queries/hazard-panel";
import { hazardDisplayState } from "@/lib/hazard-status";
import { HazardStatusChip } from "./hazard-badges";

const COLUMNS = ["reported", "rectifying", "rectified", "overdue", "closed"] as const;
const COLUMN_LABEL = { reported: "open", rectifying: "rectifying", rectified: "rectified", overdue: "overdue", closed: "closed" } as const;
const COLUMN_FILTER = {
  reported: "status=reported",
  rectifying: "status=rectifying",
  rectified: "status=rectified",
  overdue: "overdue=1",
  closed: "status=verified",
} as const;

/**
 * The dashboard's hazard panel: counts by level and by unit, each a link into
 * the filtered register, and every 重大 hazard not yet closed listed on top.
 */
export async function HazardPanel({ ctx, now = new Date() }: { ctx: QueryContext; now?: Date }) {
  const t = await getTranslations("hazards");
  const [counts, major] = await Promise.all([hazardPanelCounts(ctx, now), openMajorHazards(ctx, now)]);
  const cell = (n: number, href: string, red = false) =>
    n === 0 ? (
      <span className="text-slate-300">0</span>
    ) : (
      <Link href={href} className={`font-medium underline-offset-2 hover:underline ${red ? "text-red-700" : "text-slate-900"}`}>
        {n}
      </Link>
    );

  return (
    <section className="space-y-4 rounded-xl bg-white p-4 ring-1 ring-slate-200">
      <div className="flex items-center justify-between gap-2">
        <h2 className="font-semibold">{t("panel.title")}</h2>
        <Link href="/hazards" className="text-sm text-brand-700">
          {t("panel.all")}
        </Link>
      </div>
      <div>
        <h3 className="text-sm font-medium text-red-700">{t("panel.majorOpen")}</h3>
        {major.length === 0 ? (
          <p className="mt-1 text-sm text-slate-500">{t("panel.noMajor")}</p>
        ) : (
          <ul className="mt-2 space-y-2">
            {major.map((h) => (
              <li key={h.id}>
                <Link href={`/hazards/${h.id}`} className="block rounded-lg bg-red-50 px-3 py-2 ring-1 ring-red-200 hover:ring-red-400">
                  <span className="flex items-start justify-between gap-2">
                    <span className="text-sm font-medium leading-snug">{h.title}</span>
                    <HazardStatusChip state={hazardDisplayState(h.status, h.rectificationDeadline, now)} />
                  </span>
                  <span className="mt-0.5 block text-xs text-slate-600">
                    {h.number} · {h.unitName}
                    {h.rectificationDeadline ? ` · ${t("deadlineOn", { date: h.rectificationDeadline })}` : ""}
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </div>
      <div className="overflow-x-auto">
        <table className="w-full min-w-[22rem] text-sm">
          <caption className="sr-only">{t("panel.byLevel")}</caption>
          <thead>
            <tr className="text-left text-xs text-slate-500">
              <th className="py-1 pr-2 font-normal">{t("panel.byLevel")}</th>
              {COLUMNS.map((c) => (
                <th key={c} className="px-1 py-1 text-right font-normal">
                  {t(`panel.${COLUMN_LABEL[c]}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {(["major", "general"] as const).map((level) => (
              <tr key={level} className="border-t border-slate-100">
                <th scope="row" className="py-1.5 pr-2 text-left font-normal">
                  {t(`levelLong.${level}`)}
                </th>
                {COLUMNS.map((c) => (
                  <td key={c} className="px-1 py-1.5 text-right">
                    {cell(counts[level][c], `/hazards?level=${level}&${COLUMN_FILTER[c]}`, c === "overdue")}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {counts.units.length > 0 ? (
        <div className="overflow-x-auto">
          <table className="w-full min-w-[22rem] text-sm">
            <caption className="sr-only">{t("panel.byUnit")}</caption>
            <thead>
              <tr className="text-left text-xs text-slate-500">
                <th className="py-1 pr-2 font-normal">{t("panel.unit")}</th>
                {COLUMNS.map((c) => (
                  <th key={c} className="px-1 py-1 text-right font-normal">
                    {t(`panel.${COLUMN_LABEL[c]}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {counts.units.map((u) => (
                <tr key={u.unitId} className="border-t border-slate-100">
                  <th scope="row" className="max-w-[10rem] truncate py-1.5 pr-2 text-left font-normal">
                    {u.unitName}
                  </th>
                  {COLUMNS.map((c) => (
                    <td key={c} className="px-1 py-1.5 text-right">
                      {cell(u[c], `/hazards?unit=${u.unitId}&${COLUMN_FILTER[c]}`, c === "overdue")}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="text-sm text-slate-500">{t("panel.empty")}</p>
      )}
    </section>
  );
}
