import * as q from "@/db/queries/reach-admin";
import type { TenancyCases } from "./case";

// tests/tenancy.test.ts gives both townships a robot and a delivery, so there is something to leak.
export const cases: TenancyCases = {
  reachSettingsOf: async (ctx) => {
    const view = await q.reachSettingsOf(ctx);
    return { ids: [], total: view.saved ? 1 : 0 };
  },
  listRobots: async (ctx) => {
    const rows = await q.listRobots(ctx);
    return { ids: rows.map((r) => r.id), total: rows.length };
  },
  listDeliveries: async (ctx) => {
    const rows = [...(await q.listDeliveries(ctx)), ...(await q.listDeliveries(ctx, { status: "failed" }))];
    return { ids: rows.map((r) => r.id), total: rows.length };
  },
};
