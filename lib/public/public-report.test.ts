import { rmSync } from "node:fs";
import { count, eq, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { auditEvents, files, organizations, publicReports } from "@/db/schema";
import { seedDemoTownship } from "@/db/seed";
import { createTestDb, uniqueOrgOptions } from "@/tests/helpers/db";
import { formOf, photoFile } from "@/tests/helpers/hazards";
import { tempUploadDir } from "@/tests/helpers/workflow";
import {
  lookupPublicReport,
  normalizeFollowUpCode,
  PUBLIC_REPORT_LIMITS,
  sourceHashOf,
  submitPublicReport,
} from "./public-report";

const uploads = tempUploadDir("public-report");
const SECRET = "test-secret";
let handle: DbHandle;
let orgCode: string;
let orgId: string;
let otherOrgCode: string;
let address = 0;
/** A fresh address per test, so the rate limit of one test never spills into another. */
const nextAddress = () => `203.0.113.${++address}`;

const fields = { description: "路边变压器围栏倒了，小孩能靠近。", location: "青杠村小学门口", contact: "", website: "" };
const submit = (input: unknown, ip: string, code = orgCode) =>
  submitPublicReport(handle.db, { orgCode: code, address: ip, secret: SECRET, input });

const reportCount = async () => (await handle.db.select({ n: count() }).from(publicReports).where(eq(publicReports.orgId, orgId)))[0]!.n;

beforeAll(async () => {
  handle = await createTestDb();
  const a = uniqueOrgOptions("pub");
  const b = uniqueOrgOptions("pubb");
  orgId = (await seedDemoTownship(handle.db, { shiftToYear: 2026, ...a })).orgId;
  await seedDemoTownship(handle.db, { shiftToYear: 2026, ...b });
  orgCode = a.orgCode;
  otherOrgCode = b.orgCode;
});

afterAll(async () => {
  await handle?.close();
  rmSync(uploads.dir, { recursive: true, force: true });
});

describe("public hazard report (no account)", () => {
  it("stores the report, its photo and an audit row without an actor; returns an unguessable follow-up code", async () => {
    const ip = nextAddress();
    const result = await submit(formOf({ ...fields, contact: "139****0000" }, { photo: [photoFile("围栏.png")] }), ip);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.code).toMatch(/^[2-9A-HJKMNP-Z]{10}$/);
    const [report] = await handle.db.select().from(publicReports).where(eq(publicReports.followUpCode, result.code));
    expect(report).toMatchObject({ orgId, status: "received", contact: "139****0000", sourceHash: sourceHashOf(ip, SECRET) });
    expect(report!.sourceHash).not.toContain(ip);
    const photos = await handle.db.select().from(files).where(eq(files.publicReportId, report!.id));
    expect(photos).toMatchObject([{ purpose: "public_report", mimeType: "image/png", uploadedBy: null }]);
    const audit = await handle.db.select().from(auditEvents).where(eq(auditEvents.entityId, report!.id));
    expect(audit).toMatchObject([{ action: "public_report.create", actorUserId: null, orgId }]);
  });

  it("bad input is refused with a clear message and nothing is written", async () => {
    const before = await reportCount();
    const blobs = uploads.blobCount();
    const notAPhoto = new File([new TextEncoder().encode("我不是照片")], "photo.jpg", { type: "image/jpeg" });
    const huge = new File([new Uint8Array(11 * 1024 * 1024)], "big.png", { type: "image/png" });
    const refusals: [unknown, number, RegExp][] = [
      [formOf({ ...fields, description: "" }), 400, /请填写隐患描述/],
      [formOf({ ...fields, location: "地".repeat(5000) }), 400, /隐患位置不能超过 200 字/],
      [formOf({ ...fields, contact: "x".repeat(101) }), 400, /联系方式不能超过 100 字/],
      [formOf(fields, { photo: [notAPhoto] }), 400, /不是照片/],
      [formOf(fields, { photo: [huge] }), 413, /照片不能超过 10 MB/],
      [formOf({ ...fields, website: "http://spam.example" }), 400, /提交失败/],
      [null, 400, /./],
    ];
    for (const [input, status, message] of refusals) {
      const result = await submit(input, nextAddress());
      expect(result).toMatchObject({ ok: false, status });
      expect(result.ok === false && result.message).toMatch(message);
    }
    expect(await reportCount()).toBe(before);
    expect(uploads.blobCount()).toBe(blobs);
  });

  it("the 6th report within an hour from one address is refused; another address still gets through", async () => {
    const ip = nextAddress();
    for (let i = 0; i < 5; i++) expect((await submit(formOf(fields), ip)).ok).toBe(true);
    const before = await reportCount();
    const sixth = await submit(formOf(fields), ip);
    expect(sixth).toMatchObject({ ok: false, status: 429 });
    expect(sixth.ok === false && sixth.message).toMatch(/提交过于频繁/);
    expect(await reportCount()).toBe(before);
    expect((await submit(formOf(fields), nextAddress())).ok).toBe(true);
  });

  it("a flood sent all at once still lets only 5 through", async () => {
    const ip = nextAddress();
    const results = await Promise.all(Array.from({ length: 8 }, () => submit(formOf(fields), ip)));
    expect(results.filter((r) => r.ok)).toHaveLength(5);
    expect(results.filter((r) => !r.ok && r.status === 429)).toHaveLength(3);
  });

  it("caps a township's reports per hour whatever addresses they claim to come from", async () => {
    const [township] = await handle.db.select({ id: organizations.id }).from(organizations).where(eq(organizations.code, orgCode));
    const recent = Array.from({ length: PUBLIC_REPORT_LIMITS.perTownshipPerHour }, (_, i) => ({
      orgId: township!.id,
      followUpCode: `CAP-${i}-${Math.random().toString(36).slice(2, 10)}`,
      description: "洪水淹没道路",
      location: "某地",
      sourceHash: `flood-${i}`,
    }));
    await handle.db.insert(publicReports).values(recent);
    const result = await submit(formOf(fields), nextAddress());
    expect(result).toMatchObject({ ok: false, status: 429 });
    await handle.db.delete(publicReports).where(like(publicReports.sourceHash, "flood-%"));
  });

  it("an unknown org code is not found, and a county code is not a township", async () => {
    const before = await reportCount();
    expect(await submit(formOf(fields), nextAddress(), "999999999")).toMatchObject({ ok: false, status: 404 });
    expect(await submit(formOf(fields), nextAddress(), "../../etc")).toMatchObject({ ok: false, status: 404 });
    const [county] = await handle.db.select({ code: organizations.code }).from(organizations).where(eq(organizations.kind, "county")).limit(1);
    if (county) expect(await submit(formOf(fields), nextAddress(), county.code)).toMatchObject({ ok: false, status: 404 });
    expect(await reportCount()).toBe(before);
  });
});

describe("follow-up code lookup", () => {
  it("returns only that report's status and public reply; a wrong code or another township gives null", async () => {
    const result = await submit(formOf({ ...fields, contact: "张先生 13900000000" }), nextAddress());
    if (!result.ok) throw new Error(result.message);
    const found = await lookupPublicReport(handle.db, orgCode, result.code.toLowerCase().replace(/(.{5})/, "$1-"));
    expect(found).not.toBeNull();
    expect(Object.keys(found!).sort()).toEqual(["createdAt", "decidedAt", "publicReply", "status"]);
    expect(found).toMatchObject({ status: "received", publicReply: null });
    expect(JSON.stringify(found)).not.toContain("13900000000");

    expect(await lookupPublicReport(handle.db, orgCode, "AAAAAAAAAA")).toBeNull();
    expect(await lookupPublicReport(handle.db, orgCode, "' or 1=1 --")).toBeNull();
    expect(await lookupPublicReport(handle.db, otherOrgCode, result.code)).toBeNull();
  });

  it("normalizes what people type and rejects what cannot be a code", () => {
    expect(normalizeFollowUpCode(" abcde-fghjk ")).toBe("ABCDEFGHJK");
    expect(normalizeFollowUpCode("ABCDEFGHJ0")).toBeNull();
    expect(normalizeFollowUpCode("short")).toBeNull();
  });
});
