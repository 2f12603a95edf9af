import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import type { AssignmentListItem } from "@/db/queries/assignments";
import { displayState, trafficLight } from "@/lib/status";
import { StatusChip } from "@/components/ui/status-chip";
import { TrafficLight } from "@/components/ui/traffic-light";

/** Cards on a phone, a roomy list on a desktop: one row per assignment, deadline first. */
export function AssignmentList({ items, now, showUnit }: { items: AssignmentListItem[]; now: Date; showUnit: boolean }) {
  const t = useTranslations("tasks");
  const format = useFormatter();
  if (items.length === 0) {
    return <p className="rounded-xl bg-white p-6 text-center text-slate-500 ring-1 ring-slate-200">{t("empty")}</p>;
  }
  return (
    <ul aria-label={t("listLabel")} className="space-y-2">
      {items.map((item) => {
        const state = displayState(item.status, item.deadline, now);
        return (
          <li key={item.id}>
            <Link
              href={`/tasks/${item.id}`}
              className="flex items-start gap-3 rounded-xl bg-white p-4 ring-1 ring-slate-200 hover:ring-brand-600 active:bg-slate-50"
            >
              <span className="mt-1.5">
                <TrafficLight light={trafficLight(item.status, item.deadline, now)} />
              </span>
              <span className="min-w-0 flex-1">
                <span className="flex items-start justify-between gap-2">
                  <span className="font-medium leading-snug">{item.taskTitle}</span>
                  <StatusChip state={state} />
                </span>
                <span className="mt-1 block truncate text-sm text-slate-500">
                  {item.campaignName} · {item.activityTitle}
                </span>
                <span className="mt-1 flex flex-wrap gap-x-3 text-sm">
                  <span className={state === "overdue" ? "font-medium text-red-700" : "text-slate-600"}>
                    {t("deadline")} {format.dateTime(item.deadline, { year: "numeric", month: "2-digit", day: "2-digit" })}
                  </span>
                  {showUnit ? <span className="text-slate-600">{item.unitName}</span> : null}
                  {!showUnit && !item.acknowledgedAt && item.status === "pending" ? (
                    <span className="text-brand-700">{t("notAcknowledged")}</span>
                  ) : null}
                </span>
              </span>
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
