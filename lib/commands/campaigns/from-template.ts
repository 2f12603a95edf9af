import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import { builtinTemplate, localizeBuiltin } from "@/db/campaigns/builtin-templates";
import { insertCampaignFromTemplate, type UnitRef } from "@/db/campaigns/instantiate";
import { campaignAsTemplate } from "@/db/queries/campaign-template";
import { organizations, units } from "@/db/schema";
import { ActionError, defineCommand, type ActionContext } from "@/lib/auth/action-core";
import { checkTemplate, checkTemplateText, MAX_TEMPLATE_CHARS } from "@/lib/campaign-template-check";
import type { CampaignTemplate } from "@/lib/campaign-template";
import { shiftTemplateYears } from "@/lib/template-dates";
import { checkbox, optionalText, yearField } from "./fields";
import { campaignOf, liaisonByUnit } from "./guards";

async function townshipUnits(ctx: ActionContext) {
  const rows = await ctx.tx
    .select({ id: units.id, kind: units.kind, code: units.code })
    .from(units)
    .where(and(eq(units.orgId, ctx.orgId), isNull(units.archivedAt)));
  return new Map<string, UnitRef>(rows.map((u) => [u.code, u]));
}

function refuse(problems: string[]): never {
  throw new ActionError("invalid", [`模板有 ${problems.length} 处问题，未导入任何内容：`, ...problems].join("\n"));
}

/**
 * Moves the template to the target year, checks the result against the
 * township, and inserts it as a draft — with assignments by applicable unit
 * kind when asked, else none (the leader assigns next). Nothing is written
 * unless every check passes.
 */
async function instantiate(
  ctx: ActionContext,
  template: CampaignTemplate,
  options: { year: number; assignByKinds: boolean; unitsByCode: Map<string, UnitRef> },
) {
  const shifted = shiftTemplateYears(template, options.year - Number(template.startsOn.slice(0, 4)));
  const checked = checkTemplate(shifted, { unitCodes: new Set(options.unitsByCode.keys()) });
  if (!checked.ok) refuse(checked.problems);
  const unitIds = [...options.unitsByCode.values()].map((u) => u.id);
  const created = await insertCampaignFromTemplate(ctx.tx, {
    orgId: ctx.orgId,
    template: checked.template,
    unitsByCode: options.unitsByCode,
    status: "draft",
    createdBy: ctx.userId,
    assign: options.assignByKinds,
    ownerUserByUnitId: options.assignByKinds ? await liaisonByUnit(ctx, unitIds) : undefined,
  });
  return {
    campaignId: created.campaignId,
    name: created.name,
    counts: {
      phases: created.phaseIds.size,
      activities: created.activityIds.size,
      tasks: created.tasks.length,
      assignments: created.assignments.length,
    },
  };
}

export const createCampaignFromTemplate = defineCommand(
  {
    name: "campaign.create_from_template",
    permission: "campaign.manage",
    schema: z
      .object({
        source: z.enum(["builtin", "json"]),
        builtinKey: optionalText(100),
        json: z.string().max(MAX_TEMPLATE_CHARS, "文件过大，不是活动模板").optional(),
        year: yearField,
        assignByKinds: checkbox,
      })
      .refine((v) => (v.source === "builtin" ? !!v.builtinKey : !!v.json?.trim()), {
        message: "请选择内置模板或上传模板文件",
        path: ["source"],
      }),
  },
  async (input, ctx) => {
    const unitsByCode = await townshipUnits(ctx);
    const unitCodes = new Set(unitsByCode.keys());
    let template: CampaignTemplate;
    if (input.source === "builtin") {
      const builtin = builtinTemplate(input.builtinKey ?? "");
      if (!builtin) throw new ActionError("invalid", "未找到该内置模板");
      const [org] = await ctx.tx
        .select({ code: organizations.code, shortCode: organizations.shortCode })
        .from(organizations)
        .where(eq(organizations.id, ctx.orgId));
      if (!org) throw new ActionError("not_found", "未找到本镇");
      template = localizeBuiltin(builtin, org, unitCodes);
    } else {
      const checked = checkTemplateText(input.json ?? "", { unitCodes });
      if (!checked.ok) refuse(checked.problems);
      template = checked.template;
    }
    const result = await instantiate(ctx, template, { year: input.year, assignByKinds: input.assignByKinds, unitsByCode });
    return {
      data: result,
      audit: [
        {
          action: "campaign.create_from_template",
          entityType: "campaign",
          entityId: result.campaignId,
          after: { source: input.source, templateKey: template.key, year: input.year, name: result.name, ...result.counts },
        },
      ],
    };
  },
);

/** The same campaign in another year: exported in memory, every date shifted, inserted as a draft. */
export const cloneCampaign = defineCommand(
  {
    name: "campaign.clone",
    permission: "campaign.manage",
    schema: z.object({ campaignId: z.uuid(), year: yearField, assignByKinds: checkbox }),
  },
  async ({ campaignId, year, assignByKinds }, ctx) => {
    await campaignOf(ctx, campaignId);
    const template = await campaignAsTemplate(ctx, campaignId);
    if (!template) throw new ActionError("not_found", "未找到该活动");
    const result = await instantiate(ctx, template, { year, assignByKinds, unitsByCode: await townshipUnits(ctx) });
    return {
      data: result,
      audit: [
        {
          action: "campaign.clone",
          entityType: "campaign",
          entityId: result.campaignId,
          after: { from: campaignId, year, name: result.name, ...result.counts },
        },
      ],
    };
  },
);
