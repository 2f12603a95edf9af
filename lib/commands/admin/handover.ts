import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import { assignments, memberships, users } from "@/db/schema";
import { phoneField, temporaryPassword, usernameField } from "@/lib/admin/fields";
import { ActionError, defineCommand } from "@/lib/auth/action-core";
import { hashPassword } from "@/lib/auth/credentials";
import { optionalText } from "@/lib/commands/campaigns/fields";
import { assertAnotherActiveAdmin, assertLoginFree, assignableUnit, memberInOrg } from "./members";

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

/** Work still in the unit's hands: everything not yet approved. */
const OPEN_STATUSES = ["pending", "submitted", "returned"] as const;

/**
 * 交接: a departing liaison's unit goes to a successor in one step. The successor
 * is an existing member of the township or a new user created here; the
 * departing membership is deactivated and the unit's open assignments change
 * owner. Submissions, timeline events and audit rows are not touched, so the
 * history stays with the person who did the work.
 */
export const handOverUnit = defineCommand(
  {
    name: "unit.handover",
    permission: "user.manage",
    schema: z
      .object({
        fromUserId: z.uuid(),
        successorUserId: z.preprocess(blankToUndefined, z.uuid().optional()),
        newUsername: z.preprocess(blankToUndefined, usernameField.optional()),
        newDisplayName: optionalText(30),
        newPhone: phoneField,
      })
      .superRefine((v, ctx) => {
        const creating = Boolean(v.newUsername || v.newDisplayName);
        if (v.successorUserId && creating) {
          ctx.addIssue({ code: "custom", path: ["successorUserId"], message: "请选择已有用户或新建用户，不能同时填写" });
        } else if (!v.successorUserId && !(v.newUsername && v.newDisplayName)) {
          ctx.addIssue({ code: "custom", path: ["successorUserId"], message: "请选择接任人，或填写新用户的姓名和用户名" });
        }
      }),
  },
  async (input, ctx) => {
    const departing = await memberInOrg(ctx.tx, ctx.orgId, input.fromUserId);
    if (departing.role !== "liaison" || !departing.unitId || !departing.active) {
      throw new ActionError("conflict", "只能交接在用联络员负责的单位");
    }
    const unit = await assignableUnit(ctx.tx, ctx.orgId, departing.unitId);
    const audit = [];
    let successorId: string;
    let temporary: string | null = null;

    if (input.successorUserId) {
      if (input.successorUserId === departing.userId) throw new ActionError("invalid", "接任人不能是原联络员本人");
      const successor = await memberInOrg(ctx.tx, ctx.orgId, input.successorUserId);
      if (successor.role === "admin") await assertAnotherActiveAdmin(ctx.tx, ctx.orgId, successor.userId);
      await ctx.tx
        .update(memberships)
        .set({ role: "liaison", unitId: unit.id, active: true })
        .where(and(eq(memberships.orgId, ctx.orgId), eq(memberships.userId, successor.userId)));
      successorId = successor.userId;
      audit.push({
        action: "user.update",
        entityType: "user",
        entityId: successorId,
        before: { role: successor.role, unitId: successor.unitId, active: successor.active },
        after: { role: "liaison", unitId: unit.id, active: true },
      });
    } else {
      const username = input.newUsername!;
      await assertLoginFree(ctx.tx, { username, phone: input.newPhone });
      temporary = temporaryPassword();
      const [created] = await ctx.tx
        .insert(users)
        .values({
          username,
          displayName: input.newDisplayName!,
          phone: input.newPhone ?? null,
          passwordHash: await hashPassword(temporary),
          mustChangePassword: true,
        })
        .returning({ id: users.id });
      successorId = created!.id;
      await ctx.tx.insert(memberships).values({ orgId: ctx.orgId, userId: successorId, role: "liaison", unitId: unit.id });
      audit.push({
        action: "user.create",
        entityType: "user",
        entityId: successorId,
        after: { username, displayName: input.newDisplayName, phone: input.newPhone ?? null, role: "liaison", unitId: unit.id },
      });
    }

    await ctx.tx
      .update(memberships)
      .set({ active: false })
      .where(and(eq(memberships.orgId, ctx.orgId), eq(memberships.userId, departing.userId)));
    const moved = await ctx.tx
      .update(assignments)
      .set({ ownerUserId: successorId, updatedAt: new Date() })
      .where(
        and(eq(assignments.orgId, ctx.orgId), eq(assignments.unitId, unit.id), inArray(assignments.status, [...OPEN_STATUSES])),
      )
      .returning({ id: assignments.id });
    audit.push(
      { action: "user.deactivate", entityType: "user", entityId: departing.userId, before: { active: true }, after: { active: false } },
      {
        action: "unit.handover",
        entityType: "unit",
        entityId: unit.id,
        before: { liaisonUserId: departing.userId },
        after: { liaisonUserId: successorId, assignmentIds: moved.map((a) => a.id) },
      },
    );
    return {
      data: {
        unitId: unit.id,
        successorUserId: successorId,
        username: input.newUsername ?? "",
        movedAssignments: moved.length,
        temporaryPassword: temporary,
      },
      audit,
    };
  },
);
