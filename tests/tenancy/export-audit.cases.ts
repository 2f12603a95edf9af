import * as q from "@/db/queries/export-audit";
import type { TenancyCases } from "./case";

export const cases: TenancyCases = {
  auditExportIds: async (ctx, { campaignId }) => {
    const ids = await q.auditExportIds(ctx, campaignId);
    return { ids, total: ids.length };
  },
  auditExportRows: async (ctx, { campaignId }) => {
    const rows = await q.auditExportRows(ctx, await q.auditExportIds(ctx, campaignId));
    return { ids: rows.flatMap((r) => (r.entityId ? [r.id, r.entityId] : [r.id])), total: rows.length };
  },
};
