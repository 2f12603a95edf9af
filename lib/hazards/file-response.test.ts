import { rmSync } from "node:fs";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { contextFor, loadMembership } from "@/db/queries/context";
import { files } from "@/db/schema";
import { seedDemoTownship } from "@/db/seed";
import { beijingToday } from "@/lib/hazard-status";
import { reportHazard } from "@/lib/commands/hazards/report-hazard";
import { getBlobStore } from "@/lib/storage/blob-store";
import { createTestDb, uniqueOrgOptions } from "@/tests/helpers/db";
import { formOf, hazardCast, photoFile, runAs } from "@/tests/helpers/hazards";
import { tempUploadDir } from "@/tests/helpers/workflow";
import { hazardFileResponse } from "./file-response";

const uploads = tempUploadDir("hazard-files");
let handle: DbHandle;
let cast: Awaited<ReturnType<typeof hazardCast>>;
let castB: Awaited<ReturnType<typeof hazardCast>>;
let fileId: string;

const contextOf = async (who: { actor: { userId: string; orgId: string } }) =>
  contextFor(handle.db, (await loadMembership(handle.db, who.actor.userId, who.actor.orgId))!);
const download = async (who: { actor: { userId: string; orgId: string } }, id = fileId) =>
  hazardFileResponse(await contextOf(who), id, { store: getBlobStore(), download: false });

beforeAll(async () => {
  handle = await createTestDb();
  const orgA = (await seedDemoTownship(handle.db, { shiftToYear: 2026, ...uniqueOrgOptions("hzd") })).orgId;
  const orgB = (await seedDemoTownship(handle.db, { shiftToYear: 2026, ...uniqueOrgOptions("hzdb") })).orgId;
  cast = await hazardCast(handle.db, orgA);
  const reported = await runAs(handle.db, reportHazard)(
    cast.liaison.actor,
    formOf({ title: "t", description: "d", location: "l", foundOn: beijingToday(new Date()) }, { photos: [photoFile("前.png")] }),
  );
  if (!reported.ok) throw new Error(reported.message);
  const [file] = await handle.db.select().from(files).where(eq(files.hazardId, reported.data.hazardId));
  fileId = file!.id;
  castB = await hazardCast(handle.db, orgB);
});

afterAll(async () => {
  await handle?.close();
  rmSync(uploads.dir, { recursive: true, force: true });
});

describe("hazard file download", () => {
  it("is served to the unit's liaison, leaders and auditors, inline, with its type", async () => {
    for (const who of [cast.liaison, cast.leader, cast.auditor]) {
      const response = await download(who);
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toBe("image/png");
      expect(response.headers.get("content-disposition")).toContain("inline");
    }
  });

  it("is not found for another unit's liaison, another township, or a bad id", async () => {
    expect((await download(cast.otherLiaison)).status).toBe(404);
    expect((await download(castB.leader)).status).toBe(404);
    expect((await download(cast.leader, "not-a-uuid")).status).toBe(404);
  });

  it("refuses bytes that no longer match the upload's SHA-256, and says so when they are gone", async () => {
    const [file] = await handle.db.select().from(files).where(eq(files.id, fileId));
    await getBlobStore().delete(file!.storageKey);
    expect((await download(cast.leader)).status).toBe(410);
    await getBlobStore().put(file!.storageKey, new TextEncoder().encode("tampered"));
    const response = await download(cast.leader);
    expect(response.status).toBe(409);
    expect(await response.text()).toMatch(/校验未通过/);
  });
});
