import * as q from "@/db/queries/acknowledgements";
import type { TenancyCases } from "./case";

export const cases: TenancyCases = {
  lateAcknowledgementsByUnit: async (ctx, { campaignId, now }) => {
    const rows = await q.lateAcknowledgementsByUnit(ctx, campaignId, now);
    return { ids: rows.map((r) => r.unitId), total: rows.reduce((sum, r) => sum + r.count, 0) };
  },
  lateAcknowledgementItems: async (ctx, { campaignId, now }) => {
    const rows = await q.lateAcknowledgementItems(ctx, campaignId, now);
    return { ids: rows.flatMap((r) => [r.id, r.unitId]), total: rows.length };
  },
};
