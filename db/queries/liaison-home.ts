import "server-only";
import { and, asc, desc, eq, gte, lt, sql, type SQL } from "drizzle-orm";
import { assignmentEvents, assignments, campaigns, tasks } from "../schema";
import type { QueryContext } from "./context";
import { assignmentScope, campaignOfTask, effectiveDeadline, statusCountColumns, taskOfAssignment } from "./scope";

const LIST_LENGTH = 3;

/**
 * A liaison's home: their unit's progress per active campaign, the work sent
 * back with the reviewer's reason, the oldest overdue work, and the next
 * deadlines still ahead. Scoped like every assignment read, so for a liaison
 * it is their unit only. Four statements, all on
 * assignments_org_unit_status_idx (org_id, unit_id, status).
 */
export async function liaisonHome(ctx: QueryContext, now: Date) {
  const active = and(assignmentScope(ctx), eq(campaigns.status, "active"));
  const pendingWork = (when: SQL) =>
    ctx.db
      .select({ id: assignments.id, status: assignments.status, taskTitle: tasks.title, deadline: effectiveDeadline })
      .from(assignments)
      .innerJoin(tasks, taskOfAssignment)
      .innerJoin(campaigns, campaignOfTask)
      .where(and(active, eq(assignments.status, "pending"), when))
      .orderBy(asc(effectiveDeadline))
      .limit(LIST_LENGTH);
  const nowSql = sql`${now.toISOString()}::timestamptz`;
  const [progress, returnedRows, overdue, next] = await Promise.all([
    ctx.db
      .select({ campaignId: campaigns.id, campaignName: campaigns.name, ...statusCountColumns(now) })
      .from(assignments)
      .innerJoin(tasks, taskOfAssignment)
      .innerJoin(campaigns, campaignOfTask)
      .where(active)
      .groupBy(campaigns.id, campaigns.name, campaigns.startsOn)
      .orderBy(asc(campaigns.startsOn)),
    ctx.db
      .select({
        id: assignments.id,
        taskTitle: tasks.title,
        deadline: effectiveDeadline,
        reason: assignmentEvents.reason,
        returnedAt: assignmentEvents.createdAt,
      })
      .from(assignments)
      .innerJoin(tasks, taskOfAssignment)
      .innerJoin(campaigns, campaignOfTask)
      // Left join: a returned assignment always has its event, but never drop the work if not.
      .leftJoin(
        assignmentEvents,
        and(
          eq(assignmentEvents.orgId, assignments.orgId),
          eq(assignmentEvents.assignmentId, assignments.id),
          eq(assignmentEvents.toStatus, "returned"),
        ),
      )
      .where(and(active, eq(assignments.status, "returned")))
      .orderBy(asc(effectiveDeadline), desc(assignmentEvents.createdAt)),
    pendingWork(lt(effectiveDeadline, nowSql)),
    pendingWork(gte(effectiveDeadline, nowSql)),
  ]);
  // The latest return of each returned assignment: an assignment's rows come newest first.
  const seen = new Set<string>();
  const returned = returnedRows.filter((r) => !seen.has(r.id) && seen.add(r.id));
  return {
    progress,
    returned: returned.map((r) => ({ ...r, deadline: new Date(r.deadline) })),
    overdue: overdue.map((r) => ({ ...r, deadline: new Date(r.deadline) })),
    next: next.map((r) => ({ ...r, deadline: new Date(r.deadline) })),
  };
}
