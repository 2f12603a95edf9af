import { and, eq, isNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { contextFor, loadMembership } from "@/db/queries/context";
import { getNotification, listNotifications, unreadCount } from "@/db/queries/notifications";
import { auditEvents, notifications } from "@/db/schema";
import { seedDemoTownship } from "@/db/seed";
import { executeAction, type Actor } from "@/lib/auth/action-core";
import { createTestDb, uniqueOrgOptions } from "@/tests/helpers/db";
import { liaisonOf, memberOf } from "@/tests/helpers/workflow";
import { markNotificationsRead } from "./mark-notifications-read";

const NOW = new Date("2026-11-29T10:00:00+08:00");
let handle: DbHandle;
let orgA: string;
let orgB: string;

const run = (actor: Actor | null, input: unknown) =>
  executeAction(handle.db, actor, markNotificationsRead.config, input, markNotificationsRead.body);

async function contextOf(actor: Actor) {
  const membership = await loadMembership(handle.db, actor.userId, actor.orgId);
  return contextFor(handle.db, membership!);
}

/** Gives the user three fresh unread notifications. */
async function notify(actor: Actor, label: string) {
  return handle.db
    .insert(notifications)
    .values([1, 2, 3].map((i) => ({ orgId: actor.orgId, userId: actor.userId, kind: "reminder" as const, title: `${label} ${i}`, link: "/tasks" })))
    .returning({ id: notifications.id });
}

beforeAll(async () => {
  handle = await createTestDb();
  orgA = (await seedDemoTownship(handle.db, { now: NOW, shiftToYear: 2026, ...uniqueOrgOptions("ntf") })).orgId;
  orgB = (await seedDemoTownship(handle.db, { now: NOW, shiftToYear: 2026, ...uniqueOrgOptions("ntfb") })).orgId;
});

afterAll(async () => {
  await handle?.close();
});

describe("notification queries", () => {
  it("list and count only the caller's own notifications, newest first", async () => {
    const me = await liaisonOf(handle.db, orgA, "石龙村");
    const other = await memberOf(handle.db, orgA, "liaison", me.unitId);
    const foreign = await memberOf(handle.db, orgB, "liaison");
    const others = [...(await notify(other.actor, "别人的")), ...(await notify(foreign.actor, "外镇的"))];
    const ctx = await contextOf(me.actor);
    const mine = await listNotifications(ctx);
    const own = await handle.db
      .select({ id: notifications.id })
      .from(notifications)
      .where(and(eq(notifications.orgId, orgA), eq(notifications.userId, me.actor.userId)));
    expect(mine.map((n) => n.id).sort()).toEqual(own.map((n) => n.id).sort());
    expect(mine.length).toBeGreaterThan(0);
    const times = mine.map((n) => n.createdAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(await unreadCount(ctx)).toBe(mine.filter((n) => n.readAt === null).length);
    for (const n of others) expect(await getNotification(ctx, n.id)).toBeNull();
    expect(await getNotification(ctx, mine[0]!.id)).toMatchObject({ id: mine[0]!.id });
    expect(await getNotification(ctx, "nope")).toBeNull();
  });
});

describe("mark notifications read", () => {
  it("marks the given ones, then all, with one audit row each time", async () => {
    const { actor } = await memberOf(handle.db, orgA, "leader");
    const [first] = await notify(actor, "催办");
    const ctx = await contextOf(actor);
    const before = await unreadCount(ctx);
    expect(await run(actor, { ids: first!.id })).toMatchObject({ ok: true, data: { marked: 1 } });
    expect(await unreadCount(ctx)).toBe(before - 1);
    const form = new FormData();
    form.set("all", "1");
    expect(await run(actor, form)).toMatchObject({ ok: true, data: { marked: before - 1 } });
    expect(await unreadCount(ctx)).toBe(0);
    expect(await run(actor, form)).toMatchObject({ ok: true, data: { marked: 0 } });
    const audit = await handle.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.actorUserId, actor.userId), eq(auditEvents.action, "notification.read")));
    expect(audit).toHaveLength(2);
    expect(audit.find((r) => r.entityId === first!.id)).toBeTruthy();
  });

  it("never touches another user's notifications, in this township or another", async () => {
    const me = await memberOf(handle.db, orgA, "auditor");
    const victim = await memberOf(handle.db, orgA, "admin");
    const foreign = await memberOf(handle.db, orgB, "admin");
    const theirs = [...(await notify(victim.actor, "他人")), ...(await notify(foreign.actor, "外镇"))];
    expect(await run(me.actor, { ids: theirs.map((n) => n.id) })).toMatchObject({ ok: true, data: { marked: 0 } });
    expect(await run(me.actor, { all: true })).toMatchObject({ ok: true });
    const stillUnread = await handle.db.select().from(notifications).where(isNull(notifications.readAt));
    for (const n of theirs) expect(stillUnread.some((u) => u.id === n.id)).toBe(true);
  });

  it("refuses an empty request and malformed ids; signed out is unauthenticated", async () => {
    const { actor } = await memberOf(handle.db, orgA, "liaison");
    expect(await run(actor, {})).toMatchObject({ ok: false, code: "invalid" });
    expect(await run(actor, { ids: ["x'; drop table notifications"] })).toMatchObject({ ok: false, code: "invalid" });
    expect(await run(null, { all: true })).toMatchObject({ ok: false, code: "unauthenticated" });
  });
});
