import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { DecisionNoticeProvider } from "@/components/reviews/decision-notice";
import { ExtensionCard } from "@/components/reviews/extension-card";
import { ReviewCard } from "@/components/reviews/review-card";
import { ReviewFilters, reviewsHref, type ReviewFilterState } from "@/components/reviews/review-filters";
import { ReviewQueueProvider } from "@/components/reviews/review-selection";
import { listCampaignsWithProgress } from "@/db/queries/campaigns";
import { listSubmissionFiles, type EvidenceFile } from "@/db/queries/evidence";
import { listPendingExtensions, listReviewQueue, reviewQueueCount, type UnitKind } from "@/db/queries/reviews";
import { unitKind } from "@/db/schema";
import { requireContext } from "@/lib/auth/session";
import { approveSubmissions, grantExtension, refuseExtension, returnSubmission } from "./actions";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("reviews");
  return { title: t("title") };
}

const UNIT_KINDS: readonly UnitKind[] = unitKind.enumValues;

type SearchParams = { campaign?: string; kind?: string; tab?: string };

export default async function ReviewsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const ctx = await requireContext("assignment.review");
  const t = await getTranslations("reviews");
  const params = await searchParams;
  const now = new Date();
  const tab = params.tab === "extensions" ? "extensions" : "submissions";

  const [campaigns, counts] = await Promise.all([listCampaignsWithProgress(ctx, now), reviewQueueCount(ctx)]);
  const filters: ReviewFilterState = {
    campaignId: campaigns.find((c) => c.id === params.campaign)?.id,
    unitKind: UNIT_KINDS.find((k) => k === params.kind),
  };

  const tabs = [
    { key: "submissions", href: reviewsHref(filters), label: t("tabs.submissions"), count: counts.submissions },
    { key: "extensions", href: reviewsHref({ tab: "extensions" }), label: t("tabs.extensions"), count: counts.extensions },
  ] as const;

  return (
    <div className="mx-auto max-w-5xl space-y-4">
      <div>
        <h1 className="text-xl font-semibold">{t("title")}</h1>
        <p className="mt-1 text-sm text-slate-500">{t("subtitle")}</p>
      </div>
      <nav aria-label={t("tabs.label")} className="flex gap-1 rounded-xl bg-slate-100 p-1">
        {tabs.map((item) => (
          <Link
            key={item.key}
            href={item.href}
            aria-current={tab === item.key ? "page" : undefined}
            className={`flex min-h-11 flex-1 items-center justify-center gap-2 rounded-lg px-3 text-sm font-medium ${
              tab === item.key ? "bg-white text-slate-900 shadow-sm" : "text-slate-600 hover:text-slate-900"
            }`}
          >
            {item.label}
            <span
              className={`rounded-full px-2 py-0.5 text-xs tabular-nums ${
                item.count > 0 ? "bg-amber-100 text-amber-800" : "bg-slate-200 text-slate-600"
              }`}
            >
              {item.count}
            </span>
          </Link>
        ))}
      </nav>
      {tab === "submissions" ? (
        <SubmissionQueue ctx={ctx} filters={filters} campaigns={campaigns} />
      ) : (
        <ExtensionList ctx={ctx} now={now} />
      )}
    </div>
  );
}

type PageContext = Awaited<ReturnType<typeof requireContext>>;

async function SubmissionQueue({
  ctx,
  filters,
  campaigns,
}: {
  ctx: PageContext;
  filters: ReviewFilterState;
  campaigns: { id: string; name: string }[];
}) {
  const t = await getTranslations("reviews");
  const queue = await listReviewQueue(ctx, { ...filters, limit: 200 });
  const files = await listSubmissionFiles(
    ctx,
    queue.flatMap((item) => (item.submission ? [item.submission.id] : [])),
  );
  const filesBySubmission = new Map<string, EvidenceFile[]>();
  for (const file of files) {
    filesBySubmission.set(file.submissionId, [...(filesBySubmission.get(file.submissionId) ?? []), file]);
  }
  const filtered = Boolean(filters.campaignId || filters.unitKind);

  return (
    <>
      <ReviewFilters campaigns={campaigns} unitKinds={UNIT_KINDS} state={filters} />
      <ReviewQueueProvider
        entries={queue.map((item) => ({ assignmentId: item.id, version: item.version }))}
        approve={approveSubmissions}
        giveBack={returnSubmission}
      >
        {queue.length === 0 ? (
          <p className="rounded-xl bg-white p-6 text-center text-slate-500 ring-1 ring-slate-200">
            {filtered ? t("emptyFiltered") : t("empty")}
          </p>
        ) : (
          <ul aria-label={t("tabs.submissions")} className="space-y-3">
            {queue.map((item) => (
              <ReviewCard
                key={`${item.id}-${item.version}`}
                item={item}
                files={item.submission ? (filesBySubmission.get(item.submission.id) ?? []) : []}
              />
            ))}
          </ul>
        )}
      </ReviewQueueProvider>
    </>
  );
}

async function ExtensionList({ ctx, now }: { ctx: PageContext; now: Date }) {
  const t = await getTranslations("reviews");
  const requests = await listPendingExtensions(ctx);
  // The provider stays mounted when the last request is decided, so its outcome remains visible.
  return (
    <DecisionNoticeProvider>
      {requests.length === 0 ? (
        <p className="rounded-xl bg-white p-6 text-center text-slate-500 ring-1 ring-slate-200">{t("emptyExtensions")}</p>
      ) : (
        <ul aria-label={t("tabs.extensions")} className="space-y-3">
          {requests.map((request) => (
            <ExtensionCard key={request.id} request={request} now={now} grant={grantExtension} refuse={refuseExtension} />
          ))}
        </ul>
      )}
    </DecisionNoticeProvider>
  );
}
