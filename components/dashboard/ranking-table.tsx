import { getTranslations } from "next-intl/server";
import type { unitRanking } from "@/db/queries/ranking";
import { SCORE_WEIGHTS } from "@/lib/ranking";

type Rows = Awaited<ReturnType<typeof unitRanking>>;

const COLUMNS = ["onTime", "late", "returns", "overdue", "due"] as const;

/** The 考核 ranking with its formula in words above it, so the score can be checked by hand. */
export async function RankingTable({ rows }: { rows: Rows }) {
  const t = await getTranslations();
  let rank = 0;
  return (
    <div className="space-y-2">
      <div className="rounded-xl bg-slate-100 p-3 text-xs leading-relaxed text-slate-700">
        <p className="font-medium">{t("dashboard.ranking.formula", SCORE_WEIGHTS)}</p>
        <p className="mt-1 text-slate-500">{t("dashboard.ranking.definitions")}</p>
      </div>
      <div className="isolate max-h-[28rem] overflow-auto rounded-xl bg-white ring-1 ring-slate-200">
        <table className="w-full min-w-[560px] border-separate border-spacing-0 text-sm">
          <thead className="whitespace-nowrap text-left text-xs text-slate-500">
            <tr>
              <th scope="col" className="sticky top-0 z-10 border-b border-slate-200 bg-slate-50 px-3 py-2 font-medium">
                {t("dashboard.ranking.rank")}
              </th>
              <th scope="col" className="sticky left-0 top-0 z-20 border-b border-slate-200 bg-slate-50 px-3 py-2 font-medium">
                {t("dashboard.unit")}
              </th>
              <th scope="col" className="sticky top-0 z-10 border-b border-slate-200 bg-slate-50 px-3 py-2 text-right font-medium">
                {t("dashboard.ranking.score")}
              </th>
              {COLUMNS.map((c) => (
                <th key={c} scope="col" className="sticky top-0 z-10 border-b border-slate-200 bg-slate-50 px-3 py-2 text-right font-medium">
                  {t(`dashboard.ranking.${c}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              if (row.score !== null) rank++;
              return (
                <tr key={row.unitId}>
                  <td className="border-b border-slate-100 px-3 py-2 tabular-nums text-slate-500">{row.score === null ? "—" : rank}</td>
                  <th scope="row" className="sticky left-0 border-b border-slate-100 bg-white px-3 py-2 text-left font-normal">
                    {row.unitName}
                    <span className="ml-1 text-xs text-slate-400">{t(`unitKind.${row.unitKind}`)}</span>
                  </th>
                  <td className="border-b border-slate-100 px-3 py-2 text-right font-semibold tabular-nums">
                    {row.score === null ? "—" : row.score}
                  </td>
                  {COLUMNS.map((c) => (
                    <td
                      key={c}
                      className={`border-b border-slate-100 px-3 py-2 text-right tabular-nums ${
                        c === "overdue" && row.overdue ? "font-semibold text-red-700" : ""
                      }`}
                    >
                      {row[c]}
                    </td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}
