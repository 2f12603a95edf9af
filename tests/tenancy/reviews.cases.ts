import * as q from "@/db/queries/reviews";
import type { TenancyCases } from "./case";

export const cases: TenancyCases = {
  listReviewQueue: async (ctx) => {
    const rows = await q.listReviewQueue(ctx, { limit: 1000 });
    return { ids: rows.flatMap((r) => [r.id, r.campaignId, r.taskId]), total: rows.length };
  },
  listPendingExtensions: async (ctx) => {
    const rows = await q.listPendingExtensions(ctx);
    return { ids: rows.flatMap((r) => [r.id, r.assignmentId]), total: rows.length };
  },
  reviewQueueCount: async (ctx) => {
    const counts = await q.reviewQueueCount(ctx);
    return { ids: [], total: counts.submissions + counts.extensions };
  },
};
