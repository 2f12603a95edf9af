import { and, asc, eq, notInArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { overdueCondition, taskOfAssignment } from "@/db/queries/scope";
import { assignmentEvents, assignments, extensionRequests, notifications, tasks } from "@/db/schema";
import { seedDemoTownship } from "@/db/seed";
import { executeAction, type Actor } from "@/lib/auth/action-core";
import { endOfShanghaiDay, shanghaiDay } from "@/lib/deadline-day";
import { createTestDb, uniqueOrgOptions } from "@/tests/helpers/db";
import { auditRowsFor, liaisonsOf, memberOf } from "@/tests/helpers/review-fixtures";
import { approveExtension, denyExtension } from "./decide-extension";

const NOW = new Date("2026-11-29T10:00:00+08:00");
const DAY_MS = 24 * 60 * 60 * 1000;
let handle: DbHandle;
let orgA: string;
let orgB: string;
let leader: Actor;
const used = new Set<string>();

const grant = (actor: Actor | null, input: unknown) =>
  executeAction(handle.db, actor, approveExtension.config, input, approveExtension.body);
const deny = (actor: Actor | null, input: unknown) =>
  executeAction(handle.db, actor, denyExtension.config, input, denyExtension.body);

const day = (offsetDays: number) => shanghaiDay(new Date(Date.now() + offsetDays * DAY_MS));

/** A fresh pending request on an open assignment of township A that is overdue right now. */
async function overdueRequest(requestedInDays = 7) {
  const [target] = await handle.db
    .select({ id: assignments.id, unitId: assignments.unitId, version: assignments.version })
    .from(assignments)
    .innerJoin(tasks, taskOfAssignment)
    .where(
      and(
        eq(assignments.orgId, orgA),
        overdueCondition(new Date()),
        used.size ? notInArray(assignments.id, [...used]) : undefined,
      ),
    )
    .orderBy(asc(assignments.id))
    .limit(1);
  if (!target) throw new Error("seed has no overdue assignment left");
  used.add(target.id);
  const [liaison] = await liaisonsOf(handle.db, orgA, target.unitId);
  const [request] = await handle.db
    .insert(extensionRequests)
    .values({
      orgId: orgA,
      assignmentId: target.id,
      requestedBy: liaison!,
      requestedDeadline: endOfShanghaiDay(day(requestedInDays)),
      reason: "负责人外出培训",
    })
    .returning();
  return { request: request!, assignment: target };
}

const isOverdueNow = async (assignmentId: string) =>
  (
    await handle.db
      .select({ id: assignments.id })
      .from(assignments)
      .innerJoin(tasks, taskOfAssignment)
      .where(and(eq(assignments.id, assignmentId), overdueCondition(new Date())))
  ).length === 1;

const requestOf = async (id: string) =>
  (await handle.db.select().from(extensionRequests).where(eq(extensionRequests.id, id)))[0]!;
const assignmentOf = async (id: string) => (await handle.db.select().from(assignments).where(eq(assignments.id, id)))[0]!;
const noticesFor = (assignmentId: string) =>
  handle.db
    .select()
    .from(notifications)
    .where(and(eq(notifications.link, `/tasks/${assignmentId}`), eq(notifications.kind, "extension_decided")));

beforeAll(async () => {
  handle = await createTestDb();
  orgA = (await seedDemoTownship(handle.db, { now: NOW, shiftToYear: 2026, ...uniqueOrgOptions("ext") })).orgId;
  orgB = (await seedDemoTownship(handle.db, { now: NOW, shiftToYear: 2026, ...uniqueOrgOptions("extb") })).orgId;
  leader = (await memberOf(handle.db, orgA, "leader")).actor;
});

afterAll(async () => {
  await handle?.close();
});

describe("the seed", () => {
  it("has pending extension requests from enterprises to decide", async () => {
    const rows = await handle.db
      .select({ id: extensionRequests.id })
      .from(extensionRequests)
      .where(and(eq(extensionRequests.orgId, orgA), eq(extensionRequests.status, "pending")));
    expect(rows.length).toBeGreaterThanOrEqual(2);
  });
});

describe("approve (批准延期)", () => {
  it("with the requested date: the overdue item gets the new deadline and stops being overdue", async () => {
    const { request, assignment } = await overdueRequest();
    expect(await isOverdueNow(assignment.id)).toBe(true);
    const result = await grant(leader, { requestId: request.id, newDeadline: "" });
    expect(result.ok).toBe(true);

    const after = await assignmentOf(assignment.id);
    expect(after.deadline?.toISOString()).toBe(endOfShanghaiDay(day(7)).toISOString());
    expect(after.version).toBe(assignment.version + 1);
    expect(await isOverdueNow(assignment.id)).toBe(false);
    expect(await requestOf(request.id)).toMatchObject({ status: "approved", decidedBy: leader.userId });
    expect((await requestOf(request.id)).grantedDeadline?.toISOString()).toBe(after.deadline?.toISOString());

    const events = await handle.db.select().from(assignmentEvents).where(eq(assignmentEvents.assignmentId, assignment.id));
    const note = events.find((e) => e.reason === `延期至 ${day(7)}`);
    expect(note).toMatchObject({ fromStatus: after.status, toStatus: after.status, actorUserId: leader.userId });

    const notices = await noticesFor(assignment.id);
    expect(notices.map((n) => n.userId).sort()).toEqual(await liaisonsOf(handle.db, orgA, assignment.unitId));
    expect(notices[0]!.body).toContain(day(7));

    expect((await auditRowsFor(handle.db, request.id)).map((a) => a.action)).toEqual(["extension.approve"]);
    expect((await auditRowsFor(handle.db, assignment.id)).map((a) => a.action)).toEqual(["assignment.deadline"]);
  });

  it("an admin may grant a different date than requested", async () => {
    const admin = (await memberOf(handle.db, orgA, "admin")).actor;
    const { request, assignment } = await overdueRequest();
    expect((await grant(admin, { requestId: request.id, newDeadline: day(3) })).ok).toBe(true);
    expect((await assignmentOf(assignment.id)).deadline?.toISOString()).toBe(endOfShanghaiDay(day(3)).toISOString());
  });

  it("a past or impossible date is invalid, and nothing is written", async () => {
    const { request, assignment } = await overdueRequest();
    for (const newDeadline of [day(-1), "2026-02-30", "next week"]) {
      expect(await grant(leader, { requestId: request.id, newDeadline })).toMatchObject({ ok: false, code: "invalid" });
    }
    expect(await requestOf(request.id)).toMatchObject({ status: "pending", decidedAt: null });
    expect(await assignmentOf(assignment.id)).toMatchObject({ version: assignment.version, deadline: null });
    expect(await auditRowsFor(handle.db, request.id)).toHaveLength(0);
  });

  it("granting the requested date once it has passed asks for a new date", async () => {
    const { request } = await overdueRequest(-2);
    const result = await grant(leader, { requestId: request.id });
    expect(result).toMatchObject({ ok: false, code: "invalid" });
    expect((await requestOf(request.id)).status).toBe("pending");
  });
});

describe("deny (驳回)", () => {
  it("needs a reason; with one, the request is denied, the deadline stays and the unit is told why", async () => {
    const { request, assignment } = await overdueRequest();
    for (const input of [{ requestId: request.id }, { requestId: request.id, reason: " " }]) {
      expect(await deny(leader, input)).toMatchObject({ ok: false, code: "invalid" });
    }
    expect((await requestOf(request.id)).status).toBe("pending");

    expect((await deny(leader, { requestId: request.id, reason: "临近检查，不予延期" })).ok).toBe(true);
    expect(await requestOf(request.id)).toMatchObject({ status: "denied", decisionReason: "临近检查，不予延期" });
    expect(await assignmentOf(assignment.id)).toMatchObject({ version: assignment.version, deadline: null });
    const [notice] = await noticesFor(assignment.id);
    expect(notice!.body).toContain("临近检查，不予延期");
    expect((await auditRowsFor(handle.db, request.id)).map((a) => a.action)).toEqual(["extension.deny"]);
  });

  it("an already decided request is a conflict, either way", async () => {
    const { request } = await overdueRequest();
    expect((await deny(leader, { requestId: request.id, reason: "不予延期" })).ok).toBe(true);
    expect(await grant(leader, { requestId: request.id })).toMatchObject({ ok: false, code: "conflict" });
    expect(await deny(leader, { requestId: request.id, reason: "再次驳回" })).toMatchObject({ ok: false, code: "conflict" });
    expect(await auditRowsFor(handle.db, request.id)).toHaveLength(1);
  });
});

describe("who may decide", () => {
  it("auditors and liaisons are forbidden; another township's leader gets not-found", async () => {
    const { request } = await overdueRequest();
    const auditor = (await memberOf(handle.db, orgA, "auditor")).actor;
    const liaison = (await memberOf(handle.db, orgA, "liaison")).actor;
    const foreign = (await memberOf(handle.db, orgB, "leader")).actor;
    for (const actor of [auditor, liaison]) {
      expect(await grant(actor, { requestId: request.id })).toMatchObject({ ok: false, code: "forbidden" });
      expect(await deny(actor, { requestId: request.id, reason: "不予延期" })).toMatchObject({ ok: false, code: "forbidden" });
    }
    expect(await grant(foreign, { requestId: request.id })).toMatchObject({ ok: false, code: "not_found" });
    expect(await deny(foreign, { requestId: request.id, reason: "不予延期" })).toMatchObject({ ok: false, code: "not_found" });
    expect(await grant(leader, { requestId: "not-a-uuid" })).toMatchObject({ ok: false, code: "invalid" });
    expect((await requestOf(request.id)).status).toBe("pending");
    expect(await auditRowsFor(handle.db, request.id)).toHaveLength(0);
  });
});
