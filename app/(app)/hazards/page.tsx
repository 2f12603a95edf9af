import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { HazardFilters } from "@/components/hazards/hazard-filters";
import { HazardList } from "@/components/hazards/hazard-list";
import { hazardFilterSchema, hazardUnitOptions, listHazards } from "@/db/queries/hazards";
import { publicReportQueue } from "@/db/queries/public-reports";
import { can } from "@/lib/auth/permissions";
import { requireContext } from "@/lib/auth/session";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("hazards");
  return { title: t("title") };
}

export default async function HazardRegisterPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const ctx = await requireContext("hazard.read");
  const t = await getTranslations("hazards");
  const now = new Date();
  const filters = hazardFilterSchema.parse(await searchParams);
  const isLiaison = ctx.role === "liaison";
  const canDecide = can(ctx.role, "hazard.verify");
  const [items, units, intake] = await Promise.all([
    listHazards(ctx, filters, now),
    isLiaison ? null : hazardUnitOptions(ctx),
    canDecide ? publicReportQueue(ctx, { decidedLimit: 0 }) : null,
  ]);

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <h1 className="text-xl font-semibold">{t("title")}</h1>
          <p className="text-sm text-slate-500">{t("count", { count: items.length })}</p>
        </div>
        <div className="flex flex-wrap gap-2">
          {intake ? (
            <Link href="/hazards/intake" className="flex min-h-11 items-center gap-2 rounded-xl bg-white px-4 text-sm font-medium text-brand-700 ring-1 ring-slate-300">
              {t("intakeLink")}
              {intake.waiting.length > 0 ? (
                <span className="rounded-full bg-red-600 px-2 py-0.5 text-xs text-white">{t("intakeWaiting", { count: intake.waiting.length })}</span>
              ) : null}
            </Link>
          ) : null}
          {can(ctx.role, "hazard.report") ? (
            <Link href="/hazards/new" className="flex min-h-11 items-center rounded-xl bg-brand-600 px-4 text-sm font-semibold text-white hover:bg-brand-700">
              {t("report")}
            </Link>
          ) : null}
        </div>
      </div>
      <HazardFilters filters={filters} units={units} />
      <HazardList items={items} now={now} showUnit={!isLiaison} />
    </div>
  );
}
