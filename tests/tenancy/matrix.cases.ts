import * as q from "@/db/queries/matrix";
import type { TenancyCases } from "./case";

export const cases: TenancyCases = {
  complianceMatrix: async (ctx, { campaignId, now }) => {
    const m = await q.complianceMatrix(ctx, campaignId, now);
    return {
      ids: [...m.units.map((u) => u.id), ...m.activities.map((a) => a.id)],
      total: m.cells.reduce((sum, c) => sum + c.total, 0),
    };
  },
};
