import { rmSync } from "node:fs";
import { and, count, eq, ne } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { assignments, auditEvents, hazards, units } from "@/db/schema";
import { seedDemoTownship } from "@/db/seed";
import { beijingToday } from "@/lib/hazard-status";
import { createTestDb, uniqueOrgOptions } from "@/tests/helpers/db";
import { formOf, hazardAudit, hazardCast, hazardFiles, hazardRow, photoFile, runAs } from "@/tests/helpers/hazards";
import { tempUploadDir } from "@/tests/helpers/workflow";
import { reportHazard } from "./report-hazard";

const NOW = new Date("2026-11-29T10:00:00+08:00");
const uploads = tempUploadDir("hazard-report");
let handle: DbHandle;
let orgA: string;
let orgB: string;
let cast: Awaited<ReturnType<typeof hazardCast>>;
let castB: Awaited<ReturnType<typeof hazardCast>>;
let run: ReturnType<typeof runAs<typeof reportHazard.config.schema, { hazardId: string; number: string }>>;
const today = beijingToday(new Date());

const fields = (extra: Record<string, string | undefined> = {}) => ({
  title: "农房电线私拉乱接",
  description: "3组两户农房厨房电线老化，未装漏电保护器。",
  location: "3组王家湾",
  level: "general",
  source: "self_inspection",
  foundOn: today,
  ...extra,
});

const hazardCount = async (orgId: string) =>
  (await handle.db.select({ n: count() }).from(hazards).where(eq(hazards.orgId, orgId)))[0]!.n;

async function expectNothingWritten(result: Awaited<ReturnType<typeof run>>, code: string, before: number, blobs: number) {
  expect(result).toMatchObject({ ok: false, code });
  expect(await hazardCount(orgA)).toBe(before);
  expect(uploads.blobCount()).toBe(blobs);
}

beforeAll(async () => {
  handle = await createTestDb();
  orgA = (await seedDemoTownship(handle.db, { now: NOW, shiftToYear: 2026, ...uniqueOrgOptions("hzr") })).orgId;
  orgB = (await seedDemoTownship(handle.db, { now: NOW, shiftToYear: 2026, ...uniqueOrgOptions("hzrb") })).orgId;
  cast = await hazardCast(handle.db, orgA);
  castB = await hazardCast(handle.db, orgB);
  run = runAs(handle.db, reportHazard);
});

afterAll(async () => {
  await handle?.close();
  rmSync(uploads.dir, { recursive: true, force: true });
});

describe("上报隐患 (report)", () => {
  it("a liaison reports for their own unit with a before photo: numbered, audited, photo stored", async () => {
    const result = await run(cast.liaison.actor, formOf(fields(), { photos: [photoFile("隐患.png")] }));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const row = await hazardRow(handle.db, result.data.hazardId);
    expect(row).toMatchObject({
      orgId: orgA,
      unitId: cast.liaison.unitId,
      responsibleUnitId: cast.liaison.unitId,
      status: "reported",
      source: "self_inspection",
      foundBy: cast.liaison.actor.userId,
      assignmentId: null,
    });
    expect(row.number).toMatch(new RegExp(`^T[0-9A-F]{5}-${today.slice(0, 4)}-\\d{4}$`));
    const photos = await hazardFiles(handle.db, row.id);
    expect(photos).toHaveLength(1);
    expect(photos[0]).toMatchObject({ purpose: "hazard_before", originalName: "隐患.png", mimeType: "image/png" });
    const audit = await hazardAudit(handle.db, row.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: "hazard.report", actorUserId: cast.liaison.actor.userId });
    const fileAudit = await handle.db.select().from(auditEvents).where(eq(auditEvents.entityId, photos[0]!.id));
    expect(fileAudit[0]).toMatchObject({ action: "file.upload" });
  });

  it("a liaison may not report for another unit: refused, nothing written", async () => {
    const before = await hazardCount(orgA);
    const blobs = uploads.blobCount();
    const result = await run(cast.liaison.actor, formOf(fields({ unitId: cast.otherLiaison.unitId! }), { photos: [photoFile()] }));
    await expectNothingWritten(result, "forbidden", before, blobs);
  });

  it("from the unit's own investigation task: linked to the task, source 排查任务; another unit's task is not found", async () => {
    const [own] = await handle.db.select({ id: assignments.id }).from(assignments).where(eq(assignments.unitId, cast.liaison.unitId!)).limit(1);
    const result = await run(cast.liaison.actor, formOf({ ...fields(), assignmentId: own!.id }));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(await hazardRow(handle.db, result.data.hazardId)).toMatchObject({ assignmentId: own!.id, source: "investigation_task" });

    const [foreign] = await handle.db
      .select({ id: assignments.id })
      .from(assignments)
      .where(and(eq(assignments.orgId, orgA), ne(assignments.unitId, cast.liaison.unitId!)))
      .limit(1);
    const before = await hazardCount(orgA);
    await expectNothingWritten(await run(cast.liaison.actor, formOf({ ...fields(), assignmentId: foreign!.id })), "not_found", before, uploads.blobCount());
  });

  it("a leader or admin reports for any unit, and must name one; the auditor may not report", async () => {
    for (const who of [cast.leader, cast.admin]) {
      const result = await run(who.actor, formOf(fields({ unitId: cast.otherLiaison.unitId!, level: "major", source: "hotline_12350" })));
      expect(result.ok).toBe(true);
      if (result.ok) expect(await hazardRow(handle.db, result.data.hazardId)).toMatchObject({ unitId: cast.otherLiaison.unitId, level: "major" });
    }
    const before = await hazardCount(orgA);
    await expectNothingWritten(await run(cast.leader.actor, formOf(fields())), "invalid", before, uploads.blobCount());
    await expectNothingWritten(
      await run(cast.auditor.actor, formOf(fields({ unitId: cast.liaison.unitId! }))),
      "forbidden",
      before,
      uploads.blobCount(),
    );
  });

  it("another township cannot report into this one (its unit or its task is not found)", async () => {
    const before = await hazardCount(orgA);
    const [taskA] = await handle.db.select({ id: assignments.id }).from(assignments).where(eq(assignments.orgId, orgA)).limit(1);
    await expectNothingWritten(await run(castB.leader.actor, formOf(fields({ unitId: cast.liaison.unitId! }))), "not_found", before, uploads.blobCount());
    await expectNothingWritten(await run(castB.liaison.actor, formOf({ ...fields(), assignmentId: taskA!.id })), "not_found", before, uploads.blobCount());
    const [unitB] = await handle.db.select({ id: units.id }).from(units).where(eq(units.orgId, orgB)).limit(1);
    expect(unitB).toBeDefined();
  });

  it("bad input gets a clear refusal and writes nothing (no row, no blob)", async () => {
    const before = await hazardCount(orgA);
    const blobs = uploads.blobCount();
    const cases: [Record<string, string | undefined>, File[]][] = [
      [{ title: "" }, []],
      [{ description: "长".repeat(2001) }, []],
      [{ location: undefined }, []],
      [{ foundOn: "2026-02-30" }, []],
      [{ level: "catastrophic" }, []],
      [{ source: "public_report" }, []],
      [{}, [new File([new TextEncoder().encode("只是一段文字")], "photo.jpg", { type: "image/jpeg" })]],
      [{}, Array.from({ length: 11 }, (_, i) => photoFile(`${i}.png`))],
    ];
    for (const [extra, photos] of cases) {
      await expectNothingWritten(await run(cast.liaison.actor, formOf(fields(extra), { photos })), "invalid", before, blobs);
    }
    const future = new Date(Date.now() + 3 * 24 * 60 * 60 * 1000);
    const late = await run(cast.liaison.actor, formOf(fields({ foundOn: beijingToday(future) })));
    await expectNothingWritten(late, "invalid", before, blobs);
    expect(late.ok === false && late.message).toBe("发现日期不能晚于今天");
  });

  it("two reports at once get distinct, consecutive numbers", async () => {
    const results = await Promise.all(
      Array.from({ length: 4 }, (_, i) => run(cast.leader.actor, formOf(fields({ unitId: cast.liaison.unitId!, title: `同时上报${i}` })))),
    );
    const numbers = results.map((r) => (r.ok ? r.data.number : `failed: ${r.ok === false && r.message}`));
    expect(new Set(numbers).size).toBe(4);
    const sequence = numbers.map((n) => Number(n.slice(-4))).sort((a, b) => a - b);
    expect(sequence[3]! - sequence[0]!).toBe(3);
  });
});
