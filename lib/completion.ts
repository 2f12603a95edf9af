import { baseTitle } from "./campaign-series";

/** One figure of one task, with what approved submissions reported for it (null: none yet). */
export interface FigureRow {
  activityId: string;
  taskId: string;
  seriesId: string | null;
  taskTitle: string;
  figurePosition: number;
  name: string;
  measureUnit: string;
  target: string | null;
  reported: string | null;
  reporting: number | null;
}

export interface FigureTotal {
  key: string;
  taskTitle: string;
  name: string;
  measureUnit: string;
  /** Null when no instance of the task sets a target. */
  target: number | null;
  reported: number;
  /** Approved submissions that reported this figure. */
  reporting: number;
}

/**
 * Sums a task's figure over the instances of a recurring task (one row per
 * period sharing a series id), so 月报 figures read as one line. Keeps the
 * order of the rows given.
 */
export function groupFigures(rows: readonly FigureRow[]): FigureTotal[] {
  const totals = new Map<string, FigureTotal>();
  for (const row of rows) {
    const key = `${row.seriesId ?? row.taskId}#${row.figurePosition}#${row.name}`;
    const total = totals.get(key) ?? {
      key,
      taskTitle: baseTitle(row.taskTitle),
      name: row.name,
      measureUnit: row.measureUnit,
      target: null,
      reported: 0,
      reporting: 0,
    };
    if (row.target !== null) total.target = (total.target ?? 0) + Number(row.target);
    total.reported += Number(row.reported ?? 0);
    total.reporting += row.reporting ?? 0;
    totals.set(key, total);
  }
  return [...totals.values()];
}

export interface UnitCell {
  unitId: string;
  total: number;
  approved: number;
  overdue: number;
}

/** A unit is done with an activity when every one of its assignments there is approved. */
export function splitDone<T extends UnitCell>(cells: readonly T[]): { done: T[]; notDone: T[] } {
  const withWork = cells.filter((c) => c.total > 0);
  return {
    done: withWork.filter((c) => c.approved === c.total),
    notDone: withWork.filter((c) => c.approved < c.total).sort((a, b) => b.overdue - a.overdue),
  };
}

/** The township's three named views: activities (一) study, (二) investigation and (七) 五进, by position. */
const NAMED_ORDINALS = [0, 1, 6];

/**
 * Which activities get a completion view: the one chosen in the select, else
 * the first, second and seventh when the campaign has seven or more (the
 * notice's study, investigation and 五进 headings), else the first. Nothing
 * here knows the seed's titles.
 */
export function chosenActivities<A extends { id: string }>(activities: A[], chosenId?: string): A[] {
  const chosen = activities.find((a) => a.id === chosenId);
  if (chosen) return [chosen];
  if (activities.length >= 7) return NAMED_ORDINALS.flatMap((i) => (activities[i] ? [activities[i]] : []));
  return activities.slice(0, 1);
}
