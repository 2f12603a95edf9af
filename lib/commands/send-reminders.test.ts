import { and, asc, eq, gte, inArray, lte, or, sql, type SQL } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { effectiveDeadline, overdueCondition, taskOfAssignment } from "@/db/queries/scope";
import { assignments, auditEvents, campaigns, memberships, notifications, tasks, units } from "@/db/schema";
import { seedDemoTownship } from "@/db/seed";
import { executeAction, type Actor } from "@/lib/auth/action-core";
import { DUE_SOON_DAYS, OPEN_STATUSES } from "@/lib/status";
import { createTestDb, uniqueOrgOptions } from "@/tests/helpers/db";
import { liaisonsOf, memberOf, notificationsOf } from "@/tests/helpers/review-fixtures";
import { remindLaggards, remindUnit } from "./send-reminders";

const NOW = new Date("2026-11-29T10:00:00+08:00");
let handle: DbHandle;
let orgA: string;
let orgB: string;
let leader: Actor;
let campaignId: string;

const laggards = (actor: Actor | null, input: unknown) =>
  executeAction(handle.db, actor, remindLaggards.config, input, remindLaggards.body);
const oneUnit = (actor: Actor | null, input: unknown) =>
  executeAction(handle.db, actor, remindUnit.config, input, remindUnit.body);

/** The units of township A with open work in the campaign matching `condition`, computed independently. */
async function unitsWith(condition: SQL): Promise<string[]> {
  const rows = await handle.db
    .selectDistinct({ unitId: assignments.unitId })
    .from(assignments)
    .innerJoin(tasks, taskOfAssignment)
    .where(and(eq(assignments.orgId, orgA), eq(tasks.campaignId, campaignId), condition));
  return rows.map((r) => r.unitId).sort();
}

function dueSoon(now: Date): SQL {
  return and(
    inArray(assignments.status, [...OPEN_STATUSES]),
    gte(effectiveDeadline, sql`${now.toISOString()}::timestamptz`),
    lte(effectiveDeadline, sql`${new Date(now.getTime() + DUE_SOON_DAYS * 86_400_000).toISOString()}::timestamptz`),
  ) as SQL;
}

/** Units whose liaisons got a reminder in township A. */
async function remindedUnits(): Promise<string[]> {
  const rows = await handle.db
    .selectDistinct({ unitId: memberships.unitId })
    .from(notifications)
    .innerJoin(memberships, and(eq(memberships.orgId, notifications.orgId), eq(memberships.userId, notifications.userId)))
    .where(and(eq(notifications.orgId, orgA), eq(notifications.kind, "reminder")));
  return rows.map((r) => r.unitId!).sort();
}

beforeAll(async () => {
  handle = await createTestDb();
  orgA = (await seedDemoTownship(handle.db, { now: NOW, shiftToYear: 2026, ...uniqueOrgOptions("rem") })).orgId;
  orgB = (await seedDemoTownship(handle.db, { now: NOW, shiftToYear: 2026, ...uniqueOrgOptions("remb") })).orgId;
  leader = (await memberOf(handle.db, orgA, "leader")).actor;
  // The active campaign with the most open work. The command reads the real clock, so some of that work is
  // made due within the next days whatever today is (the seed's dates are fixed).
  const [busiest] = await handle.db
    .select({ id: tasks.campaignId })
    .from(assignments)
    .innerJoin(tasks, taskOfAssignment)
    .innerJoin(campaigns, and(eq(campaigns.orgId, tasks.orgId), eq(campaigns.id, tasks.campaignId)))
    .where(and(eq(assignments.orgId, orgA), eq(assignments.status, "pending"), eq(campaigns.status, "active")))
    .groupBy(tasks.campaignId)
    .orderBy(sql`count(*) desc`)
    .limit(1);
  const pending = await handle.db
    .select({ id: assignments.id })
    .from(assignments)
    .innerJoin(tasks, taskOfAssignment)
    .where(and(eq(assignments.orgId, orgA), eq(assignments.status, "pending"), eq(tasks.campaignId, busiest!.id)))
    .orderBy(asc(assignments.id));
  const soon = new Date(Date.now() + 2 * 24 * 60 * 60 * 1000);
  const late = new Date(Date.now() - 2 * 24 * 60 * 60 * 1000);
  for (const [i, row] of pending.entries()) {
    if (i % 3 === 2) continue;
    await handle.db
      .update(assignments)
      .set({ deadline: i % 3 === 0 ? soon : late })
      .where(and(eq(assignments.orgId, orgA), eq(assignments.id, row.id)));
  }
  campaignId = busiest!.id;
});

beforeEach(async () => {
  await handle.db.delete(notifications).where(and(eq(notifications.orgId, orgA), eq(notifications.kind, "reminder")));
});

afterAll(async () => {
  await handle?.close();
});

describe("一键催办 (remind laggards)", () => {
  for (const scope of ["overdue", "due_soon", "both"] as const) {
    it(`scope ${scope}: exactly the units with such work are reminded, once per liaison`, async () => {
      const now = new Date();
      const condition =
        scope === "overdue"
          ? overdueCondition(now)
          : scope === "due_soon"
            ? dueSoon(now)
            : (or(overdueCondition(now), dueSoon(now)) as SQL);
      const expected = await unitsWith(condition);
      expect(expected.length).toBeGreaterThan(0);

      const result = await laggards(leader, { campaignId, scope });
      expect(result).toMatchObject({ ok: true, data: { unitsReminded: expected.length } });
      expect(await remindedUnits()).toEqual(expected);

      const notes = await notificationsOf(handle.db, orgA, "reminder");
      const liaisons = (await Promise.all(expected.map((u) => liaisonsOf(handle.db, orgA, u)))).flat();
      expect(notes.map((n) => n.userId).sort()).toEqual(liaisons.sort());
      expect(notes.every((n) => /有 \d+ 项任务未完成/.test(n.body ?? "") && /截止日期 \d{4}-\d{2}-\d{2}/.test(n.body ?? ""))).toBe(true);

      const [audit] = await handle.db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.orgId, orgA), eq(auditEvents.action, "reminder.laggards")))
        .orderBy(sql`${auditEvents.createdAt} desc`)
        .limit(1);
      expect(audit).toMatchObject({ entityType: "campaign", entityId: campaignId, actorUserId: leader.userId });
      expect((audit!.after as { unitIds: string[] }).unitIds.sort()).toEqual(expected);
    });
  }

  it("tells each unit its own numbers", async () => {
    const overdueUnits = await unitsWith(overdueCondition(new Date()));
    const unitId = overdueUnits[0]!;
    const [own] = await handle.db
      .select({ n: sql<number>`count(*)`.mapWith(Number) })
      .from(assignments)
      .innerJoin(tasks, taskOfAssignment)
      .where(and(eq(assignments.unitId, unitId), eq(tasks.campaignId, campaignId), overdueCondition(new Date())));
    await laggards(leader, { campaignId, scope: "overdue" });
    const [liaison] = await liaisonsOf(handle.db, orgA, unitId);
    const [note] = (await notificationsOf(handle.db, orgA, "reminder")).filter((n) => n.userId === liaison);
    expect(note!.body).toContain(`有 ${own!.n} 项任务未完成`);
    expect(note!.body).toContain(`${own!.n} 项已逾期`);
  });
});

describe("催办 one unit", () => {
  it("reminds that unit's liaisons only, with the leader's message, and one audit row", async () => {
    const [unit] = await handle.db
      .select({ id: units.id })
      .from(units)
      .where(and(eq(units.orgId, orgA), eq(units.kind, "enterprise")))
      .orderBy(asc(units.code))
      .limit(1);
    const result = await oneUnit(leader, { unitId: unit!.id, campaignId, message: "请今天下班前上传" });
    expect(result).toMatchObject({ ok: true, data: { unitsReminded: 1 } });
    const notes = await notificationsOf(handle.db, orgA, "reminder");
    expect(notes.map((n) => n.userId).sort()).toEqual(await liaisonsOf(handle.db, orgA, unit!.id));
    expect(notes[0]!.body).toContain("请今天下班前上传");
    const audit = await handle.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, unit!.id), eq(auditEvents.action, "reminder.unit")));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ entityType: "unit", after: { unitIds: [unit!.id], campaignId } });
  });

  it("a message over 200 characters is invalid and sends nothing", async () => {
    const [unit] = await handle.db.select({ id: units.id }).from(units).where(eq(units.orgId, orgA)).limit(1);
    expect(await oneUnit(leader, { unitId: unit!.id, message: "催".repeat(201) })).toMatchObject({ ok: false, code: "invalid" });
    expect(await oneUnit(leader, { unitId: "x" })).toMatchObject({ ok: false, code: "invalid" });
    expect(await laggards(leader, { campaignId, scope: "late" })).toMatchObject({ ok: false, code: "invalid" });
    expect(await notificationsOf(handle.db, orgA, "reminder")).toHaveLength(0);
  });
});

describe("who may remind", () => {
  it("admins may; auditors and liaisons are forbidden; another township's ids are not found", async () => {
    const admin = (await memberOf(handle.db, orgA, "admin")).actor;
    expect((await laggards(admin, { campaignId, scope: "overdue" })).ok).toBe(true);
    await handle.db.delete(notifications).where(and(eq(notifications.orgId, orgA), eq(notifications.kind, "reminder")));

    const [unit] = await handle.db.select({ id: units.id }).from(units).where(eq(units.orgId, orgA)).limit(1);
    for (const role of ["auditor", "liaison"] as const) {
      const { actor } = await memberOf(handle.db, orgA, role);
      expect(await laggards(actor, { campaignId, scope: "both" })).toMatchObject({ ok: false, code: "forbidden" });
      expect(await oneUnit(actor, { unitId: unit!.id })).toMatchObject({ ok: false, code: "forbidden" });
    }
    const foreign = (await memberOf(handle.db, orgB, "leader")).actor;
    expect(await laggards(foreign, { campaignId, scope: "both" })).toMatchObject({ ok: false, code: "not_found" });
    expect(await oneUnit(foreign, { unitId: unit!.id })).toMatchObject({ ok: false, code: "not_found" });
    const [campaignB] = await handle.db.select({ id: campaigns.id }).from(campaigns).where(eq(campaigns.orgId, orgB)).limit(1);
    expect(await oneUnit(leader, { unitId: unit!.id, campaignId: campaignB!.id })).toMatchObject({
      ok: false,
      code: "not_found",
    });
    expect(await notificationsOf(handle.db, orgA, "reminder")).toHaveLength(0);
  });
});
