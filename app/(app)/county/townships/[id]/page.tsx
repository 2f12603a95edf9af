import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { HeatMap } from "@/components/dashboard/heat-map";
import { StatusSummary } from "@/components/dashboard/status-summary";
import { countyTemplates, townshipCampaignOfTemplate, townshipHazardFigures, townshipReadContext } from "@/db/queries/county";
import { complianceMatrix } from "@/db/queries/matrix";
import { requireContext } from "@/lib/auth/session";
import { sumCounts } from "@/lib/compliance";
import { HAZARD_LEVELS } from "@/lib/hazard-status";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("county");
  return { title: t("title") };
}

type Params = Promise<{ id: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/**
 * One township of the county, read-only: the heat-map and headline figures of
 * its campaign under the chosen template, and its hazards. The township context
 * exists only after townshipReadContext has checked the township is the county's.
 */
export default async function CountyTownshipPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const ctx = await requireContext("county.view");
  const read = await townshipReadContext(ctx, (await params).id);
  if (!read) notFound();
  const t = await getTranslations();
  const now = new Date();
  const requested = (await searchParams).template;
  const templates = await countyTemplates(ctx);
  const template = templates.find((tpl) => tpl.templateKey === requested) ?? templates[0];
  const campaign = template ? await townshipCampaignOfTemplate(read.ctx, template.templateKey, now) : null;
  const [matrix, hazards] = await Promise.all([
    campaign ? complianceMatrix(read.ctx, campaign.id, now) : null,
    townshipHazardFigures(ctx, now),
  ]);
  const back = template ? `/county?${new URLSearchParams({ template: template.templateKey })}` : "/county";
  const ownHazards = hazards.filter((h) => h.townshipId === read.township.id);

  return (
    <div className="space-y-5">
      <div>
        <Link href={back} className="text-sm text-brand-700 hover:underline">
          ← {t("county.drill.back")}
        </Link>
        <div className="mt-2 flex flex-wrap items-center gap-2">
          <h1 className="text-xl font-semibold">{read.township.name}</h1>
          <span className="rounded-full bg-slate-100 px-2 py-0.5 text-xs text-slate-600">{t("county.drill.readOnly")}</span>
        </div>
        {campaign ? <p className="mt-1 text-sm text-slate-500">{campaign.name}</p> : null}
      </div>

      {matrix ? (
        <>
          <StatusSummary counts={sumCounts(matrix.cells)} />
          <section>
            <h2 className="mb-2 font-semibold">{t("dashboard.heatmap.title")}</h2>
            {matrix.units.length === 0 ? (
              <p className="rounded-xl bg-white p-4 text-sm text-slate-500 ring-1 ring-slate-200">{t("dashboard.heatmap.empty")}</p>
            ) : (
              // Cells link back here: the township's own cell pages are not the county's to open.
              <HeatMap matrix={matrix} />
            )}
          </section>
        </>
      ) : (
        <p className="rounded-xl bg-white p-4 text-sm text-slate-500 ring-1 ring-slate-200">{t("county.drill.noCampaign")}</p>
      )}

      <section className="max-w-xl">
        <h2 className="mb-2 font-semibold">{t("county.drill.hazards")}</h2>
        <table className="w-full rounded-xl bg-white text-sm ring-1 ring-slate-200">
          <thead className="bg-slate-50 text-xs text-slate-500">
            <tr>
              <th scope="col" className="px-3 py-2 text-left font-medium" />
              <th scope="col" className="px-3 py-2 text-right font-medium">{t("county.table.open")}</th>
              <th scope="col" className="px-3 py-2 text-right font-medium">{t("county.table.hazardOverdue")}</th>
              <th scope="col" className="px-3 py-2 text-right font-medium">{t("county.table.closed")}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {HAZARD_LEVELS.map((level) => {
              const row = ownHazards.find((h) => h.level === level);
              return (
                <tr key={level}>
                  <th scope="row" className="px-3 py-2 text-left font-medium">
                    {t(level === "major" ? "county.table.hazardsMajor" : "county.table.hazardsGeneral")}
                  </th>
                  <td className="px-3 py-2 text-right tabular-nums">{row?.open ?? 0}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{row?.overdue ?? 0}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{row?.closed ?? 0}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>
    </div>
  );
}
