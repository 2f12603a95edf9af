import "server-only";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { users } from "@/db/schema";
import { emailField, switchField } from "@/lib/admin/fields";
import { ActionError, defineCommand } from "@/lib/auth/action-core";

/** 邮件提醒: the signed-in user's own e-mail address and whether reminders go there. */
export const updateOwnProfile = defineCommand(
  {
    name: "account.profile",
    permission: "account.profile",
    schema: z.object({ email: emailField, emailNotifications: switchField("接收邮件提醒") }),
  },
  async (input, ctx) => {
    const [before] = await ctx.tx
      .select({ email: users.email, emailNotifications: users.emailNotifications })
      .from(users)
      .where(eq(users.id, ctx.userId));
    if (!before) throw new ActionError("not_found", "未找到该用户");
    const after = { email: input.email ?? null, emailNotifications: input.emailNotifications };
    if (before.email === after.email && before.emailNotifications === after.emailNotifications) {
      return { data: { saved: false }, audit: [] };
    }
    await ctx.tx.update(users).set(after).where(eq(users.id, ctx.userId));
    return {
      data: { saved: true },
      audit: [{ action: "account.profile", entityType: "user", entityId: ctx.userId, before, after }],
    };
  },
);
