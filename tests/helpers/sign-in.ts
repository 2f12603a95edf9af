import { randomUUID } from "node:crypto";
import type { Queryable } from "@/db/client";
import { signInWithPassword, type SignedInUser } from "@/lib/auth/credentials";

/** The user a password sign-in yields, or null; each call from its own address so tests do not share a rate limit. */
export async function passwordSignIn(db: Queryable, login: string, password: string): Promise<SignedInUser | null> {
  const outcome = await signInWithPassword(db, { login, password, address: `test-${randomUUID()}` });
  return outcome.ok ? outcome.user : null;
}
