/**
 * How one cell of the unit × activity matrix is coloured, from the counts of
 * that unit's assignments in that activity. Used by the dashboard heat-map and
 * the exports alike.
 */
export type CellState = "approved" | "submitted" | "in_progress" | "overdue" | "not_applicable";

export interface CellCounts {
  total: number;
  approved: number;
  submitted: number;
  overdue: number;
}

export function cellState(c: CellCounts): CellState {
  if (c.total === 0) return "not_applicable";
  if (c.overdue > 0) return "overdue";
  if (c.approved === c.total) return "approved";
  if (c.approved + c.submitted === c.total) return "submitted";
  return "in_progress";
}
