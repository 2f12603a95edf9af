import "server-only";
import { and, asc, eq, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import {
  activities,
  assignments,
  auditEvents,
  extensionRequests,
  files,
  phases,
  submissions,
  taskFigures,
  tasks,
  users,
} from "../schema";
import type { QueryContext } from "./context";

const isUuid = (value: string) => z.uuid().safeParse(value).success;

/**
 * Every entity of a campaign an audit row can name, as (entity_type, entity_id)
 * pairs, probed through audit_events_org_entity_idx. Rows of deleted entities
 * are found by the campaign id they carried.
 */
function campaignEntities(orgId: string, campaignId: string): SQL {
  const inCampaign = sql`t.org_id = ${orgId} and t.campaign_id = ${campaignId}`;
  return sql`(
    select 'campaign'::text as entity_type, ${campaignId}::uuid as entity_id
    union all select 'activity', x.id from ${activities} x where x.org_id = ${orgId} and x.campaign_id = ${campaignId}
    union all select 'phase', x.id from ${phases} x where x.org_id = ${orgId} and x.campaign_id = ${campaignId}
    union all select 'task', t.id from ${tasks} t where ${inCampaign}
    union all select 'task_figure', f.id from ${taskFigures} f join ${tasks} t on t.org_id = f.org_id and t.id = f.task_id where ${inCampaign}
    union all select 'assignment', a.id from ${assignments} a join ${tasks} t on t.org_id = a.org_id and t.id = a.task_id where ${inCampaign}
    union all select 'submission', s.id from ${submissions} s join ${assignments} a on a.org_id = s.org_id and a.id = s.assignment_id
      join ${tasks} t on t.org_id = a.org_id and t.id = a.task_id where ${inCampaign}
    union all select 'extension_request', e.id from ${extensionRequests} e join ${assignments} a on a.org_id = e.org_id and a.id = e.assignment_id
      join ${tasks} t on t.org_id = a.org_id and t.id = a.task_id where ${inCampaign}
    union all select 'file', f.id from ${files} f join ${submissions} s on s.org_id = f.org_id and s.id = f.submission_id
      join ${assignments} a on a.org_id = s.org_id and a.id = s.assignment_id
      join ${tasks} t on t.org_id = a.org_id and t.id = a.task_id where ${inCampaign})`;
}

/** Rows of the township's audit log naming the campaign (an entity of it, or its id carried by a deleted entity's row). */
const namesCampaign = (ctx: QueryContext, campaignId: string) =>
  and(
    eq(auditEvents.orgId, ctx.orgId),
    sql`((${auditEvents.entityType}, ${auditEvents.entityId}) in ${campaignEntities(ctx.orgId, campaignId)}
      or ${auditEvents.after}->>'campaignId' = ${campaignId} or ${auditEvents.before}->>'campaignId' = ${campaignId})`,
  );

/**
 * The ids of the campaign's 操作日志 rows in time order (created_at, id), in
 * one statement: the campaign's entity set (every task, assignment, submission
 * and file id) is built once per export instead of once per page, which made
 * a 60,000-row log take 32 set builds. The audit log is the township's record:
 * a liaison gets nothing.
 */
export async function auditExportIds(ctx: QueryContext, campaignId: string): Promise<string[]> {
  if (!isUuid(campaignId) || ctx.role === "liaison") return [];
  const rows = await ctx.db
    .select({ id: auditEvents.id })
    .from(auditEvents)
    .where(namesCampaign(ctx, campaignId))
    .orderBy(asc(auditEvents.createdAt), asc(auditEvents.id));
  return rows.map((r) => r.id);
}

/**
 * The 操作日志 rows with the given ids (one page of auditExportIds), in time
 * order, by primary key (org_id, id) within the caller's township: another
 * township's ids give nothing, and a liaison gets nothing.
 */
export async function auditExportRows(ctx: QueryContext, ids: string[]) {
  const valid = ids.filter(isUuid);
  if (ctx.role === "liaison" || valid.length === 0) return [];
  const rows = await ctx.db
    .select({
      id: auditEvents.id,
      createdAt: auditEvents.createdAt,
      actorName: users.displayName,
      system: auditEvents.system,
      action: auditEvents.action,
      entityType: auditEvents.entityType,
      entityId: auditEvents.entityId,
      before: sql<string | null>`${auditEvents.before}::text`,
      after: sql<string | null>`${auditEvents.after}::text`,
    })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorUserId))
    .where(and(eq(auditEvents.orgId, ctx.orgId), sql`${auditEvents.id} = any(${sql.param(valid)}::uuid[])`))
    .orderBy(asc(auditEvents.createdAt), asc(auditEvents.id));
  return rows.map((row) => ({ ...row, createdAt: new Date(row.createdAt) }));
}
