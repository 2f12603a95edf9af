/**
 * How one cell of the unit × activity matrix is coloured, from the counts of
 * that unit's assignments in that activity. Used by the dashboard heat-map and
 * the exports alike.
 */
export type CellState = "approved" | "submitted" | "in_progress" | "overdue" | "not_applicable";

/** Legend order: worst first, as a leader reads the map. */
export const CELL_STATES: readonly CellState[] = ["overdue", "in_progress", "submitted", "approved", "not_applicable"];

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

/**
 * Units with the work that needs attention first: the most overdue
 * assignments, then the smallest share approved; ties keep their order.
 * The capped heat-map of a large township shows these.
 */
export function attentionOrder<U extends { id: string }>(
  units: readonly U[],
  cells: readonly (CellCounts & { unitId: string })[],
): U[] {
  const byUnit = new Map<string, { overdue: number; approved: number; total: number }>();
  for (const c of cells) {
    const sum = byUnit.get(c.unitId) ?? { overdue: 0, approved: 0, total: 0 };
    sum.overdue += c.overdue;
    sum.approved += c.approved;
    sum.total += c.total;
    byUnit.set(c.unitId, sum);
  }
  const share = (id: string) => {
    const sum = byUnit.get(id);
    return sum && sum.total > 0 ? sum.approved / sum.total : 1;
  };
  return units
    .map((unit, index) => ({ unit, index, overdue: byUnit.get(unit.id)?.overdue ?? 0, share: share(unit.id) }))
    .sort((a, b) => b.overdue - a.overdue || a.share - b.share || a.index - b.index)
    .map((entry) => entry.unit);
}

export interface Counts {
  total: number;
  pending: number;
  submitted: number;
  approved: number;
  returned: number;
  overdue: number;
}

/** The sum of several cells' counts: the matrix cells add up to the headline figures. */
export function sumCounts(rows: readonly Counts[]): Counts {
  const sum: Counts = { total: 0, pending: 0, submitted: 0, approved: 0, returned: 0, overdue: 0 };
  for (const r of rows) {
    sum.total += r.total;
    sum.pending += r.pending;
    sum.submitted += r.submitted;
    sum.approved += r.approved;
    sum.returned += r.returned;
    sum.overdue += r.overdue;
  }
  return sum;
}
