import * as q from "@/db/queries/exports";
import { units } from "@/db/schema";
import type { TenancyCases } from "./case";

export const cases: TenancyCases = {
  // Walks every page with a small page size, so the keyset cursor is exercised too.
  assignmentExportPage: async (ctx, { campaignId }) => {
    const ids: string[] = [];
    let after: q.AssignmentCursor | null = null;
    for (;;) {
      const page = await q.assignmentExportPage(ctx, campaignId, { after, limit: 50, withTrail: true });
      ids.push(...page.map((r) => r.id), ...page.map((r) => r.unitId));
      const last = page.at(-1);
      if (page.length < 50 || !last) break;
      after = { kindRank: last.kindRank, unitCode: last.unitCode, activityPosition: last.activityPosition, deadlineKey: last.deadlineKey, id: last.id };
    }
    return { ids, total: ids.length / 2 };
  },
  attentionItems: async (ctx, { campaignId, now }) => {
    const rows = await q.attentionItems(ctx, campaignId, now);
    return { ids: rows.map((r) => r.id), total: rows.length };
  },
  exportUnitsByCampaign: async (ctx, { campaignId }) => {
    const rows = await q.exportUnitsByCampaign(ctx, [campaignId]);
    return { ids: rows.map((r) => r.id), total: rows.length };
  },
  // Asks for every unit in the database, both townships': only the caller's (a liaison: their own) may come back.
  getExportUnit: async (ctx) => {
    const all = await ctx.db.select({ id: units.id }).from(units);
    const found = await Promise.all(all.map((u) => q.getExportUnit(ctx, u.id)));
    const ids = found.flatMap((u) => (u ? [u.id] : []));
    return { ids, total: ids.length };
  },
};
