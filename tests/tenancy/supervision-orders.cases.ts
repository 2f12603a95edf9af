import { supervisionOrders } from "@/db/schema";
import * as q from "@/db/queries/supervision-orders";
import type { TenancyCases } from "./case";

export const cases: TenancyCases = {
  // Asks for the orders of every assignment that has one, in either township: only the caller's (a liaison: their unit's) may come back.
  listSupervisionOrders: async (ctx) => {
    const all = await ctx.db.selectDistinct({ assignmentId: supervisionOrders.assignmentId }).from(supervisionOrders);
    const found = (await Promise.all(all.map((o) => q.listSupervisionOrders(ctx, o.assignmentId)))).flat();
    return { ids: found.map((o) => o.assignmentId), total: found.length };
  },
};
