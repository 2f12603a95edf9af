import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { percent } from "@/components/dashboard/status-summary";
import { CampaignExports } from "@/components/reports/campaign-exports";
import { listCampaignsWithProgress } from "@/db/queries/campaigns";
import { exportUnitsByCampaign } from "@/db/queries/exports";
import { requireContext } from "@/lib/auth/session";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("reports");
  return { title: t("title") };
}

/** The auditor's home: every campaign of the township with its completion and its exports, read-only. */
export default async function ReportsPage() {
  const ctx = await requireContext("report.export");
  const t = await getTranslations();
  const format = await getFormatter();
  const campaigns = await listCampaignsWithProgress(ctx);
  const units = await exportUnitsByCampaign(
    ctx,
    campaigns.map((c) => c.id),
  );
  const day = (d: string) => format.dateTime(new Date(`${d}T00:00:00+08:00`), { year: "numeric", month: "2-digit", day: "2-digit" });

  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-xl font-semibold">{t("reports.title")}</h1>
        <p className="text-sm text-slate-500">{t("reports.subtitle")}</p>
      </div>
      <ul className="space-y-4">
        {campaigns.map((c) => (
          <li key={c.id} className="grid grid-cols-[minmax(0,1fr)] gap-4 rounded-xl bg-white p-4 ring-1 ring-slate-200 lg:grid-cols-2">
            <div>
              <div className="flex items-start justify-between gap-2">
                <h2>
                  <Link href={`/dashboard?campaign=${c.id}`} className="font-medium text-brand-700 hover:underline">
                    {c.name}
                  </Link>
                </h2>
                <span className="shrink-0 rounded-full bg-slate-100 px-2 py-0.5 text-xs">
                  {t(`reports.campaignStatus.${c.status}`)}
                </span>
              </div>
              <p className="mt-1 text-sm text-slate-500">
                {day(c.startsOn)} – {day(c.endsOn)}
              </p>
              <div className="mt-3 h-2 overflow-hidden rounded-full bg-slate-100">
                <div className="h-full bg-emerald-500" style={{ width: `${percent(c.counts.approved, c.counts.total)}%` }} />
              </div>
              <dl className="mt-3 grid grid-cols-5 gap-1 text-center text-xs">
                {(["approved", "submitted", "returned", "pending", "overdue"] as const).map((key) => (
                  <div key={key}>
                    <dt className="text-slate-500">{t(`status.${key}`)}</dt>
                    <dd className={`text-base font-semibold tabular-nums ${key === "overdue" && c.counts.overdue ? "text-red-700" : ""}`}>
                      {c.counts[key]}
                    </dd>
                  </div>
                ))}
              </dl>
            </div>
            <CampaignExports
              campaignId={c.id}
              units={units.filter((u) => u.campaignId === c.id).map((u) => ({ id: u.id, name: u.name }))}
            />
          </li>
        ))}
      </ul>
    </div>
  );
}
