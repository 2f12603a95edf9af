import * as q from "@/db/queries/ranking";
import type { TenancyCases } from "./case";

export const cases: TenancyCases = {
  unitRanking: async (ctx, { campaignId, now }) => {
    const rows = await q.unitRanking(ctx, campaignId, now);
    return { ids: rows.map((r) => r.unitId), total: rows.reduce((sum, r) => sum + r.total, 0) };
  },
};
