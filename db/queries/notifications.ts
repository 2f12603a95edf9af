import "server-only";
import { and, count, desc, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import { notifications } from "../schema";
import type { QueryContext } from "./context";

/** A notification belongs to one user of one township: both are in every where clause. */
const ownedBy = (ctx: QueryContext) => and(eq(notifications.orgId, ctx.orgId), eq(notifications.userId, ctx.userId));

const columns = {
  id: notifications.id,
  kind: notifications.kind,
  title: notifications.title,
  body: notifications.body,
  link: notifications.link,
  readAt: notifications.readAt,
  createdAt: notifications.createdAt,
};

export type NotificationItem = Awaited<ReturnType<typeof listNotifications>>[number];

/** The caller's own notifications, newest first. */
export async function listNotifications(ctx: QueryContext, options: { limit?: number } = {}) {
  return ctx.db
    .select(columns)
    .from(notifications)
    .where(ownedBy(ctx))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(options.limit ?? 200);
}

/** How many of the caller's notifications are unread (the bell's badge). */
export async function unreadCount(ctx: QueryContext): Promise<number> {
  const [row] = await ctx.db
    .select({ n: count() })
    .from(notifications)
    .where(and(ownedBy(ctx), isNull(notifications.readAt)));
  return row?.n ?? 0;
}

/** One of the caller's notifications, or null (someone else's, or a malformed id). */
export async function getNotification(ctx: QueryContext, notificationId: string) {
  if (!z.uuid().safeParse(notificationId).success) return null;
  const [row] = await ctx.db
    .select(columns)
    .from(notifications)
    .where(and(ownedBy(ctx), eq(notifications.id, notificationId)))
    .limit(1);
  return row ?? null;
}
