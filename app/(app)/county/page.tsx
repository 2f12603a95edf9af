import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { TemplatePicker } from "@/components/county/template-picker";
import { TownshipRanking } from "@/components/county/township-ranking";
import { TownshipTable } from "@/components/county/township-table";
import { can } from "@/lib/auth/permissions";
import { requireContext } from "@/lib/auth/session";
import { loadCountyRollup } from "@/lib/county-rollup";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("county");
  return { title: t("title") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function CountyPage({ searchParams }: { searchParams: SearchParams }) {
  const ctx = await requireContext("county.view");
  const t = await getTranslations("county");
  const requested = (await searchParams).template;
  const rollup = await loadCountyRollup(ctx, typeof requested === "string" ? requested : undefined, new Date());
  const template = rollup.template;
  const withTemplate = (path: string) => (template ? `${path}?${new URLSearchParams({ template: template.templateKey })}` : path);

  return (
    <div className="space-y-5">
      <div>
        <div className="flex flex-wrap items-start justify-between gap-3">
          <div>
            <h1 className="text-xl font-semibold">{t("title")}</h1>
            <p className="mt-1 text-sm text-slate-500">{t("subtitle", { county: ctx.membership.orgName })}</p>
          </div>
          {template && can(ctx.role, "county.export") ? (
            <a
              href={withTemplate("/api/exports/county")}
              download
              className="inline-flex min-h-11 items-center rounded-xl bg-brand-600 px-4 text-sm font-semibold text-white hover:bg-brand-700"
            >
              {t("export")}
            </a>
          ) : null}
        </div>
        {template ? (
          <TemplatePicker
            templates={rollup.templates}
            current={template.templateKey}
            hrefOf={(key) => `/county?${new URLSearchParams({ template: key })}`}
          />
        ) : null}
      </div>

      {rollup.rows.length === 0 ? (
        <p className="rounded-xl bg-white p-6 text-slate-500 ring-1 ring-slate-200">{t("noTownships")}</p>
      ) : (
        <>
          {template ? null : <p className="rounded-xl bg-white p-4 text-sm text-slate-500 ring-1 ring-slate-200">{t("noTemplate")}</p>}
          <section>
            <h2 className="mb-2 font-semibold">{t("table.title")}</h2>
            <TownshipTable rows={rollup.rows} totals={rollup.totals} hrefOf={(id) => withTemplate(`/county/townships/${id}`)} />
          </section>
          {template ? (
            <section className="max-w-2xl">
              <h2 className="mb-2 font-semibold">{t("ranking.title")}</h2>
              <TownshipRanking rows={rollup.ranking} />
            </section>
          ) : null}
        </>
      )}
    </div>
  );
}
