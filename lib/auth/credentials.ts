import "server-only";
import bcrypt from "bcryptjs";
import { and, asc, eq, or } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { memberships, users } from "@/db/schema";
import { isLoginThrottled, recordLoginAttempt } from "./login-throttle";

export interface SignedInUser {
  userId: string;
  orgId: string;
  name: string;
}

export type SignInOutcome = { ok: true; user: SignedInUser } | { ok: false; reason: "invalid" | "throttled" };

export interface SignInAttempt {
  login: string;
  password: string;
  /** The client address (lib/http/client-address.ts), for the per-address limit. */
  address: string;
  now?: Date;
}

// Compared against when the account does not exist, so a wrong user name
// costs the same time as a wrong password.
const DUMMY_HASH = bcrypt.hashSync("duban-no-such-user", 10);
/** Longer than any user name or phone number; refused before touching the database. */
const MAX_LOGIN_LENGTH = 100;

/**
 * Checks a user name or phone number and password. A wrong name and a wrong
 * password take the same path — one lookup, the throttle check, one bcrypt
 * comparison, one attempt row — and give the same answer, "invalid".
 */
export async function signInWithPassword(db: Queryable, attempt: SignInAttempt): Promise<SignInOutcome> {
  const name = attempt.login.trim();
  if (!name || !attempt.password || name.length > MAX_LOGIN_LENGTH) return { ok: false, reason: "invalid" };
  const now = attempt.now ?? new Date();
  const [user] = await db
    .select({ id: users.id, hash: users.passwordHash, name: users.displayName })
    .from(users)
    .where(and(or(eq(users.username, name), eq(users.phone, name)), eq(users.active, true)))
    .limit(1);
  // A known account is limited whichever of its names is typed; an unknown one by the name typed.
  const account = user ? `user:${user.id}` : `name:${name.toLowerCase()}`;
  if (await isLoginThrottled(db, account, attempt.address, now)) return { ok: false, reason: "throttled" };

  const matches = await bcrypt.compare(attempt.password, user?.hash ?? DUMMY_HASH);
  const [membership] =
    user && matches
      ? await db
          .select({ orgId: memberships.orgId })
          .from(memberships)
          .where(and(eq(memberships.userId, user.id), eq(memberships.active, true)))
          .orderBy(asc(memberships.createdAt))
          .limit(1)
      : [];
  await recordLoginAttempt(db, { account, address: attempt.address, succeeded: !!membership, now });
  if (!user || !membership) return { ok: false, reason: "invalid" };
  return { ok: true, user: { userId: user.id, orgId: membership.orgId, name: user.name } };
}

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, 10);
}
