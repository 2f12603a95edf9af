import * as q from "@/db/queries/hazard-ledger";
import type { TenancyCases } from "./case";

export const cases: TenancyCases = {
  hazardLedgerRows: async (ctx) => {
    const rows = await q.hazardLedgerRows(ctx);
    return { ids: rows.map((r) => r.id), total: rows.length };
  },
};
