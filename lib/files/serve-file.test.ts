import { rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { contextFor, loadMembership } from "@/db/queries/context";
import { assignments, files, submissions } from "@/db/schema";
import { seedDemoTownship } from "@/db/seed";
import { executeAction, type Actor } from "@/lib/auth/action-core";
import { submitAssignment } from "@/lib/commands/submit-assignment";
import { getBlobStore } from "@/lib/storage/blob-store";
import { createTestDb, uniqueOrgOptions } from "@/tests/helpers/db";
import { docxBytes, pngBytes } from "@/tests/helpers/evidence-bytes";
import { assignmentOf, liaisonOf, memberOf, tempUploadDir } from "@/tests/helpers/workflow";
import { evidenceResponse } from "./serve-file";

const NOW = new Date("2026-11-29T10:00:00+08:00");
const uploads = tempUploadDir("serve");
let handle: DbHandle;
let orgA: string;
let orgB: string;
let liaison: Awaited<ReturnType<typeof liaisonOf>>;
let photo: typeof files.$inferSelect;
let document: typeof files.$inferSelect;
const png = pngBytes(6);

async function contextOf(actor: Actor) {
  return contextFor(handle.db, (await loadMembership(handle.db, actor.userId, actor.orgId))!);
}

const get = async (actor: Actor, id: string, download = false) =>
  evidenceResponse(await contextOf(actor), id, { store: getBlobStore(), download });

beforeAll(async () => {
  handle = await createTestDb();
  orgA = (await seedDemoTownship(handle.db, { now: NOW, shiftToYear: 2026, ...uniqueOrgOptions("dl") })).orgId;
  orgB = (await seedDemoTownship(handle.db, { now: NOW, shiftToYear: 2026, ...uniqueOrgOptions("dlb") })).orgId;
  liaison = await liaisonOf(handle.db, orgA, "石龙村");
  const target = await assignmentOf(handle.db, liaison.unitId!, "pending", { withFigures: false });
  const result = await executeAction(
    handle.db,
    liaison.actor,
    submitAssignment.config,
    {
      assignmentId: target.id,
      expectedVersion: target.version,
      files: [new File([png], "现场照片.png"), new File([docxBytes()], "会议记录.docx")],
    },
    submitAssignment.body,
  );
  expect(result.ok).toBe(true);
  const stored = await handle.db
    .select({ f: files })
    .from(files)
    .innerJoin(submissions, eq(submissions.id, files.submissionId))
    .innerJoin(assignments, eq(assignments.id, submissions.assignmentId))
    .where(eq(assignments.id, target.id));
  photo = stored.find((r) => r.f.mimeType === "image/png")!.f;
  document = stored.find((r) => r.f.mimeType !== "image/png")!.f;
});

afterAll(async () => {
  await handle?.close();
  rmSync(uploads.dir, { recursive: true, force: true });
});

describe("evidence download", () => {
  it("serves a photo inline with its stored type, no-sniff, no caching and the Chinese name", async () => {
    const response = await get(liaison.actor, photo.id);
    expect(response.status).toBe(200);
    expect(Buffer.from(await response.arrayBuffer())).toEqual(Buffer.from(png));
    expect(response.headers.get("content-type")).toBe("image/png");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    expect(response.headers.get("content-disposition")).toBe(
      `inline; filename="____.png"; filename*=UTF-8''${encodeURIComponent("现场照片.png")}`,
    );
    expect((await get(liaison.actor, photo.id, true)).headers.get("content-disposition")).toMatch(/^attachment;/);
    expect((await get(liaison.actor, document.id)).headers.get("content-disposition")).toMatch(/^attachment;/);
  });

  it("leaders and auditors of the township may download; other units, townships and bad ids get 404", async () => {
    for (const role of ["leader", "auditor"] as const) {
      expect((await get((await memberOf(handle.db, orgA, role)).actor, photo.id)).status).toBe(200);
    }
    const other = await memberOf(handle.db, orgA, "liaison", liaison.unitId);
    expect((await get(other.actor, photo.id)).status).toBe(404);
    expect((await get((await memberOf(handle.db, orgB, "leader")).actor, photo.id)).status).toBe(404);
    expect((await get(liaison.actor, "../../etc/passwd")).status).toBe(404);
    expect((await get(liaison.actor, crypto.randomUUID())).status).toBe(404);
  });

  it("refuses with a clear message when the stored bytes changed or vanished", async () => {
    writeFileSync(path.join(uploads.dir, ...document.storageKey.split("/")), "tampered");
    const changed = await get(liaison.actor, document.id);
    expect(changed.status).toBe(409);
    expect(await changed.text()).toContain("校验");
    rmSync(path.join(uploads.dir, ...document.storageKey.split("/")));
    expect((await get(liaison.actor, document.id)).status).toBe(410);
  });
});
