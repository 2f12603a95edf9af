import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import type { Tx } from "./client";
import { memberships, notifications, users } from "./schema";

type NotificationKind = (typeof notifications.$inferInsert)["kind"];

export interface NotificationContent {
  kind: NotificationKind;
  title: string;
  body?: string | null;
  link?: string | null;
}

/** Notifies the given users of one township, inside the caller's transaction. */
export async function notifyUsers(tx: Tx, orgId: string, userIds: string[], content: NotificationContent): Promise<number> {
  const unique = [...new Set(userIds)];
  if (unique.length === 0) return 0;
  await tx.insert(notifications).values(unique.map((userId) => ({ orgId, userId, ...content })));
  return unique.length;
}

/** The active liaisons (active users) of the given units of one township. */
export async function activeLiaisons(tx: Tx, orgId: string, unitIds: string[]) {
  if (unitIds.length === 0) return [];
  const rows = await tx
    .select({ userId: memberships.userId, unitId: memberships.unitId, phone: users.phone })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        eq(memberships.orgId, orgId),
        eq(memberships.role, "liaison"),
        eq(memberships.active, true),
        eq(users.active, true),
        inArray(memberships.unitId, unitIds),
      ),
    );
  // A liaison always has a unit (memberships_liaison_has_unit).
  return rows.map((r) => ({ ...r, unitId: r.unitId! }));
}

/** Notifies every active liaison of the given units; returns how many were notified. */
export async function notifyUnitLiaisons(
  tx: Tx,
  orgId: string,
  unitIds: string[],
  content: NotificationContent | ((unitId: string) => NotificationContent),
): Promise<number> {
  const liaisons = await activeLiaisons(tx, orgId, unitIds);
  if (liaisons.length === 0) return 0;
  await tx.insert(notifications).values(
    liaisons.map(({ userId, unitId }) => ({
      orgId,
      userId,
      ...(typeof content === "function" ? content(unitId) : content),
    })),
  );
  return liaisons.length;
}
