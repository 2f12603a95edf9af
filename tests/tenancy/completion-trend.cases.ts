import * as q from "@/db/queries/completion-trend";
import type { TenancyCases } from "./case";

export const cases: TenancyCases = {
  approvalsPerDay: async (ctx, { campaignId }) => {
    const rows = await q.approvalsPerDay(ctx, campaignId);
    return { ids: [], total: rows.reduce((sum, r) => sum + r.approved, 0) };
  },
};
