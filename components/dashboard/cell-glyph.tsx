import type { CellState } from "@/lib/compliance";
import type { EscalationLevel } from "@/lib/reach/rules";

/**
 * Background and text colour per state: the hues of the exports' matrix
 * (lib/exports/labels). "Not applicable" is hatched (.hm-na in app/globals.css)
 * so it reads apart from the colours.
 */
export const CELL_STYLE: Record<CellState, string> = {
  approved: "bg-emerald-100 text-emerald-800",
  submitted: "bg-blue-100 text-blue-800",
  in_progress: "bg-amber-100 text-amber-900",
  overdue: "bg-red-100 text-red-800 ring-1 ring-inset ring-red-300",
  not_applicable: "hm-na bg-slate-50 text-slate-400",
};

/**
 * A text mark per state, so the map does not rely on colour alone. Plain
 * characters rather than an SVG per cell: a 200-unit map has 1,600 cells.
 */
export const CELL_GLYPH: Record<CellState, string> = {
  approved: "✓",
  submitted: "↑",
  in_progress: "◐",
  overdue: "!",
  not_applicable: "–",
};

/**
 * The 三色督办 mark of an overdue cell: a one-character word (蓝 / 黄 / 红) on
 * the level's colour, so it reads without the colour too.
 */
export const ESCALATION_MARK: Record<EscalationLevel, string> = {
  blue: "rounded px-0.5 text-[10px] leading-4 bg-blue-700 text-white",
  yellow: "rounded px-0.5 text-[10px] leading-4 bg-yellow-300 text-yellow-950",
  red: "rounded px-0.5 text-[10px] leading-4 bg-red-700 text-white",
};
