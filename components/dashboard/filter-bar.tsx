import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { UNIT_KINDS, dashboardQuery, type DashboardParams } from "@/lib/dashboard-filters";

/**
 * Unit kind and phase filters as a plain GET form, so a filtered dashboard is
 * a URL that can be shared; works without JavaScript.
 */
export async function FilterBar({
  campaignId,
  params,
  phases,
}: {
  campaignId: string;
  params: DashboardParams;
  phases: { id: string; name: string }[];
}) {
  const t = await getTranslations();
  const active = Boolean(params.unitKinds?.length || params.phaseId);
  return (
    <form
      method="get"
      action="/dashboard"
      aria-label={t("dashboard.filters.title")}
      className="flex flex-wrap items-end gap-3 rounded-xl bg-white p-3 ring-1 ring-slate-200"
    >
      <input type="hidden" name="campaign" value={campaignId} />
      <fieldset className="min-w-0">
        <legend className="mb-1 text-xs text-slate-500">{t("dashboard.filters.unitKind")}</legend>
        <div className="flex flex-wrap gap-1.5">
          {UNIT_KINDS.map((kind) => (
            <label
              key={kind}
              className="flex min-h-9 cursor-pointer items-center rounded-full px-3 text-sm ring-1 ring-slate-200 has-[:checked]:bg-brand-600 has-[:checked]:text-white has-[:checked]:ring-brand-600 has-[:focus-visible]:ring-2"
            >
              <input
                type="checkbox"
                name="kind"
                value={kind}
                defaultChecked={params.unitKinds?.includes(kind)}
                className="sr-only"
              />
              {t(`unitKind.${kind}`)}
            </label>
          ))}
        </div>
      </fieldset>
      {phases.length > 0 ? (
        <label className="text-xs text-slate-500">
          <span className="mb-1 block">{t("dashboard.filters.phase")}</span>
          <select
            name="phase"
            defaultValue={params.phaseId ?? ""}
            className="min-h-9 rounded-lg bg-white px-2 text-sm text-slate-800 ring-1 ring-slate-200"
          >
            <option value="">{t("dashboard.filters.allPhases")}</option>
            {phases.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      <div className="flex items-center gap-3">
        <button type="submit" className="min-h-9 rounded-lg bg-brand-600 px-4 text-sm font-medium text-white hover:bg-brand-700">
          {t("dashboard.filters.apply")}
        </button>
        {active ? (
          <Link href={`/dashboard${dashboardQuery({ campaignId })}`} className="text-sm text-brand-700">
            {t("dashboard.filters.clear")}
          </Link>
        ) : null}
      </div>
    </form>
  );
}
