import * as q from "@/db/queries/public-reports";
import { publicReports } from "@/db/schema";
import type { TenancyCases } from "./case";

export const cases: TenancyCases = {
  publicReportQueue: async (ctx) => {
    const { waiting, decided } = await q.publicReportQueue(ctx, { decidedLimit: 10_000 });
    const rows = [...waiting, ...decided];
    return { ids: rows.flatMap((r) => [r.id, ...(r.hazardId ? [r.hazardId] : [])]), total: rows.length };
  },
  // Asks for every public report in the database by id.
  getPublicReport: async (ctx) => {
    const all = await ctx.db.select({ id: publicReports.id }).from(publicReports);
    const found = await Promise.all(all.map((r) => q.getPublicReport(ctx, r.id)));
    const ids = found.flatMap((row) => (row ? [row.id] : []));
    return { ids, total: ids.length };
  },
  publicReportPageCode: async (ctx) => {
    const code = await q.publicReportPageCode(ctx);
    return { ids: [], total: code ? 1 : 0 };
  },
};
