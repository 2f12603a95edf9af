import { and, asc, eq, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { assignmentEvents, assignments, auditEvents, memberships, submissions, taskFigures } from "@/db/schema";
import { seedDemoTownship } from "@/db/seed";
import { executeAction, type Actor, type ActionResult, type Command } from "@/lib/auth/action-core";
import { approveAssignments, returnAssignment } from "@/lib/commands/review-assignment";
import { submitAssignment } from "@/lib/commands/submit-assignment";
import { createTestDb, uniqueOrgOptions } from "./helpers/db";
import { memberOf, tempUploadDir } from "./helpers/workflow";

/**
 * 50 reviewers and liaisons act on one assignment at the same moment, round
 * after round: each round exactly one transition wins for the version they
 * all saw, the rest are told it changed, and the timeline, the audit log and
 * the submissions agree with the final state.
 */
const NOW = new Date("2026-11-29T10:00:00+08:00");
const CALLS = 50;
tempUploadDir("contention");
let handle: DbHandle;
let orgId: string;
let leader: Actor;
let admin: Actor;
let liaison: Actor;
let target: typeof assignments.$inferSelect;
let figures: Record<string, number>;

beforeAll(async () => {
  handle = await createTestDb();
  orgId = (await seedDemoTownship(handle.db, { now: NOW, shiftToYear: 2026, ...uniqueOrgOptions("race") })).orgId;
  leader = (await memberOf(handle.db, orgId, "leader")).actor;
  admin = (await memberOf(handle.db, orgId, "admin")).actor;
  // A submitted assignment and its unit's liaison.
  const [row] = await handle.db
    .select({ a: assignments, liaisonId: memberships.userId })
    .from(assignments)
    .innerJoin(memberships, and(eq(memberships.orgId, assignments.orgId), eq(memberships.unitId, assignments.unitId)))
    .where(and(eq(assignments.orgId, orgId), eq(assignments.status, "submitted"), eq(memberships.role, "liaison")))
    .orderBy(asc(assignments.id))
    .limit(1);
  target = row!.a;
  liaison = { userId: row!.liaisonId, orgId };
  const taskFigureRows = await handle.db.select({ id: taskFigures.id }).from(taskFigures).where(eq(taskFigures.taskId, target.taskId));
  figures = Object.fromEntries(taskFigureRows.map((f) => [f.id, 3]));
});
afterAll(() => handle?.close());

type Kind = "approve" | "return" | "resubmit";
const run = <T,>(command: Command<never, T>, actor: Actor, input: unknown) =>
  executeAction(handle.db, actor, command.config, input, command.body) as Promise<ActionResult<unknown>>;

function call(kind: Kind, i: number, version: number): Promise<ActionResult<unknown>> {
  const reviewer = i % 2 ? leader : admin;
  if (kind === "approve") return run(approveAssignments as never, reviewer, { items: [{ assignmentId: target.id, version }] });
  if (kind === "return") {
    return run(returnAssignment as never, reviewer, { assignmentId: target.id, version, reason: `第 ${i} 位审核人：材料不全` });
  }
  return run(submitAssignment as never, liaison, { assignmentId: target.id, expectedVersion: version, note: `第 ${i} 次补交`, figures });
}

const current = async () => (await handle.db.select().from(assignments).where(eq(assignments.id, target.id)))[0]!;
const events = () =>
  handle.db.select().from(assignmentEvents).where(eq(assignmentEvents.assignmentId, target.id)).orderBy(asc(assignmentEvents.createdAt));
const submissionsOf = () => handle.db.select().from(submissions).where(eq(submissions.assignmentId, target.id));
const transitionAudit = () =>
  handle.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.entityId, target.id), like(auditEvents.action, "assignment.%")))
    .orderBy(asc(auditEvents.createdAt));

async function round(mix: Kind[]) {
  const before = await current();
  const eventsBefore = (await events()).length;
  const auditBefore = (await transitionAudit()).length;
  const kinds = Array.from({ length: CALLS }, (_, i) => mix[i % mix.length]!);
  const results = await Promise.all(kinds.map((kind, i) => call(kind, i, before.version)));
  const winners = results.flatMap((r, i) => (r.ok ? [kinds[i]] : []));
  for (const r of results) {
    if (r.ok) continue;
    // A loser is told the record changed (or that this step no longer applies): never an internal error.
    expect(["conflict", "invalid"]).toContain(r.code);
    expect(r.message.length).toBeGreaterThan(0);
  }
  expect(winners, `one winner among ${CALLS}`).toHaveLength(1);
  const after = await current();
  expect(after.version).toBe(before.version + 1);
  expect((await events()).length).toBe(eventsBefore + 1);
  expect((await transitionAudit()).length).toBe(auditBefore + 1);
  return { winner: winners[0]!, status: after.status };
}

describe(`${CALLS} concurrent approve / return / resubmit calls on one assignment`, () => {
  it("exactly one transition wins per version; no lost update; the audit log and timeline match the final state", async () => {
    const eventsAtStart = (await events()).length;
    const auditAtStart = (await transitionAudit()).length;
    const submissionsAtStart = (await submissionsOf()).length;

    // Submitted: returns race resubmits (which do not apply to a submitted task).
    expect(await round(["return", "resubmit"])).toEqual({ winner: "return", status: "returned" });
    // Returned: only the liaison can act.
    expect(await round(["resubmit", "approve", "return"])).toEqual({ winner: "resubmit", status: "submitted" });
    // Submitted again: every kind at once.
    expect(["approve", "return"]).toContain((await round(["approve", "return", "resubmit"])).winner);
    // Stale versions never win, whatever the state.
    const kinds: Kind[] = ["approve", "return", "resubmit"];
    const stale = await Promise.all(Array.from({ length: CALLS }, (_, i) => call(kinds[i % 3]!, i, target.version)));
    expect(stale.filter((r) => r.ok)).toHaveLength(0);

    // The record: each new event has exactly one audit row for the same transition, in the same order.
    const final = await current();
    const timeline = (await events()).slice(eventsAtStart);
    const verbs: Record<string, string> = { approved: "approve", returned: "return", submitted: "submit" };
    expect((await transitionAudit()).slice(auditAtStart).map((a) => a.action)).toEqual(
      timeline.map((e) => `assignment.${verbs[e.toStatus]}`),
    );
    expect(timeline.at(-1)?.toStatus).toBe(final.status);
    expect(final.version).toBe(target.version + timeline.length);
    // One new submission per winning resubmit.
    const resubmits = timeline.filter((e) => e.toStatus === "submitted").length;
    expect((await submissionsOf()).length).toBe(submissionsAtStart + resubmits);
  });
});
