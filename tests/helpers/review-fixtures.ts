import { and, asc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { auditEvents, memberships, notifications } from "@/db/schema";

export { memberOf } from "./workflow";

/** The user ids of a unit's liaisons. */
export async function liaisonsOf(db: Db, orgId: string, unitId: string): Promise<string[]> {
  const rows = await db
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.orgId, orgId), eq(memberships.role, "liaison"), eq(memberships.unitId, unitId)));
  return rows.map((r) => r.userId).sort();
}

export const auditRowsFor = (db: Db, entityId: string) =>
  db.select().from(auditEvents).where(eq(auditEvents.entityId, entityId)).orderBy(asc(auditEvents.action));

export const notificationsOf = (db: Db, orgId: string, kind: (typeof notifications.$inferSelect)["kind"]) =>
  db
    .select()
    .from(notifications)
    .where(and(eq(notifications.orgId, orgId), eq(notifications.kind, kind)));

