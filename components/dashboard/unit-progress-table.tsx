import { getTranslations } from "next-intl/server";
import type { unitProgress } from "@/db/queries/dashboard";
import { percent } from "./status-summary";

type Rows = Awaited<ReturnType<typeof unitProgress>>;

/** One row per unit: a completion bar and the counts that matter for chasing. */
export async function UnitProgressTable({ rows }: { rows: Rows }) {
  const t = await getTranslations();
  return (
    <div className="overflow-x-auto rounded-xl bg-white ring-1 ring-slate-200">
      <table className="w-full min-w-[520px] text-sm">
        <thead className="bg-slate-50 text-left text-slate-500">
          <tr>
            <th scope="col" className="sticky left-0 bg-slate-50 px-3 py-2 font-medium">
              {t("dashboard.unit")}
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              {t("dashboard.completion")}
            </th>
            <th scope="col" className="px-3 py-2 text-right font-medium">
              {t("status.submitted")}
            </th>
            <th scope="col" className="px-3 py-2 text-right font-medium">
              {t("status.returned")}
            </th>
            <th scope="col" className="px-3 py-2 text-right font-medium">
              {t("status.overdue")}
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((row) => {
            const done = percent(row.approved, row.total);
            return (
              <tr key={row.unitId}>
                <th scope="row" className="sticky left-0 bg-white px-3 py-2 text-left font-normal">
                  {row.unitName}
                  <span className="ml-1 text-xs text-slate-400">{t(`unitKind.${row.unitKind}`)}</span>
                </th>
                <td className="px-3 py-2">
                  <div className="flex items-center gap-2">
                    <div className="h-2 w-24 overflow-hidden rounded-full bg-slate-100">
                      <div className="h-full bg-emerald-500" style={{ width: `${done}%` }} />
                    </div>
                    <span className="tabular-nums text-slate-600">
                      {row.approved}/{row.total}
                    </span>
                  </div>
                </td>
                <td className="px-3 py-2 text-right tabular-nums">{row.submitted}</td>
                <td className="px-3 py-2 text-right tabular-nums">{row.returned}</td>
                <td className={`px-3 py-2 text-right tabular-nums ${row.overdue ? "font-semibold text-red-700" : ""}`}>
                  {row.overdue}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
