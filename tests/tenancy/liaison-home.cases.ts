import * as q from "@/db/queries/liaison-home";
import type { TenancyCases } from "./case";

export const cases: TenancyCases = {
  liaisonHome: async (ctx, { now }) => {
    const home = await q.liaisonHome(ctx, now);
    return {
      ids: [...home.progress.map((p) => p.campaignId), ...home.returned.map((r) => r.id), ...home.overdue.map((o) => o.id), ...home.next.map((n) => n.id)],
      total: home.progress.reduce((sum, p) => sum + p.total, 0),
    };
  },
};
