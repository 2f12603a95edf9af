import { getFormatter, getTranslations } from "next-intl/server";
import type { SupervisionOrderRow } from "@/db/queries/supervision-orders";
import { EscalationChip } from "./escalation-chip";

/** The assignment's 督办单, newest first: when, level, what was ordered, by whom. */
export async function SupervisionOrders({ orders, children }: { orders: SupervisionOrderRow[]; children?: React.ReactNode }) {
  const t = await getTranslations("supervision");
  const format = await getFormatter();
  return (
    <section aria-labelledby="supervision-orders" className="rounded-2xl bg-white p-5 ring-1 ring-slate-200">
      <h2 id="supervision-orders" className="font-semibold">
        {t("title")}
      </h2>
      {orders.length === 0 ? (
        <p className="mt-2 text-sm text-slate-500">{t("empty")}</p>
      ) : (
        <ol aria-label={t("listLabel")} className="mt-3 space-y-3">
          {orders.map((o) => (
            <li key={o.id} className="rounded-xl bg-slate-50 p-3 text-sm ring-1 ring-slate-200">
              <div className="flex flex-wrap items-center gap-2">
                <EscalationChip level={o.level} />
                <time dateTime={o.createdAt.toISOString()} className="text-slate-500">
                  {format.dateTime(o.createdAt, { dateStyle: "medium", timeStyle: "short" })}
                </time>
                {o.issuerName ? <span className="text-slate-500">{t("by", { name: o.issuerName })}</span> : null}
              </div>
              <p className="mt-2 whitespace-pre-line leading-relaxed">{o.note}</p>
            </li>
          ))}
        </ol>
      )}
      {children}
    </section>
  );
}
