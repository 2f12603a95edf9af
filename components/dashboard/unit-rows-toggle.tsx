import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { DASHBOARD_UNIT_ROWS, dashboardQuery, type DashboardParams } from "@/lib/dashboard-filters";

/**
 * Under a capped unit table or heat-map: how many of the township's units it
 * shows and a link to all of them (`?units=all`), or back to the first few.
 */
export async function UnitRowsToggle({
  params,
  count,
  limit = DASHBOARD_UNIT_ROWS,
  shown = "shownOf",
}: {
  params: DashboardParams;
  count: number;
  limit?: number;
  /** How the capped rows were chosen: the table's own order, or attention first (the heat-map). */
  shown?: "shownOf" | "attentionShownOf";
}) {
  if (count <= limit) return null;
  const t = await getTranslations("dashboard.unitRows");
  const all = Boolean(params.allUnits);
  return (
    <p className="mt-2 flex flex-wrap items-center gap-x-3 text-sm text-slate-500">
      {all ? null : <span>{t(shown, { shown: limit, count })}</span>}
      <Link href={`/dashboard${dashboardQuery(params, { allUnits: all ? undefined : true })}`} className="text-brand-700">
        {all ? t("showFirst", { count: limit }) : t("showAll", { count })}
      </Link>
    </p>
  );
}
