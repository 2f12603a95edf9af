import "server-only";
import { and, asc, desc, eq, inArray, not, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { z } from "zod";
import { HAZARD_LEVELS, HAZARD_STATUSES, isRectificationOverdue } from "@/lib/hazard-status";
import { assignments, auditEvents, files, hazards, tasks, units, users } from "../schema";
import type { QueryContext } from "./context";
import { hazardOverdueCondition, hazardScope } from "./hazard-scope";

export const responsibleUnits = alias(units, "responsible_units");
const foundByUsers = alias(users, "found_by_users");
const rectifiedByUsers = alias(users, "rectified_by_users");
const verifiedByUsers = alias(users, "verified_by_users");

export const unitOfHazard = and(eq(units.orgId, hazards.orgId), eq(units.id, hazards.unitId));
export const responsibleUnitOfHazard = and(
  eq(responsibleUnits.orgId, hazards.orgId),
  eq(responsibleUnits.id, hazards.responsibleUnitId),
);

/** Register filters as they come from the query string; anything unknown is ignored. */
export const hazardFilterSchema = z.object({
  status: z.enum(HAZARD_STATUSES).optional().catch(undefined),
  level: z.enum(HAZARD_LEVELS).optional().catch(undefined),
  unit: z.uuid().optional().catch(undefined),
  overdue: z
    .preprocess((v) => v === "1" || v === "true" || v === true, z.boolean())
    .optional()
    .catch(undefined),
});
export type HazardFilters = z.infer<typeof hazardFilterSchema>;

const listColumns = {
  id: hazards.id,
  number: hazards.number,
  title: hazards.title,
  location: hazards.location,
  level: hazards.level,
  status: hazards.status,
  source: hazards.source,
  foundOn: hazards.foundOn,
  rectificationDeadline: hazards.rectificationDeadline,
  closedOn: hazards.closedOn,
  unitId: hazards.unitId,
  unitName: units.name,
  responsibleUnitName: responsibleUnits.name,
};

export type HazardListItem = Awaited<ReturnType<typeof listHazards>>[number];

/** The register (a liaison: their unit's hazards only): open ones first, newest first within. */
export async function listHazards(ctx: QueryContext, filters: HazardFilters = {}, now = new Date(), limit = 500) {
  const conditions: (SQL | undefined)[] = [
    hazardScope(ctx),
    filters.status ? eq(hazards.status, filters.status) : undefined,
    filters.level ? eq(hazards.level, filters.level) : undefined,
    filters.unit ? eq(hazards.unitId, filters.unit) : undefined,
    filters.overdue ? hazardOverdueCondition(now) : undefined,
  ];
  const rows = await ctx.db
    .select(listColumns)
    .from(hazards)
    .innerJoin(units, unitOfHazard)
    .leftJoin(responsibleUnits, responsibleUnitOfHazard)
    .where(and(...conditions))
    .orderBy(sql`${hazards.status} = 'verified'`, desc(hazards.foundOn), desc(hazards.number))
    .limit(limit);
  return rows.map((row) => ({ ...row, overdue: isRectificationOverdue(row.status, row.rectificationDeadline, now) }));
}

/** The hazards found while doing one assignment (investigation task), for the task page. */
export async function assignmentHazards(ctx: QueryContext, assignmentId: string, now = new Date()) {
  if (!z.uuid().safeParse(assignmentId).success) return [];
  const rows = await ctx.db
    .select(listColumns)
    .from(hazards)
    .innerJoin(units, unitOfHazard)
    .leftJoin(responsibleUnits, responsibleUnitOfHazard)
    .where(and(hazardScope(ctx), eq(hazards.assignmentId, assignmentId)))
    .orderBy(desc(hazards.foundOn), desc(hazards.number));
  return rows.map((row) => ({ ...row, overdue: isRectificationOverdue(row.status, row.rectificationDeadline, now) }));
}

export interface HazardFile {
  id: string;
  purpose: "hazard_before" | "hazard_after" | "hazard_plan";
  originalName: string;
  mimeType: string;
  sizeBytes: number;
  uploadedAt: Date;
}

const HAZARD_FILE_PURPOSES = ["hazard_before", "hazard_after", "hazard_plan"] as const;

/** One hazard with its people, files, linked task and timeline; null when it is not the caller's to see. */
export async function getHazardDetail(ctx: QueryContext, hazardId: string) {
  if (!z.uuid().safeParse(hazardId).success) return null;
  const [row] = await ctx.db
    .select({
      hazard: hazards,
      unitName: units.name,
      responsibleUnitName: responsibleUnits.name,
      foundByName: foundByUsers.displayName,
      rectifiedByName: rectifiedByUsers.displayName,
      verifiedByName: verifiedByUsers.displayName,
      taskTitle: tasks.title,
    })
    .from(hazards)
    .innerJoin(units, unitOfHazard)
    .leftJoin(responsibleUnits, responsibleUnitOfHazard)
    .leftJoin(foundByUsers, eq(foundByUsers.id, hazards.foundBy))
    .leftJoin(rectifiedByUsers, eq(rectifiedByUsers.id, hazards.rectifiedBy))
    .leftJoin(verifiedByUsers, eq(verifiedByUsers.id, hazards.verifiedBy))
    .leftJoin(assignments, and(eq(assignments.orgId, hazards.orgId), eq(assignments.id, hazards.assignmentId)))
    .leftJoin(tasks, and(eq(tasks.orgId, assignments.orgId), eq(tasks.id, assignments.taskId)))
    .where(and(hazardScope(ctx), eq(hazards.id, hazardId)))
    .limit(1);
  if (!row) return null;

  const [fileRows, timeline] = await Promise.all([
    ctx.db
      .select({
        id: files.id,
        purpose: files.purpose,
        originalName: files.originalName,
        mimeType: files.mimeType,
        sizeBytes: files.sizeBytes,
        uploadedAt: files.uploadedAt,
      })
      .from(files)
      .where(and(eq(files.orgId, ctx.orgId), eq(files.hazardId, hazardId), inArray(files.purpose, [...HAZARD_FILE_PURPOSES])))
      .orderBy(asc(files.uploadedAt), asc(files.originalName)),
    ctx.db
      .select({
        id: auditEvents.id,
        action: auditEvents.action,
        after: auditEvents.after,
        createdAt: auditEvents.createdAt,
        actorName: users.displayName,
      })
      .from(auditEvents)
      .leftJoin(users, eq(users.id, auditEvents.actorUserId))
      .where(
        and(
          eq(auditEvents.orgId, ctx.orgId),
          eq(auditEvents.entityType, "hazard"),
          eq(auditEvents.entityId, hazardId),
          not(eq(auditEvents.system, true)),
        ),
      )
      .orderBy(asc(auditEvents.createdAt)),
  ]);
  const hazardFiles = fileRows as HazardFile[];
  return {
    ...row.hazard,
    unitName: row.unitName,
    responsibleUnitName: row.responsibleUnitName,
    foundByName: row.foundByName,
    rectifiedByName: row.rectifiedByName,
    verifiedByName: row.verifiedByName,
    taskTitle: row.taskTitle,
    beforePhotos: hazardFiles.filter((f) => f.purpose === "hazard_before"),
    afterPhotos: hazardFiles.filter((f) => f.purpose === "hazard_after"),
    plans: hazardFiles.filter((f) => f.purpose === "hazard_plan"),
    timeline: timeline.map((e) => ({ ...e, reason: reasonOf(e.after) })),
  };
}

export type HazardDetail = NonNullable<Awaited<ReturnType<typeof getHazardDetail>>>;

/** The free-text reason or note an audit row carries, for the timeline. */
function reasonOf(after: unknown): string | null {
  if (typeof after !== "object" || after === null) return null;
  const record = after as Record<string, unknown>;
  for (const key of ["reason", "rectificationNote", "verificationResult", "measures"]) {
    const value = record[key];
    if (typeof value === "string" && value) return value;
  }
  return null;
}

/** The township's units (a liaison: only their own), for the report form and filters. */
export async function hazardUnitOptions(ctx: QueryContext) {
  const scope =
    ctx.role === "liaison"
      ? and(eq(units.orgId, ctx.orgId), ctx.unitId ? eq(units.id, ctx.unitId) : sql`false`)
      : eq(units.orgId, ctx.orgId);
  return ctx.db
    .select({ id: units.id, name: units.name, kind: units.kind })
    .from(units)
    .where(and(scope, sql`${units.archivedAt} is null`))
    .orderBy(asc(units.code));
}
