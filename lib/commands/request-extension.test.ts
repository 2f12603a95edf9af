import { and, desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { assignments, auditEvents, extensionRequests, tasks } from "@/db/schema";
import { seedDemoTownship } from "@/db/seed";
import { executeAction, type Actor } from "@/lib/auth/action-core";
import { createTestDb, uniqueOrgOptions } from "@/tests/helpers/db";
import { assignmentOf, liaisonOf, memberOf } from "@/tests/helpers/workflow";
import { requestExtension } from "./request-extension";

const NOW = new Date("2026-11-29T10:00:00+08:00");
let handle: DbHandle;
let orgA: string;
let orgB: string;
let liaison: Awaited<ReturnType<typeof liaisonOf>>;

const run = (actor: Actor | null, input: unknown) =>
  executeAction(handle.db, actor, requestExtension.config, input, requestExtension.body);
const requestsOf = (assignmentId: string) =>
  handle.db.select().from(extensionRequests).where(eq(extensionRequests.assignmentId, assignmentId));

/** A date `days` after the later of today and `after`, as the date input sends it. */
function dateAfter(after: Date, days: number): string {
  const base = Math.max(Date.now(), after.getTime());
  return new Date(base + days * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10);
}

async function deadlineOf(assignmentId: string): Promise<Date> {
  const [row] = await handle.db
    .select({ own: assignments.deadline, task: tasks.deadline })
    .from(assignments)
    .innerJoin(tasks, eq(tasks.id, assignments.taskId))
    .where(eq(assignments.id, assignmentId));
  return row!.own ?? row!.task;
}

beforeAll(async () => {
  handle = await createTestDb();
  orgA = (await seedDemoTownship(handle.db, { now: NOW, shiftToYear: 2026, ...uniqueOrgOptions("ext") })).orgId;
  orgB = (await seedDemoTownship(handle.db, { now: NOW, shiftToYear: 2026, ...uniqueOrgOptions("extb") })).orgId;
  liaison = await liaisonOf(handle.db, orgA, "石龙村");
});

afterAll(async () => {
  await handle?.close();
});

describe("request an extension (延期申请)", () => {
  it("creates one pending request with an audit row; a second while it is pending is a conflict", async () => {
    const target = await assignmentOf(handle.db, liaison.unitId!, "pending");
    const form = new FormData();
    form.set("assignmentId", target.id);
    form.set("requestedDeadline", dateAfter(await deadlineOf(target.id), 10));
    form.set("reason", "  村里正在秋收，群众集中学习需推迟两周  ");
    const result = await run(liaison.actor, form);
    expect(result.ok).toBe(true);
    const [request] = await requestsOf(target.id);
    expect(request).toMatchObject({ status: "pending", reason: "村里正在秋收，群众集中学习需推迟两周", requestedBy: liaison.actor.userId, orgId: orgA });
    expect(request!.requestedDeadline.toISOString()).toMatch(/T15:59:59\.000Z$/);
    const audit = await handle.db.select().from(auditEvents).where(eq(auditEvents.entityId, request!.id));
    expect(audit).toMatchObject([{ action: "extension.request", actorUserId: liaison.actor.userId }]);

    expect(await run(liaison.actor, form)).toMatchObject({ ok: false, code: "conflict" });
    await handle.db.update(extensionRequests).set({ status: "denied", decisionReason: "不予延期" }).where(eq(extensionRequests.id, request!.id));
    expect((await run(liaison.actor, form)).ok).toBe(true);
    expect(await requestsOf(target.id)).toHaveLength(2);
  });

  it("refuses a past date, a date not after the current deadline, and a missing reason", async () => {
    // The pending assignment with the latest deadline: a date between today and that deadline is too early.
    const [target] = await handle.db
      .select({ id: assignments.id, deadline: tasks.deadline })
      .from(assignments)
      .innerJoin(tasks, eq(tasks.id, assignments.taskId))
      .where(and(eq(assignments.unitId, liaison.unitId!), eq(assignments.status, "pending")))
      .orderBy(desc(tasks.deadline))
      .limit(1);
    expect(target!.deadline.getTime()).toBeGreaterThan(Date.now() + 7 * 86_400_000);
    const before = (await requestsOf(target!.id)).length;
    const input = (requestedDeadline: string, reason = "需要更多时间整理材料") => ({ assignmentId: target!.id, requestedDeadline, reason });
    expect(await run(liaison.actor, input("2020-01-01"))).toMatchObject({ ok: false, code: "invalid" });
    expect(await run(liaison.actor, input(dateAfter(new Date(), 2)))).toMatchObject({ ok: false, code: "invalid" });
    expect(await run(liaison.actor, input("not a date"))).toMatchObject({ ok: false, code: "invalid" });
    expect(await run(liaison.actor, input(dateAfter(new Date(), 5), " 无"))).toMatchObject({ ok: false, code: "invalid" });
    expect(await run(liaison.actor, input(dateAfter(new Date(), 5), "长".repeat(501)))).toMatchObject({ ok: false, code: "invalid" });
    expect(await requestsOf(target!.id)).toHaveLength(before);
  });

  it("is not for approved assignments", async () => {
    const target = await assignmentOf(handle.db, liaison.unitId!, "approved");
    const result = await run(liaison.actor, { assignmentId: target.id, requestedDeadline: dateAfter(new Date(), 30), reason: "补充材料" });
    expect(result).toMatchObject({ ok: false, code: "conflict" });
  });

  it("other units and townships get not-found; leaders and auditors are forbidden", async () => {
    const target = await assignmentOf(handle.db, liaison.unitId!, "pending", { skip: 1 });
    const input = { assignmentId: target.id, requestedDeadline: dateAfter(await deadlineOf(target.id), 400), reason: "越权申请" };
    const other = await memberOf(handle.db, orgA, "liaison", liaison.unitId);
    expect(await run(other.actor, input)).toMatchObject({ ok: false, code: "not_found" });
    expect(await run((await memberOf(handle.db, orgB, "liaison")).actor, input)).toMatchObject({ ok: false, code: "not_found" });
    for (const role of ["leader", "admin", "auditor"] as const) {
      expect(await run((await memberOf(handle.db, orgA, role)).actor, input)).toMatchObject({ ok: false, code: "forbidden" });
    }
    expect(await requestsOf(target.id)).toHaveLength(0);
  });
});
