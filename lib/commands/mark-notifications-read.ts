import "server-only";
import { and, eq, inArray, isNull } from "drizzle-orm";
import { z } from "zod";
import { notifications } from "@/db/schema";
import { defineCommand } from "@/lib/auth/action-core";

const schema = z
  .object({
    /** Specific notifications (one id from a link, several from a form). */
    ids: z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(z.uuid()).max(500)),
    /** "全部标为已读": every unread notification of the caller. */
    all: z.preprocess((v) => v === true || v === "true" || v === "1", z.boolean()),
  })
  .refine((input) => input.all || input.ids.length > 0, { message: "请选择要标为已读的通知", path: ["ids"] });

/**
 * Marks the caller's own notifications read. Someone else's ids match nothing:
 * the user is in the where clause, so they are silently left alone.
 */
export const markNotificationsRead = defineCommand(
  { name: "notification.read", permission: "notification.read", schema },
  async (input, ctx) => {
    const now = new Date();
    const marked = await ctx.tx
      .update(notifications)
      .set({ readAt: now })
      .where(
        and(
          eq(notifications.orgId, ctx.orgId),
          eq(notifications.userId, ctx.userId),
          isNull(notifications.readAt),
          input.all ? undefined : inArray(notifications.id, input.ids),
        ),
      )
      .returning({ id: notifications.id });
    const ids = marked.map((n) => n.id);
    return {
      data: { marked: ids.length },
      // One row for the one act of reading, however many notifications it covered.
      audit:
        ids.length === 0
          ? []
          : [
              {
                action: "notification.read",
                entityType: "notification",
                entityId: ids.length === 1 ? ids[0]! : null,
                after: { ids, readAt: now.toISOString(), all: input.all },
              },
            ],
    };
  },
);
