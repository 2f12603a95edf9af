import "server-only";
import { and, eq } from "drizzle-orm";
import type { Role } from "@/lib/auth/permissions";
import type { Queryable } from "../client";
import { memberships, organizations, units, users } from "../schema";

/**
 * Who is asking and in which township: the first argument of every query.
 * Queries filter on `orgId` (and `unitId` for liaisons) inside their where clause.
 */
export interface QueryContext {
  db: Queryable;
  orgId: string;
  userId: string;
  role: Role;
  /** Set for liaisons only: the one unit they act for. */
  unitId: string | null;
}

export interface Membership {
  orgId: string;
  orgName: string;
  userId: string;
  displayName: string;
  role: Role;
  unitId: string | null;
  unitName: string | null;
  /** Set after an admin's password reset: every page but /account sends the user there. */
  mustChangePassword: boolean;
}

/**
 * The membership behind a session, read fresh from the database on every
 * request so that a deactivated user or a changed role takes effect at once.
 */
export async function loadMembership(db: Queryable, userId: string, orgId: string): Promise<Membership | null> {
  const rows = await db
    .select({
      orgId: memberships.orgId,
      orgName: organizations.name,
      userId: memberships.userId,
      displayName: users.displayName,
      role: memberships.role,
      unitId: memberships.unitId,
      unitName: units.name,
      mustChangePassword: users.mustChangePassword,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .leftJoin(units, and(eq(units.orgId, memberships.orgId), eq(units.id, memberships.unitId)))
    .innerJoin(organizations, eq(organizations.id, memberships.orgId))
    .where(
      and(
        eq(memberships.orgId, orgId),
        eq(memberships.userId, userId),
        eq(memberships.active, true),
        eq(users.active, true),
      ),
    )
    .limit(1);
  return rows[0] ?? null;
}

export function contextFor(db: Queryable, membership: Membership): QueryContext {
  return {
    db,
    orgId: membership.orgId,
    userId: membership.userId,
    role: membership.role,
    unitId: membership.role === "liaison" ? membership.unitId : null,
  };
}
