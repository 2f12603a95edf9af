import { getTranslations } from "next-intl/server";
import type { complianceMatrix } from "@/db/queries/matrix";
import { CELL_STATES, cellState, type CellState } from "@/lib/compliance";
import { ESCALATION_LEVELS } from "@/lib/reach/rules";
import { CELL_GLYPH, CELL_STYLE, ESCALATION_MARK } from "./cell-glyph";

type Matrix = Awaited<ReturnType<typeof complianceMatrix>>;

/**
 * The unit × activity heat-map: one row per unit, one column per activity,
 * each cell coloured (and marked with a glyph) by the state of the unit's
 * tasks there, linking to the cell's assignments. The header row and the unit
 * column stay in place while the table scrolls, also on a phone.
 */
/** `cellHref` makes each cell a link to its drill-down; without it the map is for reading only. */
export async function HeatMap({
  matrix,
  cellHref,
}: {
  matrix: Matrix;
  cellHref?: (unitId: string, activityId: string) => string;
}) {
  const t = await getTranslations();
  const cells = new Map(matrix.cells.map((c) => [`${c.unitId}|${c.activityId}`, c]));
  const label = (a: Matrix["activities"][number], i: number) => a.code ?? String(i + 1);

  return (
    <div>
      <div
        role="region"
        aria-label={t("dashboard.heatmap.title")}
        tabIndex={0}
        className="isolate max-h-[70vh] overflow-auto rounded-xl bg-white ring-1 ring-slate-200 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-600"
      >
        <table className="w-full border-separate border-spacing-0 text-sm">
          <thead>
            <tr>
              <th
                scope="col"
                className="sticky left-0 top-0 z-30 min-w-28 border-b border-r border-slate-200 bg-slate-50 px-2 py-2 text-left text-xs font-medium text-slate-500 sm:min-w-40 sm:px-3"
              >
                {t("dashboard.unit")}
              </th>
              {matrix.activities.map((a, i) => (
                <th
                  key={a.id}
                  scope="col"
                  title={a.title}
                  className="sticky top-0 z-20 border-b border-slate-200 bg-slate-50 px-1 py-2 text-left align-bottom text-xs font-medium text-slate-600"
                >
                  <span className="block text-slate-400">{label(a, i)}</span>
                  <span className="line-clamp-3 block w-16 leading-snug sm:line-clamp-2 sm:w-24">{a.title}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {matrix.units.map((u) => (
              <tr key={u.id}>
                <th
                  scope="row"
                  className="sticky left-0 z-10 max-w-28 border-b border-r border-slate-100 bg-white px-2 py-1 text-left text-xs font-normal sm:max-w-52 sm:px-3 sm:text-sm"
                >
                  <span className="block leading-tight">{u.name}</span>
                  <span className="text-[11px] text-slate-400">{t(`unitKind.${u.kind}`)}</span>
                </th>
                {matrix.activities.map((a, i) => {
                  const c = cells.get(`${u.id}|${a.id}`);
                  const state: CellState = c ? cellState(c) : "not_applicable";
                  const stateText = t(`dashboard.cellState.${state}`);
                  const className = `hm-cell ${CELL_STYLE[state]}`;
                  if (!c) {
                    return (
                      <td key={a.id} className="hm-td">
                        <span role="img" aria-label={`${u.name} · ${label(a, i)}：${stateText}`} title={stateText} className={className}>
                          {CELL_GLYPH[state]}
                        </span>
                      </td>
                    );
                  }
                  const detail = t("dashboard.heatmap.cellCounts", {
                    total: c.total,
                    approved: c.approved,
                    submitted: c.submitted,
                    returned: c.returned,
                    pending: c.pending,
                    overdue: c.overdue,
                  });
                  const level = c.escalation ? t(`escalationLevel.${c.escalation}`) : null;
                  const facts = level ? `${detail}，${level}` : detail;
                  // Plain <a>, not next/link: 1,600 client links weigh down the page and its hydration.
                  const cellProps = {
                    "aria-label": `${u.name} · ${label(a, i)} ${a.title}：${stateText}，${facts}`,
                    title: facts,
                    "data-state": state,
                    className,
                  };
                  const text = `${CELL_GLYPH[state]} ${c.approved}/${c.total}`;
                  const content = c.escalation ? (
                    <>
                      {text}
                      <span aria-hidden="true" className={ESCALATION_MARK[c.escalation]}>
                        {t(`escalationMark.${c.escalation}`)}
                      </span>
                    </>
                  ) : (
                    text
                  );
                  return (
                    <td key={a.id} className="hm-td">
                      {cellHref ? (
                        <a href={cellHref(u.id, a.id)} {...cellProps}>
                          {content}
                        </a>
                      ) : (
                        <span role="img" {...cellProps}>
                          {content}
                        </span>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <HeatMapLegend linked={Boolean(cellHref)} escalationDays={matrix.escalationDays} />
    </div>
  );
}

async function HeatMapLegend({ linked, escalationDays }: { linked: boolean; escalationDays: Matrix["escalationDays"] }) {
  const t = await getTranslations("dashboard");
  const tc = await getTranslations();
  const [blue, yellow, red] = escalationDays;
  return (
    <ul aria-label={t("heatmap.legend")} className="mt-2 flex flex-wrap gap-x-4 gap-y-1.5 text-xs text-slate-600">
      {CELL_STATES.map((state) => (
        <li key={state} className="flex items-center gap-1.5">
          <span aria-hidden="true" className={`flex h-5 w-6 items-center justify-center rounded text-xs font-medium ${CELL_STYLE[state]}`}>
            {CELL_GLYPH[state]}
          </span>
          <span>
            <span className="font-medium text-slate-700">{t(`cellState.${state}`)}</span>
            <span className="text-slate-400"> · {t(`heatmap.meaning.${state}`)}</span>
          </span>
        </li>
      ))}
      <li className="flex items-center gap-1.5">
        {ESCALATION_LEVELS.map((l) => (
          <span key={l} aria-hidden="true" className={ESCALATION_MARK[l]}>
            {tc(`escalationMark.${l}`)}
          </span>
        ))}
        <span>{t("heatmap.escalationLegend", { blue, yellow, red })}</span>
      </li>
      <li className="text-slate-400">{linked ? t("heatmap.countsHint") : t("heatmap.countsHintReadOnly")}</li>
    </ul>
  );
}
