import * as q from "@/db/queries/assignments";
import type { TenancyCases } from "./case";

export const cases: TenancyCases = {
  listAssignments: async (ctx) => {
    const rows = await q.listAssignments(ctx, { limit: 10_000 });
    return { ids: rows.map((r) => r.id), total: rows.length };
  },
  getAssignmentDetail: async (ctx) => {
    const [first] = await q.listAssignments(ctx, { limit: 1 });
    const detail = first ? await q.getAssignmentDetail(ctx, first.id) : null;
    return { ids: detail ? [detail.id, detail.campaignId] : [], total: detail ? 1 : 0 };
  },
};
