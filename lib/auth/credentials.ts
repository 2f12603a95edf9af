import "server-only";
import bcrypt from "bcryptjs";
import { and, asc, eq, or } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { memberships, users } from "@/db/schema";

export interface SignedInUser {
  userId: string;
  orgId: string;
  name: string;
}

// Compared against when the account does not exist, so a wrong user name
// costs the same time as a wrong password.
const DUMMY_HASH = bcrypt.hashSync("duban-no-such-user", 10);

/** Checks a user name or phone number and password; null for any failure, without saying which. */
export async function verifyCredentials(db: Queryable, login: string, password: string): Promise<SignedInUser | null> {
  const name = login.trim();
  if (!name || !password) return null;
  const [user] = await db
    .select({ id: users.id, hash: users.passwordHash, name: users.displayName })
    .from(users)
    .where(and(or(eq(users.username, name), eq(users.phone, name)), eq(users.active, true)))
    .limit(1);
  const matches = await bcrypt.compare(password, user?.hash ?? DUMMY_HASH);
  if (!user || !matches) return null;
  const [membership] = await db
    .select({ orgId: memberships.orgId })
    .from(memberships)
    .where(and(eq(memberships.userId, user.id), eq(memberships.active, true)))
    .orderBy(asc(memberships.createdAt))
    .limit(1);
  if (!membership) return null;
  return { userId: user.id, orgId: membership.orgId, name: user.name };
}

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, 10);
}
