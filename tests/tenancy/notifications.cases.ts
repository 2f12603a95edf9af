import * as q from "@/db/queries/notifications";
import { notifications } from "@/db/schema";
import type { TenancyCases } from "./case";

export const cases: TenancyCases = {
  listNotifications: async (ctx) => {
    const rows = await q.listNotifications(ctx, { limit: 10_000 });
    return { ids: rows.map((r) => r.id), total: rows.length };
  },
  unreadCount: async (ctx) => ({ ids: [], total: await q.unreadCount(ctx) }),
  // Asks for every notification in the database: only the caller's own may come back.
  getNotification: async (ctx) => {
    const all = await ctx.db.select({ id: notifications.id }).from(notifications);
    const found = await Promise.all(all.map((n) => q.getNotification(ctx, n.id)));
    const ids = found.flatMap((row) => (row ? [row.id] : []));
    return { ids, total: ids.length };
  },
};
