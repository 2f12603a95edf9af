import * as q from "@/db/queries/county";
import type { TenancyCases } from "./case";

/**
 * The harness calls these with a township member's context: a county query
 * must then return nothing at all (county roles only, townships whose parent
 * is the caller's org). tests/county.test.ts covers the county's own view.
 */
export const cases: TenancyCases = {
  countyTownships: async (ctx) => {
    const rows = await q.countyTownships(ctx);
    if (rows.length > 0) throw new Error("countyTownships answered a township member");
    return { ids: rows.map((r) => r.id), total: rows.length };
  },
  countyTemplates: async (ctx) => {
    const rows = await q.countyTemplates(ctx);
    if (rows.length > 0) throw new Error("countyTemplates answered a township member");
    return { ids: [], total: rows.length };
  },
  townshipCampaignFigures: async (ctx, { now }) => {
    const rows = await q.townshipCampaignFigures(ctx, "safety-month-2020", now);
    if (rows.length > 0) throw new Error("townshipCampaignFigures answered a township member");
    return { ids: rows.map((r) => r.townshipId), total: rows.reduce((n, r) => n + r.total, 0) };
  },
  townshipHazardFigures: async (ctx, { now }) => {
    const rows = await q.townshipHazardFigures(ctx, now);
    if (rows.length > 0) throw new Error("townshipHazardFigures answered a township member");
    return { ids: rows.map((r) => r.townshipId), total: rows.reduce((n, r) => n + r.open + r.closed, 0) };
  },
  townshipReadContext: async (ctx) => {
    const read = await q.townshipReadContext(ctx, ctx.orgId);
    if (read) throw new Error("townshipReadContext answered a township member");
    return { ids: [], total: 0 };
  },
  townshipCampaignOfTemplate: async (ctx, { now }) => {
    const campaign = await q.townshipCampaignOfTemplate(ctx, "safety-month-2020", now);
    return { ids: campaign ? [campaign.id] : [], total: campaign ? 1 : 0 };
  },
};
