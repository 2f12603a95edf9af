import * as q from "@/db/queries/hazard-files";
import { files } from "@/db/schema";
import type { TenancyCases } from "./case";

export const cases: TenancyCases = {
  // Asks for every file in the database by id: only files in the caller's scope may come back.
  getHazardFile: async (ctx) => {
    const all = await ctx.db.select({ id: files.id }).from(files);
    const found = await Promise.all(all.map((f) => q.getHazardFile(ctx, f.id)));
    const ids = found.flatMap((row) => (row ? [row.id] : []));
    return { ids, total: ids.length };
  },
};
