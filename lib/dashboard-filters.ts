import { z } from "zod";

export const UNIT_KINDS = ["village", "community", "department", "enterprise", "school"] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

/** The dashboard's filters: which unit kinds and which phase of the campaign. Empty means all. */
export interface DashboardFilters {
  unitKinds?: UnitKind[];
  phaseId?: string;
}

export interface DashboardParams extends DashboardFilters {
  campaignId?: string;
  /** Activities chosen for the completion views, instead of the default ones. */
  viewActivityId?: string;
  /** Every unit in the heat-map, ranking and progress tables (`?units=all`), not only the first few. */
  allUnits?: boolean;
}

/** Rows of the ranking and progress tables shown before "show all": a township can have 200 units. */
export const DASHBOARD_UNIT_ROWS = 20;

/** Heat-map rows shown before "show all": 200 units × 8 activities would be 1,600 cells to render. */
export const HEATMAP_UNIT_ROWS = 50;

/** The rows a unit table shows, in its own order: all with `?units=all`, else the first `limit`. */
export function unitRows<T>(rows: T[], params: DashboardParams, limit = DASHBOARD_UNIT_ROWS): T[] {
  return params.allUnits ? rows : rows.slice(0, limit);
}

type RawParams = Record<string, string | string[] | undefined>;

const uuid = z.uuid();
const validId = (value: unknown) => (typeof value === "string" && uuid.safeParse(value).success ? value : undefined);
const list = (value: string | string[] | undefined) =>
  (Array.isArray(value) ? value : value ? [value] : []).flatMap((v) => v.split(","));

/**
 * Reads `?campaign=&kind=&phase=&view=&units=all` leniently: an unknown kind or a
 * malformed id is dropped rather than refused, so a hand-edited URL still
 * shows a dashboard (ids are scoped by the queries anyway).
 */
export function parseDashboardParams(raw: RawParams): DashboardParams {
  const kinds = [...new Set(list(raw.kind))].filter((k): k is UnitKind => (UNIT_KINDS as readonly string[]).includes(k));
  const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
  return {
    campaignId: validId(first(raw.campaign)),
    unitKinds: kinds.length ? UNIT_KINDS.filter((k) => kinds.includes(k)) : undefined,
    phaseId: validId(first(raw.phase)),
    viewActivityId: validId(first(raw.view)),
    ...(first(raw.units) === "all" ? { allUnits: true } : {}),
  };
}

/** The query string for a dashboard URL; `overrides` replace single params (undefined removes one). */
export function dashboardQuery(params: DashboardParams, overrides: Partial<DashboardParams> = {}): string {
  const merged = { ...params, ...overrides };
  const search = new URLSearchParams();
  if (merged.campaignId) search.set("campaign", merged.campaignId);
  for (const kind of merged.unitKinds ?? []) search.append("kind", kind);
  if (merged.phaseId) search.set("phase", merged.phaseId);
  if (merged.viewActivityId) search.set("view", merged.viewActivityId);
  if (merged.allUnits) search.set("units", "all");
  const text = search.toString();
  return text ? `?${text}` : "";
}
