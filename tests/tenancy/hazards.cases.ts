import * as q from "@/db/queries/hazards";
import { hazards } from "@/db/schema";
import type { TenancyCases } from "./case";

export const cases: TenancyCases = {
  listHazards: async (ctx, { now }) => {
    const rows = await q.listHazards(ctx, {}, now, 10_000);
    return { ids: rows.flatMap((r) => [r.id, r.unitId]), total: rows.length };
  },
  // Asks for every hazard in the database by id: only the caller's may come back.
  getHazardDetail: async (ctx) => {
    const all = await ctx.db.select({ id: hazards.id }).from(hazards);
    const found = await Promise.all(all.map((h) => q.getHazardDetail(ctx, h.id)));
    const ids = found.flatMap((d) => (d ? [d.id, d.unitId, ...(d.assignmentId ? [d.assignmentId] : [])] : []));
    return { ids, total: found.filter(Boolean).length };
  },
  // Asks for the hazards of every linked assignment in the database.
  assignmentHazards: async (ctx, { now }) => {
    const all = await ctx.db.selectDistinct({ id: hazards.assignmentId }).from(hazards);
    const rows = (await Promise.all(all.flatMap((a) => (a.id ? [q.assignmentHazards(ctx, a.id, now)] : [])))).flat();
    return { ids: rows.map((r) => r.id), total: rows.length };
  },
  hazardUnitOptions: async (ctx) => {
    const rows = await q.hazardUnitOptions(ctx);
    return { ids: rows.map((r) => r.id), total: rows.length };
  },
};
