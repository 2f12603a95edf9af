import * as q from "@/db/queries/evidence";
import { files, submissions } from "@/db/schema";
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
  // Asks for every file in the database by id: only files in the caller's scope may come back.
  getEvidenceFile: async (ctx) => {
    const all = await ctx.db.select({ id: files.id }).from(files);
    const found = await Promise.all(all.map((f) => q.getEvidenceFile(ctx, f.id)));
    const ids = found.flatMap((row) => (row ? [row.id] : []));
    return { ids, total: ids.length };
  },
};
