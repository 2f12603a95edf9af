import { useTranslations } from "next-intl";
import type { DisplayState } from "@/lib/status";

const STYLES: Record<DisplayState, string> = {
  pending: "bg-slate-100 text-slate-700 ring-slate-200",
  submitted: "bg-amber-50 text-amber-800 ring-amber-200",
  approved: "bg-emerald-50 text-emerald-700 ring-emerald-200",
  returned: "bg-orange-50 text-orange-800 ring-orange-200",
  overdue: "bg-red-50 text-red-700 ring-red-200",
};

export function StatusChip({ state }: { state: DisplayState }) {
  const t = useTranslations("status");
  return (
    <span className={`inline-flex shrink-0 items-center rounded-full px-2 py-0.5 text-xs font-medium ring-1 ${STYLES[state]}`}>
      {t(state)}
    </span>
  );
}
