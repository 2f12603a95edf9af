import * as q from "@/db/queries/campaign-template";
import type { TenancyCases } from "./case";

export const cases: TenancyCases = {
  // Ids do not survive an export; the owner codes and the campaign's existence are what could leak.
  campaignAsTemplate: async (ctx, { campaignId }) => {
    const template = await q.campaignAsTemplate(ctx, campaignId);
    const tasks = template?.activities.flatMap((a) => a.tasks) ?? [];
    return { ids: [], total: tasks.length };
  },
};
