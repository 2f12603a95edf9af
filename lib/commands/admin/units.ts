import "server-only";
import { and, eq, ne } from "drizzle-orm";
import { z } from "zod";
import type { Tx } from "@/db/client";
import { units } from "@/db/schema";
import { unitFields } from "@/lib/admin/fields";
import { ActionError, defineCommand } from "@/lib/auth/action-core";
import { assertSupervisor } from "../supervisor";

type UnitRow = typeof units.$inferSelect;

/** What the audit trail keeps of a unit. */
function unitSnapshot(u: UnitRow) {
  return {
    kind: u.kind,
    code: u.code,
    name: u.name,
    responsiblePerson: u.responsiblePerson,
    phone: u.phone,
    responsibleEmail: u.responsibleEmail,
    supervisorUserId: u.supervisorUserId,
    archivedAt: u.archivedAt?.toISOString() ?? null,
  };
}

/** Checked inside the transaction so the user sees which code clashes, not a database error. */
async function assertCodeFree(tx: Tx, orgId: string, code: string, exceptId?: string) {
  const [clash] = await tx
    .select({ id: units.id })
    .from(units)
    .where(and(eq(units.orgId, orgId), eq(units.code, code), exceptId ? ne(units.id, exceptId) : undefined));
  if (clash) throw new ActionError("conflict", `单位编码 ${code} 已被本镇其他单位使用`, { code: ["编码已被使用"] });
}

/** The columns a unit's form sets, blank fields stored as null. */
function unitValues(input: z.infer<z.ZodObject<typeof unitFields>>) {
  return {
    kind: input.kind,
    code: input.code,
    name: input.name,
    responsiblePerson: input.responsiblePerson ?? null,
    phone: input.phone ?? null,
    responsibleEmail: input.responsibleEmail ?? null,
    supervisorUserId: input.supervisorUserId ?? null,
  };
}

export async function unitInOrg(tx: Tx, orgId: string, unitId: string): Promise<UnitRow> {
  const [unit] = await tx.select().from(units).where(and(eq(units.orgId, orgId), eq(units.id, unitId)));
  if (!unit) throw new ActionError("not_found", "未找到该单位");
  return unit;
}

export const createUnit = defineCommand(
  { name: "unit.create", permission: "unit.manage", schema: z.object(unitFields) },
  async (input, ctx) => {
    await assertCodeFree(ctx.tx, ctx.orgId, input.code);
    if (input.supervisorUserId) await assertSupervisor(ctx.tx, ctx.orgId, input.supervisorUserId);
    const [created] = await ctx.tx
      .insert(units)
      .values({ orgId: ctx.orgId, ...unitValues(input) })
      .returning();
    return {
      data: { unitId: created!.id },
      audit: [{ action: "unit.create", entityType: "unit", entityId: created!.id, after: unitSnapshot(created!) }],
    };
  },
);

export const updateUnit = defineCommand(
  { name: "unit.update", permission: "unit.manage", schema: z.object({ unitId: z.uuid(), ...unitFields }) },
  async ({ unitId, ...input }, ctx) => {
    const before = await unitInOrg(ctx.tx, ctx.orgId, unitId);
    await assertCodeFree(ctx.tx, ctx.orgId, input.code, unitId);
    // An unchanged 分管领导 may stay even if no longer eligible, so other edits still save.
    if (input.supervisorUserId && input.supervisorUserId !== before.supervisorUserId) {
      await assertSupervisor(ctx.tx, ctx.orgId, input.supervisorUserId);
    }
    const [after] = await ctx.tx
      .update(units)
      .set(unitValues(input))
      .where(and(eq(units.orgId, ctx.orgId), eq(units.id, unitId)))
      .returning();
    return {
      data: { unitId },
      audit: [
        { action: "unit.update", entityType: "unit", entityId: unitId, before: unitSnapshot(before), after: unitSnapshot(after!) },
      ],
    };
  },
);

/**
 * 归档 / 恢复: a unit with history is never deleted. An archived unit keeps its
 * assignments and records but is left out of new assignments and pickers.
 */
export const setUnitArchived = defineCommand(
  {
    name: "unit.archive",
    permission: "unit.manage",
    schema: z.object({ unitId: z.uuid(), archived: z.preprocess((v) => v === true || v === "true", z.boolean()) }),
  },
  async ({ unitId, archived }, ctx) => {
    const before = await unitInOrg(ctx.tx, ctx.orgId, unitId);
    if ((before.archivedAt !== null) === archived) return { data: { unitId }, audit: [] };
    const archivedAt = archived ? new Date() : null;
    await ctx.tx.update(units).set({ archivedAt }).where(and(eq(units.orgId, ctx.orgId), eq(units.id, unitId)));
    return {
      data: { unitId },
      audit: [
        {
          action: archived ? "unit.archive" : "unit.unarchive",
          entityType: "unit",
          entityId: unitId,
          before: { archivedAt: before.archivedAt?.toISOString() ?? null },
          after: { archivedAt: archivedAt?.toISOString() ?? null },
        },
      ],
    };
  },
);
