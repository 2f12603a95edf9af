import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { CountyRow, HazardCounts } from "@/lib/county";

type Totals = Omit<CountyRow, "townshipId" | "townshipName" | "townshipCode" | "hasCampaign">;

const pct = (share: number) => `${Math.round(share * 100)}%`;

function HazardCell({ counts }: { counts: HazardCounts }) {
  return (
    <td className="whitespace-nowrap px-3 py-2 text-right tabular-nums">
      {counts.open} / <span className={counts.overdue > 0 ? "font-semibold text-red-700" : ""}>{counts.overdue}</span> /{" "}
      {counts.closed}
    </td>
  );
}

/** One row per township of the county, and the county's totals; township names drill down. */
export async function TownshipTable({ rows, totals, hrefOf }: { rows: CountyRow[]; totals: Totals; hrefOf: (townshipId: string) => string }) {
  const t = await getTranslations("county.table");
  const th = "whitespace-nowrap px-3 py-2 text-right text-xs font-medium text-slate-500";
  const figures = (r: Totals) => (
    <>
      <td className="px-3 py-2 text-right tabular-nums">{r.total}</td>
      <td className="px-3 py-2 text-right tabular-nums">{r.approved}</td>
      <td className="px-3 py-2 text-right font-semibold tabular-nums">{pct(r.completion)}</td>
      <td className={`px-3 py-2 text-right tabular-nums ${r.overdue > 0 ? "font-semibold text-red-700" : ""}`}>{r.overdue}</td>
      <td className="px-3 py-2 text-right tabular-nums">{r.returns}</td>
    </>
  );
  return (
    <div role="region" aria-label={t("title")} tabIndex={0} className="overflow-x-auto rounded-xl bg-white ring-1 ring-slate-200">
      <table className="w-full text-sm">
        <thead className="bg-slate-50">
          <tr>
            <th scope="col" className="sticky left-0 bg-slate-50 px-3 py-2 text-left text-xs font-medium text-slate-500">
              {t("township")}
            </th>
            <th scope="col" className={th}>{t("total")}</th>
            <th scope="col" className={th}>{t("approved")}</th>
            <th scope="col" className={th}>{t("completion")}</th>
            <th scope="col" className={th}>{t("overdue")}</th>
            <th scope="col" className={th}>{t("returns")}</th>
            <th scope="col" className={th}>
              {t("hazardsGeneral")}
              <span className="block font-normal">{t("hazardCells")}</span>
            </th>
            <th scope="col" className={th}>
              {t("hazardsMajor")}
              <span className="block font-normal">{t("hazardCells")}</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((r) => (
            <tr key={r.townshipId}>
              <th scope="row" className="sticky left-0 whitespace-nowrap bg-white px-3 py-2 text-left font-medium">
                <Link href={hrefOf(r.townshipId)} className="text-brand-700 underline-offset-2 hover:underline">
                  {r.townshipName}
                </Link>
              </th>
              {r.hasCampaign ? (
                figures(r)
              ) : (
                <td colSpan={5} className="px-3 py-2 text-center text-slate-400">
                  {t("noCampaign")}
                </td>
              )}
              <HazardCell counts={r.hazards.general} />
              <HazardCell counts={r.hazards.major} />
            </tr>
          ))}
        </tbody>
        <tfoot className="border-t border-slate-200 bg-slate-50 font-medium">
          <tr>
            <th scope="row" className="sticky left-0 bg-slate-50 px-3 py-2 text-left">
              {t("totals")}
            </th>
            {figures(totals)}
            <HazardCell counts={totals.hazards.general} />
            <HazardCell counts={totals.hazards.major} />
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
