import "server-only";
import { and, count, eq, isNull, ne } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { memberships, units, users } from "@/db/schema";
import { ActionError } from "@/lib/auth/action-core";

/** Checks shared by the user and hand-over commands, all inside the caller's transaction. */

export type MemberRow = Awaited<ReturnType<typeof memberInOrg>>;

/** A user of this township (active or not), with their membership; not found for anyone else. */
export async function memberInOrg(tx: Tx, orgId: string, userId: string) {
  const [row] = await tx
    .select({
      userId: users.id,
      membershipId: memberships.id,
      username: users.username,
      displayName: users.displayName,
      phone: users.phone,
      email: users.email,
      role: memberships.role,
      unitId: memberships.unitId,
      active: memberships.active,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.orgId, orgId), eq(memberships.userId, userId)));
  if (!row) throw new ActionError("not_found", "未找到该用户");
  return row;
}

/** A unit a liaison may be given: of this township and not archived. */
export async function assignableUnit(tx: Tx, orgId: string, unitId: string) {
  const [unit] = await tx
    .select({ id: units.id, name: units.name })
    .from(units)
    .where(and(eq(units.orgId, orgId), eq(units.id, unitId), isNull(units.archivedAt)));
  if (!unit) throw new ActionError("not_found", "未找到该单位，或该单位已归档", { unitId: ["未找到该单位"] });
  return unit;
}

/** Login names and phone numbers are unique across the whole service. */
export async function assertLoginFree(tx: Tx, fields: { username?: string; phone?: string }, exceptUserId?: string) {
  const except = exceptUserId ? ne(users.id, exceptUserId) : undefined;
  if (fields.username) {
    const [clash] = await tx.select({ id: users.id }).from(users).where(and(eq(users.username, fields.username), except));
    if (clash) throw new ActionError("conflict", `用户名 ${fields.username} 已被使用`, { username: ["用户名已被使用"] });
  }
  if (fields.phone) {
    const [clash] = await tx.select({ id: users.id }).from(users).where(and(eq(users.phone, fields.phone), except));
    if (clash) throw new ActionError("conflict", `手机号 ${fields.phone} 已被其他用户使用`, { phone: ["手机号已被使用"] });
  }
}

/** Refuses a change that would leave the township without an active admin. */
export async function assertAnotherActiveAdmin(tx: Tx, orgId: string, userId: string) {
  const [row] = await tx
    .select({ n: count() })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        eq(memberships.orgId, orgId),
        eq(memberships.role, "admin"),
        eq(memberships.active, true),
        eq(users.active, true),
        ne(memberships.userId, userId),
      ),
    );
  if ((row?.n ?? 0) === 0) throw new ActionError("conflict", "这是本镇最后一位在用的管理员，不能停用或改为其他角色");
}
