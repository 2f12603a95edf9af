import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Role } from "@/lib/auth/permissions";
import { memberships, units, users } from "../schema";
import type { QueryContext } from "./context";

export interface AdminUnit {
  id: string;
  kind: (typeof units.$inferSelect)["kind"];
  code: string;
  name: string;
  responsiblePerson: string | null;
  phone: string | null;
  responsibleEmail: string | null;
  /** 分管领导 and their display name. */
  supervisorUserId: string | null;
  supervisorName: string | null;
  archived: boolean;
  /** Display names of the unit's active liaisons. */
  liaisons: string[];
}

const supervisor = alias(users, "supervisor");

/** Every unit of the township, archived ones last, with their active liaisons. */
export async function listUnits(ctx: QueryContext): Promise<AdminUnit[]> {
  const liaisons = sql<string[]>`coalesce(array_agg(${users.displayName} order by ${users.displayName}) filter (where ${users.id} is not null), '{}')`;
  const rows = await ctx.db
    .select({
      id: units.id,
      kind: units.kind,
      code: units.code,
      name: units.name,
      responsiblePerson: units.responsiblePerson,
      phone: units.phone,
      responsibleEmail: units.responsibleEmail,
      supervisorUserId: units.supervisorUserId,
      supervisorName: supervisor.displayName,
      archivedAt: units.archivedAt,
      liaisons,
    })
    .from(units)
    .leftJoin(
      memberships,
      and(
        eq(memberships.orgId, units.orgId),
        eq(memberships.unitId, units.id),
        eq(memberships.role, "liaison"),
        eq(memberships.active, true),
      ),
    )
    .leftJoin(users, and(eq(users.id, memberships.userId), eq(users.active, true)))
    .leftJoin(supervisor, eq(supervisor.id, units.supervisorUserId))
    .where(eq(units.orgId, ctx.orgId))
    .groupBy(units.orgId, units.id, supervisor.id)
    .orderBy(sql`${units.archivedAt} is not null`, asc(units.kind), asc(units.code));
  return rows.map(({ archivedAt, ...row }) => ({ ...row, archived: archivedAt !== null }));
}

export interface AdminMember {
  userId: string;
  username: string;
  displayName: string;
  phone: string | null;
  email: string | null;
  role: Role;
  unitId: string | null;
  unitName: string | null;
  active: boolean;
  mustChangePassword: boolean;
}

/** Every member of the township, active ones first, by role and name. */
export async function listMembers(ctx: QueryContext): Promise<AdminMember[]> {
  const rows = await ctx.db
    .select({
      userId: users.id,
      username: users.username,
      displayName: users.displayName,
      phone: users.phone,
      email: users.email,
      role: memberships.role,
      unitId: memberships.unitId,
      unitName: units.name,
      membershipActive: memberships.active,
      userActive: users.active,
      mustChangePassword: users.mustChangePassword,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .leftJoin(units, and(eq(units.orgId, memberships.orgId), eq(units.id, memberships.unitId)))
    .where(eq(memberships.orgId, ctx.orgId))
    .orderBy(sql`not ${memberships.active}`, asc(memberships.role), asc(users.displayName));
  return rows.map(({ membershipActive, userActive, ...row }) => ({ ...row, active: membershipActive && userActive }));
}
