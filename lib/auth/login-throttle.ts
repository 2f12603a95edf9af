import "server-only";
import { and, count, eq, gt, max } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { loginAttempts } from "@/db/schema";

/**
 * Sign-in rate limit, counted in the database so every app instance sees the
 * same attempts. Per account: 5 failures since the later of 15 minutes ago
 * and its last successful sign-in. Per address: 20 failures in 15 minutes,
 * whatever the account (one machine trying many names). Refused attempts are
 * not recorded, so a lock ends 15 minutes after the failure that caused it.
 */
export const LOGIN_LIMITS = { windowMinutes: 15, perAccount: 5, perAddress: 20 } as const;

export async function isLoginThrottled(db: Queryable, account: string, address: string, now: Date): Promise<boolean> {
  const since = new Date(now.getTime() - LOGIN_LIMITS.windowMinutes * 60_000);
  const [success] = await db
    .select({ at: max(loginAttempts.createdAt) })
    .from(loginAttempts)
    .where(and(eq(loginAttempts.account, account), eq(loginAttempts.succeeded, true), gt(loginAttempts.createdAt, since)));
  const [byAccount] = await db
    .select({ n: count() })
    .from(loginAttempts)
    .where(
      and(
        eq(loginAttempts.account, account),
        eq(loginAttempts.succeeded, false),
        gt(loginAttempts.createdAt, success?.at ?? since),
      ),
    );
  const [byAddress] = await db
    .select({ n: count() })
    .from(loginAttempts)
    .where(and(eq(loginAttempts.address, address), eq(loginAttempts.succeeded, false), gt(loginAttempts.createdAt, since)));
  return (byAccount?.n ?? 0) >= LOGIN_LIMITS.perAccount || (byAddress?.n ?? 0) >= LOGIN_LIMITS.perAddress;
}

export async function recordLoginAttempt(
  db: Queryable,
  attempt: { account: string; address: string; succeeded: boolean; now: Date },
): Promise<void> {
  await db.insert(loginAttempts).values({
    account: attempt.account,
    address: attempt.address,
    succeeded: attempt.succeeded,
    createdAt: attempt.now,
  });
}
