import "server-only";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { memberships, users } from "@/db/schema";
import { checkRoleUnit, emailField, optionalUnitId, phoneField, roleField, temporaryPassword, usernameField } from "@/lib/admin/fields";
import { ActionError, defineCommand } from "@/lib/auth/action-core";
import { hashPassword } from "@/lib/auth/credentials";
import { requiredText } from "@/lib/commands/campaigns/fields";
import { assertAnotherActiveAdmin, assertLoginFree, assignableUnit, memberInOrg } from "./members";

const refineRoleUnit = (value: { role: string; unitId?: string }, ctx: z.RefinementCtx) =>
  checkRoleUnit(value, (path, message) => ctx.addIssue({ code: "custom", path: [path], message }));

const profileFields = {
  displayName: requiredText(30),
  phone: phoneField,
  email: emailField,
  role: roleField,
  unitId: optionalUnitId,
};

/** A new member of the township with a temporary password, shown once to the admin. */
export const createUser = defineCommand(
  {
    name: "user.create",
    permission: "user.manage",
    schema: z.object({ username: usernameField, ...profileFields }).superRefine(refineRoleUnit),
  },
  async (input, ctx) => {
    if (input.unitId) await assignableUnit(ctx.tx, ctx.orgId, input.unitId);
    await assertLoginFree(ctx.tx, input);
    const password = temporaryPassword();
    const [user] = await ctx.tx
      .insert(users)
      .values({
        username: input.username,
        displayName: input.displayName,
        phone: input.phone ?? null,
        email: input.email ?? null,
        passwordHash: await hashPassword(password),
        mustChangePassword: true,
      })
      .returning({ id: users.id });
    const membership = { orgId: ctx.orgId, userId: user!.id, role: input.role, unitId: input.unitId ?? null };
    await ctx.tx.insert(memberships).values(membership);
    const after = {
      username: input.username,
      displayName: input.displayName,
      phone: input.phone ?? null,
      email: input.email ?? null,
      role: input.role,
      unitId: membership.unitId,
    };
    return {
      data: { userId: user!.id, username: input.username, temporaryPassword: password },
      audit: [{ action: "user.create", entityType: "user", entityId: user!.id, after }],
    };
  },
);

export const updateUser = defineCommand(
  {
    name: "user.update",
    permission: "user.manage",
    schema: z.object({ userId: z.uuid(), ...profileFields }).superRefine(refineRoleUnit),
  },
  async ({ userId, ...input }, ctx) => {
    const before = await memberInOrg(ctx.tx, ctx.orgId, userId);
    if (input.unitId && input.unitId !== before.unitId) await assignableUnit(ctx.tx, ctx.orgId, input.unitId);
    if (before.role === "admin" && input.role !== "admin") {
      if (userId === ctx.userId) throw new ActionError("conflict", "不能更改自己的管理员角色");
      await assertAnotherActiveAdmin(ctx.tx, ctx.orgId, userId);
    }
    await assertLoginFree(ctx.tx, { phone: input.phone }, userId);
    await ctx.tx
      .update(users)
      .set({ displayName: input.displayName, phone: input.phone ?? null, email: input.email ?? null })
      .where(eq(users.id, userId));
    await ctx.tx
      .update(memberships)
      .set({ role: input.role, unitId: input.unitId ?? null })
      .where(and(eq(memberships.orgId, ctx.orgId), eq(memberships.userId, userId)));
    const pick = (m: { displayName: string; phone: string | null; email: string | null; role: string; unitId: string | null }) => ({
      displayName: m.displayName,
      phone: m.phone,
      email: m.email,
      role: m.role,
      unitId: m.unitId,
    });
    return {
      data: { userId },
      audit: [
        {
          action: "user.update",
          entityType: "user",
          entityId: userId,
          before: pick(before),
          after: pick({ ...input, phone: input.phone ?? null, email: input.email ?? null, unitId: input.unitId ?? null }),
        },
      ],
    };
  },
);

/** 停用 / 启用 the membership in this township; the person's past work stays theirs. */
export const setUserActive = defineCommand(
  {
    name: "user.activate",
    permission: "user.manage",
    schema: z.object({ userId: z.uuid(), active: z.preprocess((v) => v === true || v === "true", z.boolean()) }),
  },
  async ({ userId, active }, ctx) => {
    const before = await memberInOrg(ctx.tx, ctx.orgId, userId);
    if (before.active === active) return { data: { userId }, audit: [] };
    if (!active && userId === ctx.userId) throw new ActionError("conflict", "不能停用自己的账号");
    if (!active && before.role === "admin") await assertAnotherActiveAdmin(ctx.tx, ctx.orgId, userId);
    if (active && before.unitId) await assignableUnit(ctx.tx, ctx.orgId, before.unitId);
    await ctx.tx
      .update(memberships)
      .set({ active })
      .where(and(eq(memberships.orgId, ctx.orgId), eq(memberships.userId, userId)));
    return {
      data: { userId },
      audit: [
        {
          action: active ? "user.reactivate" : "user.deactivate",
          entityType: "user",
          entityId: userId,
          before: { active: before.active },
          after: { active },
        },
      ],
    };
  },
);

/** A new temporary password, returned once; the user must replace it at the next sign-in. */
export const resetPassword = defineCommand(
  { name: "user.reset_password", permission: "user.manage", schema: z.object({ userId: z.uuid() }) },
  async ({ userId }, ctx) => {
    const member = await memberInOrg(ctx.tx, ctx.orgId, userId);
    if (userId === ctx.userId) throw new ActionError("conflict", "请在“修改密码”页面修改自己的密码");
    const password = temporaryPassword();
    await ctx.tx
      .update(users)
      .set({ passwordHash: await hashPassword(password), mustChangePassword: true })
      .where(eq(users.id, userId));
    return {
      data: { userId, username: member.username, temporaryPassword: password },
      // Never the hash: the audit trail records only that a reset happened.
      audit: [{ action: "user.reset_password", entityType: "user", entityId: userId, after: { mustChangePassword: true } }],
    };
  },
);
