import { createHash } from "node:crypto";
import { rmSync } from "node:fs";
import { and, asc, eq, inArray, ne } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { assignments, auditEvents, files, submissionFigureValues, submissions, taskFigures } from "@/db/schema";
import { seedDemoTownship } from "@/db/seed";
import { executeAction, type Actor } from "@/lib/auth/action-core";
import { getBlobStore } from "@/lib/storage/blob-store";
import { createTestDb, uniqueOrgOptions } from "@/tests/helpers/db";
import { docxBytes, jpegBytes, pngBytes } from "@/tests/helpers/evidence-bytes";
import { assignmentOf, liaisonOf, memberOf, tempUploadDir } from "@/tests/helpers/workflow";
import { submitAssignment } from "./submit-assignment";

const NOW = new Date("2026-11-29T10:00:00+08:00");
const uploads = tempUploadDir("submit");
let handle: DbHandle;
let orgA: string;
let orgB: string;
let liaison: Awaited<ReturnType<typeof liaisonOf>>;

const run = (actor: Actor | null, input: unknown) =>
  executeAction(handle.db, actor, submitAssignment.config, input, submitAssignment.body);

const figuresOf = (taskId: string) =>
  handle.db.select().from(taskFigures).where(eq(taskFigures.taskId, taskId)).orderBy(asc(taskFigures.position));

const submissionsOf = (assignmentId: string) =>
  handle.db.select().from(submissions).where(eq(submissions.assignmentId, assignmentId)).orderBy(asc(submissions.submittedAt));

/** The form as the browser sends it: figure.<id> fields, repeated `files`, and an empty camera input. */
async function formFor(assignmentId: string, fields: { note?: string; files?: File[]; figures?: Record<string, string> } = {}) {
  const [a] = await handle.db.select().from(assignments).where(eq(assignments.id, assignmentId));
  const form = new FormData();
  form.set("assignmentId", assignmentId);
  form.set("expectedVersion", String(a!.version));
  form.set("note", fields.note ?? "");
  const figures = fields.figures ?? Object.fromEntries((await figuresOf(a!.taskId)).map((f) => [f.id, "12"]));
  for (const [id, value] of Object.entries(figures)) form.set(`figure.${id}`, value);
  for (const file of fields.files ?? []) form.append("files", file);
  form.append("files", new File([], ""));
  return form;
}

async function expectNothingWritten(assignmentId: string, result: Awaited<ReturnType<typeof run>>, code = "invalid") {
  expect(result).toMatchObject({ ok: false, code });
  expect(await submissionsOf(assignmentId)).toHaveLength(0);
  const [a] = await handle.db.select().from(assignments).where(eq(assignments.id, assignmentId));
  expect(a!.status).toBe("pending");
  expect(await handle.db.select().from(auditEvents).where(eq(auditEvents.entityId, assignmentId))).toHaveLength(0);
  expect(uploads.blobCount()).toBe(blobsBefore);
}

let blobsBefore = 0;

beforeAll(async () => {
  handle = await createTestDb();
  orgA = (await seedDemoTownship(handle.db, { now: NOW, shiftToYear: 2026, ...uniqueOrgOptions("sub") })).orgId;
  orgB = (await seedDemoTownship(handle.db, { now: NOW, shiftToYear: 2026, ...uniqueOrgOptions("subb") })).orgId;
  liaison = await liaisonOf(handle.db, orgA, "石龙村");
});

afterAll(async () => {
  await handle?.close();
  rmSync(uploads.dir, { recursive: true, force: true });
});

describe("submit (提交) by the unit's liaison", () => {
  it("stores the note, figures and files, moves the assignment to submitted, and audits each change", async () => {
    const target = await assignmentOf(handle.db, liaison.unitId!, "pending", { withFigures: true });
    const figures = await figuresOf(target.taskId);
    const png = pngBytes(8);
    const form = await formFor(target.id, {
      note: "  已组织全村学习，附现场照片。 ",
      figures: Object.fromEntries(figures.map((f, i) => [f.id, String(120 + i)])),
      files: [new File([png], "现场照片.png", { type: "image/png" }), new File([docxBytes()], "../会议记录.docx")],
    });
    const result = await run(liaison.actor, form);
    expect(result).toMatchObject({ ok: true, data: { fileCount: 2, version: target.version + 1 } });

    const [after] = await handle.db.select().from(assignments).where(eq(assignments.id, target.id));
    expect(after).toMatchObject({ status: "submitted", version: target.version + 1 });
    const [submission] = await submissionsOf(target.id);
    expect(submission).toMatchObject({ note: "已组织全村学习，附现场照片。", submittedBy: liaison.actor.userId });

    const values = await handle.db.select().from(submissionFigureValues).where(eq(submissionFigureValues.submissionId, submission!.id));
    expect(values.map((v) => Number(v.value)).sort()).toEqual(figures.map((_, i) => 120 + i).sort());

    const stored = await handle.db.select().from(files).where(eq(files.submissionId, submission!.id)).orderBy(asc(files.originalName));
    expect(stored.map((f) => [f.originalName, f.mimeType, f.purpose])).toEqual([
      ["会议记录.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "evidence"],
      ["现场照片.png", "image/png", "evidence"],
    ]);
    const photo = stored[1]!;
    expect(photo).toMatchObject({ sizeBytes: png.length, sha256: createHash("sha256").update(png).digest("hex"), orgId: orgA });
    expect(photo.storageKey).toMatch(new RegExp(`^${orgA}/\\d{4}/\\d{2}/[0-9a-f-]{36}$`));
    expect(await getBlobStore().get(photo.storageKey)).toEqual(Buffer.from(png));

    const audit = await handle.db.select().from(auditEvents).where(eq(auditEvents.orgId, orgA));
    const mine = audit.filter((r) => [target.id, submission!.id, ...stored.map((f) => f.id)].includes(r.entityId!));
    const acknowledgedNow = target.acknowledgedAt === null ? ["assignment.acknowledge"] : [];
    expect(mine.map((r) => r.action).sort()).toEqual(
      [...acknowledgedNow, "assignment.submit", "file.upload", "file.upload", "submission.create"].sort(),
    );
    // Submitting counts as receipt (签收) when the liaison had not acknowledged yet.
    expect(after!.acknowledgedAt).toBeInstanceOf(Date);
  });

  it("resubmits after a return: the earlier submission and its files stay", async () => {
    const target = await assignmentOf(handle.db, liaison.unitId!, "pending", { withFigures: false });
    expect((await run(liaison.actor, await formFor(target.id, { files: [new File([jpegBytes()], "a.jpg")] }))).ok).toBe(true);
    const [first] = await submissionsOf(target.id);
    // A leader returns it (the review side is another command; the row changes are what matter here).
    await handle.db.update(submissions).set({ decision: "returned", returnReason: "照片不清晰" }).where(eq(submissions.id, first!.id));
    await handle.db.update(assignments).set({ status: "returned", version: target.version + 2 }).where(eq(assignments.id, target.id));

    const again = await run(liaison.actor, await formFor(target.id, { note: "已补充清晰照片", files: [new File([pngBytes(4)], "b.png")] }));
    expect(again.ok).toBe(true);
    const all = await submissionsOf(target.id);
    expect(all.map((s) => s.note)).toEqual(["", "已补充清晰照片"]);
    expect(all[0]).toMatchObject({ decision: "returned", returnReason: "照片不清晰" });
    const kept = await handle.db.select().from(files).where(inArray(files.submissionId, all.map((s) => s.id)));
    expect(kept).toHaveLength(2);
    const [after] = await handle.db.select().from(assignments).where(eq(assignments.id, target.id));
    expect(after!.status).toBe("submitted");
  });

  it("refuses bad files and figures with a clear message, writing nothing", async () => {
    const target = await assignmentOf(handle.db, liaison.unitId!, "pending", { withFigures: true, skip: 1 });
    const figures = await figuresOf(target.taskId);
    const [foreignFigure] = await handle.db.select().from(taskFigures).where(ne(taskFigures.taskId, target.taskId)).limit(1);
    blobsBefore = uploads.blobCount();
    const good = () => new File([pngBytes(4)], "ok.png");
    const textAsJpg = await run(liaison.actor, await formFor(target.id, { files: [good(), new File(["只是文字"], "photo.jpg", { type: "image/jpeg" })] }));
    await expectNothingWritten(target.id, textAsJpg);
    expect(textAsJpg.ok === false && textAsJpg.message).toContain("photo.jpg");

    const big = new File([new Uint8Array(20 * 1024 * 1024 + 1)], "big.png");
    await expectNothingWritten(target.id, await run(liaison.actor, await formFor(target.id, { files: [big] })));
    const eleven = Array.from({ length: 11 }, (_, i) => new File([pngBytes(2)], `p${i}.png`));
    await expectNothingWritten(target.id, await run(liaison.actor, await formFor(target.id, { files: eleven })));
    const wrongFigure = Object.fromEntries([...figures.map((f) => [f.id, "3"]), [foreignFigure!.id, "3"]]);
    await expectNothingWritten(target.id, await run(liaison.actor, await formFor(target.id, { note: "x", figures: wrongFigure })));
    const negative = Object.fromEntries(figures.map((f) => [f.id, "-1"]));
    await expectNothingWritten(target.id, await run(liaison.actor, await formFor(target.id, { note: "x", figures: negative })));
    await expectNothingWritten(target.id, await run(liaison.actor, await formFor(target.id, { note: "x", figures: {} })));
    const empty = Object.fromEntries(figures.map((f) => [f.id, ""]));
    await expectNothingWritten(target.id, await run(liaison.actor, await formFor(target.id, { note: "x", figures: empty })));
    await expectNothingWritten(target.id, await run(liaison.actor, await formFor(target.id, { note: "   " })));
    await expectNothingWritten(target.id, await run(liaison.actor, await formFor(target.id, { note: "长".repeat(5001) })));
  });

  it("a stale form (someone else moved the assignment) gets a conflict and stores no blob", async () => {
    const target = await assignmentOf(handle.db, liaison.unitId!, "pending", { withFigures: false, skip: 1 });
    const form = await formFor(target.id, { files: [new File([pngBytes(4)], "late.png")] });
    await handle.db.update(assignments).set({ version: target.version + 1 }).where(eq(assignments.id, target.id));
    blobsBefore = uploads.blobCount();
    await expectNothingWritten(target.id, await run(liaison.actor, form), "conflict");
  });

  it("an already submitted assignment cannot be submitted again", async () => {
    const target = await assignmentOf(handle.db, liaison.unitId!, "submitted");
    const result = await run(liaison.actor, await formFor(target.id, { note: "再交一次" }));
    expect(result).toMatchObject({ ok: false, code: "conflict" });
  });

  it("other units' and townships' liaisons get not-found; leaders, admins and auditors are forbidden", async () => {
    const target = await assignmentOf(handle.db, liaison.unitId!, "pending", { withFigures: false, skip: 2 });
    const form = await formFor(target.id, { note: "越权提交" });
    const other = await memberOf(handle.db, orgA, "liaison", liaison.unitId);
    expect(await run(other.actor, form)).toMatchObject({ ok: false, code: "not_found" });
    const foreign = await memberOf(handle.db, orgB, "liaison");
    expect(await run(foreign.actor, form)).toMatchObject({ ok: false, code: "not_found" });
    for (const role of ["leader", "admin", "auditor"] as const) {
      expect(await run((await memberOf(handle.db, orgA, role)).actor, form)).toMatchObject({ ok: false, code: "forbidden" });
    }
    expect(await run(null, form)).toMatchObject({ ok: false, code: "unauthenticated" });
    expect(await submissionsOf(target.id)).toHaveLength(0);
    const rows = await handle.db.select().from(auditEvents).where(and(eq(auditEvents.orgId, orgA), eq(auditEvents.entityId, target.id)));
    expect(rows).toHaveLength(0);
  });
});
