import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { RemindLaggards } from "@/components/dashboard/remind-laggards";
import { ReviewQueueCard } from "@/components/dashboard/review-queue-card";
import { StatusSummary } from "@/components/dashboard/status-summary";
import { UnitProgressTable } from "@/components/dashboard/unit-progress-table";
import { campaignStatusCounts, listCampaignsWithProgress } from "@/db/queries/campaigns";
import { hazardCounts, overdueAssignments, unitProgress } from "@/db/queries/dashboard";
import { reviewQueueCount } from "@/db/queries/reviews";
import { can } from "@/lib/auth/permissions";
import { requireContext } from "@/lib/auth/session";
import { remindCampaignLaggards, remindOneUnit } from "./actions";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("dashboard");
  return { title: t("title") };
}

export default async function DashboardPage({ searchParams }: { searchParams: Promise<{ campaign?: string }> }) {
  const ctx = await requireContext("dashboard.view");
  const t = await getTranslations();
  const format = await getFormatter();
  const now = new Date();
  const campaigns = await listCampaignsWithProgress(ctx, now);
  const requested = (await searchParams).campaign;
  const campaign =
    campaigns.find((c) => c.id === requested) ?? campaigns.find((c) => c.status === "active") ?? campaigns[0];

  if (!campaign) {
    return <p className="rounded-xl bg-white p-6 text-slate-500 ring-1 ring-slate-200">{t("dashboard.noCampaign")}</p>;
  }

  const [counts, units, overdue, hazards, queue] = await Promise.all([
    campaignStatusCounts(ctx, campaign.id, now),
    unitProgress(ctx, campaign.id, now),
    overdueAssignments(ctx, campaign.id, now),
    hazardCounts(ctx),
    reviewQueueCount(ctx),
  ]);
  const canRemind = can(ctx.role, "assignment.remind");

  return (
    <div className="space-y-5">
      <div>
        <h1 className="text-xl font-semibold">{t("dashboard.title")}</h1>
        <nav aria-label={t("dashboard.campaign")} className="mt-3 flex gap-2 overflow-x-auto pb-1">
          {campaigns.map((c) => (
            <Link
              key={c.id}
              href={`/dashboard?campaign=${c.id}`}
              aria-current={c.id === campaign.id ? "page" : undefined}
              className={`whitespace-nowrap rounded-full px-4 py-2 text-sm ring-1 ${
                c.id === campaign.id ? "bg-brand-600 text-white ring-brand-600" : "bg-white text-slate-700 ring-slate-200"
              }`}
            >
              {c.name}
            </Link>
          ))}
        </nav>
        {campaign.theme ? <p className="mt-2 text-sm text-slate-500">{campaign.theme}</p> : null}
      </div>

      <StatusSummary counts={counts} />

      <div className="grid gap-5 lg:grid-cols-3">
        <section className="lg:col-span-2">
          <h2 className="mb-2 font-semibold">{t("dashboard.units")}</h2>
          <UnitProgressTable
            rows={units}
            remind={canRemind ? { campaignId: campaign.id, action: remindOneUnit } : undefined}
          />
        </section>
        <div className="space-y-5">
          <ReviewQueueCard counts={queue} linked={can(ctx.role, "assignment.review")} />
          {canRemind ? <RemindLaggards key={campaign.id} campaignId={campaign.id} action={remindCampaignLaggards} /> : null}
          <section>
            <h2 className="mb-2 font-semibold">{t("dashboard.overdueList")}</h2>
            {overdue.length === 0 ? (
              <p className="rounded-xl bg-white p-4 text-sm text-slate-500 ring-1 ring-slate-200">{t("dashboard.noOverdue")}</p>
            ) : (
              <ul className="divide-y divide-slate-100 rounded-xl bg-white ring-1 ring-slate-200">
                {overdue.map((a) => (
                  <li key={a.id}>
                    <Link href={`/tasks/${a.id}`} className="block px-4 py-2.5 text-sm hover:bg-slate-50">
                      <span className="block font-medium">{a.unitName}</span>
                      <span className="block truncate text-slate-600">{a.taskTitle}</span>
                      <span className="text-xs text-red-700">
                        {t("tasks.deadline")} {format.dateTime(a.deadline, { year: "numeric", month: "2-digit", day: "2-digit" })}
                      </span>
                    </Link>
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section>
            <h2 className="mb-2 font-semibold">{t("dashboard.hazards")}</h2>
            {hazards.length === 0 ? (
              <p className="rounded-xl bg-white p-4 text-sm text-slate-500 ring-1 ring-slate-200">{t("dashboard.noHazards")}</p>
            ) : (
              <ul className="divide-y divide-slate-100 rounded-xl bg-white text-sm ring-1 ring-slate-200">
                {hazards.map((h) => (
                  <li key={`${h.status}-${h.level}`} className="flex justify-between px-4 py-2.5">
                    <span>
                      <span className={h.level === "major" ? "font-semibold text-red-700" : ""}>
                        {t(`dashboard.hazardLevel.${h.level}`)}
                      </span>
                      {" · "}
                      {t(`dashboard.hazardStatus.${h.status}`)}
                    </span>
                    <span className="tabular-nums">{h.count}</span>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </div>
      </div>
    </div>
  );
}
