import { getTranslations } from "next-intl/server";
import type { QueryContext } from "@/db/queries/context";
import { activityFigures, activityHazards } from "@/db/queries/completion";
import type { complianceMatrix } from "@/db/queries/matrix";
import { chosenActivities, splitDone } from "@/lib/completion";
import type { DashboardParams } from "@/lib/dashboard-filters";
import { ActivityCompletion } from "./activity-completion";

type Matrix = Awaited<ReturnType<typeof complianceMatrix>>;

/** Completion per activity: units done / not done, reported figures against targets, hazards found. */
export async function CompletionViews({
  ctx,
  campaignId,
  matrix,
  params,
  cellHref,
}: {
  ctx: QueryContext;
  campaignId: string;
  matrix: Matrix;
  params: DashboardParams;
  cellHref: (unitId: string, activityId: string) => string;
}) {
  const t = await getTranslations("dashboard");
  const shown = chosenActivities(matrix.activities, params.viewActivityId);
  const ids = shown.map((a) => a.id);
  const filters = { unitKinds: params.unitKinds, phaseId: params.phaseId };
  const [figures, hazards] = await Promise.all([
    activityFigures(ctx, campaignId, ids, filters),
    activityHazards(ctx, campaignId, ids, filters),
  ]);
  const unitName = new Map(matrix.units.map((u) => [u.id, u.name]));

  return (
    <section aria-labelledby="completion-views" className="space-y-3">
      <div className="flex flex-wrap items-end justify-between gap-2">
        <h2 id="completion-views" className="font-semibold">
          {t("views.title")}
        </h2>
        <form method="get" action="/dashboard" className="flex items-center gap-2">
          <input type="hidden" name="campaign" value={campaignId} />
          {params.unitKinds?.map((k) => <input key={k} type="hidden" name="kind" value={k} />)}
          {params.phaseId ? <input type="hidden" name="phase" value={params.phaseId} /> : null}
          <label className="text-xs text-slate-500">
            <span className="sr-only">{t("views.choose")}</span>
            <select
              name="view"
              defaultValue={params.viewActivityId ?? ""}
              className="min-h-9 max-w-56 rounded-lg bg-white px-2 text-sm text-slate-800 ring-1 ring-slate-200"
            >
              <option value="">{matrix.activities.length >= 7 ? t("views.named") : t("views.choose")}</option>
              {matrix.activities.map((a, i) => (
                <option key={a.id} value={a.id}>
                  {a.code ?? i + 1} {a.title}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className="min-h-9 rounded-lg px-3 text-sm font-medium text-brand-700 ring-1 ring-brand-600/30">
            {t("views.show")}
          </button>
        </form>
      </div>
      <p className="text-xs text-slate-500">{t("views.rule")}</p>
      <div className="grid grid-cols-1 gap-3 xl:grid-cols-2">
        {shown.map((a) => {
          const { done, notDone } = splitDone(matrix.cells.filter((c) => c.activityId === a.id));
          const name = (c: { unitId: string }) => unitName.get(c.unitId) ?? "";
          return (
            <ActivityCompletion
              key={a.id}
              activity={a}
              done={done.map((c) => ({ ...c, name: name(c), href: cellHref(c.unitId, a.id) }))}
              notDone={notDone.map((c) => ({ ...c, name: name(c), href: cellHref(c.unitId, a.id) }))}
              figures={figures.get(a.id) ?? []}
              hazards={hazards.filter((h) => h.activityId === a.id)}
              kindFiltered={Boolean(params.unitKinds?.length)}
            />
          );
        })}
      </div>
    </section>
  );
}
