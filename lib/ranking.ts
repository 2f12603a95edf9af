/**
 * The unit ranking for assessment (考核). Pure, so the page shows the same
 * formula the code applies, and the test checks it against hand counts.
 *
 * score = 100 × (on-time + 0.6 × late) ÷ due − 2 × returns − 5 × overdue, at least 0.
 *
 * - due: assignments whose deadline has passed, plus any approved early;
 *   work not yet due neither helps nor hurts.
 * - on-time: approved, and the approved submission was made by the deadline
 *   (the reviewer's delay is not the unit's, as in lib/status);
 * - late: approved, submitted after the deadline;
 * - returns: every time the unit's work was sent back (驳回);
 * - overdue: open work past its deadline now.
 */
export const SCORE_WEIGHTS = { late: 0.6, returns: 2, overdue: 5 } as const;

export interface RankingCounts {
  due: number;
  onTime: number;
  late: number;
  returns: number;
  overdue: number;
}

/** Null when nothing is due yet: such a unit is listed but not ranked. */
export function rankingScore(c: RankingCounts): number | null {
  if (c.due === 0) return null;
  const raw =
    (100 * (c.onTime + SCORE_WEIGHTS.late * c.late)) / c.due -
    SCORE_WEIGHTS.returns * c.returns -
    SCORE_WEIGHTS.overdue * c.overdue;
  return Math.max(0, Math.round(raw * 10) / 10);
}

/** Highest score first; among equals fewer overdue, then the name. Unranked units last. */
export function rankUnits<T extends RankingCounts & { unitName: string }>(rows: readonly T[]) {
  return rows
    .map((row) => ({ ...row, score: rankingScore(row) }))
    .sort(
      (a, b) =>
        (b.score ?? -1) - (a.score ?? -1) || a.overdue - b.overdue || a.unitName.localeCompare(b.unitName, "zh-CN"),
    );
}
