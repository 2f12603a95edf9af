import * as q from "@/db/queries/campaign-editor";
import type { TenancyCases } from "./case";

export const cases: TenancyCases = {
  getCampaignEditor: async (ctx, { campaignId, now }) => {
    const editor = await q.getCampaignEditor(ctx, campaignId, now);
    if (!editor) return { ids: [], total: 0 };
    const series = editor.activities.flatMap((a) => a.tasks);
    return {
      ids: [
        editor.campaign.id,
        ...editor.phases.map((p) => p.id),
        ...editor.activities.map((a) => a.id),
        ...series.flatMap((s) => [...s.instances.map((i) => i.id), ...s.figures.map((f) => f.id)]),
        ...series.map((s) => s.ownerUnitId ?? ""),
      ],
      total: editor.counts.total,
    };
  },
  listCampaignAssignments: async (ctx, { campaignId }) => {
    const rows = await q.listCampaignAssignments(ctx, campaignId);
    return { ids: rows.flatMap((r) => [r.id, r.taskId, r.unitId]), total: rows.length };
  },
  listActiveUnits: async (ctx) => {
    const rows = await q.listActiveUnits(ctx);
    return { ids: rows.map((r) => r.id), total: rows.length };
  },
  listSupervisorCandidates: async (ctx) => {
    const rows = await q.listSupervisorCandidates(ctx);
    return { ids: rows.map((r) => r.id), total: rows.length };
  },
};
