import * as q from "@/db/queries/admin";
import type { TenancyCases } from "./case";

export const cases: TenancyCases = {
  listUnits: async (ctx) => {
    const rows = await q.listUnits(ctx);
    return { ids: rows.map((r) => r.id), total: rows.length };
  },
  // Users are global; what must not leak is another township's memberships (and their units).
  listMembers: async (ctx) => {
    const rows = await q.listMembers(ctx);
    return { ids: rows.flatMap((r) => (r.unitId ? [r.unitId] : [])), total: rows.length };
  },
};
