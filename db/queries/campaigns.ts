import "server-only";
import { and, asc, desc, eq } from "drizzle-orm";
import { z } from "zod";
import { assignments, campaigns, tasks } from "../schema";
import type { QueryContext } from "./context";
import { assignmentScope, statusCountColumns, taskOfAssignment, type StatusCounts } from "./scope";

/** The township's campaigns, newest first, each with its assignments counted by status. */
export async function listCampaignsWithProgress(ctx: QueryContext, now = new Date()) {
  const list = await ctx.db
    .select({
      id: campaigns.id,
      name: campaigns.name,
      theme: campaigns.theme,
      status: campaigns.status,
      startsOn: campaigns.startsOn,
      endsOn: campaigns.endsOn,
    })
    .from(campaigns)
    .where(eq(campaigns.orgId, ctx.orgId))
    .orderBy(desc(campaigns.startsOn), asc(campaigns.name));
  const counts = await ctx.db
    .select({ campaignId: tasks.campaignId, ...statusCountColumns(now) })
    .from(assignments)
    .innerJoin(tasks, taskOfAssignment)
    .where(assignmentScope(ctx))
    .groupBy(tasks.campaignId);
  const byCampaign = new Map(counts.map(({ campaignId, ...c }) => [campaignId, c]));
  return list.map((campaign) => ({ ...campaign, counts: byCampaign.get(campaign.id) ?? emptyCounts() }));
}

function emptyCounts(): StatusCounts {
  return { total: 0, pending: 0, submitted: 0, approved: 0, returned: 0, overdue: 0 };
}

/** One campaign of the caller's township, or null. */
export async function getCampaign(ctx: QueryContext, campaignId: string) {
  if (!z.uuid().safeParse(campaignId).success) return null;
  const [row] = await ctx.db
    .select()
    .from(campaigns)
    .where(and(eq(campaigns.orgId, ctx.orgId), eq(campaigns.id, campaignId)))
    .limit(1);
  return row ?? null;
}

/** Counts by status for one campaign's assignments. */
export async function campaignStatusCounts(ctx: QueryContext, campaignId: string, now = new Date()) {
  const [row] = await ctx.db
    .select(statusCountColumns(now))
    .from(assignments)
    .innerJoin(tasks, taskOfAssignment)
    .where(and(assignmentScope(ctx), eq(tasks.campaignId, campaignId)));
  return row ?? emptyCounts();
}
