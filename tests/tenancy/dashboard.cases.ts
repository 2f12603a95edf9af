import * as q from "@/db/queries/dashboard";
import type { TenancyCases } from "./case";

export const cases: TenancyCases = {
  unitProgress: async (ctx, { campaignId, now }) => {
    const rows = await q.unitProgress(ctx, campaignId, now);
    return { ids: rows.map((r) => r.unitId), total: rows.reduce((sum, r) => sum + r.total, 0) };
  },
  overdueAssignments: async (ctx, { campaignId, now }) => {
    const rows = await q.overdueAssignments(ctx, campaignId, now, 10_000);
    return { ids: rows.map((r) => r.id), total: rows.length };
  },
  campaignPhases: async (ctx, { campaignId }) => {
    const rows = await q.campaignPhases(ctx, campaignId);
    return { ids: rows.map((r) => r.id), total: rows.length };
  },
};
