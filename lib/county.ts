/**
 * The county roll-up's rows, put together from the grouped queries of
 * db/queries/county.ts: one row per township, for the page and the export alike.
 */
import type { HazardLevel } from "./hazard-status";

export interface HazardCounts {
  open: number;
  overdue: number;
  closed: number;
}

export interface CountyRow {
  townshipId: string;
  townshipName: string;
  townshipCode: string;
  /** False when the township runs no campaign of the chosen template. */
  hasCampaign: boolean;
  total: number;
  approved: number;
  overdue: number;
  returns: number;
  completion: number;
  hazards: Record<HazardLevel, HazardCounts>;
}

interface Township {
  id: string;
  name: string;
  code: string;
}
interface CampaignFigures {
  townshipId: string;
  total: number;
  approved: number;
  overdue: number;
  returns: number;
  completion: number;
}
interface HazardFigures extends HazardCounts {
  townshipId: string;
  level: HazardLevel;
}

const noHazards = (): HazardCounts => ({ open: 0, overdue: 0, closed: 0 });

export function countyRows(townships: Township[], campaign: CampaignFigures[], hazards: HazardFigures[]): CountyRow[] {
  return townships.map((t) => {
    const figures = campaign.find((c) => c.townshipId === t.id);
    const byLevel = { general: noHazards(), major: noHazards() };
    for (const h of hazards) {
      if (h.townshipId === t.id) byLevel[h.level] = { open: h.open, overdue: h.overdue, closed: h.closed };
    }
    return {
      townshipId: t.id,
      townshipName: t.name,
      townshipCode: t.code,
      hasCampaign: figures !== undefined,
      total: figures?.total ?? 0,
      approved: figures?.approved ?? 0,
      overdue: figures?.overdue ?? 0,
      returns: figures?.returns ?? 0,
      completion: figures?.completion ?? 0,
      hazards: byLevel,
    };
  });
}

/** The county's totals row: sums of counts, completion recomputed from the sums. */
export function countyTotals(rows: CountyRow[]): Omit<CountyRow, "townshipId" | "townshipName" | "townshipCode" | "hasCampaign"> {
  const add = (pick: (r: CountyRow) => number) => rows.reduce((n, r) => n + pick(r), 0);
  const level = (l: HazardLevel): HazardCounts => ({
    open: add((r) => r.hazards[l].open),
    overdue: add((r) => r.hazards[l].overdue),
    closed: add((r) => r.hazards[l].closed),
  });
  const total = add((r) => r.total);
  const approved = add((r) => r.approved);
  return {
    total,
    approved,
    overdue: add((r) => r.overdue),
    returns: add((r) => r.returns),
    completion: total === 0 ? 0 : approved / total,
    hazards: { general: level("general"), major: level("major") },
  };
}

/** Ranking by completion (highest first), then fewer overdue, then division code; townships without the campaign are left out. */
export function rankTownships(rows: CountyRow[]): CountyRow[] {
  return rows
    .filter((r) => r.hasCampaign)
    .sort((a, b) => b.completion - a.completion || a.overdue - b.overdue || a.townshipCode.localeCompare(b.townshipCode));
}
