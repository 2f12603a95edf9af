import { useTranslations } from "next-intl";
import type { HazardDisplayState, HazardLevel } from "@/lib/hazard-status";

const STATE_STYLES: Record<HazardDisplayState, string> = {
  reported: "bg-slate-100 text-slate-700 ring-slate-200",
  rectifying: "bg-amber-50 text-amber-800 ring-amber-200",
  rectified: "bg-sky-50 text-sky-800 ring-sky-200",
  verified: "bg-emerald-50 text-emerald-700 ring-emerald-200",
  overdue: "bg-red-50 text-red-700 ring-red-200",
};

/** The hazard's status, with overdue rectification shown in red. */
export function HazardStatusChip({ state }: { state: HazardDisplayState }) {
  const t = useTranslations("hazards.status");
  return (
    <span className={`inline-flex shrink-0 items-center rounded-full px-2 py-0.5 text-xs font-medium ring-1 ${STATE_STYLES[state]}`}>
      {t(state)}
    </span>
  );
}

/** 重大 stands out; 一般 is shown only where the level is asked for. */
export function HazardLevelBadge({ level, quiet = false }: { level: HazardLevel; quiet?: boolean }) {
  const t = useTranslations("hazards.level");
  if (level === "general") {
    return quiet ? null : <span className="inline-flex shrink-0 rounded px-1.5 py-0.5 text-xs text-slate-600 ring-1 ring-slate-200">{t("general")}</span>;
  }
  return <span className="inline-flex shrink-0 rounded bg-red-600 px-1.5 py-0.5 text-xs font-semibold text-white">{t("major")}</span>;
}
