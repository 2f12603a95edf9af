import bcrypt from "bcryptjs";
import { and, eq, like } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { DbHandle } from "@/db/client";
import { loginAttempts } from "@/db/schema";
import { DEMO_PASSWORD, seedDemoTownship } from "@/db/seed";
import { createTestDb, uniqueOrgOptions } from "@/tests/helpers/db";
import { signInWithPassword } from "./credentials";
import { LOGIN_LIMITS } from "./login-throttle";

let handle: DbHandle;
let prefix: string;
const T0 = new Date("2026-06-01T02:00:00Z");
const minutes = (n: number) => new Date(T0.getTime() + n * 60_000);
// Each test uses its own addresses: in the PostgreSQL pass files share one database.
const address = (label: string) => `${label}-${prefix}`;

beforeAll(async () => {
  handle = await createTestDb();
  const options = uniqueOrgOptions("cred");
  prefix = options.usernamePrefix;
  await seedDemoTownship(handle.db, { ...options, countyAccounts: false });
});
afterAll(() => handle.close());
afterEach(() => vi.restoreAllMocks());

const attempt = (login: string, password: string, from: string, now: Date) =>
  signInWithPassword(handle.db, { login, password, address: from, now });

describe("password sign-in", () => {
  it("signs in with the right password and records the attempt without the password", async () => {
    const outcome = await attempt(`${prefix}leader`, DEMO_PASSWORD, address("ok"), T0);
    expect(outcome).toMatchObject({ ok: true, user: { name: "刘正华（镇安委办）" } });
    const rows = await handle.db.select().from(loginAttempts).where(eq(loginAttempts.address, address("ok")));
    expect(rows).toEqual([expect.objectContaining({ succeeded: true, account: expect.stringMatching(/^user:/) })]);
    expect(JSON.stringify(rows)).not.toContain(DEMO_PASSWORD);
  });

  it("answers a wrong password and an unknown name the same way, each with one bcrypt comparison", async () => {
    const compare = vi.spyOn(bcrypt, "compare");
    const wrongPassword = await attempt(`${prefix}auditor`, "not-the-password", address("same"), T0);
    const unknownName = await attempt(`${prefix}nobody-here`, "not-the-password", address("same"), T0);
    expect(wrongPassword).toEqual({ ok: false, reason: "invalid" });
    expect(unknownName).toEqual(wrongPassword);
    expect(compare).toHaveBeenCalledTimes(2);
    // Both compared against a cost-10 bcrypt hash: the same work either way.
    for (const [, hash] of compare.mock.calls) expect(String(hash)).toMatch(/^\$2[aby]\$10\$/);
  });

  it(`locks an account after ${LOGIN_LIMITS.perAccount} failures, even for the right password, until the window passes`, async () => {
    const login = `${prefix}lx-e01`;
    for (let i = 0; i < LOGIN_LIMITS.perAccount; i += 1) {
      expect(await attempt(login, `wrong-${i}`, address(`acct-${i}`), minutes(i))).toEqual({ ok: false, reason: "invalid" });
    }
    // From a fresh address, with the right password: refused, and not recorded.
    expect(await attempt(login, DEMO_PASSWORD, address("acct-x"), minutes(5))).toEqual({ ok: false, reason: "throttled" });
    const refused = await handle.db.select().from(loginAttempts).where(eq(loginAttempts.address, address("acct-x")));
    expect(refused).toHaveLength(0);
    // 15 minutes after the first failure it drops out of the window: 4 left, one more try allowed.
    expect(await attempt(login, DEMO_PASSWORD, address("acct-x"), minutes(LOGIN_LIMITS.windowMinutes + 0.5))).toMatchObject({
      ok: true,
    });
  });

  it("limits a name that matches no account the same way (the limit does not reveal who exists)", async () => {
    const login = `${prefix}ghost`;
    for (let i = 0; i < LOGIN_LIMITS.perAccount; i += 1) await attempt(login, "x", address(`ghost-${i}`), minutes(i));
    expect(await attempt(login, "x", address("ghost-x"), minutes(5))).toEqual({ ok: false, reason: "throttled" });
  });

  it("a successful sign-in clears the account's earlier failures", async () => {
    const login = `${prefix}lx-e02`;
    for (let i = 0; i < LOGIN_LIMITS.perAccount - 1; i += 1) await attempt(login, "wrong", address(`reset-${i}`), minutes(i));
    expect(await attempt(login, DEMO_PASSWORD, address("reset-ok"), minutes(4))).toMatchObject({ ok: true });
    for (let i = 0; i < LOGIN_LIMITS.perAccount - 1; i += 1) {
      expect(await attempt(login, "wrong", address(`reset-again-${i}`), minutes(5 + i))).toEqual({ ok: false, reason: "invalid" });
    }
  });

  it(`limits one address to ${LOGIN_LIMITS.perAddress} failures across accounts; other addresses are unaffected`, async () => {
    const from = address("spray");
    for (let i = 0; i < LOGIN_LIMITS.perAddress; i += 1) await attempt(`${prefix}spray-${i}`, "x", from, T0);
    expect(await attempt(`${prefix}leader`, DEMO_PASSWORD, from, minutes(1))).toEqual({ ok: false, reason: "throttled" });
    expect(await attempt(`${prefix}leader`, DEMO_PASSWORD, address("elsewhere"), minutes(1))).toMatchObject({ ok: true });
    const counted = await handle.db
      .select()
      .from(loginAttempts)
      .where(and(eq(loginAttempts.address, from), like(loginAttempts.account, "name:%")));
    expect(counted).toHaveLength(LOGIN_LIMITS.perAddress);
  });

  it("refuses empty and absurdly long input without a lookup", async () => {
    expect(await attempt("", DEMO_PASSWORD, address("empty"), T0)).toEqual({ ok: false, reason: "invalid" });
    expect(await attempt("x".repeat(10_000), "y", address("empty"), T0)).toEqual({ ok: false, reason: "invalid" });
    expect(await attempt(`${prefix}leader`, "", address("empty"), T0)).toEqual({ ok: false, reason: "invalid" });
  });
});
