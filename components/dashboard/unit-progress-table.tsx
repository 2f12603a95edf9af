import { getTranslations } from "next-intl/server";
import type { unitProgress } from "@/db/queries/dashboard";
import type { ActionResult } from "@/lib/auth/action-core";
import { RemindUnitButton } from "./remind-unit-button";
import { percent } from "./status-summary";

type Rows = Awaited<ReturnType<typeof unitProgress>>;

/** Present only for members who may send reminders (assignment.remind). */
export interface UnitReminder {
  campaignId: string;
  action: (input: unknown) => Promise<ActionResult<unknown>>;
}

/** One row per unit: a completion bar and the counts that matter for chasing, and 催办 for those who may. */
export async function UnitProgressTable({ rows, remind }: { rows: Rows; remind?: UnitReminder }) {
  const t = await getTranslations();
  return (
    <div className="overflow-x-auto rounded-xl bg-white ring-1 ring-slate-200">
      <table className="w-full min-w-[520px] text-sm">
        <thead className="whitespace-nowrap bg-slate-50 text-left text-slate-500">
          <tr>
            <th scope="col" className="sticky left-0 bg-slate-50 px-3 py-2 font-medium">
              {t("dashboard.unit")}
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              {t("dashboard.completion")}
            </th>
            <th scope="col" className="px-3 py-2 text-right font-medium">
              {t("status.submitted")}
            </th>
            <th scope="col" className="px-3 py-2 text-right font-medium">
              {t("status.returned")}
            </th>
            <th scope="col" className="px-3 py-2 text-right font-medium">
              {t("status.overdue")}
            </th>
            {remind ? (
              <th scope="col" className="px-3 py-2 text-right font-medium">
                <span className="sr-only">{t("reviews.dashboard.actions")}</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((row) => {
            const done = percent(row.approved, row.total);
            return (
              <tr key={row.unitId}>
                <th scope="row" className="sticky left-0 bg-white px-3 py-2 text-left font-normal">
                  {row.unitName}
                  <span className="ml-1 text-xs text-slate-400">{t(`unitKind.${row.unitKind}`)}</span>
                </th>
                <td className="px-3 py-2">
                  <div className="flex items-center gap-2">
                    <div className="h-2 w-24 overflow-hidden rounded-full bg-slate-100">
                      <div className="h-full bg-emerald-500" style={{ width: `${done}%` }} />
                    </div>
                    <span className="tabular-nums text-slate-600">
                      {row.approved}/{row.total}
                    </span>
                  </div>
                </td>
                <td className="px-3 py-2 text-right tabular-nums">{row.submitted}</td>
                <td className="px-3 py-2 text-right tabular-nums">{row.returned}</td>
                <td className={`px-3 py-2 text-right tabular-nums ${row.overdue ? "font-semibold text-red-700" : ""}`}>
                  {row.overdue}
                </td>
                {remind ? (
                  <td className="px-3 py-1.5 text-right">
                    {row.pending + row.returned > 0 ? (
                      <RemindUnitButton
                        unitId={row.unitId}
                        unitName={row.unitName}
                        campaignId={remind.campaignId}
                        action={remind.action}
                      />
                    ) : null}
                  </td>
                ) : null}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
