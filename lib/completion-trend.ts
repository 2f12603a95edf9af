/** Cumulative completion per day, from the count of first approvals per day. Pure. */
export interface TrendPoint {
  day: string;
  approved: number;
  percent: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
}

/**
 * One point per day from `startsOn` to `today` or the campaign's end,
 * whichever is first — later if approvals came after the end. Approvals
 * dated before the start count on the first day. `total` is the denominator
 * (all assignments under the same filters).
 */
export function completionSeries(
  perDay: readonly { day: string; approved: number }[],
  total: number,
  range: { startsOn: string; endsOn: string; today: string },
): TrendPoint[] {
  const lastApproval = perDay.reduce((max, p) => (p.day > max ? p.day : max), range.startsOn);
  const end = [range.endsOn > lastApproval ? range.endsOn : lastApproval, range.today].sort()[0] ?? range.today;
  if (end < range.startsOn) return [];
  const byDay = new Map(perDay.map((p) => [p.day, p.approved]));
  let running = perDay.filter((p) => p.day < range.startsOn).reduce((n, p) => n + p.approved, 0);
  const points: TrendPoint[] = [];
  for (let day = range.startsOn; day <= end; day = nextDay(day)) {
    running += byDay.get(day) ?? 0;
    points.push({ day, approved: running, percent: total === 0 ? 0 : Math.round((running / total) * 1000) / 10 });
  }
  return points;
}
