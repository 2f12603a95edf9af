import { and, asc, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { lateAcknowledgementsByUnit } from "@/db/queries/acknowledgements";
import { contextFor, loadMembership, type QueryContext } from "@/db/queries/context";
import { taskOfAssignment } from "@/db/queries/scope";
import { assignments, auditEvents, campaigns, dispatches, notifications, tasks } from "@/db/schema";
import { seedDemoTownship } from "@/db/seed";
import { executeAction, type Actor } from "@/lib/auth/action-core";
import { shanghaiDay } from "@/lib/deadline-day";
import { createTestDb, uniqueOrgOptions } from "@/tests/helpers/db";
import { liaisonsOf } from "@/tests/helpers/review-fixtures";
import { liaisonOf, memberOf } from "@/tests/helpers/workflow";
import { acknowledgeAssignment } from "../acknowledge-assignment";
import { chaseAcknowledgement } from "./chase-acknowledgement";

const HOUR = 60 * 60 * 1000;
let handle: DbHandle;
let orgA: string;
let orgB: string;
let campaignId: string;
let leader: Actor;
let leaderCtx: QueryContext;
let unitX: string;
let liaisonX: Actor;
let lateId: string;

const chase = (actor: Actor | null, input: unknown) =>
  executeAction(handle.db, actor, chaseAcknowledgement.config, input, chaseAcknowledgement.body);

async function contextOf(actor: Actor): Promise<QueryContext> {
  return contextFor(handle.db, (await loadMembership(handle.db, actor.userId, actor.orgId))!);
}

/** The assignments of unit X in the campaign, in a stable order. */
async function unitAssignments() {
  return handle.db
    .select({ id: assignments.id, taskId: assignments.taskId })
    .from(assignments)
    .innerJoin(tasks, taskOfAssignment)
    .where(and(eq(assignments.orgId, orgA), eq(assignments.unitId, unitX), eq(tasks.campaignId, campaignId)))
    .orderBy(asc(assignments.id));
}

const chaseNotesOf = (userIds: string[]) =>
  handle.db
    .select()
    .from(notifications)
    .where(and(eq(notifications.orgId, orgA), eq(notifications.kind, "ack_chase"), inArray(notifications.userId, userIds)));

beforeAll(async () => {
  handle = await createTestDb();
  const year = Number(new Date().toISOString().slice(0, 4));
  orgA = (await seedDemoTownship(handle.db, { shiftToYear: year, ...uniqueOrgOptions("chase") })).orgId;
  orgB = (await seedDemoTownship(handle.db, { shiftToYear: year, ...uniqueOrgOptions("chaseb") })).orgId;
  leader = (await memberOf(handle.db, orgA, "leader")).actor;
  leaderCtx = await contextOf(leader);
  const x = await liaisonOf(handle.db, orgA, "石龙村");
  unitX = x.unitId!;
  liaisonX = x.actor;
  const [campaign] = await handle.db
    .select({ id: campaigns.id })
    .from(campaigns)
    .innerJoin(tasks, and(eq(tasks.orgId, campaigns.orgId), eq(tasks.campaignId, campaigns.id)))
    .innerJoin(assignments, and(taskOfAssignment, eq(assignments.unitId, unitX)))
    .where(and(eq(campaigns.orgId, orgA), eq(campaigns.status, "active")))
    .orderBy(asc(campaigns.name))
    .limit(1);
  campaignId = campaign!.id;

  // Unit X has signed for everything but one pending assignment, issued two days ago.
  const own = await unitAssignments();
  await handle.db.update(assignments).set({ acknowledgedAt: new Date() }).where(inArray(assignments.id, own.map((a) => a.id)));
  lateId = own[0]!.id;
  await handle.db
    .update(assignments)
    .set({ status: "pending", acknowledgedAt: null, publishedAt: new Date(Date.now() - 48 * HOUR) })
    .where(eq(assignments.id, lateId));
});

afterAll(async () => {
  await handle?.close();
});

const rowOfX = async () => (await lateAcknowledgementsByUnit(leaderCtx, campaignId)).find((r) => r.unitId === unitX);

describe("未签收 panel", () => {
  it("lists a unit past its 签收时限 with its count and due time; a longer task limit keeps it off", async () => {
    const row = await rowOfX();
    expect(row).toMatchObject({ unitId: unitX, unitName: "石龙村", count: 1 });
    const published = Date.now() - 48 * HOUR;
    expect(Math.abs(row!.oldestDueAt.getTime() - (published + 24 * HOUR))).toBeLessThan(60_000);

    const [{ taskId }] = (await handle.db.select({ taskId: assignments.taskId }).from(assignments).where(eq(assignments.id, lateId))) as [{ taskId: string }];
    await handle.db.update(tasks).set({ ackLimitHours: 72 }).where(eq(tasks.id, taskId));
    expect(await rowOfX()).toBeUndefined();
    await handle.db.update(tasks).set({ ackLimitHours: null }).where(eq(tasks.id, taskId));
    expect(await rowOfX()).toBeDefined();
  });

  it("shows nothing of another township's campaign", async () => {
    const foreign = await contextOf((await memberOf(handle.db, orgB, "leader")).actor);
    expect(await lateAcknowledgementsByUnit(foreign, campaignId)).toEqual([]);
  });
});

describe("催签收", () => {
  it("tells the unit's liaisons once a day, with a dispatch per assignment and one audit row", async () => {
    const liaisons = await liaisonsOf(handle.db, orgA, unitX);
    const first = await chase(leader, { campaignId, unitId: unitX });
    expect(first).toMatchObject({ ok: true, data: { unitsChased: 1, assignments: 1, notified: liaisons.length } });
    const notes = await chaseNotesOf(liaisons);
    expect(notes.map((n) => n.userId).sort()).toEqual(liaisons);
    expect(notes[0]).toMatchObject({ link: `/tasks/${lateId}` });
    expect(notes[0]!.body).toContain("签收时限");

    const [dispatch] = await handle.db.select().from(dispatches).where(and(eq(dispatches.orgId, orgA), eq(dispatches.assignmentId, lateId)));
    expect(dispatch).toMatchObject({ kind: "ack_chase", key: `ack-manual:${lateId}:${shanghaiDay(new Date())}` });

    // A double click, and then 全部催签收: unit X is not told again today.
    expect(await chase(leader, { campaignId, unitId: unitX })).toMatchObject({ ok: true, data: { unitsChased: 0, alreadyChased: 1 } });
    const all = await chase(leader, { campaignId });
    expect(all.ok).toBe(true);
    expect(await chaseNotesOf(liaisons)).toHaveLength(liaisons.length);

    const audit = await handle.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.orgId, orgA), eq(auditEvents.action, "reminder.ack_chase")))
      .orderBy(asc(auditEvents.createdAt));
    expect(audit[0]).toMatchObject({ entityType: "campaign", entityId: campaignId, actorUserId: leader.userId });
    const chasedIds = audit.map((a) => (a.after as { assignmentIds: string[] }).assignmentIds);
    expect(chasedIds[0]).toEqual([lateId]);
    expect(chasedIds.slice(1).flat()).not.toContain(lateId);
  });

  it("the unit leaves the panel once its liaison signs for the work", async () => {
    expect(await rowOfX()).toBeDefined();
    expect(await executeAction(handle.db, liaisonX, acknowledgeAssignment.config, { assignmentId: lateId }, acknowledgeAssignment.body)).toMatchObject({ ok: true });
    expect(await rowOfX()).toBeUndefined();
  });

  it("refuses liaisons and auditors, another township's campaign, and a bad unit id", async () => {
    for (const role of ["liaison", "auditor"] as const) {
      const { actor } = await memberOf(handle.db, orgA, role);
      expect(await chase(actor, { campaignId })).toMatchObject({ ok: false, code: "forbidden" });
    }
    const foreign = (await memberOf(handle.db, orgB, "leader")).actor;
    expect(await chase(foreign, { campaignId })).toMatchObject({ ok: false, code: "not_found" });
    expect(await chase(leader, { campaignId, unitId: "x" })).toMatchObject({ ok: false, code: "invalid" });
  });
});
