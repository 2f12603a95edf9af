import { getFormatter, getTranslations } from "next-intl/server";
import type { LateAcknowledgementUnit } from "@/db/queries/acknowledgements";
import type { ActionResult } from "@/lib/auth/action-core";
import { ChaseAckButton } from "./chase-ack-button";

/** Rows shown; 全部催签收 covers the rest too. */
const SHOWN = 20;

/**
 * 未签收: the units whose issued work in the campaign is past its 签收时限
 * unsigned, longest waiting first, each with 催签收 (for managers), and one
 * 全部催签收.
 */
export async function AckLatePanel({
  rows,
  campaignId,
  chase,
}: {
  rows: LateAcknowledgementUnit[];
  campaignId: string;
  chase?: (input: unknown) => Promise<ActionResult<{ unitsChased: number }>>;
}) {
  const t = await getTranslations("dashboard.ackLate");
  const format = await getFormatter();
  const shown = rows.slice(0, SHOWN);
  return (
    <section aria-labelledby="ack-late" className="rounded-xl bg-white p-4 ring-1 ring-slate-200">
      <h2 id="ack-late" className="font-semibold">
        {t("title")}
        {rows.length > 0 ? <span className="ml-2 text-sm font-normal text-red-700">{rows.length}</span> : null}
      </h2>
      <p className="mt-1 text-xs text-slate-500">{t("hint")}</p>
      {rows.length === 0 ? (
        <p className="mt-3 text-sm text-slate-500">{t("empty")}</p>
      ) : (
        <>
          <ul aria-label={t("listLabel")} className="mt-3 divide-y divide-slate-100">
            {shown.map((r) => (
              <li key={r.unitId} className="flex items-start justify-between gap-2 py-2 text-sm">
                <span className="min-w-0">
                  <span className="block font-medium">{r.unitName}</span>
                  <span className="block text-xs text-red-700">
                    {t("count", { count: r.count })} ·{" "}
                    {t("oldest", { time: format.dateTime(r.oldestDueAt, { dateStyle: "short", timeStyle: "short" }) })}
                  </span>
                </span>
                {chase ? <ChaseAckButton campaignId={campaignId} unitId={r.unitId} unitName={r.unitName} action={chase} /> : null}
              </li>
            ))}
          </ul>
          {rows.length > SHOWN ? <p className="mt-2 text-xs text-slate-500">{t("more", { count: rows.length - SHOWN })}</p> : null}
          {chase ? (
            <div className="mt-3">
              <ChaseAckButton campaignId={campaignId} action={chase} />
            </div>
          ) : null}
        </>
      )}
    </section>
  );
}
