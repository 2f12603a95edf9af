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
import { EXPORT_PAGE_SIZE } from "./exports";

const isUuid = (value: string) => z.uuid().safeParse(value).success;

export interface AuditCursor {
  createdAtKey: string;
  id: string;
}

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

/**
 * One page of the campaign's 操作日志 in time order (keyset on created_at, id).
 * The audit log is the township's record: a liaison gets nothing.
 */
export async function auditExportPage(
  ctx: QueryContext,
  campaignId: string,
  options: { after?: AuditCursor | null; limit?: number } = {},
) {
  if (!isUuid(campaignId) || ctx.role === "liaison") return [];
  const after = options.after;
  const rows = await ctx.db
    .select({
      id: auditEvents.id,
      createdAt: auditEvents.createdAt,
      createdAtKey: sql<string>`${auditEvents.createdAt}::text`,
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
    .where(
      and(
        eq(auditEvents.orgId, ctx.orgId),
        sql`((${auditEvents.entityType}, ${auditEvents.entityId}) in ${campaignEntities(ctx.orgId, campaignId)}
          or ${auditEvents.after}->>'campaignId' = ${campaignId} or ${auditEvents.before}->>'campaignId' = ${campaignId})`,
        after ? sql`(${auditEvents.createdAt}, ${auditEvents.id}) > (${after.createdAtKey}::timestamptz, ${after.id}::uuid)` : undefined,
      ),
    )
    .orderBy(asc(auditEvents.createdAt), asc(auditEvents.id))
    .limit(options.limit ?? EXPORT_PAGE_SIZE);
  return rows.map((row) => ({ ...row, createdAt: new Date(row.createdAt) }));
}
