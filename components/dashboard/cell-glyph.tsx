import type { CellState } from "@/lib/compliance";

/** Background and text colour per state: the hues of the exports' matrix (lib/exports/labels). */
export const CELL_STYLE: Record<CellState, string> = {
  approved: "bg-emerald-100 text-emerald-800",
  submitted: "bg-blue-100 text-blue-800",
  in_progress: "bg-amber-100 text-amber-900",
  overdue: "bg-red-100 text-red-800 ring-1 ring-inset ring-red-300",
  not_applicable: "bg-slate-50 text-slate-400",
};

/** Diagonal hatching for "not applicable", so it reads apart from the colours. */
export const NOT_APPLICABLE_PATTERN = {
  backgroundImage: "repeating-linear-gradient(135deg, transparent 0 5px, rgb(226 232 240) 5px 6px)",
};

const PATHS: Record<CellState, string> = {
  approved: "M3 8.5l3 3 7-7",
  submitted: "M8 11V3M4.5 6.5L8 3l3.5 3.5M3 13.5h10",
  in_progress: "M8 2.5a5.5 5.5 0 1 0 0 11a5.5 5.5 0 1 0 0-11zM8 2.5v11",
  overdue: "M8 2.5v7M8 12.5v1",
  not_applicable: "M4 8h8",
};

/** A small shape per state, so the map does not rely on colour alone. */
export function CellGlyph({ state, className = "h-3.5 w-3.5" }: { state: CellState; className?: string }) {
  return (
    <svg
      viewBox="0 0 16 16"
      aria-hidden="true"
      className={`shrink-0 ${className}`}
      fill="none"
      stroke="currentColor"
      strokeWidth={state === "overdue" ? 2.6 : 2}
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      <path d={PATHS[state]} />
    </svg>
  );
}
