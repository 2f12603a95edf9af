import * as q from "@/db/queries/export-audit";
import type { TenancyCases } from "./case";

export const cases: TenancyCases = {
  auditExportPage: async (ctx, { campaignId }) => {
    const rows = await q.auditExportPage(ctx, campaignId);
    return { ids: rows.flatMap((r) => (r.entityId ? [r.id, r.entityId] : [r.id])), total: rows.length };
  },
};
