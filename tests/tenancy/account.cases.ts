import * as q from "@/db/queries/account";
import type { TenancyCases } from "./case";

// Users are global: the query reads the caller's own row and nothing else exists to leak.
export const cases: TenancyCases = {
  ownProfile: async (ctx) => {
    await q.ownProfile(ctx);
    return { ids: [], total: 1 };
  },
};
