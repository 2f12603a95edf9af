import "server-only";
import type { QueryContext } from "@/db/queries/context";
import { countyTemplates, countyTownships, townshipCampaignFigures, townshipHazardFigures } from "@/db/queries/county";
import { countyRows, countyTotals, rankTownships } from "./county";

export type CountyRollup = Awaited<ReturnType<typeof loadCountyRollup>>;

/**
 * Everything the county page and export show for one template: the templates
 * to choose from, the chosen one (the requested key when the county has it,
 * else the newest), per-township rows, totals and the ranking.
 */
export async function loadCountyRollup(ctx: QueryContext, requestedTemplate: string | undefined, now: Date) {
  const [templates, townships, hazards] = await Promise.all([
    countyTemplates(ctx),
    countyTownships(ctx),
    townshipHazardFigures(ctx, now),
  ]);
  const template = templates.find((t) => t.templateKey === requestedTemplate) ?? templates[0] ?? null;
  const figures = template ? await townshipCampaignFigures(ctx, template.templateKey, now) : [];
  const rows = countyRows(townships, figures, hazards);
  return { templates, template, rows, totals: countyTotals(rows), ranking: rankTownships(rows) };
}
