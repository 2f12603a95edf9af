import { getTranslations } from "next-intl/server";
import type { StatusCounts } from "@/db/queries/scope";

const TILES = [
  { key: "approved", className: "text-emerald-700" },
  { key: "submitted", className: "text-amber-700" },
  { key: "returned", className: "text-orange-700" },
  { key: "pending", className: "text-slate-700" },
  { key: "overdue", className: "text-red-700" },
] as const;

export function percent(part: number, total: number): number {
  return total === 0 ? 0 : Math.round((part / total) * 100);
}

/** The headline figures: completion and every status as count and share. */
export async function StatusSummary({ counts }: { counts: StatusCounts }) {
  const t = await getTranslations();
  return (
    <div className="grid grid-cols-3 gap-2 lg:grid-cols-6">
      <div className="col-span-3 rounded-xl bg-brand-600 p-3 text-white sm:p-4 lg:col-span-1">
        <p className="text-sm opacity-90">{t("dashboard.completion")}</p>
        <p className="mt-1 text-3xl font-semibold">{percent(counts.approved, counts.total)}%</p>
        <p className="text-xs opacity-80">
          {t("dashboard.total")} {counts.total}
        </p>
      </div>
      {TILES.map((tile) => (
        <div key={tile.key} className="rounded-xl bg-white p-3 ring-1 ring-slate-200 sm:p-4">
          <p className="text-sm text-slate-500">{t(`status.${tile.key}`)}</p>
          <p className={`mt-1 text-2xl font-semibold ${tile.className}`}>{counts[tile.key]}</p>
          <p className="text-xs text-slate-400">{percent(counts[tile.key], counts.total)}%</p>
        </div>
      ))}
    </div>
  );
}
