import "server-only";
import { z } from "zod";
import { getCampaign } from "@/db/queries/campaigns";
import { getExportUnit } from "@/db/queries/exports";
import { ActionError, defineCommand } from "@/lib/auth/action-core";
import { SHEET_KEYS } from "./sheet-keys";

/**
 * Exports are reads, but who took a copy of the record (auditors above all) is
 * worth keeping: each download writes one audit row, committed in its own
 * small transaction before the first byte streams, so an export that is cut
 * short is still on record.
 */
export const recordCampaignExport = defineCommand(
  {
    name: "export.campaign",
    permission: "report.export",
    schema: z.object({ campaignId: z.uuid(), format: z.enum(["xlsx", "csv"]), sheet: z.enum(SHEET_KEYS).optional() }),
  },
  async ({ campaignId, format, sheet }, ctx) => {
    const campaign = await getCampaign(ctx, campaignId);
    if (!campaign) throw new ActionError("not_found", "未找到该活动");
    return {
      data: null,
      audit: [
        {
          action: `export.campaign_${format}`,
          entityType: "campaign",
          entityId: campaign.id,
          after: sheet ? { format, sheet } : { format },
        },
      ],
    };
  },
);

/**
 * A unit's 证据台账: liaisons may take their own unit's (assignment.read, and
 * getExportUnit refuses any other unit to them); everyone else needs report.export,
 * which the route checks before calling this.
 */
export const recordLedgerExport = defineCommand(
  {
    name: "export.unit_ledger",
    permission: "assignment.read",
    schema: z.object({ campaignId: z.uuid(), unitId: z.uuid() }),
  },
  async ({ campaignId, unitId }, ctx) => {
    const [campaign, unit] = await Promise.all([getCampaign(ctx, campaignId), getExportUnit(ctx, unitId)]);
    if (!campaign || !unit) throw new ActionError("not_found", "未找到该活动或单位");
    return {
      data: null,
      audit: [{ action: "export.unit_ledger", entityType: "campaign", entityId: campaign.id, after: { unitId: unit.id, unitName: unit.name } }],
    };
  },
);
