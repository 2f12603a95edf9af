import "server-only";
import { and, desc, eq } from "drizzle-orm";
import { z } from "zod";
import { assignments, supervisionOrders, users } from "../schema";
import type { QueryContext } from "./context";
import { assignmentScope } from "./scope";

/**
 * The 督办单 of one assignment, newest first, with who issued them. Joined to
 * the assignment under the caller's scope, so a liaison gets only their own
 * unit's (supervision_orders_org_assignment_idx).
 */
export async function listSupervisionOrders(ctx: QueryContext, assignmentId: string) {
  if (!z.uuid().safeParse(assignmentId).success) return [];
  return ctx.db
    .select({
      id: supervisionOrders.id,
      assignmentId: supervisionOrders.assignmentId,
      level: supervisionOrders.level,
      note: supervisionOrders.note,
      createdAt: supervisionOrders.createdAt,
      issuerName: users.displayName,
    })
    .from(supervisionOrders)
    .innerJoin(assignments, and(eq(assignments.orgId, supervisionOrders.orgId), eq(assignments.id, supervisionOrders.assignmentId)))
    .leftJoin(users, eq(users.id, supervisionOrders.issuedBy))
    .where(and(assignmentScope(ctx), eq(supervisionOrders.orgId, ctx.orgId), eq(supervisionOrders.assignmentId, assignmentId)))
    .orderBy(desc(supervisionOrders.createdAt), desc(supervisionOrders.id));
}

export type SupervisionOrderRow = Awaited<ReturnType<typeof listSupervisionOrders>>[number];
