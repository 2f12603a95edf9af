import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import type { DbHandle } from "@/db/client";
import { contextFor, loadMembership } from "@/db/queries/context";
import { reachSettingsOf } from "@/db/queries/reach-admin";
import { auditEvents, reachSettings } from "@/db/schema";
import { seedDemoTownship } from "@/db/seed";
import { executeAction, type Actor, type Command } from "@/lib/auth/action-core";
import { DEFAULT_SCHEDULE } from "@/lib/reach/rules";
import { loadSchedule } from "@/lib/reach/settings";
import { createTestDb, uniqueOrgOptions } from "@/tests/helpers/db";
import { memberOf } from "@/tests/helpers/workflow";
import { saveReachSettings } from "./reach-settings";

const NOW = new Date("2026-11-29T10:00:00+08:00");
let handle: DbHandle;
let orgA: string;
let orgB: string;
let admin: Actor;

const run = <S extends z.ZodType, T>(cmd: Command<S, T>, actor: Actor, input: unknown) =>
  executeAction(handle.db, actor, cmd.config, input, cmd.body);

/** The form as a browser sends it: strings, checked boxes as "on", unchecked ones absent. */
const form = (overrides: Record<string, string | undefined> = {}) => ({
  enabled: "on",
  reminderDays: "3,1",
  overdueNotice: "on",
  escalationBlue: "0",
  escalationYellow: "3",
  escalationRed: "7",
  ackLimitHours: "24",
  digestHour: "8",
  quietStartHour: "22",
  quietEndHour: "7",
  ...overrides,
});

async function ctxOf(actor: Actor) {
  const membership = await loadMembership(handle.db, actor.userId, actor.orgId);
  return contextFor(handle.db, membership!);
}

beforeAll(async () => {
  handle = await createTestDb();
  orgA = (await seedDemoTownship(handle.db, { now: NOW, shiftToYear: 2026, ...uniqueOrgOptions("rsa") })).orgId;
  orgB = (await seedDemoTownship(handle.db, { now: NOW, shiftToYear: 2026, ...uniqueOrgOptions("rsb") })).orgId;
  admin = (await memberOf(handle.db, orgA, "admin")).actor;
});

afterAll(async () => {
  await handle?.close();
});

describe("reminder schedule (提醒与推送)", () => {
  it("a township starts on the defaults; the admin's save is stored, read back and audited with before and after", async () => {
    expect(await reachSettingsOf(await ctxOf(admin))).toMatchObject({ saved: false, schedule: DEFAULT_SCHEDULE });
    const first = await run(saveReachSettings, admin, form({ reminderDays: "1，5、3", overdueNotice: undefined, escalationRed: "10", quietStartHour: "21" }));
    expect(first).toEqual({ ok: true, data: { saved: true } });
    const expected = {
      ...DEFAULT_SCHEDULE,
      reminderDays: [5, 3, 1],
      overdueNotice: false,
      escalationDays: [0, 3, 10],
      quietStartHour: 21,
    };
    expect(await loadSchedule(handle.db, orgA)).toEqual(expected);
    expect(await reachSettingsOf(await ctxOf(admin))).toMatchObject({ saved: true, schedule: expected });
    // The other township still runs on the defaults.
    expect(await loadSchedule(handle.db, orgB)).toEqual(DEFAULT_SCHEDULE);

    expect(await run(saveReachSettings, admin, form({ enabled: undefined, reminderDays: "", ackLimitHours: "48" }))).toMatchObject({ ok: true });
    const [row] = await handle.db.select().from(reachSettings).where(eq(reachSettings.orgId, orgA));
    expect(row).toMatchObject({ enabled: false, reminderDays: [], ackLimitHours: 48, updatedBy: admin.userId });

    const audit = await handle.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.orgId, orgA), eq(auditEvents.action, "reach.settings")))
      .orderBy(auditEvents.createdAt);
    expect(audit).toHaveLength(2);
    expect(audit[0]!.before).toMatchObject({ ...DEFAULT_SCHEDULE, defaults: true });
    expect(audit[0]!.after).toEqual(expected);
    expect(audit[1]!.before).toEqual(expected);
    expect(audit[1]!.after).toMatchObject({ enabled: false, reminderDays: [], ackLimitHours: 48 });
  });

  it("saving the same schedule again changes nothing and writes no audit row", async () => {
    await run(saveReachSettings, admin, form());
    const count = async () => (await handle.db.select().from(auditEvents).where(and(eq(auditEvents.orgId, orgA), eq(auditEvents.action, "reach.settings")))).length;
    const before = await count();
    expect(await run(saveReachSettings, admin, form())).toEqual({ ok: true, data: { saved: false } });
    expect(await count()).toBe(before);
  });

  it("refuses bad values with a message naming the field, and stores nothing", async () => {
    await run(saveReachSettings, admin, form());
    const [before] = await handle.db.select().from(reachSettings).where(eq(reachSettings.orgId, orgA));
    const cases: [Record<string, string>, string, string][] = [
      [{ reminderDays: "0,3" }, "reminderDays", "提醒天数须为 1–30 的整数"],
      [{ reminderDays: "31" }, "reminderDays", "提醒天数须为 1–30 的整数"],
      [{ reminderDays: "三天" }, "reminderDays", "提醒天数须为 1–30 的整数"],
      [{ reminderDays: "1.5" }, "reminderDays", "提醒天数须为 1–30 的整数"],
      [{ reminderDays: "1,2,3,4,5,6" }, "reminderDays", "提醒天数最多 5 个"],
      [{ escalationBlue: "5", escalationYellow: "3" }, "escalationYellow", "黄色督办天数不能少于蓝色督办天数"],
      [{ escalationRed: "2" }, "escalationRed", "红色督办天数不能少于黄色督办天数"],
      [{ escalationRed: "61" }, "escalationRed", "红色督办天数须为 0–60 的整数"],
      [{ ackLimitHours: "0" }, "ackLimitHours", "签收时限须为 1–720 的整数"],
      [{ ackLimitHours: "721" }, "ackLimitHours", "签收时限须为 1–720 的整数"],
      [{ ackLimitHours: "" }, "ackLimitHours", "签收时限须为 1–720 的整数"],
      [{ digestHour: "24" }, "digestHour", "每日汇总时间须为 0–23 的整数"],
      [{ quietStartHour: "-1" }, "quietStartHour", "免打扰开始时间须为 0–23 的整数"],
      [{ quietEndHour: "7.5" }, "quietEndHour", "免打扰结束时间须为 0–23 的整数"],
      [{ enabled: "maybe" }, "enabled", "自动提醒只能是开或关"],
    ];
    for (const [overrides, field, message] of cases) {
      const result = await run(saveReachSettings, admin, form(overrides));
      expect(result, JSON.stringify(overrides)).toMatchObject({ ok: false, code: "invalid" });
      expect(!result.ok && result.fieldErrors?.[field]?.join(), JSON.stringify(overrides)).toContain(message);
    }
    const [after] = await handle.db.select().from(reachSettings).where(eq(reachSettings.orgId, orgA));
    expect(after).toEqual(before);
  });

  it("only the township's admin may change it; leaders, auditors and liaisons are forbidden", async () => {
    for (const role of ["leader", "auditor", "liaison"] as const) {
      const { actor } = await memberOf(handle.db, orgA, role);
      expect(await run(saveReachSettings, actor, form({ digestHour: "9" }))).toMatchObject({ ok: false, code: "forbidden" });
    }
    expect((await loadSchedule(handle.db, orgA)).digestHour).toBe(8);
  });
});
