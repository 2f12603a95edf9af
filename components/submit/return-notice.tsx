import { getFormatter, getTranslations } from "next-intl/server";

/** The latest 退回 of a returned assignment, shown above the form so the liaison knows what to fix. */
export async function ReturnNotice({ reason, actorName, at }: { reason: string | null; actorName: string | null; at: Date }) {
  const t = await getTranslations("submit.returned");
  const format = await getFormatter();
  return (
    <section className="rounded-2xl bg-orange-50 p-5 ring-1 ring-orange-200" aria-labelledby="return-notice-title">
      <h2 id="return-notice-title" className="font-semibold text-orange-900">
        {t("title")}
      </h2>
      {reason ? <p className="mt-2 text-base leading-relaxed text-orange-950">{t("reason", { reason })}</p> : null}
      <p className="mt-2 text-xs text-orange-800/80">
        {t("by", { name: actorName ?? "", time: format.dateTime(at, { dateStyle: "medium", timeStyle: "short" }) })}
      </p>
    </section>
  );
}
