import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import type { DbHandle } from "@/db/client";
import { ownProfile } from "@/db/queries/account";
import { contextFor, loadMembership } from "@/db/queries/context";
import { auditEvents, users } from "@/db/schema";
import { seedDemoTownship } from "@/db/seed";
import { executeAction, type Actor, type Command } from "@/lib/auth/action-core";
import { createTestDb, uniqueOrgOptions } from "@/tests/helpers/db";
import { memberOf } from "@/tests/helpers/workflow";
import { updateOwnProfile } from "./account-profile";

const NOW = new Date("2026-11-29T10:00:00+08:00");
let handle: DbHandle;
let orgId: string;

const run = <S extends z.ZodType, T>(cmd: Command<S, T>, actor: Actor | null, input: unknown) =>
  executeAction(handle.db, actor, cmd.config, input, cmd.body);
const userOf = async (userId: string) => (await handle.db.select().from(users).where(eq(users.id, userId)))[0]!;

beforeAll(async () => {
  handle = await createTestDb();
  orgId = (await seedDemoTownship(handle.db, { now: NOW, shiftToYear: 2026, ...uniqueOrgOptions("acp") })).orgId;
});

afterAll(async () => {
  await handle?.close();
});

describe("邮件提醒 on one's own account", () => {
  it("a liaison sets their address, turns e-mail off and on, each change audited with before and after", async () => {
    const { actor } = await memberOf(handle.db, orgId, "liaison");
    expect(await run(updateOwnProfile, actor, { email: "liaison@example.cn", emailNotifications: "on" })).toEqual({ ok: true, data: { saved: true } });
    expect(await userOf(actor.userId)).toMatchObject({ email: "liaison@example.cn", emailNotifications: true });
    // An unchecked box is absent from the form.
    expect((await run(updateOwnProfile, actor, { email: "liaison@example.cn" })).ok).toBe(true);
    const ctx = contextFor(handle.db, (await loadMembership(handle.db, actor.userId, orgId))!);
    expect(await ownProfile(ctx)).toEqual({ email: "liaison@example.cn", emailNotifications: false });
    expect(await run(updateOwnProfile, actor, { email: "liaison@example.cn" })).toEqual({ ok: true, data: { saved: false } });

    const audit = await handle.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, actor.userId), eq(auditEvents.action, "account.profile")))
      .orderBy(auditEvents.createdAt);
    expect(audit.map((a) => [a.before, a.after])).toEqual([
      [{ email: null, emailNotifications: true }, { email: "liaison@example.cn", emailNotifications: true }],
      [{ email: "liaison@example.cn", emailNotifications: true }, { email: "liaison@example.cn", emailNotifications: false }],
    ]);
  });

  it("a bad address is refused with a message and nothing changes; signed out is refused", async () => {
    const { actor } = await memberOf(handle.db, orgId, "auditor");
    const before = await userOf(actor.userId);
    for (const email of ["liaison@", "两个@字@符", "x".repeat(300) + "@a.cn"]) {
      const result = await run(updateOwnProfile, actor, { email, emailNotifications: "on" });
      expect(result).toMatchObject({ ok: false, code: "invalid" });
      expect(!result.ok && result.fieldErrors?.email?.[0]).toMatch(/^邮箱/);
    }
    expect(await run(updateOwnProfile, actor, { email: "", emailNotifications: "sometimes" })).toMatchObject({
      ok: false,
      fieldErrors: { emailNotifications: ["接收邮件提醒只能是开或关"] },
    });
    expect(await run(updateOwnProfile, null, { email: "a@b.cn" })).toMatchObject({ ok: false, code: "unauthenticated" });
    expect(await userOf(actor.userId)).toEqual(before);
  });

  it("changes only the caller's own row, whatever the input names", async () => {
    const { actor } = await memberOf(handle.db, orgId, "leader");
    const other = (await memberOf(handle.db, orgId, "admin")).actor;
    const otherBefore = await userOf(other.userId);
    expect((await run(updateOwnProfile, actor, { email: "leader@example.cn", userId: other.userId })).ok).toBe(true);
    expect((await userOf(actor.userId)).email).toBe("leader@example.cn");
    expect(await userOf(other.userId)).toEqual(otherBefore);
  });
});
