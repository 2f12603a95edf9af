import * as q from "@/db/queries/evidence";
import { submissions } from "@/db/schema";
import type { TenancyCases } from "./case";

export const cases: TenancyCases = {
  // Asks for every submission id in the database, both townships': only the caller's files may come back.
  listSubmissionFiles: async (ctx) => {
    const all = await ctx.db.select({ id: submissions.id }).from(submissions);
    const rows = await q.listSubmissionFiles(
      ctx,
      all.map((s) => s.id),
    );
    return { ids: rows.map((r) => r.id), total: rows.length };
  },
};
