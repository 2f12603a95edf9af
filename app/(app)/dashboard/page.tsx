import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AckLatePanel } from "@/components/dashboard/ack-late-panel";
import { CampaignTabs } from "@/components/dashboard/campaign-tabs";
import { CompletionChart } from "@/components/dashboard/completion-chart";
import { CompletionViews } from "@/components/dashboard/completion-views";
import { FilterBar } from "@/components/dashboard/filter-bar";
import { HeatMap } from "@/components/dashboard/heat-map";
import { OverdueList } from "@/components/dashboard/overdue-list";
import { RankingTable } from "@/components/dashboard/ranking-table";
import { HazardPanel } from "@/components/hazards/hazard-panel";
import { RemindLaggards } from "@/components/dashboard/remind-laggards";
import { ReviewQueueCard } from "@/components/dashboard/review-queue-card";
import { StatusSummary } from "@/components/dashboard/status-summary";
import { UnitProgressTable } from "@/components/dashboard/unit-progress-table";
import { UnitRowsToggle } from "@/components/dashboard/unit-rows-toggle";
import { lateAcknowledgementsByUnit } from "@/db/queries/acknowledgements";
import { listCampaignsWithProgress } from "@/db/queries/campaigns";
import { approvalsPerDay } from "@/db/queries/completion-trend";
import { campaignPhases, overdueAssignments, unitProgress } from "@/db/queries/dashboard";
import { complianceMatrix } from "@/db/queries/matrix";
import { unitRanking } from "@/db/queries/ranking";
import { reviewQueueCount } from "@/db/queries/reviews";
import { can } from "@/lib/auth/permissions";
import { requireContext } from "@/lib/auth/session";
import { shanghaiDay } from "@/lib/campaign-series";
import { attentionOrder, sumCounts } from "@/lib/compliance";
import { completionSeries } from "@/lib/completion-trend";
import { HEATMAP_UNIT_ROWS, parseDashboardParams, unitRows } from "@/lib/dashboard-filters";
import { chaseAcknowledgements, remindCampaignLaggards, remindOneUnit } from "./actions";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("dashboard");
  return { title: t("title") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function DashboardPage({ searchParams }: { searchParams: SearchParams }) {
  const ctx = await requireContext("dashboard.view");
  const t = await getTranslations();
  const now = new Date();
  const requested = parseDashboardParams(await searchParams);
  const campaigns = await listCampaignsWithProgress(ctx, now);
  const campaign =
    campaigns.find((c) => c.id === requested.campaignId) ?? campaigns.find((c) => c.status === "active") ?? campaigns[0];

  if (!campaign) {
    return <p className="rounded-xl bg-white p-6 text-slate-500 ring-1 ring-slate-200">{t("dashboard.noCampaign")}</p>;
  }

  const phases = await campaignPhases(ctx, campaign.id);
  // A phase of another campaign (or a stale link) is dropped rather than showing an empty dashboard.
  const params = {
    ...requested,
    campaignId: campaign.id,
    phaseId: phases.some((p) => p.id === requested.phaseId) ? requested.phaseId : undefined,
  };
  const filters = { unitKinds: params.unitKinds, phaseId: params.phaseId };
  const [matrix, units, overdue, queue, ranking, perDay, lateAck] = await Promise.all([
    complianceMatrix(ctx, campaign.id, now, filters),
    unitProgress(ctx, campaign.id, now, filters),
    overdueAssignments(ctx, campaign.id, now, 20, filters),
    reviewQueueCount(ctx),
    unitRanking(ctx, campaign.id, now, filters),
    approvalsPerDay(ctx, campaign.id, filters),
    lateAcknowledgementsByUnit(ctx, campaign.id, now),
  ]);
  const counts = sumCounts(matrix.cells);
  // A large township's map shows the units that need attention first, capped; `?units=all` shows every one.
  const heatMapUnits =
    matrix.units.length > HEATMAP_UNIT_ROWS && !params.allUnits
      ? unitRows(attentionOrder(matrix.units, matrix.cells), params, HEATMAP_UNIT_ROWS)
      : matrix.units;
  const trend = completionSeries(perDay, counts.total, {
    startsOn: campaign.startsOn,
    endsOn: campaign.endsOn,
    today: shanghaiDay(now),
  });
  const canRemind = can(ctx.role, "assignment.remind");
  const cellHref = (unitId: string, activityId: string) => {
    const q = new URLSearchParams({ campaign: campaign.id, unit: unitId, activity: activityId });
    if (params.phaseId) q.set("phase", params.phaseId);
    return `/dashboard/cell?${q.toString()}`;
  };

  return (
    <div className="space-y-5">
      <div>
        <h1 className="text-xl font-semibold">{t("dashboard.title")}</h1>
        <CampaignTabs campaigns={campaigns} currentId={campaign.id} params={params} />
        {campaign.theme ? <p className="mt-2 text-sm text-slate-500">{campaign.theme}</p> : null}
      </div>

      <FilterBar campaignId={campaign.id} params={params} phases={phases} />
      <StatusSummary counts={counts} />

      <section>
        <h2 className="mb-2 font-semibold">
          {t("dashboard.heatmap.title")}
        </h2>
        {matrix.units.length === 0 ? (
          <p className="rounded-xl bg-white p-4 text-sm text-slate-500 ring-1 ring-slate-200">{t("dashboard.heatmap.empty")}</p>
        ) : (
          <>
            <HeatMap matrix={{ ...matrix, units: heatMapUnits }} cellHref={cellHref} />
            <UnitRowsToggle params={params} count={matrix.units.length} limit={HEATMAP_UNIT_ROWS} shown="attentionShownOf" />
          </>
        )}
      </section>

      <div className="grid grid-cols-1 gap-5 lg:grid-cols-3">
        <div className="min-w-0 space-y-5 lg:col-span-2">
          <CompletionViews ctx={ctx} campaignId={campaign.id} matrix={matrix} params={params} cellHref={cellHref} />
          <section>
            <h2 className="mb-2 font-semibold">{t("dashboard.trend.title")}</h2>
            <CompletionChart points={trend} total={counts.total} />
          </section>
          <section>
            <h2 className="mb-2 font-semibold">{t("dashboard.ranking.title")}</h2>
            <RankingTable rows={unitRows(ranking, params)} />
            <UnitRowsToggle params={params} count={ranking.length} />
          </section>
          <section>
            <h2 className="mb-2 font-semibold">{t("dashboard.units")}</h2>
            <UnitProgressTable
              rows={unitRows(units, params)}
              remind={canRemind ? { campaignId: campaign.id, action: remindOneUnit } : undefined}
            />
            <UnitRowsToggle params={params} count={units.length} />
          </section>
        </div>
        <div className="min-w-0 space-y-5">
          <ReviewQueueCard counts={queue} linked={can(ctx.role, "assignment.review")} />
          {canRemind ? <RemindLaggards key={campaign.id} campaignId={campaign.id} action={remindCampaignLaggards} /> : null}
          <AckLatePanel
            key={`ack-${campaign.id}`}
            rows={lateAck}
            campaignId={campaign.id}
            chase={canRemind ? chaseAcknowledgements : undefined}
          />
          <OverdueList rows={overdue} />
          <HazardPanel ctx={ctx} now={now} />
        </div>
      </div>
    </div>
  );
}
