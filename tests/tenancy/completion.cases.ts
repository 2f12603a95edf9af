import { and, eq } from "drizzle-orm";
import * as q from "@/db/queries/completion";
import { activities } from "@/db/schema";
import type { TenancyCases } from "./case";

const activityIdsOf = async (ctx: Parameters<TenancyCases[string]>[0], campaignId: string) =>
  (
    await ctx.db
      .select({ id: activities.id })
      .from(activities)
      .where(and(eq(activities.orgId, ctx.orgId), eq(activities.campaignId, campaignId)))
  ).map((a) => a.id);

export const cases: TenancyCases = {
  activityFigures: async (ctx, { campaignId }) => {
    const byActivity = await q.activityFigures(ctx, campaignId, await activityIdsOf(ctx, campaignId));
    const figures = [...byActivity.values()].flat();
    return { ids: [...byActivity.keys()], total: figures.reduce((sum, f) => sum + f.reporting, 0) };
  },
  activityHazards: async (ctx, { campaignId }) => {
    const rows = await q.activityHazards(ctx, campaignId, await activityIdsOf(ctx, campaignId));
    return { ids: rows.flatMap((r) => [r.unitId, r.activityId]), total: rows.reduce((sum, r) => sum + r.general + r.major, 0) };
  },
};
