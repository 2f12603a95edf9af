import "server-only";
import { and, asc, eq, isNotNull, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { COUNTY_ROLES, type Role } from "@/lib/auth/permissions";
import { beijingToday } from "@/lib/hazard-status";
import { assignments, campaigns, hazards, organizations, submissions, tasks } from "../schema";
import type { QueryContext } from "./context";
import { hazardOverdueCondition } from "./hazard-scope";
import { campaignOfTask, overdueCondition, taskOfAssignment } from "./scope";

/**
 * The county roll-up. A county member's context carries the county's id as
 * orgId; every query here reaches a township's rows only through the join
 * condition "organizations.parent_id = ctx.orgId", and only for a county role,
 * so a township member (whose orgId is a township) gets nothing.
 */
const isCountyRole = (role: Role) => (COUNTY_ROLES as readonly Role[]).includes(role);

/** The join condition from a tenant table's org_id to the caller's county's townships. */
function ownTownship(ctx: QueryContext, orgIdColumn: typeof campaigns.orgId | typeof hazards.orgId): SQL {
  if (!isCountyRole(ctx.role)) return sql`false`;
  return and(
    eq(organizations.id, orgIdColumn),
    eq(organizations.parentId, ctx.orgId),
    eq(organizations.kind, "township"),
  ) as SQL;
}

/** The county's townships, by division code. */
export async function countyTownships(ctx: QueryContext) {
  if (!isCountyRole(ctx.role)) return [];
  return ctx.db
    .select({ id: organizations.id, name: organizations.name, code: organizations.code })
    .from(organizations)
    .where(and(eq(organizations.parentId, ctx.orgId), eq(organizations.kind, "township")))
    .orderBy(asc(organizations.code));
}

/** Campaign templates run in the county's townships, named after one of their campaigns, newest first. */
export async function countyTemplates(ctx: QueryContext) {
  const rows = await ctx.db
    .select({
      templateKey: sql<string>`${campaigns.templateKey}`,
      name: sql<string>`min(${campaigns.name})`,
      townships: sql<number>`count(distinct ${campaigns.orgId})`.mapWith(Number),
      startsOn: sql<string>`min(${campaigns.startsOn})`,
    })
    .from(campaigns)
    .innerJoin(organizations, ownTownship(ctx, campaigns.orgId))
    .where(isNotNull(campaigns.templateKey))
    .groupBy(campaigns.templateKey)
    .orderBy(sql`min(${campaigns.startsOn}) desc`, asc(campaigns.templateKey));
  return rows;
}

export interface TownshipCampaignFigures {
  townshipId: string;
  townshipName: string;
  townshipCode: string;
  total: number;
  approved: number;
  overdue: number;
  /** Submissions sent back for rework (退回次数), over the campaign's life. */
  returns: number;
  /** approved / total, 0..1. */
  completion: number;
}

/**
 * Per township, the assignments of its campaigns made from `templateKey`: one
 * grouped query. Townships without such a campaign are absent.
 */
export async function townshipCampaignFigures(ctx: QueryContext, templateKey: string, now: Date): Promise<TownshipCampaignFigures[]> {
  const returns = sql<number>`coalesce(sum((
    select count(*) from ${submissions}
    where ${submissions.orgId} = ${assignments.orgId}
      and ${submissions.assignmentId} = ${assignments.id}
      and ${submissions.decision} = 'returned'
  )), 0)`.mapWith(Number);
  const rows = await ctx.db
    .select({
      townshipId: organizations.id,
      townshipName: organizations.name,
      townshipCode: organizations.code,
      total: sql<number>`count(*)`.mapWith(Number),
      approved: sql<number>`count(*) filter (where ${assignments.status} = 'approved')`.mapWith(Number),
      overdue: sql<number>`count(*) filter (where ${overdueCondition(now)})`.mapWith(Number),
      returns,
    })
    .from(assignments)
    .innerJoin(tasks, taskOfAssignment)
    .innerJoin(campaigns, campaignOfTask)
    .innerJoin(organizations, ownTownship(ctx, campaigns.orgId))
    .where(eq(campaigns.templateKey, templateKey))
    .groupBy(organizations.id, organizations.name, organizations.code)
    .orderBy(asc(organizations.code));
  return rows.map((r) => ({ ...r, completion: r.total === 0 ? 0 : r.approved / r.total }));
}

export interface TownshipHazardFigures {
  townshipId: string;
  townshipName: string;
  level: "general" | "major";
  open: number;
  overdue: number;
  closed: number;
}

/** Hazards of every township of the county by level: open, overdue (open past the deadline day), closed (销号). */
export async function townshipHazardFigures(ctx: QueryContext, now: Date): Promise<TownshipHazardFigures[]> {
  return ctx.db
    .select({
      townshipId: organizations.id,
      townshipName: organizations.name,
      level: hazards.level,
      open: sql<number>`count(*) filter (where ${hazards.status} in ('reported', 'rectifying', 'rectified'))`.mapWith(Number),
      overdue: sql<number>`count(*) filter (where ${hazardOverdueCondition(now)})`.mapWith(Number),
      closed: sql<number>`count(*) filter (where ${hazards.status} = 'verified')`.mapWith(Number),
    })
    .from(hazards)
    .innerJoin(organizations, ownTownship(ctx, hazards.orgId))
    .groupBy(organizations.id, organizations.name, organizations.code, hazards.level)
    .orderBy(asc(organizations.code), asc(hazards.level));
}

export interface TownshipReadContext {
  ctx: QueryContext;
  township: { id: string; name: string; code: string };
}

/**
 * The drill-down: a read-only, township-wide context for one of the county's
 * own townships (null for a malformed id, another county's township or a
 * caller without a county role). It is only ever handed to read queries.
 */
export async function townshipReadContext(ctx: QueryContext, townshipId: string): Promise<TownshipReadContext | null> {
  if (!isCountyRole(ctx.role) || !z.uuid().safeParse(townshipId).success) return null;
  const [township] = await ctx.db
    .select({ id: organizations.id, name: organizations.name, code: organizations.code })
    .from(organizations)
    .where(and(eq(organizations.id, townshipId), eq(organizations.parentId, ctx.orgId), eq(organizations.kind, "township")))
    .limit(1);
  if (!township) return null;
  return { ctx: { db: ctx.db, orgId: township.id, userId: ctx.userId, role: "auditor", unitId: null }, township };
}

/**
 * The township's campaign made from `templateKey`, in a township context: a
 * township may run a template in several years, so the newest one already
 * started (Beijing day) is shown, else the earliest still to come.
 */
export async function townshipCampaignOfTemplate(ctx: QueryContext, templateKey: string, now: Date) {
  const started = sql`${campaigns.startsOn} <= ${beijingToday(now)}`;
  const [campaign] = await ctx.db
    .select({ id: campaigns.id, name: campaigns.name, startsOn: campaigns.startsOn, endsOn: campaigns.endsOn })
    .from(campaigns)
    .where(and(eq(campaigns.orgId, ctx.orgId), eq(campaigns.templateKey, templateKey)))
    .orderBy(sql`${started} desc`, sql`case when ${started} then ${campaigns.startsOn} end desc`, asc(campaigns.startsOn))
    .limit(1);
  return campaign ?? null;
}
