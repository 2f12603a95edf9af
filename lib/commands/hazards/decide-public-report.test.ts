import { rmSync } from "node:fs";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { auditEvents, publicReports } from "@/db/schema";
import { seedDemoTownship } from "@/db/seed";
import { lookupPublicReport, submitPublicReport } from "@/lib/public/public-report";
import { createTestDb, uniqueOrgOptions } from "@/tests/helpers/db";
import { formOf, hazardCast, hazardFiles, hazardRow, photoFile, runAs } from "@/tests/helpers/hazards";
import { tempUploadDir } from "@/tests/helpers/workflow";
import { acceptPublicReport, dismissPublicReport } from "./decide-public-report";

const uploads = tempUploadDir("public-intake");
let handle: DbHandle;
let orgCode: string;
let cast: Awaited<ReturnType<typeof hazardCast>>;
let castB: Awaited<ReturnType<typeof hazardCast>>;
let sequence = 0;

/** A waiting public report (with a photo), filed the way the public page files it. */
async function publicReport() {
  const result = await submitPublicReport(handle.db, {
    orgCode,
    address: `198.51.100.${++sequence}`,
    secret: "s",
    input: formOf({ description: "河边护栏断了", location: "场镇河堤" }, { photo: [photoFile("河堤.png")] }),
  });
  if (!result.ok) throw new Error(result.message);
  const [row] = await handle.db.select().from(publicReports).where(eq(publicReports.followUpCode, result.code));
  return { id: row!.id, code: result.code };
}

const accept = (actor: Parameters<ReturnType<typeof runAs>>[0], reportId: string, unitId: string) =>
  runAs(handle.db, acceptPublicReport)(
    actor,
    formOf({ reportId, unitId, title: "河堤护栏断裂", level: "general", publicReply: "已受理，已安排整改。" }),
  );
const dismiss = (actor: Parameters<ReturnType<typeof runAs>>[0], reportId: string, reason: string) =>
  runAs(handle.db, dismissPublicReport)(actor, formOf({ reportId, reason }));

beforeAll(async () => {
  handle = await createTestDb();
  const a = uniqueOrgOptions("pin");
  const orgA = (await seedDemoTownship(handle.db, { shiftToYear: 2026, ...a })).orgId;
  const orgB = (await seedDemoTownship(handle.db, { shiftToYear: 2026, ...uniqueOrgOptions("pinb") })).orgId;
  orgCode = a.orgCode;
  cast = await hazardCast(handle.db, orgA);
  castB = await hazardCast(handle.db, orgB);
});

afterAll(async () => {
  await handle?.close();
  rmSync(uploads.dir, { recursive: true, force: true });
});

describe("public report intake", () => {
  it("a leader accepts a report into a hazard of a unit: source 群众举报, photo carried over, reporter sees the reply", async () => {
    const report = await publicReport();
    const result = await accept(cast.leader.actor, report.id, cast.liaison.unitId!);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const hazard = await hazardRow(handle.db, result.data.hazardId);
    expect(hazard).toMatchObject({ unitId: cast.liaison.unitId, source: "public_report", status: "reported", foundBy: null, location: "场镇河堤" });
    expect(await hazardFiles(handle.db, hazard.id)).toMatchObject([{ purpose: "hazard_before", originalName: "河堤.png" }]);
    const [row] = await handle.db.select().from(publicReports).where(eq(publicReports.id, report.id));
    expect(row).toMatchObject({ status: "accepted", hazardId: hazard.id, decidedBy: cast.leader.actor.userId });
    expect(await lookupPublicReport(handle.db, orgCode, report.code)).toMatchObject({ status: "accepted", publicReply: "已受理，已安排整改。" });
    const audit = await handle.db.select().from(auditEvents).where(eq(auditEvents.entityId, report.id));
    expect(audit.map((a) => a.action).sort()).toEqual(["public_report.accept", "public_report.create"]);
  });

  it("a leader dismisses with a reason the reporter sees; a decided report cannot be decided again", async () => {
    const report = await publicReport();
    expect(await dismiss(cast.admin.actor, report.id, "")).toMatchObject({ ok: false, code: "invalid" });
    expect(await dismiss(cast.admin.actor, report.id, "经核查，该护栏已于上周修复。")).toMatchObject({ ok: true });
    expect(await lookupPublicReport(handle.db, orgCode, report.code)).toMatchObject({
      status: "dismissed",
      publicReply: "经核查，该护栏已于上周修复。",
    });
    expect(await dismiss(cast.leader.actor, report.id, "again")).toMatchObject({ ok: false, code: "conflict" });
    expect(await accept(cast.leader.actor, report.id, cast.liaison.unitId!)).toMatchObject({ ok: false, code: "conflict" });
  });

  it("liaisons and auditors may not decide; another township gets not-found; an unknown unit is refused", async () => {
    const report = await publicReport();
    for (const who of [cast.liaison, cast.otherLiaison, cast.auditor]) {
      expect(await accept(who.actor, report.id, cast.liaison.unitId!)).toMatchObject({ ok: false, code: "forbidden" });
      expect(await dismiss(who.actor, report.id, "x")).toMatchObject({ ok: false, code: "forbidden" });
    }
    expect(await accept(castB.leader.actor, report.id, castB.liaison.unitId!)).toMatchObject({ ok: false, code: "not_found" });
    expect(await dismiss(castB.leader.actor, report.id, "x")).toMatchObject({ ok: false, code: "not_found" });
    expect(await accept(cast.leader.actor, report.id, castB.liaison.unitId!)).toMatchObject({ ok: false, code: "not_found" });
    const [row] = await handle.db.select().from(publicReports).where(eq(publicReports.id, report.id));
    expect(row).toMatchObject({ status: "received", hazardId: null, publicReply: null });
  });
});
