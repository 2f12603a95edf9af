import "server-only";
import { and, asc, between, eq, isNull, or, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { z } from "zod";
import { assignments, campaigns, hazards, tasks, units, users } from "../schema";
import type { QueryContext } from "./context";
import { hazardScope } from "./hazard-scope";
import { responsibleUnitOfHazard, responsibleUnits, unitOfHazard } from "./hazards";

const foundBy = alias(users, "ledger_found_by");
const verifiedBy = alias(users, "ledger_verified_by");

/**
 * Every hazard of the township (a liaison: their unit's) with the names the
 * 隐患台账 prints. With a campaign: the hazards its tasks found, plus those
 * with no task that were found during the campaign's dates.
 */
export async function hazardLedgerRows(ctx: QueryContext, options: { campaignId?: string } = {}) {
  let campaignCondition: SQL | undefined;
  if (options.campaignId !== undefined) {
    if (!z.uuid().safeParse(options.campaignId).success) return [];
    const [campaign] = await ctx.db
      .select({ startsOn: campaigns.startsOn, endsOn: campaigns.endsOn })
      .from(campaigns)
      .where(and(eq(campaigns.orgId, ctx.orgId), eq(campaigns.id, options.campaignId)));
    if (!campaign) return [];
    campaignCondition = or(
      eq(tasks.campaignId, options.campaignId),
      and(isNull(hazards.assignmentId), between(hazards.foundOn, campaign.startsOn, campaign.endsOn)),
    );
  }
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
      foundByName: foundBy.displayName,
      taskTitle: tasks.title,
      measures: hazards.measures,
      interimMeasures: hazards.interimMeasures,
      funds: hazards.funds,
      responsibleUnitName: responsibleUnits.name,
      responsiblePerson: hazards.responsiblePerson,
      rectificationDeadline: hazards.rectificationDeadline,
      status: hazards.status,
      rectifiedOn: hazards.rectifiedOn,
      rectificationNote: hazards.rectificationNote,
      verifiedByName: verifiedBy.displayName,
      verificationResult: hazards.verificationResult,
      closedOn: hazards.closedOn,
    })
    .from(hazards)
    .innerJoin(units, unitOfHazard)
    .leftJoin(responsibleUnits, responsibleUnitOfHazard)
    .leftJoin(foundBy, eq(foundBy.id, hazards.foundBy))
    .leftJoin(verifiedBy, eq(verifiedBy.id, hazards.verifiedBy))
    .leftJoin(assignments, and(eq(assignments.orgId, hazards.orgId), eq(assignments.id, hazards.assignmentId)))
    .leftJoin(tasks, and(eq(tasks.orgId, assignments.orgId), eq(tasks.id, assignments.taskId)))
    .where(and(hazardScope(ctx), campaignCondition))
    .orderBy(asc(hazards.number));
}

export type HazardLedgerRow = Awaited<ReturnType<typeof hazardLedgerRows>>[number];
