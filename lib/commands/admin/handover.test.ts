import { and, eq, inArray, ne } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { assignmentEvents, assignments, auditEvents, memberships, submissions } from "@/db/schema";
import { seedDemoTownship } from "@/db/seed";
import { executeAction, type Actor } from "@/lib/auth/action-core";
import { passwordSignIn } from "@/tests/helpers/sign-in";
import { createTestDb, uniqueOrgOptions } from "@/tests/helpers/db";
import { liaisonOf, memberOf } from "@/tests/helpers/workflow";
import { handOverUnit } from "./handover";

const NOW = new Date("2026-11-29T10:00:00+08:00");
let handle: DbHandle;
let orgA: string;
let orgB: string;
let admin: Actor;
let prefix: string;

const run = (actor: Actor, input: unknown) => executeAction(handle.db, actor, handOverUnit.config, input, handOverUnit.body);

/** Who the unit's past work is attributed to: submitters and timeline actors. */
async function historyOf(unitId: string) {
  const ids = (await handle.db.select({ id: assignments.id }).from(assignments).where(eq(assignments.unitId, unitId))).map((a) => a.id);
  const subs = await handle.db.select({ id: submissions.id, by: submissions.submittedBy }).from(submissions).where(inArray(submissions.assignmentId, ids));
  const events = await handle.db.select({ id: assignmentEvents.id, by: assignmentEvents.actorUserId }).from(assignmentEvents).where(inArray(assignmentEvents.assignmentId, ids));
  return { subs, events };
}

beforeAll(async () => {
  handle = await createTestDb();
  const options = uniqueOrgOptions("hoa");
  prefix = options.usernamePrefix;
  orgA = (await seedDemoTownship(handle.db, { now: NOW, shiftToYear: 2026, ...options })).orgId;
  orgB = (await seedDemoTownship(handle.db, { now: NOW, shiftToYear: 2026, ...uniqueOrgOptions("hob") })).orgId;
  admin = (await memberOf(handle.db, orgA, "admin")).actor;
});

afterAll(async () => {
  await handle?.close();
});

describe("hand-over of a liaison's unit", () => {
  it("to a new user: open assignments move, history keeps the departing person, their membership ends", async () => {
    const departing = await liaisonOf(handle.db, orgA, "石龙村");
    const unitId = departing.unitId!;
    const before = await historyOf(unitId);
    expect(before.subs.length).toBeGreaterThan(0);

    const result = await run(admin, { fromUserId: departing.actor.userId, newUsername: `${prefix}succ`, newDisplayName: "接任人", newPhone: "13600004444" });
    if (!result.ok) throw new Error(result.message);
    const { successorUserId, temporaryPassword } = result.data;
    expect(result.data.movedAssignments).toBeGreaterThan(0);

    const open = await handle.db.select().from(assignments).where(and(eq(assignments.unitId, unitId), ne(assignments.status, "approved")));
    expect(open.every((a) => a.ownerUserId === successorUserId)).toBe(true);
    expect(await historyOf(unitId)).toEqual(before);
    const [gone] = await handle.db.select().from(memberships).where(and(eq(memberships.orgId, orgA), eq(memberships.userId, departing.actor.userId)));
    expect(gone!.active).toBe(false);
    expect(await passwordSignIn(handle.db, `${prefix}succ`, temporaryPassword!)).toMatchObject({ userId: successorUserId, orgId: orgA });
    const audit = await handle.db.select().from(auditEvents).where(and(eq(auditEvents.orgId, orgA), eq(auditEvents.entityId, unitId)));
    expect(audit.map((a) => a.action)).toContain("unit.handover");
  });

  it("to an existing member, who becomes the unit's liaison", async () => {
    const departing = await liaisonOf(handle.db, orgA, "青杠村");
    const { actor: successor } = await memberOf(handle.db, orgA, "auditor");
    const result = await run(admin, { fromUserId: departing.actor.userId, successorUserId: successor.userId });
    expect(result.ok).toBe(true);
    const [m] = await handle.db.select().from(memberships).where(and(eq(memberships.orgId, orgA), eq(memberships.userId, successor.userId)));
    expect(m).toMatchObject({ role: "liaison", unitId: departing.unitId, active: true });
  });

  it("refuses a missing successor, a non-liaison, another township and other roles, writing nothing", async () => {
    const departing = await liaisonOf(handle.db, orgA, "白鹤村");
    const owners = async () => (await handle.db.select({ o: assignments.ownerUserId }).from(assignments).where(eq(assignments.unitId, departing.unitId!))).map((r) => r.o);
    const before = await owners();
    expect(await run(admin, { fromUserId: departing.actor.userId })).toMatchObject({ ok: false, code: "invalid" });
    const { actor: leader } = await memberOf(handle.db, orgA, "leader");
    expect(await run(admin, { fromUserId: leader.userId, successorUserId: leader.userId })).toMatchObject({ ok: false, code: "conflict" });
    const adminB = (await memberOf(handle.db, orgB, "admin")).actor;
    expect(await run(adminB, { fromUserId: departing.actor.userId, newUsername: `${prefix}b1`, newDisplayName: "外镇" })).toMatchObject({ ok: false, code: "not_found" });
    expect(await run(leader, { fromUserId: departing.actor.userId, newUsername: `${prefix}b2`, newDisplayName: "领导" })).toMatchObject({ ok: false, code: "forbidden" });
    expect(await owners()).toEqual(before);
  });
});
