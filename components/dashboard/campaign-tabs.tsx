import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { dashboardQuery, type DashboardParams } from "@/lib/dashboard-filters";

/** The campaign switch; keeps the unit-kind filter, drops the phase (phases belong to one campaign). */
export async function CampaignTabs({
  campaigns,
  currentId,
  params,
}: {
  campaigns: { id: string; name: string }[];
  currentId: string;
  params: DashboardParams;
}) {
  const t = await getTranslations("dashboard");
  return (
    <nav aria-label={t("campaign")} className="mt-3 flex gap-2 overflow-x-auto pb-1">
      {campaigns.map((c) => (
        <Link
          key={c.id}
          href={`/dashboard${dashboardQuery({ unitKinds: params.unitKinds, campaignId: c.id })}`}
          aria-current={c.id === currentId ? "page" : undefined}
          className={`whitespace-nowrap rounded-full px-4 py-2 text-sm ring-1 ${
            c.id === currentId ? "bg-brand-600 text-white ring-brand-600" : "bg-white text-slate-700 ring-slate-200"
          }`}
        >
          {c.name}
        </Link>
      ))}
    </nav>
  );
}
