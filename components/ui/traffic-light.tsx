import { useTranslations } from "next-intl";
import type { TrafficLight as Light } from "@/lib/status";

const COLORS: Record<Light, string> = {
  red: "bg-red-500",
  yellow: "bg-amber-400",
  green: "bg-emerald-500",
  none: "bg-slate-300",
};

/** The coloured dot beside a task, with its meaning for screen readers and on hover. */
export function TrafficLight({ light }: { light: Light }) {
  const t = useTranslations("light");
  return (
    <span
      role="img"
      aria-label={t(light)}
      title={t(light)}
      data-light={light}
      className={`inline-block h-3 w-3 shrink-0 rounded-full ${COLORS[light]}`}
    />
  );
}
