import { edge } from "./framework-mocks";
import { rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { createTestDb } from "../helpers/db";
import { tempUploadDir } from "../helpers/workflow";
import { callAction, callRoute, type Outcome } from "./call";
import { ACTIONS, DISCOVERED_ACTIONS, DISCOVERED_ROUTES, ROUTES } from "./entries";
import { changedTables, fingerprint } from "./fingerprint";
import { Fixtures } from "./fixtures";
import { expected, permissionOf, type ActionEntry, type RouteEntry, type RouteRequest } from "./registry";
import { buildWorld, leaksOfA, type Persona, type World } from "./world";

/**
 * Issue 7's access matrix: every server action and route handler, called
 * through its real export, as every persona. The permissions map and the
 * entry's scope say who is allowed; an allowed persona of township A must
 * succeed on a fresh fixture, and every refused call must be a refusal that
 * changed no row of either township and gave away nothing of A.
 */
const uploads = tempUploadDir("matrix");
// Seeding two townships and calling an entry as every persona takes seconds; on a loaded machine, minutes.
const SLOW = 180_000;
let handle: DbHandle;
let world: World;
let fx: Fixtures;
let cases = 0;

beforeAll(async () => {
  handle = await createTestDb();
  edge.db = handle.db;
  world = await buildWorld(handle.db);
  fx = new Fixtures(world);
}, SLOW);

afterAll(async () => {
  const routeCount = Object.values(ROUTES).filter((r) => !("excluded" in r)).length;
  const personas = world?.personas.length ?? 0;
  console.log(`access matrix: ${cases} cases (${Object.keys(ACTIONS).length} actions × ${personas} personas + ${routeCount} routes × ${personas})`);
  await handle?.close();
  rmSync(uploads.dir, { recursive: true, force: true });
});

describe("access registry", () => {
  it("has an entry for every exported server action and route handler, and none for anything else", () => {
    expect(DISCOVERED_ACTIONS.length).toBeGreaterThan(40);
    expect(Object.keys(ACTIONS).sort()).toEqual([...DISCOVERED_ACTIONS].sort());
    expect(Object.keys(ROUTES).sort()).toEqual([...DISCOVERED_ROUTES].sort());
  });
});

type Call = (who: Persona, input: unknown) => Promise<Outcome>;

/** Runs one entry for every persona; returns the problems found (empty when the entry holds). */
async function runEntry(entry: ActionEntry | RouteEntry, build: (who: Persona) => Promise<unknown>, call: Call): Promise<string[]> {
  const problems: string[] = [];
  const { a, b } = world;
  const refused = world.personas.filter((p) => expected(world, entry, p) === "refused");
  const allowed = world.personas.filter((p) => expected(world, entry, p) === "allowed");

  // Refusals share one fixture: they must all leave it, and everything else, as it was.
  const input = await build(world.persona("A.liaison"));
  const sent = JSON.stringify(input) ?? "";
  const before = await fingerprint(handle.db, [a.orgId, b.orgId]);
  for (const who of refused) {
    const out = await call(who, input);
    cases++;
    if (!(out.refused || (out.ok && entry.silentRefusal))) problems.push(`${who.key}: expected a refusal, got ${out.text.slice(0, 200)}`);
    const leaks = await leaksOfA(world, out.text, sent);
    if (who.home !== "A" && leaks.length > 0) problems.push(`${who.key}: response names A's ${leaks.join(", ")}`);
  }
  const after = await fingerprint(handle.db, [a.orgId, b.orgId]);
  for (const [label, orgId] of [["A", a.orgId], ["B", b.orgId]] as const) {
    const changed = changedTables(before[orgId]!, after[orgId]!);
    if (changed.length > 0) problems.push(`refused calls (${refused.map((p) => p.key).join(", ")}) changed ${label}'s ${changed.join(", ")}`);
  }

  // Each allowed persona on a fresh fixture; another tenant's success must leave A untouched.
  for (const who of allowed) {
    const fresh = await build(who);
    // The public report writes into A whoever sends it: that is its purpose.
    const beforeA = who.home === "A" || permissionOf(entry) === "public" ? null : await fingerprint(handle.db, [a.orgId]);
    const out = await call(who, fresh);
    cases++;
    if (!out.ok) problems.push(`${who.key}: expected success, got ${out.text.slice(0, 300)}`);
    if (beforeA) {
      const changed = changedTables(beforeA[a.orgId]!, (await fingerprint(handle.db, [a.orgId]))[a.orgId]!);
      if (changed.length > 0) problems.push(`${who.key} changed A's ${changed.join(", ")}`);
      // The county may read its townships (county.view); another township may not.
      const leaks = who.home === "B" ? await leaksOfA(world, out.text, JSON.stringify(fresh) ?? "") : [];
      if (leaks.length > 0) problems.push(`${who.key}: response names A's ${leaks.join(", ")}`);
    }
  }
  if (!allowed.some((p) => p.home === "A") && !allowed.some((p) => p.home === "county")) {
    problems.push("no persona of A is allowed: the fixture is never proven");
  }
  return problems;
}

describe("access matrix: server actions", () => {
  for (const [key, entry] of Object.entries(ACTIONS)) {
    it(key, async () => {
      const problems = await runEntry(entry, (who) => entry.input(fx, who), (who, input) => callAction(key, entry, who, input));
      expect(problems).toEqual([]);
    }, SLOW);
  }
});

describe("access matrix: route handlers", () => {
  for (const [key, entry] of Object.entries(ROUTES)) {
    if ("excluded" in entry) continue;
    it(key, async () => {
      const problems = await runEntry(
        entry,
        (who) => entry.request(fx, who),
        (who, request) => callRoute(key, who, request as RouteRequest, entry.okStatus),
      );
      expect(problems).toEqual([]);
    }, SLOW);
  }
});
