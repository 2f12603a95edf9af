import "server-only";
import bcrypt from "bcryptjs";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { users } from "@/db/schema";
import { newPasswordField } from "@/lib/admin/fields";
import { ActionError, defineCommand } from "@/lib/auth/action-core";
import { hashPassword } from "@/lib/auth/credentials";

/** 修改密码: the signed-in user replaces their own password; this also ends a forced change after a reset. */
export const changePassword = defineCommand(
  {
    name: "account.password",
    permission: "account.password",
    schema: z
      .object({ currentPassword: z.string().min(1, "请输入当前密码"), newPassword: newPasswordField, confirmPassword: z.string() })
      .refine((v) => v.newPassword === v.confirmPassword, { path: ["confirmPassword"], message: "两次输入的新密码不一致" })
      .refine((v) => v.newPassword !== v.currentPassword, { path: ["newPassword"], message: "新密码不能与当前密码相同" }),
  },
  async ({ currentPassword, newPassword }, ctx) => {
    const [user] = await ctx.tx.select({ hash: users.passwordHash }).from(users).where(eq(users.id, ctx.userId));
    if (!user || !(await bcrypt.compare(currentPassword, user.hash))) {
      throw new ActionError("invalid", "当前密码不正确", { currentPassword: ["当前密码不正确"] });
    }
    await ctx.tx
      .update(users)
      .set({ passwordHash: await hashPassword(newPassword), mustChangePassword: false })
      .where(eq(users.id, ctx.userId));
    return {
      data: { changed: true },
      audit: [{ action: "account.password", entityType: "user", entityId: ctx.userId, after: { mustChangePassword: false } }],
    };
  },
);
