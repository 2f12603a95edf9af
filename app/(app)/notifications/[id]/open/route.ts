import { getDb } from "@/db/client";
import { contextFor, loadMembership } from "@/db/queries/context";
import { getNotification } from "@/db/queries/notifications";
import { executeAction } from "@/lib/auth/action-core";
import { can } from "@/lib/auth/permissions";
import { getActor } from "@/lib/auth/session";
import { markNotificationsRead } from "@/lib/commands/mark-notifications-read";
import { answersOutage } from "@/lib/database-outage-server";

export const dynamic = "force-dynamic";

/**
 * A relative Location: behind a proxy, or with `next start -H`, request.url may
 * name another host than the browser used, and the session cookie would not follow.
 */
const redirectTo = (path: string) => new Response(null, { status: 303, headers: { Location: path, "Cache-Control": "no-store" } });

type Notification = NonNullable<Awaited<ReturnType<typeof getNotification>>>;

/**
 * Where a notification leads: its own link when it is a path of this app (never
 * another site), else the page its kind is about (seeded notices carry no link).
 */
function targetOf({ link, kind }: Notification): string {
  if (link && link.startsWith("/") && !link.startsWith("//") && !link.includes("\\")) return link;
  return kind === "hazard_assigned" ? "/notifications" : "/tasks";
}

/**
 * GET /notifications/<id>/open: opening a notification marks it read (through
 * the same command as the page's button) and goes on to what it is about.
 */
export const GET = answersOutage(async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const actor = await getActor();
  const membership = actor ? await loadMembership(getDb(), actor.userId, actor.orgId) : null;
  if (!membership) return redirectTo("/login");
  if (!can(membership.role, "notification.read")) return new Response(null, { status: 404 });
  const notification = await getNotification(contextFor(getDb(), membership), (await params).id);
  if (!notification) return new Response("未找到该通知", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  if (!notification.readAt) {
    await executeAction(getDb(), actor, markNotificationsRead.config, { ids: [notification.id] }, markNotificationsRead.body);
  }
  return redirectTo(targetOf(notification));
});
