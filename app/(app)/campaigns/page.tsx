import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/campaigns/form-styles";
import { CampaignStatusBadge } from "@/components/campaigns/campaign-status-badge";
import { percent } from "@/components/dashboard/status-summary";
import { listCampaignsWithProgress } from "@/db/queries/campaigns";
import { can } from "@/lib/auth/permissions";
import { requireContext } from "@/lib/auth/session";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("campaigns");
  return { title: t("title") };
}

/** Every campaign of the township with its status, period and completion; managers start new ones here. */
export default async function CampaignsPage() {
  const ctx = await requireContext("campaign.read");
  const t = await getTranslations("campaigns");
  const format = await getFormatter();
  const campaigns = await listCampaignsWithProgress(ctx);
  const canManage = can(ctx.role, "campaign.manage");
  const day = (d: string) => format.dateTime(new Date(`${d}T00:00:00+08:00`), { year: "numeric", month: "2-digit", day: "2-digit" });

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-xl font-semibold">{t("title")}</h1>
          <p className="text-sm text-slate-500">{t("subtitle")}</p>
        </div>
        {canManage ? (
          <Link href="/campaigns/new" className={buttonClass()}>
            {t("create")}
          </Link>
        ) : null}
      </div>
      {campaigns.length === 0 ? (
        <p className="rounded-xl bg-white p-6 text-slate-500 ring-1 ring-slate-200">{t("empty")}</p>
      ) : (
        <ul aria-label={t("listLabel")} className="grid gap-3 md:grid-cols-2">
          {campaigns.map((c) => {
            const done = percent(c.counts.approved, c.counts.total);
            return (
              <li key={c.id} className="rounded-xl bg-white p-4 ring-1 ring-slate-200">
                <div className="flex items-start justify-between gap-2">
                  <Link href={`/campaigns/${c.id}`} className="font-medium text-brand-700 hover:underline">
                    {c.name}
                  </Link>
                  <CampaignStatusBadge status={c.status} />
                </div>
                <p className="mt-1 text-sm text-slate-500">
                  {day(c.startsOn)} – {day(c.endsOn)}
                </p>
                {c.theme ? <p className="mt-1 truncate text-sm text-slate-600">{c.theme}</p> : null}
                <div className="mt-3 flex items-center gap-3">
                  <div className="h-2 flex-1 overflow-hidden rounded-full bg-slate-100">
                    <div className="h-full rounded-full bg-emerald-500" style={{ width: `${done}%` }} />
                  </div>
                  <span className="shrink-0 text-sm tabular-nums text-slate-600">
                    {t("completion", { percent: done, approved: c.counts.approved, total: c.counts.total })}
                  </span>
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
