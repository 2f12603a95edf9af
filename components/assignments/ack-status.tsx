import { getFormatter, getTranslations } from "next-intl/server";
import { ackDueOf, ackLimitOf, ackState, type AckItem } from "@/lib/reach/ack-state";
import type { ReachSchedule } from "@/lib/reach/rules";

/**
 * 签收 on the task page, as rows of its facts list: signed for (when) or not,
 * and the 签收时限 due time, marked 已超时 once it has passed unsigned.
 */
export async function AckStatusRows({ item, schedule, now }: { item: AckItem; schedule: ReachSchedule; now: Date }) {
  const t = await getTranslations("assignment.ack");
  const ta = await getTranslations("assignment");
  const format = await getFormatter();
  const time = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short" });
  const state = ackState(item, schedule, now);
  const due = ackDueOf(item, schedule);
  return (
    <>
      <dt className="text-slate-500">{t("label")}</dt>
      <dd data-ack-state={state}>
        {item.acknowledgedAt ? (
          <span className="text-emerald-700">✓ {ta("acknowledgedAt", { time: time(item.acknowledgedAt) })}</span>
        ) : (
          <span className={state === "late" ? "font-medium text-red-700" : ""}>
            {t("notSigned")}
            {state === "late" ? (
              <span className="ml-2 rounded bg-red-50 px-1.5 py-0.5 text-xs font-medium text-red-700 ring-1 ring-red-200">
                {t("late")}
              </span>
            ) : null}
          </span>
        )}
      </dd>
      <dt className="text-slate-500">{t("dueLabel")}</dt>
      <dd className={state === "late" ? "font-medium text-red-700" : ""}>
        {due ? t("due", { time: time(due), hours: ackLimitOf(item, schedule) }) : t("notPublished")}
      </dd>
    </>
  );
}
