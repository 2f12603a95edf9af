import { useTranslations } from "next-intl";
import type { EscalationLevel } from "@/lib/reach/rules";

/** Colours of the 三色督办 levels; the chip always says the level in words too. */
export const ESCALATION_STYLE: Record<EscalationLevel, string> = {
  blue: "bg-blue-50 text-blue-800 ring-blue-300",
  yellow: "bg-yellow-50 text-yellow-900 ring-yellow-400",
  red: "bg-red-50 text-red-800 ring-red-300",
};

/** 蓝色督办 / 黄色督办 / 红色督办 as a chip. */
export function EscalationChip({ level }: { level: EscalationLevel }) {
  const t = useTranslations("escalationLevel");
  return (
    <span
      data-level={level}
      className={`inline-flex shrink-0 items-center gap-1 rounded-full px-2 py-0.5 text-xs font-medium ring-1 ${ESCALATION_STYLE[level]}`}
    >
      <span aria-hidden="true">●</span>
      {t(level)}
    </span>
  );
}
