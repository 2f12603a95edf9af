import { getTranslations } from "next-intl/server";
import type { MatrixCell } from "@/db/queries/matrix";
import { cellState, type CellState } from "@/lib/compliance";

/** Paper-friendly matrix colours; print-color-adjust keeps them when printing. */
export const CELL_CLASS: Record<CellState, string> = {
  approved: "bg-emerald-100 text-emerald-900",
  submitted: "bg-blue-100 text-blue-900",
  in_progress: "bg-amber-100 text-amber-900",
  overdue: "bg-red-100 text-red-900",
  not_applicable: "bg-white text-slate-400",
};

const STATES: CellState[] = ["approved", "submitted", "in_progress", "overdue", "not_applicable"];

interface Props {
  activities: { id: string; code: string | null; title: string }[];
  units: { id: string; name: string }[];
  cells: MatrixCell[];
}

/**
 * The unit × activity matrix as a compact coloured table: columns are numbered
 * and the numbers explained underneath, so long activity titles fit on A4.
 */
export async function PrintMatrix({ activities, units, cells }: Props) {
  const t = await getTranslations("exports.report");
  const byCell = new Map(cells.map((c) => [`${c.unitId}:${c.activityId}`, c]));
  return (
    <div className="space-y-3">
      <ul aria-label={t("legend")} className="flex flex-wrap gap-x-4 gap-y-1 text-xs">
        {STATES.map((state) => (
          <li key={state} className="flex items-center gap-1.5">
            <span className={`inline-block h-3 w-5 rounded-sm ring-1 ring-slate-300 ${CELL_CLASS[state]}`} />
            {t(`cellState.${state}`)}
          </li>
        ))}
      </ul>
      <div className="relative overflow-x-auto print:overflow-visible">
        <table className="w-full border-collapse text-xs">
          <thead>
            <tr>
              <th scope="col" className="border border-slate-300 bg-slate-100 px-1.5 py-1 text-left">
                {t("unit")}
              </th>
              {activities.map((a, i) => (
                <th key={a.id} scope="col" title={a.title} className="border border-slate-300 bg-slate-100 px-1 py-1 text-center tabular-nums">
                  {a.code ?? i + 1}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {units.map((unit) => (
              <tr key={unit.id} className="break-inside-avoid">
                <th scope="row" className="min-w-28 border border-slate-300 px-1.5 py-0.5 text-left font-normal sm:whitespace-nowrap">
                  {unit.name}
                </th>
                {activities.map((activity) => {
                  const cell = byCell.get(`${unit.id}:${activity.id}`);
                  const state = cell ? cellState(cell) : "not_applicable";
                  return (
                    <td key={activity.id} className={`border border-slate-300 px-1 py-0.5 text-center tabular-nums ${CELL_CLASS[state]}`}>
                      {cell && state !== "not_applicable" ? `${cell.approved}/${cell.total}` : "—"}
                      <span className="sr-only"> {t(`cellState.${state}`)}</span>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <dl className="grid gap-x-4 gap-y-0.5 text-xs text-slate-700 sm:grid-cols-2 print:grid-cols-2">
        <dt className="sr-only">{t("activityKey")}</dt>
        {activities.map((a, i) => (
          <dd key={a.id}>
            <span className="font-medium tabular-nums">{a.code ?? i + 1}</span> {a.title}
          </dd>
        ))}
      </dl>
    </div>
  );
}
