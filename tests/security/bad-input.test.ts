import { edge } from "./framework-mocks";
import { rmSync } from "node:fs";
import { sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { DbHandle } from "@/db/client";
import { createTestDb, rowsOf } from "../helpers/db";
import { tempUploadDir } from "../helpers/workflow";
import { callAction, callRoute, type Outcome } from "./call";
import { ACTIONS, ROUTES } from "./entries";
import { WriteWatch } from "./fingerprint";
import { Fixtures } from "./fixtures";
import { mutantsOf, routeMutants, type Mutant } from "./mutations";
import { expected, type ActionEntry, type RouteEntry } from "./registry";
import { buildWorld, type Persona, type World } from "./world";

/**
 * Issue 7's bad input: at least 25 malformed inputs per server action and
 * route, sent as an allowed persona of township A. None may end in an
 * internal error (a thrown exception, a logged error, `unavailable`, a 5xx);
 * every refusal says why and changes no row; text a form may accept (SQL or
 * HTML as a note) is stored exactly as sent.
 */
const uploads = tempUploadDir("bad-input");
// Seeding two townships and calling an entry as every persona takes seconds; on a loaded machine, minutes.
const SLOW = 180_000;
let handle: DbHandle;
let world: World;
let fx: Fixtures;
let watch: WriteWatch;
let total = 0;
let serverErrors = 0;
const logged = vi.spyOn(console, "error");

beforeAll(async () => {
  handle = await createTestDb();
  edge.db = handle.db;
  world = await buildWorld(handle.db);
  fx = new Fixtures(world);
  watch = new WriteWatch(handle.db, [world.a.orgId, world.b.orgId]);
}, SLOW);

beforeEach(() => logged.mockClear());
afterEach(() => logged.mockClear());

afterAll(async () => {
  console.log(`fuzz: ${total} inputs, ${serverErrors} server errors`);
  await handle?.close();
  rmSync(uploads.dir, { recursive: true, force: true });
});

/** The first persona the matrix allows on the entry (A's, else the county's). */
function allowedPersona(entry: ActionEntry | RouteEntry): Persona {
  const allowed = world.personas.filter((p) => expected(world, entry, p) === "allowed" && p.actor);
  return allowed.find((p) => p.home === "A") ?? allowed[0]!;
}

/** Whether one of the given tables of township A holds `text` exactly, in some column of some row. */
async function storedVerbatim(text: string, tables: string[]): Promise<boolean> {
  if (tables.length === 0) return false;
  const org = sql`${world.a.orgId}::uuid`;
  const probes = tables.map((t) =>
    t === "users"
      ? sql`select 1 from users x join memberships m on m.user_id = x.id, jsonb_each_text(to_jsonb(x)) e where m.org_id = ${org} and position(${text} in e.value) > 0`
      : sql`select 1 from ${sql.identifier(t)} x, jsonb_each_text(to_jsonb(x)) e where x.org_id = ${org} and position(${text} in e.value) > 0`,
  );
  return rowsOf(await handle.db.execute(sql`select exists (${sql.join(probes, sql` union all `)}) as found`)).some((r) => (r as { found: boolean }).found);
}

/** Sends every mutant; `next(i)` gives the i-th one for the current fixture, `rebuild` a fresh fixture after an acceptance. */
async function fuzz(count: number, next: (i: number) => Mutant, send: (m: Mutant) => Promise<Outcome>, rebuild: () => Promise<void>) {
  const problems: string[] = [];
  for (let i = 0; i < count; i++) {
    const mutant = next(i);
    await watch.mark();
    logged.mockClear();
    let out: Outcome;
    try {
      out = await send(mutant);
    } catch (error) {
      serverErrors++;
      problems.push(`${mutant.label}: threw ${String(error).slice(0, 200)}`);
      continue;
    } finally {
      total++;
    }
    const serverError = logged.mock.calls.length > 0 || out.code === "unavailable" || (out.status ?? 0) >= 500;
    if (serverError) {
      serverErrors++;
      problems.push(`${mutant.label}: server error ${out.text.slice(0, 160)} ${String(logged.mock.calls[0]?.[1] ?? "").slice(0, 200)}`);
    }
    if (out.ok || (out.status !== null && out.status < 400)) {
      // Looked for only where the call wrote: A's org-scoped tables that changed.
      const written = (await watch.changes()).filter((t) => t.startsWith(`${world.a.orgId}.`)).map((t) => t.split(".")[1]!);
      if (mutant.verbatim && !(await storedVerbatim(mutant.verbatim, written.filter((t) => t !== "organizations")))) {
        problems.push(`${mutant.label}: accepted but not stored verbatim (wrote ${written.join(", ") || "nothing"})`);
      }
      await rebuild();
      continue;
    }
    if (!out.message.trim()) problems.push(`${mutant.label}: refused without a message`);
    const changed = await watch.changes();
    if (changed.length > 0) problems.push(`${mutant.label}: refused (${out.code ?? out.status}) but changed ${changed.join(", ")}`);
  }
  return problems;
}

const otherTenant = (key: string) => (/unit/i.test(key) ? world.b.unitX : world.b.campaignId);

describe("bad input to server actions", () => {
  for (const [key, entry] of Object.entries(ACTIONS)) {
    it(key, async () => {
      const who = allowedPersona(entry);
      let valid = await entry.input(fx, who);
      const count = mutantsOf(valid, otherTenant).length;
      expect(count).toBeGreaterThanOrEqual(25);
      const problems = await fuzz(
        count,
        (i) => mutantsOf(valid, otherTenant)[i]!,
        (m) => callAction(key, entry, who, m.input),
        async () => {
          valid = await entry.input(fx, who);
        },
      );
      expect(problems).toEqual([]);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    }, SLOW);
  }
});

describe("bad input to route handlers", () => {
  for (const [key, entry] of Object.entries(ROUTES)) {
    if ("excluded" in entry) continue;
    it(key, async () => {
      const who = allowedPersona(entry);
      let valid = await entry.request(fx, who);
      const count = routeMutants(valid, otherTenant).length;
      expect(count).toBeGreaterThanOrEqual(25);
      const problems = await fuzz(
        count,
        (i) => routeMutants(valid, otherTenant)[i]!,
        (m) => callRoute(key, who, m.input as Parameters<typeof callRoute>[2], entry.okStatus),
        async () => {
          valid = await entry.request(fx, who);
        },
      );
      expect(problems).toEqual([]);
    }, SLOW);
  }
});

it("reaches issue 7's 1,000 malformed inputs with no server error", () => {
  expect(total).toBeGreaterThanOrEqual(1000);
  expect(serverErrors).toBe(0);
});
