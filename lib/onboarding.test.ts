import { randomBytes } from "node:crypto";
import { eq, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { auditEvents, memberships, organizations, users } from "@/db/schema";
import { passwordSignIn } from "@/tests/helpers/sign-in";
import { createTestDb } from "@/tests/helpers/db";
import { createCountyUser, onboardTownship, OnboardingError } from "./onboarding";

let handle: DbHandle;
const id = () => randomBytes(4).toString("hex");

beforeAll(async () => {
  handle = await createTestDb();
});

afterAll(async () => {
  await handle?.close();
});

const input = (suffix: string, countyCode: string, countyName?: string) => ({
  countyCode,
  countyName,
  code: `town-${suffix}`,
  name: `新镇${suffix}`,
  shortCode: "XZ",
  adminUsername: `admin-${suffix}`,
  adminName: "新镇管理员",
});

describe("onboarding a township", () => {
  it("creates the county when named, the township under it and an admin who signs in and must change the password", async () => {
    const s = id();
    const made = await onboardTownship(handle.db, input(s, `county-${s}`, "新县"));
    expect(made.countyCreated).toBe(true);
    const [town] = await handle.db.select().from(organizations).where(eq(organizations.id, made.orgId));
    expect(town).toMatchObject({ kind: "township", parentId: made.countyId, code: `town-${s}`, shortCode: "XZ" });
    const signedIn = await passwordSignIn(handle.db, `admin-${s}`, made.temporaryPassword);
    expect(signedIn).toMatchObject({ userId: made.adminUserId, orgId: made.orgId });
    const [admin] = await handle.db.select().from(users).where(eq(users.id, made.adminUserId));
    expect(admin!.mustChangePassword).toBe(true);
    const [membership] = await handle.db.select().from(memberships).where(eq(memberships.userId, made.adminUserId));
    expect(membership).toMatchObject({ orgId: made.orgId, role: "admin", active: true });
    const audit = await handle.db.select().from(auditEvents).where(eq(auditEvents.orgId, made.orgId));
    expect(audit.map((a) => a.action)).toEqual(["org.onboard"]);

    const second = await onboardTownship(handle.db, input(`${s}b`, `county-${s}`));
    expect(second).toMatchObject({ countyId: made.countyId, countyCreated: false });
  });

  it("refuses an unknown county, a duplicate code or user name with a clear error and writes nothing", async () => {
    const s = id();
    // Only this test's rows: other files seed into the same database at the same time.
    const before = async () => ({
      orgs: (await handle.db.select({ id: organizations.id }).from(organizations).where(like(organizations.code, `%${s}%`))).length,
      users: (await handle.db.select({ id: users.id }).from(users).where(like(users.username, `admin-${s}%`))).length,
    });
    await onboardTownship(handle.db, input(s, `county-${s}`, "某县"));
    const counts = await before();

    await expect(onboardTownship(handle.db, input(`${s}x`, `nowhere-${s}`))).rejects.toThrow(/未找到代码为 nowhere-/);
    await expect(onboardTownship(handle.db, { ...input(`${s}y`, `county-${s}`), code: `town-${s}` })).rejects.toThrow(
      new OnboardingError(`代码 town-${s} 已被 新镇${s} 使用`),
    );
    await expect(onboardTownship(handle.db, { ...input(`${s}z`, `county-${s}`), adminUsername: `admin-${s}` })).rejects.toThrow(
      /用户名 admin-.* 已被使用/,
    );
    await expect(onboardTownship(handle.db, { ...input(`${s}w`, `county-${s}`), shortCode: "x" })).rejects.toThrow(/简码/);
    expect(await before()).toEqual(counts);
  });

  it("creates a county user who signs in to the county and must change the password", async () => {
    const s = id();
    const town = await onboardTownship(handle.db, input(s, `county-${s}`, "某县"));
    const made = await createCountyUser(handle.db, { countyCode: `county-${s}`, username: `cl-${s}`, displayName: "县领导", role: "county_leader" });
    expect(await passwordSignIn(handle.db, `cl-${s}`, made.temporaryPassword)).toMatchObject({ orgId: town.countyId });
    await expect(
      createCountyUser(handle.db, { countyCode: `town-${s}`, username: `cx-${s}`, displayName: "x", role: "county_auditor" }),
    ).rejects.toThrow(/未找到代码为 town-/);
  });
});
