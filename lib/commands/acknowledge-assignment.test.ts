import { and, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { assignments, auditEvents, users } from "@/db/schema";
import { seedDemoTownship } from "@/db/seed";
import { ActionError, defineCommand, executeAction, type Actor } from "@/lib/auth/action-core";
import type { Role } from "@/lib/auth/permissions";
import { createTestDb, uniqueOrgOptions } from "@/tests/helpers/db";
import { memberOf } from "@/tests/helpers/workflow";
import { acknowledgeAssignment } from "./acknowledge-assignment";

const NOW = new Date("2026-11-29T10:00:00+08:00");
let handle: DbHandle;
let orgA: string;
let orgB: string;

const member = (orgId: string, role: Role, notUnit?: string) => memberOf(handle.db, orgId, role, notUnit);

async function unacknowledgedOf(unitId: string) {
  const [a] = await handle.db
    .select()
    .from(assignments)
    .where(and(eq(assignments.unitId, unitId), isNull(assignments.acknowledgedAt)))
    .limit(1);
  if (!a) throw new Error("seed has no unacknowledged assignment for the unit");
  return a;
}

const auditRowsFor = (entityId: string) =>
  handle.db.select().from(auditEvents).where(eq(auditEvents.entityId, entityId));

const run = (actor: Actor | null, input: unknown) =>
  executeAction(handle.db, actor, acknowledgeAssignment.config, input, acknowledgeAssignment.body);

beforeAll(async () => {
  handle = await createTestDb();
  orgA = (await seedDemoTownship(handle.db, { now: NOW, shiftToYear: 2026, ...uniqueOrgOptions("ack") })).orgId;
  orgB = (await seedDemoTownship(handle.db, { now: NOW, shiftToYear: 2026, ...uniqueOrgOptions("ackb") })).orgId;
});

afterAll(async () => {
  await handle?.close();
});

describe("acknowledge (签收) through the authorized-action wrapper", () => {
  let liaison: Awaited<ReturnType<typeof member>>;
  beforeEach(async () => {
    liaison = await member(orgA, "liaison");
  });

  it("the unit's liaison acknowledges once, with one audit row in the same transaction", async () => {
    const target = await unacknowledgedOf(liaison.unitId!);
    const result = await run(liaison.actor, { assignmentId: target.id });
    expect(result.ok).toBe(true);
    const [after] = await handle.db.select().from(assignments).where(eq(assignments.id, target.id));
    expect(after!.acknowledgedAt).toBeInstanceOf(Date);
    expect(after!.version).toBe(target.version + 1);
    const audit = await auditRowsFor(target.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: "assignment.acknowledge", actorUserId: liaison.actor.userId, orgId: orgA });

    // A second tap changes nothing and writes no second audit row.
    expect((await run(liaison.actor, { assignmentId: target.id })).ok).toBe(true);
    expect(await auditRowsFor(target.id)).toHaveLength(1);
  });

  it("a liaison of another unit gets not-found and changes nothing", async () => {
    const other = await member(orgA, "liaison", liaison.unitId!);
    const target = await unacknowledgedOf(liaison.unitId!);
    const result = await run(other.actor, { assignmentId: target.id });
    expect(result).toMatchObject({ ok: false, code: "not_found" });
    const [after] = await handle.db.select().from(assignments).where(eq(assignments.id, target.id));
    expect(after!.acknowledgedAt).toBeNull();
    expect(await auditRowsFor(target.id)).toHaveLength(0);
  });

  it("a liaison of another township gets not-found for a guessed id", async () => {
    const foreign = await member(orgB, "liaison");
    const target = await unacknowledgedOf(liaison.unitId!);
    expect(await run(foreign.actor, { assignmentId: target.id })).toMatchObject({ ok: false, code: "not_found" });
  });

  it("leaders, admins and auditors may not acknowledge for a unit", async () => {
    const target = await unacknowledgedOf(liaison.unitId!);
    for (const role of ["leader", "admin", "auditor"] as const) {
      const { actor } = await member(orgA, role);
      expect(await run(actor, { assignmentId: target.id })).toMatchObject({ ok: false, code: "forbidden" });
    }
  });

  it("signed out, a deactivated user, or a session for a township the user is not in: unauthenticated", async () => {
    const target = await unacknowledgedOf(liaison.unitId!);
    expect(await run(null, { assignmentId: target.id })).toMatchObject({ ok: false, code: "unauthenticated" });
    expect(await run({ ...liaison.actor, orgId: orgB }, { assignmentId: target.id })).toMatchObject({
      ok: false,
      code: "unauthenticated",
    });
    const gone = await member(orgA, "liaison", liaison.unitId!);
    await handle.db.update(users).set({ active: false }).where(eq(users.id, gone.actor.userId));
    expect(await run(gone.actor, { assignmentId: target.id })).toMatchObject({ ok: false, code: "unauthenticated" });
  });

  it("malformed input gets field errors, not a database error", async () => {
    for (const input of [{}, { assignmentId: "1; drop table users" }, { assignmentId: 42 }, null, "x"]) {
      const result = await run(liaison.actor, input);
      expect(result).toMatchObject({ ok: false, code: "invalid" });
    }
    const form = new FormData();
    form.set("assignmentId", "not-a-uuid");
    const fromForm = await run(liaison.actor, form);
    expect(fromForm.ok === false && fromForm.fieldErrors?.assignmentId).toBeTruthy();
  });
});

describe("the wrapper's transaction", () => {
  it("a body that fails after writing leaves no row changed and no audit row", async () => {
    const { actor, unitId } = await member(orgA, "liaison");
    const target = await unacknowledgedOf(unitId!);
    const failing = defineCommand(
      { name: "test.fail", permission: "assignment.acknowledge", schema: z.object({ id: z.uuid() }) },
      async ({ id }, ctx) => {
        await ctx.tx.update(assignments).set({ acknowledgedAt: new Date() }).where(eq(assignments.id, id));
        throw new ActionError("conflict", "changed meanwhile");
      },
    );
    const result = await executeAction(handle.db, actor, failing.config, { id: target.id }, failing.body);
    expect(result).toMatchObject({ ok: false, code: "conflict" });
    const [after] = await handle.db.select().from(assignments).where(eq(assignments.id, target.id));
    expect(after!.acknowledgedAt).toBeNull();
    expect(await auditRowsFor(target.id)).toHaveLength(0);
  });
});
