import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import type { DbHandle } from "@/db/client";
import { auditEvents, memberships, users } from "@/db/schema";
import { seedDemoTownship } from "@/db/seed";
import { executeAction, type Actor, type Command } from "@/lib/auth/action-core";
import { passwordSignIn } from "@/tests/helpers/sign-in";
import { changePassword } from "@/lib/commands/change-password";
import { markNotificationsRead } from "@/lib/commands/mark-notifications-read";
import { createTestDb, uniqueOrgOptions } from "@/tests/helpers/db";
import { memberOf } from "@/tests/helpers/workflow";
import { createUser, resetPassword, setUserActive, updateUser } from "./users";

const NOW = new Date("2026-11-29T10:00:00+08:00");
let handle: DbHandle;
let orgA: string;
let orgB: string;
let admin: Actor;
let prefix: string;

const run = <S extends z.ZodType, T>(cmd: Command<S, T>, actor: Actor, input: unknown) =>
  executeAction(handle.db, actor, cmd.config, input, cmd.body);

beforeAll(async () => {
  handle = await createTestDb();
  const options = uniqueOrgOptions("usa");
  prefix = options.usernamePrefix;
  orgA = (await seedDemoTownship(handle.db, { now: NOW, shiftToYear: 2026, ...options })).orgId;
  orgB = (await seedDemoTownship(handle.db, { now: NOW, shiftToYear: 2026, ...uniqueOrgOptions("usb") })).orgId;
  admin = (await memberOf(handle.db, orgA, "admin")).actor;
});

afterAll(async () => {
  await handle?.close();
});

describe("users administration", () => {
  it("creates a liaison with a one-time password that must be changed, and the change clears the flag", async () => {
    const { unitId } = await memberOf(handle.db, orgA, "liaison");
    const created = await run(createUser, admin, { username: `${prefix}new1`, displayName: "新联络员", phone: "13900002222", role: "liaison", unitId });
    if (!created.ok) throw new Error(created.message);
    const { userId, temporaryPassword } = created.data;
    const [user] = await handle.db.select().from(users).where(eq(users.id, userId));
    expect(user!.mustChangePassword).toBe(true);
    expect(await passwordSignIn(handle.db, `${prefix}new1`, temporaryPassword)).toMatchObject({ userId, orgId: orgA });
    const [audit] = await handle.db.select().from(auditEvents).where(eq(auditEvents.entityId, userId));
    expect(JSON.stringify(audit)).not.toContain(user!.passwordHash);

    const actor = { userId, orgId: orgA };
    // Until the one-time password is changed, every other action is refused.
    const early = await run(markNotificationsRead, actor, { all: true });
    expect(early).toMatchObject({ ok: false, code: "forbidden", message: "请先修改密码后再继续操作" });
    const weak = await run(changePassword, actor, { currentPassword: temporaryPassword, newPassword: "abcdefgh", confirmPassword: "abcdefgh" });
    expect(weak).toMatchObject({ ok: false, code: "invalid" });
    const wrong = await run(changePassword, actor, { currentPassword: "nope1234", newPassword: "Newpass123", confirmPassword: "Newpass123" });
    expect(wrong).toMatchObject({ ok: false, code: "invalid" });
    const same = await run(changePassword, actor, { currentPassword: temporaryPassword, newPassword: temporaryPassword, confirmPassword: temporaryPassword });
    expect(same).toMatchObject({ ok: false, code: "invalid" });
    const ok = await run(changePassword, actor, { currentPassword: temporaryPassword, newPassword: "Newpass123", confirmPassword: "Newpass123" });
    expect(ok.ok).toBe(true);
    const [changed] = await handle.db.select().from(users).where(eq(users.id, userId));
    expect(changed!.mustChangePassword).toBe(false);
    expect(await passwordSignIn(handle.db, `${prefix}new1`, "Newpass123")).not.toBeNull();
    expect(await passwordSignIn(handle.db, `${prefix}new1`, temporaryPassword)).toBeNull();
    expect(await run(markNotificationsRead, actor, { all: true })).toMatchObject({ ok: true });
  });

  it("a liaison needs a unit, other roles may not have one, and duplicate names or bad phones are refused", async () => {
    const { unitId } = await memberOf(handle.db, orgA, "liaison");
    const count = async () => (await handle.db.select().from(memberships).where(eq(memberships.orgId, orgA))).length;
    const before = await count();
    expect(await run(createUser, admin, { username: `${prefix}x1`, displayName: "甲", role: "liaison" })).toMatchObject({ ok: false, code: "invalid" });
    expect(await run(createUser, admin, { username: `${prefix}x2`, displayName: "乙", role: "leader", unitId })).toMatchObject({ ok: false, code: "invalid" });
    expect(await run(createUser, admin, { username: `${prefix}x3`, displayName: "丙", role: "leader", phone: "555" })).toMatchObject({ ok: false, code: "invalid" });
    expect(await run(createUser, admin, { username: `${prefix}new1`, displayName: "丁", role: "leader" })).toMatchObject({ ok: false, code: "conflict" });
    expect(await count()).toBe(before);
  });

  it("edits name, phone, role and unit", async () => {
    const { actor, unitId } = await memberOf(handle.db, orgA, "liaison");
    const result = await run(updateUser, admin, { userId: actor.userId, displayName: "改名", phone: "13700003333", role: "auditor", unitId: "" });
    expect(result.ok).toBe(true);
    const [m] = await handle.db.select().from(memberships).where(and(eq(memberships.orgId, orgA), eq(memberships.userId, actor.userId)));
    expect(m).toMatchObject({ role: "auditor", unitId: null });
    expect((await run(updateUser, admin, { userId: actor.userId, displayName: "改名", role: "liaison", unitId })).ok).toBe(true);
  });

  it("sets and clears a member's e-mail for reminders, audited; a bad address is refused", async () => {
    const { actor } = await memberOf(handle.db, orgA, "leader");
    const base = { userId: actor.userId, displayName: "邮箱领导", role: "leader" };
    expect(await run(updateUser, admin, { ...base, email: " Leader@Example.cn " })).toMatchObject({ ok: true });
    const [user] = await handle.db.select().from(users).where(eq(users.id, actor.userId));
    expect(user!.email).toBe("Leader@Example.cn");
    const bad = await run(updateUser, admin, { ...base, email: "not-an-address" });
    expect(bad).toMatchObject({ ok: false, code: "invalid", fieldErrors: { email: ["邮箱格式不正确"] } });
    expect((await run(updateUser, admin, { ...base, email: "" })).ok).toBe(true);
    const [cleared] = await handle.db.select().from(users).where(eq(users.id, actor.userId));
    expect(cleared!.email).toBeNull();
    const audit = await handle.db.select().from(auditEvents).where(and(eq(auditEvents.entityId, actor.userId), eq(auditEvents.action, "user.update")));
    expect(audit.map((a) => (a.after as { email: string | null }).email)).toEqual(expect.arrayContaining(["Leader@Example.cn", null]));
    const created = await run(createUser, admin, { username: `${prefix}mail1`, displayName: "有邮箱", role: "auditor", email: "a@b.cn" });
    if (!created.ok) throw new Error(created.message);
    const [made] = await handle.db.select().from(users).where(eq(users.id, created.data.userId));
    expect(made!.email).toBe("a@b.cn");
  });

  it("an admin cannot deactivate or demote themselves; another admin can be deactivated and reactivated", async () => {
    expect(await run(setUserActive, admin, { userId: admin.userId, active: "false" })).toMatchObject({ ok: false, code: "conflict" });
    expect(await run(updateUser, admin, { userId: admin.userId, displayName: "管理员", role: "leader" })).toMatchObject({ ok: false, code: "conflict" });
    const second = await run(createUser, admin, { username: `${prefix}adm2`, displayName: "副管理员", role: "admin" });
    if (!second.ok) throw new Error(second.message);
    expect((await run(setUserActive, admin, { userId: second.data.userId, active: "false" })).ok).toBe(true);
    expect(await passwordSignIn(handle.db, `${prefix}adm2`, second.data.temporaryPassword)).toBeNull();
    expect((await run(setUserActive, admin, { userId: second.data.userId, active: "true" })).ok).toBe(true);
    // With two active admins either may stop the other; the one left may not demote themselves.
    const other = { userId: second.data.userId, orgId: orgA };
    const temporary = second.data.temporaryPassword;
    await run(changePassword, other, { currentPassword: temporary, newPassword: "Second123", confirmPassword: "Second123" });
    expect((await run(setUserActive, other, { userId: admin.userId, active: "false" })).ok).toBe(true);
    expect(await run(updateUser, other, { userId: other.userId, displayName: "副", role: "leader" })).toMatchObject({ ok: false, code: "conflict" });
    expect((await run(setUserActive, other, { userId: admin.userId, active: "true" })).ok).toBe(true);
  });

  it("reset password: a temporary password that works, the flag set, no hash in the audit trail", async () => {
    const { actor } = await memberOf(handle.db, orgA, "leader");
    const result = await run(resetPassword, admin, { userId: actor.userId });
    if (!result.ok) throw new Error(result.message);
    const [user] = await handle.db.select().from(users).where(eq(users.id, actor.userId));
    expect(user!.mustChangePassword).toBe(true);
    expect(await passwordSignIn(handle.db, user!.username, result.data.temporaryPassword)).not.toBeNull();
    const audit = await handle.db.select().from(auditEvents).where(and(eq(auditEvents.entityId, actor.userId), eq(auditEvents.action, "user.reset_password")));
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit[0])).not.toContain(user!.passwordHash);
  });

  it("another township's admin gets not-found; other roles are forbidden", async () => {
    const { actor: target } = await memberOf(handle.db, orgA, "auditor");
    const adminB = (await memberOf(handle.db, orgB, "admin")).actor;
    expect(await run(resetPassword, adminB, { userId: target.userId })).toMatchObject({ ok: false, code: "not_found" });
    expect(await run(setUserActive, adminB, { userId: target.userId, active: false })).toMatchObject({ ok: false, code: "not_found" });
    expect(await run(updateUser, adminB, { userId: target.userId, displayName: "x", role: "leader" })).toMatchObject({ ok: false, code: "not_found" });
    for (const role of ["leader", "auditor", "liaison"] as const) {
      const { actor } = await memberOf(handle.db, orgA, role);
      expect(await run(resetPassword, actor, { userId: target.userId })).toMatchObject({ ok: false, code: "forbidden" });
      expect(await run(createUser, actor, { username: `${prefix}f-${role}`, displayName: "禁", role: "leader" })).toMatchObject({ ok: false, code: "forbidden" });
    }
    const [user] = await handle.db.select().from(users).where(eq(users.id, target.userId));
    expect(user!.mustChangePassword).toBe(false);
  });
});
