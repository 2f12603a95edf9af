import * as q from "@/db/queries/campaigns";
import type { TenancyCases } from "./case";

export const cases: TenancyCases = {
  listCampaignsWithProgress: async (ctx, { now }) => {
    const rows = await q.listCampaignsWithProgress(ctx, now);
    return { ids: rows.map((r) => r.id), total: rows.reduce((sum, r) => sum + r.counts.total, 0) };
  },
  getCampaign: async (ctx, { campaignId }) => {
    const row = await q.getCampaign(ctx, campaignId);
    return { ids: row ? [row.id] : [], total: row ? 1 : 0 };
  },
  campaignStatusCounts: async (ctx, { campaignId, now }) => {
    const counts = await q.campaignStatusCounts(ctx, campaignId, now);
    return { ids: [], total: counts.total };
  },
};
