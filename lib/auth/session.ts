import "server-only";
import { getServerSession } from "next-auth";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/db/client";
import { contextFor, loadMembership, type Membership, type QueryContext } from "@/db/queries/context";
import { orUnavailable } from "@/lib/database-outage-server";
import type { Actor } from "./action-core";
import { authOptions } from "./options";
import { can, type Permission } from "./permissions";

/** The signed-in user's id and township from the session cookie, or null. */
export async function getActor(): Promise<Actor | null> {
  const session = await getServerSession(authOptions);
  const user = session?.user;
  return user?.id && user.orgId ? { userId: user.id, orgId: user.orgId } : null;
}

/**
 * The current membership, read once per request; null when signed out or
 * deactivated. It is the first read of every signed-in page, so an outage
 * surfaces here as DatabaseUnavailableError (the "service unavailable" page).
 */
export const getMembership = cache(async (): Promise<Membership | null> => {
  const actor = await getActor();
  return actor ? orUnavailable(loadMembership(getDb(), actor.userId, actor.orgId)) : null;
});

/**
 * For pages: the query context of the signed-in member, or a redirect to /login.
 * With a permission, a member who lacks it gets the not-found page. A member
 * whose password was reset is sent to /account from every page that names a
 * permission other than account.password; the (app) layout names none, so it
 * renders /account itself while each page below it decides.
 */
export async function requireContext(permission?: Permission): Promise<QueryContext & { membership: Membership }> {
  const membership = await getMembership();
  if (!membership) redirect("/login");
  if (permission && !can(membership.role, permission)) notFound();
  if (membership.mustChangePassword && permission && permission !== "account.password") redirect("/account?forced=1");
  return { ...contextFor(getDb(), membership), membership };
}
