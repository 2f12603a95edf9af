import "server-only";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { assignments, campaigns, tasks } from "@/db/schema";
import { ActionError, defineCommand } from "@/lib/auth/action-core";
import { announceAssignments } from "@/lib/reach/announce";
import { dateField, optionalText, requiredText } from "./fields";
import { campaignOf } from "./guards";

const campaignFields = z
  .object({
    name: requiredText(200),
    theme: optionalText(500),
    startsOn: dateField,
    endsOn: dateField,
    noticeTitle: optionalText(500),
    noticeText: optionalText(50_000),
  })
  .refine((c) => c.endsOn >= c.startsOn, { message: "结束日期不能早于开始日期", path: ["endsOn"] });

const columnsOf = (input: z.infer<typeof campaignFields>) => ({
  name: input.name,
  theme: input.theme ?? null,
  startsOn: input.startsOn,
  endsOn: input.endsOn,
  noticeTitle: input.noticeTitle ?? null,
  noticeText: input.noticeText ?? null,
});

/** A campaign made by hand: a draft with no activities yet. */
export const createCampaign = defineCommand(
  { name: "campaign.create", permission: "campaign.manage", schema: campaignFields },
  async (input, ctx) => {
    const [row] = await ctx.tx
      .insert(campaigns)
      .values({ orgId: ctx.orgId, ...columnsOf(input), status: "draft", createdBy: ctx.userId })
      .returning();
    if (!row) throw new Error("insert returned nothing");
    return {
      data: { campaignId: row.id },
      audit: [{ action: "campaign.create", entityType: "campaign", entityId: row.id, after: columnsOf(input) }],
    };
  },
);

export const updateCampaign = defineCommand(
  {
    name: "campaign.update",
    permission: "campaign.manage",
    schema: campaignFields.and(z.object({ campaignId: z.uuid() })),
  },
  async (input, ctx) => {
    const before = await campaignOf(ctx, input.campaignId);
    const after = columnsOf(input);
    await ctx.tx
      .update(campaigns)
      .set({ ...after, updatedAt: new Date() })
      .where(and(eq(campaigns.orgId, ctx.orgId), eq(campaigns.id, input.campaignId)));
    return {
      data: { campaignId: input.campaignId },
      audit: [
        {
          action: "campaign.update",
          entityType: "campaign",
          entityId: input.campaignId,
          before: {
            name: before.name,
            theme: before.theme,
            startsOn: before.startsOn,
            endsOn: before.endsOn,
            noticeTitle: before.noticeTitle,
            noticeText: before.noticeText,
          },
          after,
        },
      ],
    };
  },
);

type CampaignStatus = (typeof campaigns.$inferSelect)["status"];

/** draft → active → closed, and closed → active to reopen. */
const NEXT: Record<CampaignStatus, readonly CampaignStatus[]> = {
  draft: ["active"],
  active: ["closed"],
  closed: ["active"],
};

export const changeCampaignStatus = defineCommand(
  {
    name: "campaign.status",
    permission: "campaign.manage",
    schema: z.object({ campaignId: z.uuid(), status: z.enum(["draft", "active", "closed"]) }),
  },
  async ({ campaignId, status }, ctx) => {
    const campaign = await campaignOf(ctx, campaignId);
    if (!NEXT[campaign.status].includes(status)) {
      throw new ActionError("conflict", "活动当前状态不允许此操作，请刷新后重试");
    }
    const [updated] = await ctx.tx
      .update(campaigns)
      .set({ status, updatedAt: new Date() })
      .where(and(eq(campaigns.orgId, ctx.orgId), eq(campaigns.id, campaignId), eq(campaigns.status, campaign.status)))
      .returning({ id: campaigns.id });
    if (!updated) throw new ActionError("conflict", "该活动已被他人修改，请刷新后重试");

    // Publishing a draft tells every unit with work in it; reopening a closed campaign tells no one again.
    let notified = 0;
    if (campaign.status === "draft" && status === "active") {
      const rows = await ctx.tx
        .select({ unitId: assignments.unitId, id: assignments.id })
        .from(assignments)
        .innerJoin(tasks, and(eq(tasks.orgId, assignments.orgId), eq(tasks.id, assignments.taskId)))
        .where(and(eq(assignments.orgId, ctx.orgId), eq(tasks.campaignId, campaignId)));
      const byUnit = new Map<string, string[]>();
      for (const row of rows) byUnit.set(row.unitId, [...(byUnit.get(row.unitId) ?? []), row.id]);
      notified = await announceAssignments(
        ctx.tx,
        ctx.orgId,
        [...byUnit].map(([unitId, ids]) => ({
          unitId,
          assignmentIds: ids,
          title: `新活动已发布：${campaign.name}`,
          body: `本单位有 ${ids.length} 项任务，请按时办理。`,
          link: "/tasks",
        })),
        { title: `新活动已发布：${campaign.name}`, link: "/tasks" },
      );
    }
    return {
      data: { status, notified },
      audit: [
        {
          action: "campaign.status",
          entityType: "campaign",
          entityId: campaignId,
          before: { status: campaign.status },
          after: { status, notified },
        },
      ],
    };
  },
);
