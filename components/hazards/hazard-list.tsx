import Link from "next/link";
import { useTranslations } from "next-intl";
import type { HazardListItem } from "@/db/queries/hazards";
import { hazardDisplayState } from "@/lib/hazard-status";
import { HazardLevelBadge, HazardStatusChip } from "./hazard-badges";

/** One card per hazard: number, 重大 badge, status, unit and the deadline (red when overdue). */
export function HazardList({ items, now, showUnit }: { items: HazardListItem[]; now: Date; showUnit: boolean }) {
  const t = useTranslations("hazards");
  if (items.length === 0) {
    return <p className="rounded-xl bg-white p-6 text-center text-slate-500 ring-1 ring-slate-200">{t("empty")}</p>;
  }
  return (
    <ul className="grid grid-cols-1 gap-2 lg:grid-cols-2">
      {items.map((item) => {
        const state = hazardDisplayState(item.status, item.rectificationDeadline, now);
        return (
          <li key={item.id}>
            <Link
              href={`/hazards/${item.id}`}
              className={`block h-full rounded-xl bg-white p-4 ring-1 hover:ring-brand-600 active:bg-slate-50 ${
                item.overdue ? "ring-red-300" : "ring-slate-200"
              }`}
            >
              <span className="flex items-start justify-between gap-2">
                <span className="flex min-w-0 items-center gap-2">
                  <HazardLevelBadge level={item.level} quiet />
                  <span className="font-mono text-xs text-slate-500">{item.number}</span>
                </span>
                <HazardStatusChip state={state} />
              </span>
              <span className="mt-1.5 block font-medium leading-snug">{item.title}</span>
              <span className="mt-1 block truncate text-sm text-slate-500">
                {showUnit ? `${item.unitName} · ` : ""}
                {item.location}
              </span>
              <span className="mt-1 flex flex-wrap gap-x-3 text-sm">
                {item.status === "verified" ? (
                  <span className="text-emerald-700">
                    {t("fields.closedOn")} {item.closedOn}
                  </span>
                ) : item.rectificationDeadline ? (
                  <span className={item.overdue ? "font-medium text-red-700" : "text-slate-600"}>
                    {t("deadlineOn", { date: item.rectificationDeadline })}
                  </span>
                ) : (
                  <span className="text-slate-500">{t("noDeadline")}</span>
                )}
                <span className="text-slate-500">{t(`source.${item.source}`)}</span>
              </span>
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
