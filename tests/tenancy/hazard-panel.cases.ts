import * as q from "@/db/queries/hazard-panel";
import type { TenancyCases } from "./case";

export const cases: TenancyCases = {
  hazardPanelCounts: async (ctx, { now }) => {
    const counts = await q.hazardPanelCounts(ctx, now);
    return { ids: counts.units.map((u) => u.unitId), total: counts.general.total + counts.major.total };
  },
  openMajorHazards: async (ctx, { now }) => {
    const rows = await q.openMajorHazards(ctx, now);
    return { ids: rows.map((r) => r.id), total: rows.length };
  },
};
