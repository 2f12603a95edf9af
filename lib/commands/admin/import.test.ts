import { and, count, eq, inArray, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import type { DbHandle } from "@/db/client";
import { auditEvents, memberships, units, users } from "@/db/schema";
import { seedDemoTownship } from "@/db/seed";
import { executeAction, type Actor, type Command } from "@/lib/auth/action-core";
import { passwordSignIn } from "@/tests/helpers/sign-in";
import { createTestDb, uniqueOrgOptions } from "@/tests/helpers/db";
import { memberOf } from "@/tests/helpers/workflow";
import { importUnits, importUsers, previewUnitImport, previewUserImport } from "./import";

const NOW = new Date("2026-11-29T10:00:00+08:00");
let handle: DbHandle;
let orgA: string;
let orgB: string;
let adminA: Actor;
let adminB: Actor;
let prefix: string;

const run = <S extends z.ZodType, T>(cmd: Command<S, T>, actor: Actor, input: unknown) =>
  executeAction(handle.db, actor, cmd.config, input, cmd.body);
const csv = (...rows: string[]) => ({ file: new File(["\uFEFF" + rows.join("\r\n")], "import.csv", { type: "text/csv" }) });
const phone = () => `13${String(Math.floor(Math.random() * 1e9)).padStart(9, "0")}`;
const UNIT_HEAD = "单位编码,单位名称,单位类型,责任人,联系电话";
const USER_HEAD = "姓名,用户名,手机号,角色,所属单位编码";

/** Rows this file could have written; scoped so parallel test files on PostgreSQL do not disturb them. */
async function counts() {
  const [u] = await handle.db.select({ n: count() }).from(units).where(eq(units.orgId, orgA));
  const [p] = await handle.db.select({ n: count() }).from(users).where(like(users.username, `${prefix}%`));
  const [m] = await handle.db.select({ n: count() }).from(memberships).where(eq(memberships.orgId, orgA));
  const [a] = await handle.db.select({ n: count() }).from(auditEvents).where(eq(auditEvents.orgId, orgA));
  return { units: u!.n, users: p!.n, memberships: m!.n, audit: a!.n };
}

beforeAll(async () => {
  handle = await createTestDb();
  const options = uniqueOrgOptions("ima");
  prefix = options.usernamePrefix;
  orgA = (await seedDemoTownship(handle.db, { now: NOW, shiftToYear: 2026, ...options })).orgId;
  orgB = (await seedDemoTownship(handle.db, { now: NOW, shiftToYear: 2026, ...uniqueOrgOptions("imb") })).orgId;
  adminA = (await memberOf(handle.db, orgA, "admin")).actor;
  adminB = (await memberOf(handle.db, orgB, "admin")).actor;
});

afterAll(async () => {
  await handle?.close();
});

describe("bulk import", () => {
  it("a bad file is refused with every row error listed, and nothing is written", async () => {
    const [existing] = await handle.db.select({ code: units.code }).from(units).where(eq(units.orgId, orgA)).limit(1);
    const bad = csv(UNIT_HEAD, "IMP-X1,甲村,村,,", "IMP-X1,乙村,村,,", `${existing!.code},丙村,村,,`, "IMP-X4,丁村,乡,,12345");
    const preview = await run(previewUnitImport, adminA, bad);
    if (!preview.ok) throw new Error(preview.message);
    expect(preview.data.issues.map((i) => i.row)).toEqual([3, 4, 5, 5]);

    const before = await counts();
    const result = await run(importUnits, adminA, bad);
    expect(result).toMatchObject({ ok: false, code: "invalid", message: "文件有 4 处错误，未导入任何数据" });
    if (result.ok) return;
    expect(result.fieldErrors?.file).toEqual([
      "第 3 行：单位编码 IMP-X1 与第 2 行重复",
      `第 4 行：单位编码 ${existing!.code} 已被本镇其他单位使用`,
      expect.stringContaining("第 5 行：单位类型“乡”无效"),
      expect.stringContaining("第 5 行：联系电话：电话格式不正确"),
    ]);
    const badUsers = csv(USER_HEAD, `甲,${prefix}u1,12,联络员,NOPE`, `乙,${prefix}u1,,督查,`);
    expect(await run(importUsers, adminA, badUsers)).toMatchObject({ ok: false, code: "invalid" });
    expect(await run(importUnits, adminA, { file: new File([new Uint8Array([0xff, 0xfe, 0x00])], "x.csv") })).toMatchObject({
      ok: false,
      code: "invalid",
    });
    expect(await counts()).toEqual(before);
  });

  it("imports units, then users with liaisons bound to those units, with audit rows and one-time passwords", async () => {
    const before = await counts();
    const unitsResult = await run(importUnits, adminA, csv(UNIT_HEAD, "IMP-1,导入村,村,王五,13800001111", "IMP-2,导入企业,企业,,"));
    expect(unitsResult).toMatchObject({ ok: true, data: { created: 2 } });
    const imported = await handle.db.select().from(units).where(and(eq(units.orgId, orgA), inArray(units.code, ["IMP-1", "IMP-2"])));
    expect(imported.map((u) => u.kind).sort()).toEqual(["enterprise", "village"]);

    const p1 = phone();
    const usersResult = await run(
      importUsers,
      adminA,
      csv(USER_HEAD, `导入甲,${prefix}imp1,${p1},联络员,IMP-1`, `导入乙,${prefix}imp2,,督查,`),
    );
    if (!usersResult.ok) throw new Error(`${usersResult.message} ${JSON.stringify(usersResult.fieldErrors)}`);
    expect(usersResult.data.created).toBe(2);
    const first = usersResult.data.credentials.find((c) => c.username === `${prefix}imp1`)!;
    const signedIn = await passwordSignIn(handle.db, `${prefix}imp1`, first.temporaryPassword);
    expect(signedIn).toMatchObject({ orgId: orgA });
    const [member] = await handle.db
      .select({ unitId: memberships.unitId, role: memberships.role, must: users.mustChangePassword })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(eq(memberships.userId, signedIn!.userId));
    expect(member).toEqual({ unitId: imported.find((u) => u.code === "IMP-1")!.id, role: "liaison", must: true });

    const after = await counts();
    expect(after).toEqual({ units: before.units + 2, users: before.users + 2, memberships: before.memberships + 2, audit: before.audit + 4 });
    const audit = await handle.db.select().from(auditEvents).where(and(eq(auditEvents.orgId, orgA), eq(auditEvents.action, "user.create")));
    expect(audit.some((a) => a.entityId === signedIn!.userId && a.actorUserId === adminA.userId)).toBe(true);
    expect(JSON.stringify(audit)).not.toContain(first.temporaryPassword);

    // The same file again: everything is now a duplicate.
    const again = await run(previewUserImport, adminA, csv(USER_HEAD, `导入甲,${prefix}imp1,${p1},联络员,IMP-1`));
    expect(again.ok && again.data.issues.map((i) => i.column)).toEqual(["用户名", "手机号"]);
  });

  it("another township's admin imports into their own township only and cannot bind to our units", async () => {
    const result = await run(importUnits, adminB, csv(UNIT_HEAD, "IMP-1,乙镇的村,村,,"));
    expect(result).toMatchObject({ ok: true, data: { created: 1 } });
    const rows = await handle.db.select({ orgId: units.orgId }).from(units).where(eq(units.code, "IMP-1"));
    expect(rows.map((r) => r.orgId).sort()).toEqual([orgA, orgB].sort());
    const unitA = await run(previewUserImport, adminB, csv(USER_HEAD, `某人,${prefix}x9,,联络员,IMP-2`));
    expect(unitA.ok && unitA.data.issues.map((i) => i.message)).toEqual(["单位编码 IMP-2 在本镇不存在或已归档"]);
  });

  it("non-admins are forbidden and nothing is written", async () => {
    const before = await counts();
    for (const role of ["leader", "auditor", "liaison"] as const) {
      const { actor } = await memberOf(handle.db, orgA, role);
      expect(await run(importUnits, actor, csv(UNIT_HEAD, "IMP-F,禁止村,村,,"))).toMatchObject({ ok: false, code: "forbidden" });
      expect(await run(previewUserImport, actor, csv(USER_HEAD, `某人,${prefix}f1,,督查,`))).toMatchObject({ ok: false, code: "forbidden" });
    }
    expect(await counts()).toEqual(before);
  });
});
