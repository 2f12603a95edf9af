import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { UnitKind } from "@/db/queries/reviews";

export interface ReviewFilterState {
  campaignId?: string;
  unitKind?: UnitKind;
}

export function reviewsHref(state: ReviewFilterState & { tab?: "extensions" }): string {
  const params = new URLSearchParams();
  if (state.tab) params.set("tab", state.tab);
  if (state.campaignId) params.set("campaign", state.campaignId);
  if (state.unitKind) params.set("kind", state.unitKind);
  const query = params.toString();
  return query ? `/reviews?${query}` : "/reviews";
}

function Chip({ href, active, children }: { href: string; active: boolean; children: React.ReactNode }) {
  return (
    <Link
      href={href}
      aria-current={active ? "true" : undefined}
      className={`whitespace-nowrap rounded-full px-3.5 py-2 text-sm ring-1 ${
        active ? "bg-brand-600 text-white ring-brand-600" : "bg-white text-slate-700 ring-slate-200 hover:bg-slate-50"
      }`}
    >
      {children}
    </Link>
  );
}

/** Campaign and unit-kind filters as links, so a filtered queue has a URL and works without script. */
export async function ReviewFilters({
  campaigns,
  unitKinds,
  state,
}: {
  campaigns: { id: string; name: string }[];
  unitKinds: readonly UnitKind[];
  state: ReviewFilterState;
}) {
  const t = await getTranslations();
  return (
    <div className="space-y-2">
      <nav aria-label={t("reviews.filters.campaign")} className="flex gap-2 overflow-x-auto pb-1">
        <Chip href={reviewsHref({ ...state, campaignId: undefined })} active={!state.campaignId}>
          {t("reviews.filters.allCampaigns")}
        </Chip>
        {campaigns.map((c) => (
          <Chip key={c.id} href={reviewsHref({ ...state, campaignId: c.id })} active={state.campaignId === c.id}>
            {c.name}
          </Chip>
        ))}
      </nav>
      <nav aria-label={t("reviews.filters.unitKind")} className="flex gap-2 overflow-x-auto pb-1">
        <Chip href={reviewsHref({ ...state, unitKind: undefined })} active={!state.unitKind}>
          {t("reviews.filters.allKinds")}
        </Chip>
        {unitKinds.map((kind) => (
          <Chip key={kind} href={reviewsHref({ ...state, unitKind: kind })} active={state.unitKind === kind}>
            {t(`unitKind.${kind}`)}
          </Chip>
        ))}
      </nav>
    </div>
  );
}
