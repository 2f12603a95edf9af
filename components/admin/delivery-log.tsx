import { getFormatter, getTranslations } from "next-intl/server";
import type { DeliveryLogRow, DeliveryStatus } from "@/db/queries/reach-admin";

const STATUS_STYLES: Record<DeliveryStatus, string> = {
  pending: "bg-slate-100 text-slate-700 ring-slate-200",
  sending: "bg-amber-50 text-amber-800 ring-amber-200",
  sent: "bg-emerald-50 text-emerald-700 ring-emerald-200",
  failed: "bg-red-50 text-red-700 ring-red-200",
};

/** 推送记录: one row per delivery, with the provider's last answer as it was kept. */
export async function DeliveryLog({ rows }: { rows: DeliveryLogRow[] }) {
  const t = await getTranslations("admin");
  const format = await getFormatter();
  const when = (at: Date | null) => (at ? format.dateTime(at, { dateStyle: "short", timeStyle: "short" }) : "—");
  if (rows.length === 0) return <p className="text-sm text-slate-500">{t("deliveries.empty")}</p>;
  const columns = ["time", "channel", "recipient", "subject", "status", "attempts", "sentAt", "response"] as const;
  return (
    <div className="overflow-x-auto rounded-xl bg-white ring-1 ring-slate-200">
      <table aria-label={t("deliveries.list")} className="min-w-full text-left text-sm">
        <thead className="bg-slate-50 text-xs text-slate-500">
          <tr>
            {columns.map((c) => (
              <th key={c} scope="col" className="px-3 py-2 font-medium whitespace-nowrap">
                {t(`deliveries.columns.${c}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} className="border-t border-slate-100 align-top">
              <td className="px-3 py-2 whitespace-nowrap">{when(row.createdAt)}</td>
              <td className="px-3 py-2 whitespace-nowrap">{t(`channels.${row.channel}`)}</td>
              <td className="px-3 py-2 break-all">{row.recipient}</td>
              <td className="px-3 py-2">{row.subject}</td>
              <td className="px-3 py-2">
                <span className={`inline-flex rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap ring-1 ${STATUS_STYLES[row.status]}`}>
                  {t(`deliveries.status.${row.status}`)}
                </span>
              </td>
              <td className="px-3 py-2 text-right">{row.attempts}</td>
              <td className="px-3 py-2 whitespace-nowrap">{when(row.sentAt)}</td>
              <td className="max-w-[24rem] px-3 py-2 font-mono text-xs break-all text-slate-600">{row.lastResponse ?? "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
