import { and, asc, desc, eq, inArray, notInArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { assignmentEvents, assignments, auditEvents, notifications, submissions } from "@/db/schema";
import { seedDemoTownship } from "@/db/seed";
import { executeAction, type Actor } from "@/lib/auth/action-core";
import { createTestDb, uniqueOrgOptions } from "@/tests/helpers/db";
import { auditRowsFor, liaisonsOf, memberOf } from "@/tests/helpers/review-fixtures";
import { approveAssignments, returnAssignment } from "./review-assignment";

const NOW = new Date("2026-11-29T10:00:00+08:00");
let handle: DbHandle;
let orgA: string;
let orgB: string;
let leader: Actor;
let admin: Actor;
const used = new Set<string>();

/** Submitted assignments of township A not yet used by another test. */
async function submitted(n: number) {
  const rows = await handle.db
    .select()
    .from(assignments)
    .where(
      and(
        eq(assignments.orgId, orgA),
        eq(assignments.status, "submitted"),
        used.size ? notInArray(assignments.id, [...used]) : undefined,
      ),
    )
    .orderBy(asc(assignments.id))
    .limit(n);
  if (rows.length < n) throw new Error("seed has too few submitted assignments");
  for (const r of rows) used.add(r.id);
  return rows;
}

const approve = (actor: Actor | null, input: unknown) =>
  executeAction(handle.db, actor, approveAssignments.config, input, approveAssignments.body);
const giveBack = (actor: Actor | null, input: unknown) =>
  executeAction(handle.db, actor, returnAssignment.config, input, returnAssignment.body);

const stateOf = async (id: string) => (await handle.db.select().from(assignments).where(eq(assignments.id, id)))[0]!;
const eventsOf = (id: string) => handle.db.select().from(assignmentEvents).where(eq(assignmentEvents.assignmentId, id));
const latestSubmission = async (id: string) =>
  (
    await handle.db
      .select()
      .from(submissions)
      .where(eq(submissions.assignmentId, id))
      .orderBy(desc(submissions.submittedAt))
      .limit(1)
  )[0]!;
const notificationsLinkedTo = (id: string) =>
  handle.db.select().from(notifications).where(eq(notifications.link, `/tasks/${id}`));

beforeAll(async () => {
  handle = await createTestDb();
  orgA = (await seedDemoTownship(handle.db, { now: NOW, shiftToYear: 2026, ...uniqueOrgOptions("rev") })).orgId;
  orgB = (await seedDemoTownship(handle.db, { now: NOW, shiftToYear: 2026, ...uniqueOrgOptions("revb") })).orgId;
  leader = (await memberOf(handle.db, orgA, "leader")).actor;
  admin = (await memberOf(handle.db, orgA, "admin")).actor;
});

afterAll(async () => {
  await handle?.close();
});

describe("approve (通过)", () => {
  it("a leader approves: status, version, timeline, the submission's decision, the liaisons' notice and audit rows", async () => {
    const [target] = await submitted(1);
    const eventsBefore = (await eventsOf(target!.id)).length;
    const result = await approve(leader, { items: [{ assignmentId: target!.id, version: target!.version }] });
    expect(result).toEqual({ ok: true, data: { approved: 1 } });

    const after = await stateOf(target!.id);
    expect(after).toMatchObject({ status: "approved", version: target!.version + 1 });
    expect(after.approvedAt).toBeInstanceOf(Date);
    expect(await eventsOf(target!.id)).toHaveLength(eventsBefore + 1);
    const sub = await latestSubmission(target!.id);
    expect(sub).toMatchObject({ decision: "approved", reviewedBy: leader.userId, returnReason: null });

    const notes = await notificationsLinkedTo(target!.id);
    expect(notes.map((n) => n.userId).sort()).toEqual(await liaisonsOf(handle.db, orgA, target!.unitId));
    expect(notes[0]).toMatchObject({ kind: "approved", orgId: orgA });

    const audit = await auditRowsFor(handle.db, target!.id);
    expect(audit.map((a) => a.action)).toEqual(["assignment.approve"]);
    expect(audit[0]).toMatchObject({ actorUserId: leader.userId, orgId: orgA });
    expect(await auditRowsFor(handle.db, sub.id)).toMatchObject([{ action: "submission.approve" }]);
  });

  it("an admin bulk-approves several in one go", async () => {
    const targets = await submitted(3);
    const result = await approve(admin, { items: targets.map((t) => ({ assignmentId: t.id, version: t.version })) });
    expect(result).toEqual({ ok: true, data: { approved: 3 } });
    for (const t of targets) expect((await stateOf(t.id)).status).toBe("approved");
  });

  it("a bulk approve with one stale version approves nothing and says how many changed", async () => {
    const targets = await submitted(3);
    const items = targets.map((t, i) => ({ assignmentId: t.id, version: i === 1 ? t.version - 1 : t.version }));
    const result = await approve(leader, { items });
    expect(result).toMatchObject({ ok: false, code: "conflict" });
    expect(result.ok === false && result.message).toContain("有 1 项");
    for (const t of targets) {
      expect(await stateOf(t.id)).toMatchObject({ status: "submitted", version: t.version });
      expect(await auditRowsFor(handle.db, t.id)).toHaveLength(0);
      expect(await notificationsLinkedTo(t.id)).toHaveLength(0);
    }
  });

  it("approving work that is not waiting for review (pending) is a conflict", async () => {
    const [pending] = await handle.db
      .select()
      .from(assignments)
      .where(and(eq(assignments.orgId, orgA), eq(assignments.status, "pending")))
      .limit(1);
    const result = await approve(leader, { items: [{ assignmentId: pending!.id, version: pending!.version }] });
    expect(result).toMatchObject({ ok: false, code: "conflict" });
    expect((await stateOf(pending!.id)).status).toBe("pending");
  });
});

describe("return (退回)", () => {
  it("an admin returns with a reason: status, event reason, submission reason, notice with the reason, audit", async () => {
    const [target] = await submitted(1);
    const result = await giveBack(admin, { assignmentId: target!.id, version: target!.version, reason: "  照片模糊，请重拍  " });
    expect(result.ok).toBe(true);
    expect(await stateOf(target!.id)).toMatchObject({ status: "returned", version: target!.version + 1 });
    const events = await eventsOf(target!.id);
    expect(events.find((e) => e.toStatus === "returned" && e.actorUserId === admin.userId)?.reason).toBe("照片模糊，请重拍");
    const sub = await latestSubmission(target!.id);
    expect(sub).toMatchObject({ decision: "returned", reviewedBy: admin.userId, returnReason: "照片模糊，请重拍" });
    const notes = await notificationsLinkedTo(target!.id);
    expect(notes.length).toBeGreaterThan(0);
    expect(notes[0]).toMatchObject({ kind: "returned" });
    expect(notes[0]!.body).toContain("照片模糊，请重拍");
    expect((await auditRowsFor(handle.db, target!.id)).map((a) => a.action)).toEqual(["assignment.return"]);
  });

  it("without a reason, or with one too short or too long: invalid, nothing written", async () => {
    const [target] = await submitted(1);
    const base = { assignmentId: target!.id, version: target!.version };
    const reasons = [undefined, "", "   ", "x", "很".repeat(501)];
    for (const input of reasons.map((reason) => ({ ...base, reason }))) {
      const result = await giveBack(leader, input);
      expect(result).toMatchObject({ ok: false, code: "invalid" });
    }
    const form = new FormData();
    form.set("assignmentId", target!.id);
    form.set("version", String(target!.version));
    form.set("reason", " ");
    const fromForm = await giveBack(leader, form);
    expect(fromForm.ok === false && fromForm.fieldErrors?.reason?.[0]).toContain("退回原因");
    expect(await stateOf(target!.id)).toMatchObject({ status: "submitted", version: target!.version });
    expect(await auditRowsFor(handle.db, target!.id)).toHaveLength(0);
  });
});

describe("who may review", () => {
  it("auditors and liaisons are forbidden; nothing changes", async () => {
    const [target] = await submitted(1);
    const liaison = await memberOf(handle.db, orgA, "liaison");
    const auditor = await memberOf(handle.db, orgA, "auditor");
    for (const actor of [liaison.actor, auditor.actor]) {
      expect(await approve(actor, { items: [{ assignmentId: target!.id, version: target!.version }] })).toMatchObject({
        ok: false,
        code: "forbidden",
      });
      expect(await giveBack(actor, { assignmentId: target!.id, version: target!.version, reason: "不合格" })).toMatchObject({
        ok: false,
        code: "forbidden",
      });
    }
    expect((await stateOf(target!.id)).status).toBe("submitted");
  });

  it("a leader of another township gets not-found for this township's ids", async () => {
    const [target] = await submitted(1);
    const foreign = (await memberOf(handle.db, orgB, "leader")).actor;
    expect(await approve(foreign, { items: [{ assignmentId: target!.id, version: target!.version }] })).toMatchObject({
      ok: false,
      code: "not_found",
    });
    expect(await giveBack(foreign, { assignmentId: target!.id, version: target!.version, reason: "不合格" })).toMatchObject({
      ok: false,
      code: "not_found",
    });
    expect((await stateOf(target!.id)).status).toBe("submitted");
  });

  it("malformed batches are invalid", async () => {
    const [target] = await submitted(1);
    const item = { assignmentId: target!.id, version: target!.version };
    const malformed = [
      {},
      { items: [] },
      { items: [item, item] },
      { items: [{ ...item, version: "x" }] },
      { items: [{ assignmentId: "1", version: 1 }] },
    ];
    for (const input of malformed) {
      expect(await approve(leader, input)).toMatchObject({ ok: false, code: "invalid" });
    }
  });
});

describe("two reviewers on the same submission at once", () => {
  it("exactly one wins; the other is told it changed; the record matches the winner", async () => {
    const [target] = await submitted(1);
    const eventsBefore = (await eventsOf(target!.id)).length;
    const version = target!.version;
    const [approved, returned] = await Promise.all([
      approve(leader, { items: [{ assignmentId: target!.id, version }] }),
      giveBack(admin, { assignmentId: target!.id, version, reason: "材料不全，请补充" }),
    ]);
    expect([approved.ok, returned.ok].filter(Boolean)).toHaveLength(1);
    const loser = approved.ok ? returned : approved;
    expect(loser).toMatchObject({ ok: false, code: "conflict" });
    expect(loser.ok === false && loser.message).toMatch(/他人处理|已有变化/);

    const winner = approved.ok ? "approved" : "returned";
    expect(await stateOf(target!.id)).toMatchObject({ status: winner, version: version + 1 });
    const events = await eventsOf(target!.id);
    expect(events).toHaveLength(eventsBefore + 1);
    expect(events.filter((e) => e.toStatus === winner && e.fromStatus === "submitted").length).toBeGreaterThan(0);
    const audit = await handle.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, target!.id), inArray(auditEvents.action, ["assignment.approve", "assignment.return"])));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: approved.ok ? "assignment.approve" : "assignment.return",
      actorUserId: approved.ok ? leader.userId : admin.userId,
    });
    expect((await latestSubmission(target!.id)).decision).toBe(winner);
  });
});
