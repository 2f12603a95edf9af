import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { listUnits } from "@/db/queries/admin";
import { contextFor, loadMembership } from "@/db/queries/context";
import { auditEvents, units } from "@/db/schema";
import { seedDemoTownship } from "@/db/seed";
import { executeAction, type Actor, type Command } from "@/lib/auth/action-core";
import { createTestDb, uniqueOrgOptions } from "@/tests/helpers/db";
import { memberOf } from "@/tests/helpers/workflow";
import type { z } from "zod";
import { createUnit, setUnitArchived, updateUnit } from "./units";

const NOW = new Date("2026-11-29T10:00:00+08:00");
let handle: DbHandle;
let orgA: string;
let orgB: string;
let admin: Actor;

const run = <S extends z.ZodType, T>(cmd: Command<S, T>, actor: Actor, input: unknown) =>
  executeAction(handle.db, actor, cmd.config, input, cmd.body);
const unitsOf = (orgId: string) => handle.db.select().from(units).where(eq(units.orgId, orgId));

beforeAll(async () => {
  handle = await createTestDb();
  orgA = (await seedDemoTownship(handle.db, { now: NOW, shiftToYear: 2026, ...uniqueOrgOptions("ua") })).orgId;
  orgB = (await seedDemoTownship(handle.db, { now: NOW, shiftToYear: 2026, ...uniqueOrgOptions("ub") })).orgId;
  admin = (await memberOf(handle.db, orgA, "admin")).actor;
});

afterAll(async () => {
  await handle?.close();
});

describe("units administration", () => {
  it("an admin creates, edits, archives and restores a unit, with audit rows", async () => {
    const created = await run(createUnit, admin, { kind: "village", code: "V-NEW", name: "新村", responsiblePerson: "王书记", phone: "13800001111" });
    expect(created.ok).toBe(true);
    const unitId = created.ok ? created.data.unitId : "";
    const edited = await run(updateUnit, admin, { unitId, kind: "community", code: "C-NEW", name: "新社区", responsiblePerson: "", phone: "023-76543210" });
    expect(edited.ok).toBe(true);
    const [row] = await handle.db.select().from(units).where(eq(units.id, unitId));
    expect(row).toMatchObject({ kind: "community", code: "C-NEW", name: "新社区", responsiblePerson: null, phone: "023-76543210" });
    expect((await run(setUnitArchived, admin, { unitId, archived: "true" })).ok).toBe(true);
    const [archived] = await handle.db.select().from(units).where(eq(units.id, unitId));
    expect(archived!.archivedAt).toBeInstanceOf(Date);
    expect((await run(setUnitArchived, admin, { unitId, archived: "false" })).ok).toBe(true);
    const audit = await handle.db.select().from(auditEvents).where(and(eq(auditEvents.orgId, orgA), eq(auditEvents.entityId, unitId)));
    expect(audit.map((a) => a.action).sort()).toEqual(["unit.archive", "unit.create", "unit.unarchive", "unit.update"]);
  });

  it("a duplicate code in the township is a clear conflict; the same code in another township is fine", async () => {
    const [existing] = await unitsOf(orgA);
    const before = (await unitsOf(orgA)).length;
    const result = await run(createUnit, admin, { kind: "village", code: existing!.code, name: "重复" });
    expect(result).toMatchObject({ ok: false, code: "conflict" });
    expect(!result.ok && result.message).toContain(existing!.code);
    expect(await unitsOf(orgA)).toHaveLength(before);
    const other = (await unitsOf(orgA)).find((u) => u.id !== existing!.id)!;
    const renamed = await run(updateUnit, admin, { unitId: other.id, kind: other.kind, code: existing!.code, name: other.name });
    expect(renamed).toMatchObject({ ok: false, code: "conflict" });
    const adminB = (await memberOf(handle.db, orgB, "admin")).actor;
    expect((await run(createUnit, adminB, { kind: "school", code: "V-NEW", name: "同码学校" })).ok).toBe(true);
  });

  it("bad phone, unknown kind or blank name are invalid and write nothing", async () => {
    const before = (await unitsOf(orgA)).length;
    for (const input of [
      { kind: "village", code: "X1", name: "甲", phone: "12345" },
      { kind: "farm", code: "X2", name: "乙" },
      { kind: "village", code: "X3", name: " " },
      { kind: "village", code: "有空 格", name: "丙" },
    ]) {
      expect(await run(createUnit, admin, input)).toMatchObject({ ok: false, code: "invalid" });
    }
    expect(await unitsOf(orgA)).toHaveLength(before);
  });

  it("keeps the 责任人's e-mail and a 分管领导 chosen among the township's active leaders and admins", async () => {
    const leader = (await memberOf(handle.db, orgA, "leader")).actor;
    const created = await run(createUnit, admin, {
      kind: "village",
      code: "V-SUP",
      name: "督办村",
      responsibleEmail: "zeren@example.cn",
      supervisorUserId: leader.userId,
    });
    if (!created.ok) throw new Error(created.message);
    const { unitId } = created.data;
    const ctx = contextFor(handle.db, (await loadMembership(handle.db, admin.userId, orgA))!);
    expect((await listUnits(ctx)).find((u) => u.id === unitId)).toMatchObject({
      responsibleEmail: "zeren@example.cn",
      supervisorUserId: leader.userId,
      supervisorName: expect.any(String),
    });
    const [audit] = await handle.db.select().from(auditEvents).where(and(eq(auditEvents.entityId, unitId), eq(auditEvents.action, "unit.create")));
    expect(audit!.after).toMatchObject({ responsibleEmail: "zeren@example.cn", supervisorUserId: leader.userId });

    const base = { unitId, kind: "village", code: "V-SUP", name: "督办村" };
    const liaison = (await memberOf(handle.db, orgA, "liaison")).actor;
    const leaderB = (await memberOf(handle.db, orgB, "leader")).actor;
    for (const supervisorUserId of [liaison.userId, leaderB.userId]) {
      const refused = await run(updateUnit, admin, { ...base, supervisorUserId });
      expect(refused).toMatchObject({ ok: false, code: "invalid", message: "分管领导须为本镇在岗的镇领导或管理员" });
    }
    expect(await run(updateUnit, admin, { ...base, responsibleEmail: "zeren@" })).toMatchObject({ ok: false, code: "invalid", fieldErrors: { responsibleEmail: ["邮箱格式不正确"] } });
    expect((await run(updateUnit, admin, { ...base, responsibleEmail: "", supervisorUserId: "" })).ok).toBe(true);
    const [row] = await handle.db.select().from(units).where(eq(units.id, unitId));
    expect(row).toMatchObject({ responsibleEmail: null, supervisorUserId: null });
  });

  it("another township's admin gets not-found; leaders, auditors and liaisons are forbidden", async () => {
    const [unit] = await unitsOf(orgA);
    const adminB = (await memberOf(handle.db, orgB, "admin")).actor;
    const input = { unitId: unit!.id, kind: unit!.kind, code: unit!.code, name: "被改" };
    expect(await run(updateUnit, adminB, input)).toMatchObject({ ok: false, code: "not_found" });
    expect(await run(setUnitArchived, adminB, { unitId: unit!.id, archived: true })).toMatchObject({ ok: false, code: "not_found" });
    for (const role of ["leader", "auditor", "liaison"] as const) {
      const { actor } = await memberOf(handle.db, orgA, role);
      expect(await run(updateUnit, actor, input)).toMatchObject({ ok: false, code: "forbidden" });
      expect(await run(createUnit, actor, { kind: "village", code: "F1", name: "禁" })).toMatchObject({ ok: false, code: "forbidden" });
    }
    const [after] = await handle.db.select().from(units).where(eq(units.id, unit!.id));
    expect(after!.name).toBe(unit!.name);
    expect(after!.archivedAt).toBeNull();
  });
});
