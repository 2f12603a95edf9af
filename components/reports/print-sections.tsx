import { getFormatter, getTranslations } from "next-intl/server";
import type { attentionItems } from "@/db/queries/exports";
import type { hazardSummary } from "@/db/queries/hazard-ledger";
import { HAZARD_LEVELS, HAZARD_STATUSES } from "@/lib/hazard-status";

const cell = "border border-slate-300 px-1.5 py-1 align-top";
const head = `${cell} bg-slate-100 text-left font-medium`;

/** Overdue and returned work, with the last return reason. */
export async function AttentionTable({ items }: { items: Awaited<ReturnType<typeof attentionItems>> }) {
  const t = await getTranslations();
  const format = await getFormatter();
  if (items.length === 0) return <p className="text-sm text-slate-600">{t("exports.report.noAttention")}</p>;
  return (
    <div className="relative overflow-x-auto print:overflow-visible">
      <table className="w-full border-collapse text-xs">
        <thead>
          <tr>
            <th scope="col" className={head}>{t("exports.report.unit")}</th>
            <th scope="col" className={head}>{t("exports.report.task")}</th>
            <th scope="col" className={head}>{t("exports.report.deadline")}</th>
            <th scope="col" className={head}>{t("exports.report.state")}</th>
            <th scope="col" className={head}>{t("exports.report.reason")}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.id}>
              <td className={`${cell} min-w-24`}>{item.unitName}</td>
              <td className={`${cell} min-w-40`}>{item.taskTitle}</td>
              <td className={`${cell} whitespace-nowrap tabular-nums`}>
                {format.dateTime(item.deadline, { year: "numeric", month: "2-digit", day: "2-digit" })}
              </td>
              <td className={`${cell} whitespace-nowrap ${item.overdue ? "text-red-700" : "text-orange-700"}`}>
                {t(`status.${item.overdue ? "overdue" : item.status}`)}
              </td>
              <td className={`${cell} min-w-40`}>{item.returnReason ?? ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Hazards counted by rectification status (rows) × level (columns). */
export async function HazardTable({ rows }: { rows: Awaited<ReturnType<typeof hazardSummary>> }) {
  const t = await getTranslations();
  if (rows.length === 0) return <p className="text-sm text-slate-600">{t("exports.report.noHazards")}</p>;
  const countOf = (status?: string, level?: string) =>
    rows.filter((r) => (!status || r.status === status) && (!level || r.level === level)).reduce((n, r) => n + r.count, 0);
  return (
    <table className="w-full max-w-lg border-collapse text-sm">
      <thead>
        <tr>
          <th scope="col" className={head}>{t("exports.report.hazardStatus")}</th>
          {HAZARD_LEVELS.map((level) => (
            <th key={level} scope="col" className={`${head} text-right`}>{t(`hazards.level.${level}`)}</th>
          ))}
          <th scope="col" className={`${head} text-right`}>{t("exports.report.hazardTotal")}</th>
        </tr>
      </thead>
      <tbody>
        {[...HAZARD_STATUSES, undefined].map((status) => (
          <tr key={status ?? "total"} className={status ? "" : "font-semibold"}>
            <th scope="row" className={`${cell} text-left font-normal`}>
              {status ? t(`hazards.status.${status}`) : t("exports.report.hazardTotal")}
            </th>
            {HAZARD_LEVELS.map((level) => (
              <td key={level} className={`${cell} text-right tabular-nums`}>{countOf(status, level)}</td>
            ))}
            <td className={`${cell} text-right tabular-nums`}>{countOf(status)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** 填报单位（盖章）/ 负责人 / 审核人 / 日期, with room to sign and stamp on paper. */
export async function SignOff() {
  const t = await getTranslations("exports.report");
  const fields = [t("signUnit"), t("signHead"), t("signReviewer"), t("signDate")];
  return (
    <dl className="grid gap-x-8 gap-y-6 sm:grid-cols-2 print:grid-cols-2">
      {fields.map((label, i) => (
        <div key={label} className={`flex items-end gap-2 ${i === 0 ? "min-h-24" : "min-h-12"}`}>
          <dt className="shrink-0 text-sm">{label}：</dt>
          <dd className="h-8 flex-1 border-b border-slate-500" />
        </div>
      ))}
    </dl>
  );
}
