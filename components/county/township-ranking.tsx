import { getTranslations } from "next-intl/server";
import type { CountyRow } from "@/lib/county";

/** Townships running the campaign, best completion first, each with a bar. */
export async function TownshipRanking({ rows }: { rows: CountyRow[] }) {
  const t = await getTranslations("county.ranking");
  if (rows.length === 0) {
    return <p className="rounded-xl bg-white p-4 text-sm text-slate-500 ring-1 ring-slate-200">{t("empty")}</p>;
  }
  return (
    <ol aria-label={t("title")} className="divide-y divide-slate-100 rounded-xl bg-white ring-1 ring-slate-200">
      {rows.map((r, i) => {
        const share = Math.round(r.completion * 100);
        return (
          <li key={r.townshipId} className="flex items-center gap-3 px-4 py-3">
            <span className="w-6 text-right font-semibold tabular-nums text-slate-500">{i + 1}</span>
            <div className="min-w-0 flex-1">
              <div className="flex items-baseline justify-between gap-2">
                <span className="truncate font-medium">{r.townshipName}</span>
                <span className="font-semibold tabular-nums">{share}%</span>
              </div>
              <div className="mt-1 h-2 rounded-full bg-slate-100" aria-hidden="true">
                <div className="h-2 rounded-full bg-brand-600" style={{ width: `${share}%` }} />
              </div>
              <p className="mt-1 text-xs text-slate-500">{t("row", { approved: r.approved, total: r.total, overdue: r.overdue })}</p>
            </div>
          </li>
        );
      })}
    </ol>
  );
}
