import { rmSync } from "node:fs";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { notifications } from "@/db/schema";
import { seedDemoTownship } from "@/db/seed";
import type { Actor } from "@/lib/auth/action-core";
import { beijingToday } from "@/lib/hazard-status";
import { createTestDb, uniqueOrgOptions } from "@/tests/helpers/db";
import { pdfBytes } from "@/tests/helpers/evidence-bytes";
import { formOf, hazardAudit, hazardCast, hazardFiles, hazardRow, photoFile, runAs, secondLeader } from "@/tests/helpers/hazards";
import { tempUploadDir } from "@/tests/helpers/workflow";
import { assignHazard } from "./assign-hazard";
import { closeHazard, failReinspection } from "./reinspect-hazard";
import { rectifyHazard } from "./rectify-hazard";
import { reportHazard } from "./report-hazard";
import { uploadHazardPlan } from "./upload-hazard-plan";

const NOW = new Date("2026-11-29T10:00:00+08:00");
const uploads = tempUploadDir("hazard-flow");
const today = beijingToday(new Date());
let handle: DbHandle;
let cast: Awaited<ReturnType<typeof hazardCast>>;
let castB: Awaited<ReturnType<typeof hazardCast>>;
let leader2: Awaited<ReturnType<typeof secondLeader>>;

const planFile = () => new File([pdfBytes()], "整改方案.pdf", { type: "application/pdf" });
const cmd = {
  report: () => runAs(handle.db, reportHazard),
  assign: () => runAs(handle.db, assignHazard),
  rectify: () => runAs(handle.db, rectifyHazard),
  close: () => runAs(handle.db, closeHazard),
  fail: () => runAs(handle.db, failReinspection),
  plan: () => runAs(handle.db, uploadHazardPlan),
};

/** A hazard of the liaison's unit reported by `by`, in the wanted status. */
async function hazardIn(status: "reported" | "rectifying" | "rectified", options: { by?: Actor; level?: "general" | "major" } = {}) {
  const by = options.by ?? cast.liaison.actor;
  const reported = await cmd.report()(
    by,
    formOf({
      unitId: cast.liaison.unitId!,
      title: "护栏缺失",
      description: "村道临崖路段护栏缺失约30米。",
      location: "村道2公里处",
      level: options.level ?? "general",
      foundOn: today,
    }),
  );
  if (!reported.ok) throw new Error(reported.message);
  const id = reported.data.hazardId;
  if (status === "reported") return id;
  await assign(id, cast.leader.actor);
  if (status === "rectifying") return id;
  const done = await rectify(id, cast.liaison.actor, options.level === "major" ? [planFile()] : []);
  if (!done.ok) throw new Error(done.message);
  return id;
}

async function assign(id: string, actor: Actor, extra: Record<string, string> = {}) {
  const row = await hazardRow(handle.db, id);
  return cmd.assign()(
    actor,
    formOf({
      hazardId: id,
      expectedVersion: row.version,
      responsibleUnitId: cast.liaison.unitId!,
      responsiblePerson: "王德明",
      rectificationDeadline: "2099-12-31",
      measures: "增设波形护栏，设置警示标志。",
      funds: "12000.5",
      level: row.level,
      ...extra,
    }),
  );
}

async function rectify(id: string, actor: Actor, plans: File[] = [], photos = [photoFile("整改后.png")]) {
  const row = await hazardRow(handle.db, id);
  return cmd.rectify()(
    actor,
    formOf({ hazardId: id, expectedVersion: row.version, note: "已安装护栏30米。", rectifiedOn: today }, { photos, plans }),
  );
}

const versionOf = async (id: string) => (await hazardRow(handle.db, id)).version;

beforeAll(async () => {
  handle = await createTestDb();
  const orgA = (await seedDemoTownship(handle.db, { now: NOW, shiftToYear: 2026, ...uniqueOrgOptions("hzf") })).orgId;
  const orgB = (await seedDemoTownship(handle.db, { now: NOW, shiftToYear: 2026, ...uniqueOrgOptions("hzfb") })).orgId;
  cast = await hazardCast(handle.db, orgA);
  castB = await hazardCast(handle.db, orgB);
  leader2 = await secondLeader(handle.db, orgA, "hzf");
});

afterAll(async () => {
  await handle?.close();
  rmSync(uploads.dir, { recursive: true, force: true });
});

describe("交办整改 (assign: deadline, measures) → rectifying", () => {
  it("a leader assigns: status rectifying, fields stored, the unit's liaison notified, audited", async () => {
    const id = await hazardIn("reported");
    const result = await assign(id, cast.leader.actor);
    expect(result).toMatchObject({ ok: true, data: { status: "rectifying" } });
    expect(await hazardRow(handle.db, id)).toMatchObject({
      status: "rectifying",
      rectificationDeadline: "2099-12-31",
      funds: "12000.50",
      responsiblePerson: "王德明",
    });
    const sent = await handle.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, cast.liaison.actor.userId), eq(notifications.link, `/hazards/${id}`)));
    expect(sent).toMatchObject([{ kind: "hazard_assigned" }]);
    expect((await hazardAudit(handle.db, id)).map((a) => a.action)).toEqual(["hazard.report", "hazard.assign"]);
  });

  it("liaisons and auditors may not assign; another township gets not-found; a stale version conflicts", async () => {
    const id = await hazardIn("reported");
    for (const who of [cast.liaison, cast.otherLiaison, cast.auditor]) {
      expect(await assign(id, who.actor)).toMatchObject({ ok: false, code: "forbidden" });
    }
    expect(await assign(id, castB.leader.actor)).toMatchObject({ ok: false, code: "not_found" });
    const stale = await cmd.assign()(cast.admin.actor, formOf({ hazardId: id, expectedVersion: 99, responsibleUnitId: cast.liaison.unitId!, responsiblePerson: "x", rectificationDeadline: "2099-01-01", measures: "x", level: "general" }));
    expect(stale).toMatchObject({ ok: false, code: "conflict" });
    expect(await hazardRow(handle.db, id)).toMatchObject({ status: "reported", version: 1 });
  });

  it("bad input (no measures, deadline before it was found, negative funds) is invalid and changes nothing", async () => {
    const id = await hazardIn("reported");
    const extras: Record<string, string>[] = [{ measures: "" }, { rectificationDeadline: "2000-01-01" }, { funds: "-5" }, { responsibleUnitId: "x" }];
    for (const extra of extras) {
      expect(await assign(id, cast.leader.actor, extra)).toMatchObject({ ok: false, code: "invalid" });
    }
    expect(await hazardRow(handle.db, id)).toMatchObject({ status: "reported", version: 1 });
  });
});

describe("整改完成 (record rectification)", () => {
  it("the unit's liaison records it with an after photo → rectified; without any photo it is refused", async () => {
    const id = await hazardIn("rectifying");
    expect(await rectify(id, cast.liaison.actor, [], [])).toMatchObject({ ok: false, code: "invalid", message: "请上传整改后照片" });
    const result = await rectify(id, cast.liaison.actor);
    expect(result).toMatchObject({ ok: true, data: { status: "rectified" } });
    expect(await hazardRow(handle.db, id)).toMatchObject({ rectifiedBy: cast.liaison.actor.userId, rectifiedOn: today, rectificationNote: "已安装护栏30米。" });
    expect((await hazardFiles(handle.db, id)).map((f) => f.purpose)).toEqual(["hazard_after"]);
  });

  it("another unit's liaison gets not-found, the auditor forbidden, another township not-found", async () => {
    const id = await hazardIn("rectifying");
    expect(await rectify(id, cast.otherLiaison.actor)).toMatchObject({ ok: false, code: "not_found" });
    expect(await rectify(id, cast.auditor.actor)).toMatchObject({ ok: false, code: "forbidden" });
    expect(await rectify(id, castB.liaison.actor)).toMatchObject({ ok: false, code: "not_found" });
    expect(await hazardRow(handle.db, id)).toMatchObject({ status: "rectifying" });
  });

  it("cannot be recorded before a leader has assigned it (reported) — the flow's order holds", async () => {
    const id = await hazardIn("reported");
    expect(await rectify(id, cast.liaison.actor)).toMatchObject({ ok: false, code: "conflict" });
  });

  it("a 重大 hazard without a rectification plan cannot be marked rectified; with one (earlier or now) it can", async () => {
    const id = await hazardIn("rectifying", { level: "major" });
    const refused = await rectify(id, cast.liaison.actor);
    expect(refused).toMatchObject({ ok: false, code: "invalid", message: "重大隐患须先上传整改方案，才能标记为已整改" });
    expect(await hazardFiles(handle.db, id)).toHaveLength(0);

    expect(await cmd.plan()(cast.liaison.actor, formOf({ hazardId: id }, { plans: [planFile()] }))).toMatchObject({ ok: true });
    expect(await rectify(id, cast.liaison.actor)).toMatchObject({ ok: true, data: { status: "rectified" } });

    const other = await hazardIn("rectifying", { level: "major" });
    expect(await rectify(other, cast.liaison.actor, [planFile()])).toMatchObject({ ok: true });
  });

  it("a plan must be a pdf, docx, jpg or png; other units' liaisons cannot upload one", async () => {
    const id = await hazardIn("rectifying", { level: "major" });
    const text = new File([new TextEncoder().encode("plan")], "plan.pdf", { type: "application/pdf" });
    expect(await cmd.plan()(cast.liaison.actor, formOf({ hazardId: id }, { plans: [text] }))).toMatchObject({ ok: false, code: "invalid" });
    expect(await cmd.plan()(cast.otherLiaison.actor, formOf({ hazardId: id }, { plans: [planFile()] }))).toMatchObject({ ok: false, code: "not_found" });
    expect(await cmd.plan()(cast.liaison.actor, formOf({ hazardId: id }))).toMatchObject({ ok: false, code: "invalid" });
    expect(await hazardFiles(handle.db, id)).toHaveLength(0);
  });
});

describe("验收销号 (close) by a second person", () => {
  it("the leader who reported it cannot close it; a different leader can", async () => {
    const id = await hazardIn("rectified", { by: cast.leader.actor });
    const refused = await cmd.close()(cast.leader.actor, formOf({ hazardId: id, expectedVersion: await versionOf(id), result: "合格" }));
    expect(refused).toMatchObject({ ok: false, code: "forbidden" });
    expect(await hazardRow(handle.db, id)).toMatchObject({ status: "rectified" });

    const closed = await cmd.close()(leader2.actor, formOf({ hazardId: id, expectedVersion: await versionOf(id), result: "现场复查合格" }));
    expect(closed).toMatchObject({ ok: true, data: { status: "verified" } });
    expect(await hazardRow(handle.db, id)).toMatchObject({ verifiedBy: leader2.actor.userId, verificationResult: "现场复查合格", closedOn: today });
    expect((await hazardAudit(handle.db, id)).map((a) => a.action)).toEqual(["hazard.report", "hazard.assign", "hazard.rectify", "hazard.close"]);
  });

  it("the leader who recorded the rectification cannot close it; the admin can", async () => {
    const id = await hazardIn("rectifying");
    expect(await rectify(id, cast.leader.actor)).toMatchObject({ ok: true });
    expect(await cmd.close()(cast.leader.actor, formOf({ hazardId: id, expectedVersion: await versionOf(id), result: "合格" }))).toMatchObject({
      ok: false,
      code: "forbidden",
    });
    expect(await cmd.close()(cast.admin.actor, formOf({ hazardId: id, expectedVersion: await versionOf(id), result: "合格" }))).toMatchObject({ ok: true });
  });

  it("liaisons and auditors cannot close; not before it is rectified; never twice", async () => {
    const id = await hazardIn("rectifying");
    expect(await cmd.close()(cast.leader.actor, formOf({ hazardId: id, expectedVersion: await versionOf(id), result: "合格" }))).toMatchObject({
      ok: false,
      code: "conflict",
    });
    expect(await rectify(id, cast.liaison.actor)).toMatchObject({ ok: true });
    for (const who of [cast.liaison, cast.auditor]) {
      expect(await cmd.close()(who.actor, formOf({ hazardId: id, expectedVersion: await versionOf(id), result: "合格" }))).toMatchObject({
        ok: false,
        code: "forbidden",
      });
    }
    expect(await cmd.close()(castB.leader.actor, formOf({ hazardId: id, expectedVersion: await versionOf(id), result: "合格" }))).toMatchObject({
      ok: false,
      code: "not_found",
    });
    expect(await cmd.close()(cast.leader.actor, formOf({ hazardId: id, expectedVersion: await versionOf(id), result: "" }))).toMatchObject({
      ok: false,
      code: "invalid",
    });
    expect(await cmd.close()(cast.leader.actor, formOf({ hazardId: id, expectedVersion: await versionOf(id), result: "合格" }))).toMatchObject({ ok: true });
    expect(await cmd.close()(leader2.actor, formOf({ hazardId: id, expectedVersion: await versionOf(id), result: "合格" }))).toMatchObject({
      ok: false,
      code: "conflict",
    });
  });
});

describe("复查不通过 (fail re-inspection)", () => {
  it("returns the hazard to rectifying with the reason kept and the unit told; it can then be rectified again", async () => {
    const id = await hazardIn("rectified");
    expect(await cmd.fail()(cast.leader.actor, formOf({ hazardId: id, expectedVersion: await versionOf(id), reason: "" }))).toMatchObject({
      ok: false,
      code: "invalid",
    });
    const failed = await cmd.fail()(cast.leader.actor, formOf({ hazardId: id, expectedVersion: await versionOf(id), reason: "护栏立柱未埋深" }));
    expect(failed).toMatchObject({ ok: true, data: { status: "rectifying" } });
    expect(await hazardRow(handle.db, id)).toMatchObject({ status: "rectifying", rectifiedOn: null });
    const audit = await hazardAudit(handle.db, id);
    expect(audit.at(-1)).toMatchObject({ action: "hazard.fail_reinspection", after: { reason: "护栏立柱未埋深" } });
    const told = await handle.db.select().from(notifications).where(eq(notifications.link, `/hazards/${id}`));
    expect(told.some((n) => n.body?.includes("护栏立柱未埋深"))).toBe(true);

    expect(await cmd.fail()(cast.leader.actor, formOf({ hazardId: id, expectedVersion: await versionOf(id), reason: "again" }))).toMatchObject({
      ok: false,
      code: "conflict",
    });
    expect(await rectify(id, cast.liaison.actor)).toMatchObject({ ok: true, data: { status: "rectified" } });
  });

  it("liaisons and auditors cannot fail a re-inspection", async () => {
    const id = await hazardIn("rectified");
    for (const who of [cast.liaison, cast.auditor]) {
      expect(await cmd.fail()(who.actor, formOf({ hazardId: id, expectedVersion: await versionOf(id), reason: "x" }))).toMatchObject({
        ok: false,
        code: "forbidden",
      });
    }
  });
});
