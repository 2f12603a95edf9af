import { and, asc, eq, ne } from "drizzle-orm";
import type { Db } from "@/db/client";
import { auditEvents, memberships, notifications, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/action-core";
import type { Role } from "@/lib/auth/permissions";

/** The first active member of `role` in the township (a liaison: optionally not of `notUnit`). */
export async function memberOf(db: Db, orgId: string, role: Role, notUnit?: string) {
  const [m] = await db
    .select({ userId: memberships.userId, unitId: memberships.unitId })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        eq(memberships.orgId, orgId),
        eq(memberships.role, role),
        eq(users.active, true),
        notUnit ? ne(memberships.unitId, notUnit) : undefined,
      ),
    )
    .orderBy(asc(memberships.unitId))
    .limit(1);
  if (!m) throw new Error(`no ${role} in ${orgId}`);
  return { actor: { userId: m.userId, orgId } satisfies Actor, unitId: m.unitId };
}

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

