import * as q from "@/db/queries/hazard-ledger";
import type { TenancyCases } from "./case";

export const cases: TenancyCases = {
  hazardExportPage: async (ctx, { campaignId }) => {
    const rows = await q.hazardExportPage(ctx, campaignId);
    return { ids: rows.map((r) => r.id), total: rows.length };
  },
  hazardSummary: async (ctx, { campaignId }) => {
    const rows = await q.hazardSummary(ctx, campaignId);
    return { ids: [], total: rows.reduce((n, r) => n + r.count, 0) };
  },
};
