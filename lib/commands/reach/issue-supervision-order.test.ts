import { and, asc, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { contextFor, loadMembership, type QueryContext } from "@/db/queries/context";
import { listSupervisionOrders } from "@/db/queries/supervision-orders";
import { taskOfAssignment } from "@/db/queries/scope";
import { activities, assignments, auditEvents, campaigns, deliveries, notifications, supervisionOrders, tasks, units } from "@/db/schema";
import { seedDemoTownship } from "@/db/seed";
import { executeAction, type Actor } from "@/lib/auth/action-core";
import { createTestDb, uniqueOrgOptions } from "@/tests/helpers/db";
import { liaisonsOf } from "@/tests/helpers/review-fixtures";
import { liaisonOf, memberOf } from "@/tests/helpers/workflow";
import { issueSupervisionOrder } from "./issue-supervision-order";

const RESPONSIBLE_EMAIL = "zeren@shilong.example.cn";
let handle: DbHandle;
let orgA: string;
let orgB: string;
let leader: Actor;
let admin: Actor;
let unitX: string;
let liaisonX: Actor;
let liaisonY: Actor;
let target: { id: string; activityId: string };

const issue = (actor: Actor | null, input: unknown) =>
  executeAction(handle.db, actor, issueSupervisionOrder.config, input, issueSupervisionOrder.body);

const contextOf = async (actor: Actor): Promise<QueryContext> =>
  contextFor(handle.db, (await loadMembership(handle.db, actor.userId, actor.orgId))!);

const supervisionNotes = () =>
  handle.db.select().from(notifications).where(and(eq(notifications.orgId, orgA), eq(notifications.kind, "supervision")));

beforeAll(async () => {
  handle = await createTestDb();
  const year = Number(new Date().toISOString().slice(0, 4));
  orgA = (await seedDemoTownship(handle.db, { shiftToYear: year, ...uniqueOrgOptions("sup") })).orgId;
  orgB = (await seedDemoTownship(handle.db, { shiftToYear: year, ...uniqueOrgOptions("supb") })).orgId;
  leader = (await memberOf(handle.db, orgA, "leader")).actor;
  admin = (await memberOf(handle.db, orgA, "admin")).actor;
  const x = await liaisonOf(handle.db, orgA, "石龙村");
  unitX = x.unitId!;
  liaisonX = x.actor;
  liaisonY = (await liaisonOf(handle.db, orgA, "白鹤村")).actor;
  // 石龙村's 责任人 has an e-mail address and the unit a 分管领导 (the leader).
  await handle.db
    .update(units)
    .set({ responsibleEmail: RESPONSIBLE_EMAIL, supervisorUserId: leader.userId })
    .where(and(eq(units.orgId, orgA), eq(units.id, unitX)));
  const [row] = await handle.db
    .select({ id: assignments.id, activityId: tasks.activityId })
    .from(assignments)
    .innerJoin(tasks, taskOfAssignment)
    .innerJoin(campaigns, and(eq(campaigns.orgId, tasks.orgId), eq(campaigns.id, tasks.campaignId)))
    .where(and(eq(assignments.orgId, orgA), eq(assignments.unitId, unitX), eq(campaigns.status, "active")))
    .orderBy(asc(assignments.id))
    .limit(1);
  target = row!;
  await handle.db.update(assignments).set({ status: "pending" }).where(eq(assignments.id, target.id));
});

afterAll(async () => {
  await handle?.close();
});

describe("督办单", () => {
  it("at red reaches the liaisons and the unit's 分管领导 in the bell, and queues an e-mail to the 责任人", async () => {
    const result = await issue(admin, { assignmentId: target.id, level: "red", note: "请于本周五前完成整改并上传照片" });
    expect(result.ok).toBe(true);
    const liaisons = await liaisonsOf(handle.db, orgA, unitX);
    const notes = await supervisionNotes();
    expect(notes.map((n) => n.userId).sort()).toEqual([...liaisons, leader.userId].sort());
    expect(notes[0]).toMatchObject({ title: expect.stringContaining("红色督办单"), link: `/tasks/${target.id}` });

    const mail = await handle.db
      .select()
      .from(deliveries)
      .where(and(eq(deliveries.orgId, orgA), eq(deliveries.kind, "supervision"), eq(deliveries.channel, "email"), eq(deliveries.recipient, RESPONSIBLE_EMAIL)));
    expect(mail).toHaveLength(1);
    expect(mail[0]).toMatchObject({ status: "pending", body: expect.stringContaining("请于本周五前完成整改") });

    const [order] = await handle.db.select().from(supervisionOrders).where(eq(supervisionOrders.assignmentId, target.id));
    expect(order).toMatchObject({ orgId: orgA, level: "red", note: "请于本周五前完成整改并上传照片", issuedBy: admin.userId });
    const [audit] = await handle.db.select().from(auditEvents).where(and(eq(auditEvents.orgId, orgA), eq(auditEvents.action, "supervision.issue")));
    expect(audit).toMatchObject({ entityType: "supervision_order", entityId: order!.id, actorUserId: admin.userId });
  });

  it("at red prefers the activity's 分管领导; at blue tells the liaisons only", async () => {
    await handle.db.update(activities).set({ supervisorUserId: admin.userId }).where(eq(activities.id, target.activityId));
    await handle.db.delete(notifications).where(and(eq(notifications.orgId, orgA), eq(notifications.kind, "supervision")));
    expect((await issue(leader, { assignmentId: target.id, level: "red", note: "再次督办" })).ok).toBe(true);
    const liaisons = await liaisonsOf(handle.db, orgA, unitX);
    expect((await supervisionNotes()).map((n) => n.userId).sort()).toEqual([...liaisons, admin.userId].sort());

    await handle.db.delete(notifications).where(and(eq(notifications.orgId, orgA), eq(notifications.kind, "supervision")));
    const mailsBefore = await handle.db.select().from(deliveries).where(eq(deliveries.recipient, RESPONSIBLE_EMAIL));
    expect((await issue(leader, { assignmentId: target.id, level: "blue", note: "请抓紧办理" })).ok).toBe(true);
    expect((await supervisionNotes()).map((n) => n.userId).sort()).toEqual(liaisons);
    expect(await handle.db.select().from(deliveries).where(eq(deliveries.recipient, RESPONSIBLE_EMAIL))).toHaveLength(mailsBefore.length);
  });

  it("is listed for leaders and the unit's liaison, never for a liaison of another unit or another township", async () => {
    const mine = await listSupervisionOrders(await contextOf(liaisonX), target.id);
    expect(mine.map((o) => o.level)).toEqual(["blue", "red", "red"]);
    expect(mine[2]).toMatchObject({ note: "请于本周五前完成整改并上传照片", issuerName: expect.any(String) });
    expect(await listSupervisionOrders(await contextOf(leader), target.id)).toHaveLength(3);
    expect(await listSupervisionOrders(await contextOf(liaisonY), target.id)).toEqual([]);
    const foreign = await contextOf((await memberOf(handle.db, orgB, "leader")).actor);
    expect(await listSupervisionOrders(foreign, target.id)).toEqual([]);
  });

  it("refuses liaisons, a blank or too long note, a submitted assignment, and another township's assignment", async () => {
    const count = async () => (await handle.db.select().from(supervisionOrders).where(eq(supervisionOrders.orgId, orgA))).length;
    const before = await count();
    expect(await issue(liaisonX, { assignmentId: target.id, level: "red", note: "x" })).toMatchObject({ ok: false, code: "forbidden" });
    expect(await issue(leader, { assignmentId: target.id, level: "red", note: "  " })).toMatchObject({ ok: false, code: "invalid" });
    expect(await issue(leader, { assignmentId: target.id, level: "red", note: "长".repeat(501) })).toMatchObject({ ok: false, code: "invalid" });
    expect(await issue(leader, { assignmentId: target.id, level: "orange", note: "x" })).toMatchObject({ ok: false, code: "invalid" });
    const foreign = (await memberOf(handle.db, orgB, "leader")).actor;
    expect(await issue(foreign, { assignmentId: target.id, level: "red", note: "x" })).toMatchObject({ ok: false, code: "not_found" });
    await handle.db.update(assignments).set({ status: "submitted" }).where(inArray(assignments.id, [target.id]));
    expect(await issue(leader, { assignmentId: target.id, level: "red", note: "x" })).toMatchObject({ ok: false, code: "conflict" });
    await handle.db.update(assignments).set({ status: "pending" }).where(eq(assignments.id, target.id));
    expect(await count()).toBe(before);
  });
});
