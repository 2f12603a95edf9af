import "server-only";
import { and, asc, between, count, eq, gt, isNull, or, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { z } from "zod";
import { assignments, campaigns, hazards, tasks, units, users } from "../schema";
import type { QueryContext } from "./context";
import { hazardScope } from "./hazard-scope";
import { taskOfAssignment } from "./scope";

/** Rows per round trip of the 隐患台账 export (the same page size as the other export sheets). */
const PAGE_SIZE = 2000;

const isUuid = (value: string) => z.uuid().safeParse(value).success;

/**
 * The 隐患台账 (hazard register) as exported: the ledger columns of each hazard,
 * paged by hazard number so a county-sized register streams with flat memory.
 */
const responsibleUnit = alias(units, "ledger_responsible_unit");
const verifier = alias(users, "ledger_verifier");
const finder = alias(users, "ledger_finder");

/**
 * The hazards of a campaign: found by its tasks, or found with no task during
 * its dates. A liaison sees their own unit's only (hazardScope).
 */
function campaignHazardConditions(ctx: QueryContext, campaignId: string): SQL {
  return and(
    hazardScope(ctx),
    or(
      eq(tasks.campaignId, campaignId),
      and(isNull(hazards.assignmentId), between(hazards.foundOn, campaigns.startsOn, campaigns.endsOn)),
    ),
  ) as SQL;
}

const hazardCampaign = (campaignId: string) => and(eq(campaigns.orgId, hazards.orgId), eq(campaigns.id, campaignId));
const hazardAssignment = and(eq(assignments.orgId, hazards.orgId), eq(assignments.id, hazards.assignmentId));

/**
 * One page of the campaign's 隐患台账, by hazard number (keyset on the unique
 * hazards_org_number_key; the unit joins use the units primary key).
 */
export async function hazardExportPage(
  ctx: QueryContext,
  campaignId: string,
  options: { afterNumber?: string | null; limit?: number } = {},
) {
  if (!isUuid(campaignId)) return [];
  return ctx.db
    .select({
      id: hazards.id,
      number: hazards.number,
      title: hazards.title,
      description: hazards.description,
      unitName: units.name,
      location: hazards.location,
      industry: hazards.industry,
      level: hazards.level,
      source: hazards.source,
      foundOn: hazards.foundOn,
      foundByName: finder.displayName,
      taskTitle: tasks.title,
      measures: hazards.measures,
      responsibleUnitName: responsibleUnit.name,
      responsiblePerson: hazards.responsiblePerson,
      rectificationDeadline: hazards.rectificationDeadline,
      interimMeasures: hazards.interimMeasures,
      funds: hazards.funds,
      status: hazards.status,
      rectifiedOn: hazards.rectifiedOn,
      rectificationNote: hazards.rectificationNote,
      verifierName: verifier.displayName,
      verificationResult: hazards.verificationResult,
      closedOn: hazards.closedOn,
    })
    .from(hazards)
    .innerJoin(campaigns, hazardCampaign(campaignId))
    .innerJoin(units, and(eq(units.orgId, hazards.orgId), eq(units.id, hazards.unitId)))
    .leftJoin(responsibleUnit, and(eq(responsibleUnit.orgId, hazards.orgId), eq(responsibleUnit.id, hazards.responsibleUnitId)))
    .leftJoin(verifier, eq(verifier.id, hazards.verifiedBy))
    .leftJoin(finder, eq(finder.id, hazards.foundBy))
    .leftJoin(assignments, hazardAssignment)
    .leftJoin(tasks, taskOfAssignment)
    .where(and(campaignHazardConditions(ctx, campaignId), options.afterNumber ? gt(hazards.number, options.afterNumber) : undefined))
    .orderBy(asc(hazards.number))
    .limit(options.limit ?? PAGE_SIZE);
}

/** The campaign's hazards counted by status × level (one grouped query, hazards_org_status_level_idx). */
export async function hazardSummary(ctx: QueryContext, campaignId: string) {
  if (!isUuid(campaignId)) return [];
  return ctx.db
    .select({ status: hazards.status, level: hazards.level, count: count() })
    .from(hazards)
    .innerJoin(campaigns, hazardCampaign(campaignId))
    .leftJoin(assignments, hazardAssignment)
    .leftJoin(tasks, taskOfAssignment)
    .where(campaignHazardConditions(ctx, campaignId))
    .groupBy(hazards.status, hazards.level);
}
