import "server-only";
import { and, asc, eq, inArray, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { EscalationLevel } from "@/lib/reach/rules";
import {
  activities,
  assignmentEvents,
  assignments,
  files,
  submissions,
  supervisionOrders,
  tasks,
  units,
  users,
} from "../schema";
import type { QueryContext } from "./context";
import {
  activityOfTask,
  assignmentScope,
  effectiveDeadline,
  overdueCondition,
  taskOfAssignment,
  unitOfAssignment,
} from "./scope";

/** Rows per round trip when an export walks a table: memory stays flat however big the township. */
export const EXPORT_PAGE_SIZE = 2000;

const isUuid = (value: string) => z.uuid().safeParse(value).success;

/** Unit kinds in the order the matrix lists them (community, village, department, school, enterprise). */
const kindRank = sql<number>`array_position(array['community','village','department','school','enterprise']::unit_kind[], ${units.kind})`;

/** Where an export's assignment page resumes: the sort key of the last row seen. */
export interface AssignmentCursor {
  kindRank: number;
  unitCode: string;
  activityPosition: number;
  deadlineKey: string;
  id: string;
}

// Per-assignment aggregates as correlated subqueries, evaluated for the rows of one page only.
// They use submissions_org_assignment_idx, files_org_submission_idx and assignment_events_org_assignment_idx.
const returnReasons = sql<string | null>`(
  select string_agg(to_char(s.reviewed_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI') || ' ' || coalesce(s.return_reason, ''), E'\n' order by s.reviewed_at)
  from ${submissions} s
  where s.org_id = ${assignments.orgId} and s.assignment_id = ${assignments.id} and s.decision = 'returned')`;

const lastReview = sql<string | null>`(
  select json_build_object('at', s.reviewed_at, 'by', u.display_name)::text
  from ${submissions} s left join ${users} u on u.id = s.reviewed_by
  where s.org_id = ${assignments.orgId} and s.assignment_id = ${assignments.id} and s.reviewed_at is not null
  order by s.reviewed_at desc limit 1)`;

const evidenceFiles = sql<string | null>`(
  select json_agg(json_build_object('id', f.id, 'name', f.original_name) order by f.uploaded_at, f.original_name)::text
  from ${files} f join ${submissions} s on s.org_id = f.org_id and s.id = f.submission_id
  where s.org_id = ${assignments.orgId} and s.assignment_id = ${assignments.id} and f.purpose = 'evidence')`;

const submissionCount = sql<number>`(
  select count(*) from ${submissions} s where s.org_id = ${assignments.orgId} and s.assignment_id = ${assignments.id})`;

const reviewTrail = sql<string | null>`(
  select json_agg(json_build_object('at', e.created_at, 'from', e.from_status, 'to', e.to_status, 'by', u.display_name, 'reason', e.reason) order by e.created_at, e.id)::text
  from ${assignmentEvents} e left join ${users} u on u.id = e.actor_user_id
  where e.org_id = ${assignments.orgId} and e.assignment_id = ${assignments.id})`;

// 督办单: how many, and the level of the latest (supervision_orders_org_assignment_idx).
const supervisionCount = sql<number>`(
  select count(*) from ${supervisionOrders} o where o.org_id = ${assignments.orgId} and o.assignment_id = ${assignments.id})`;

const lastSupervisionLevel = sql<EscalationLevel | null>`(
  select o.level from ${supervisionOrders} o where o.org_id = ${assignments.orgId} and o.assignment_id = ${assignments.id}
  order by o.created_at desc, o.id desc limit 1)`;

export type EvidenceRef = { id: string; name: string };

interface RawTrailEntry {
  at: string;
  from: string | null;
  to: string;
  by: string | null;
  reason: string | null;
}

/** One step of an assignment's review trail (下达 / 提交 / 通过 / 退回). */
export type TrailEntry = Omit<RawTrailEntry, "at"> & { at: Date };

function parseJson<T>(text: string | null): T | null {
  return text === null ? null : (JSON.parse(text) as T);
}

/**
 * One page of a campaign's assignments for 任务明细 (or one unit's 证据台账),
 * ordered by unit, activity and deadline, with return reasons, the last
 * review and the evidence files aggregated per assignment in the same query.
 * Keyset paging on (unit kind, unit code, activity position, deadline, id):
 * each page re-plans from tasks_org_campaign_idx → assignments_org_task_unit_key
 * and stops after `limit` rows, so no page holds more than `limit` rows.
 */
export async function assignmentExportPage(
  ctx: QueryContext,
  campaignId: string,
  options: { unitId?: string; after?: AssignmentCursor | null; limit?: number; withTrail?: boolean } = {},
) {
  if (!isUuid(campaignId) || (options.unitId !== undefined && !isUuid(options.unitId))) return [];
  const after = options.after;
  const conditions: (SQL | undefined)[] = [
    assignmentScope(ctx),
    eq(tasks.campaignId, campaignId),
    options.unitId ? eq(assignments.unitId, options.unitId) : undefined,
    after
      ? sql`(${kindRank}, ${units.code}, ${activities.position}, ${effectiveDeadline}, ${assignments.id}) >
            (${after.kindRank}, ${after.unitCode}, ${after.activityPosition}, ${after.deadlineKey}::timestamptz, ${after.id}::uuid)`
      : undefined,
  ];
  const rows = await ctx.db
    .select({
      id: assignments.id,
      status: assignments.status,
      deadline: effectiveDeadline,
      deadlineKey: sql<string>`${effectiveDeadline}::text`,
      kindRank,
      unitId: units.id,
      unitCode: units.code,
      unitName: units.name,
      unitKind: units.kind,
      activityPosition: activities.position,
      activityTitle: activities.title,
      taskTitle: tasks.title,
      submittedAt: assignments.submittedAt,
      approvedAt: assignments.approvedAt,
      publishedAt: assignments.publishedAt,
      acknowledgedAt: assignments.acknowledgedAt,
      ackLimitHours: tasks.ackLimitHours,
      supervisionCount: supervisionCount.mapWith(Number),
      lastSupervisionLevel,
      submissionCount: submissionCount.mapWith(Number),
      returnReasons,
      lastReview,
      evidence: evidenceFiles,
      trail: options.withTrail ? reviewTrail : sql<string | null>`null`,
    })
    .from(assignments)
    .innerJoin(tasks, taskOfAssignment)
    .innerJoin(activities, activityOfTask)
    .innerJoin(units, unitOfAssignment)
    .where(and(...conditions))
    .orderBy(asc(kindRank), asc(units.code), asc(activities.position), asc(effectiveDeadline), asc(assignments.id))
    .limit(options.limit ?? EXPORT_PAGE_SIZE);
  return rows.map(({ lastReview: review, evidence, trail, ...row }) => {
    const reviewed = parseJson<{ at: string; by: string | null }>(review);
    return {
      ...row,
      deadline: new Date(row.deadline),
      reviewedAt: reviewed ? new Date(reviewed.at) : null,
      reviewerName: reviewed?.by ?? null,
      evidence: parseJson<EvidenceRef[]>(evidence) ?? [],
      trail: (parseJson<RawTrailEntry[]>(trail) ?? []).map((e): TrailEntry => ({ ...e, at: new Date(e.at) })),
    };
  });
}

export type AssignmentExportRow = Awaited<ReturnType<typeof assignmentExportPage>>[number];

/**
 * Work that needs attention on the printed report: overdue (open past its
 * deadline) or returned, with the last return reason. One query over the
 * campaign's assignments (tasks_org_campaign_idx, assignments_org_task_unit_key).
 */
export async function attentionItems(ctx: QueryContext, campaignId: string, now: Date) {
  if (!isUuid(campaignId)) return [];
  const lastReason = sql<string | null>`(
    select s.return_reason from ${submissions} s
    where s.org_id = ${assignments.orgId} and s.assignment_id = ${assignments.id} and s.decision = 'returned'
    order by s.reviewed_at desc limit 1)`;
  const rows = await ctx.db
    .select({
      id: assignments.id,
      status: assignments.status,
      deadline: effectiveDeadline,
      overdue: sql<boolean>`${overdueCondition(now)}`,
      unitName: units.name,
      activityTitle: activities.title,
      taskTitle: tasks.title,
      returnReason: lastReason,
    })
    .from(assignments)
    .innerJoin(tasks, taskOfAssignment)
    .innerJoin(activities, activityOfTask)
    .innerJoin(units, unitOfAssignment)
    .where(
      and(
        assignmentScope(ctx),
        eq(tasks.campaignId, campaignId),
        sql`(${overdueCondition(now)} or ${assignments.status} = 'returned')`,
      ),
    )
    .orderBy(asc(kindRank), asc(units.code), asc(effectiveDeadline), asc(assignments.id));
  return rows.map((row) => ({ ...row, deadline: new Date(row.deadline), overdue: Boolean(row.overdue) }));
}

/**
 * The units that have work in each of the township's campaigns (a liaison:
 * their own unit), for the ledger picker. One grouped query.
 */
export async function exportUnitsByCampaign(ctx: QueryContext, campaignIds: string[]) {
  const ids = campaignIds.filter(isUuid);
  if (ids.length === 0) return [];
  return ctx.db
    .selectDistinct({ campaignId: tasks.campaignId, id: units.id, name: units.name, kind: units.kind, code: units.code, kindRank })
    .from(assignments)
    .innerJoin(tasks, taskOfAssignment)
    .innerJoin(units, unitOfAssignment)
    .where(and(assignmentScope(ctx), inArray(tasks.campaignId, ids)))
    .orderBy(asc(tasks.campaignId), asc(kindRank), asc(units.code));
}

/** One unit of the caller's township for a ledger export (a liaison: only their own), or null. */
export async function getExportUnit(ctx: QueryContext, unitId: string) {
  if (!isUuid(unitId)) return null;
  if (ctx.role === "liaison" && ctx.unitId !== unitId) return null;
  const [row] = await ctx.db
    .select({ id: units.id, name: units.name, kind: units.kind, code: units.code })
    .from(units)
    .where(and(eq(units.orgId, ctx.orgId), eq(units.id, unitId)))
    .limit(1);
  return row ?? null;
}
