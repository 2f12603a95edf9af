import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type APIRequestContext, type PlaywrightWorkerArgs } from "@playwright/test";
import { can, type Permission, type Role } from "../lib/auth/permissions";
import { storageStateOf, type DemoRole } from "./support/accounts";

/**
 * Issue 7's access matrix for pages: every app/**\/page.tsx, requested as every
 * persona. The permission a page requires is read from its requireContext()
 * call; [param] segments are filled with ids of the demo township (A, 许明寺镇)
 * taken from its own pages. Refused requests and the other township's (B,
 * 龙河镇) pages must not show anything of A.
 */
const APP = path.join(__dirname, "..", "app");
/** A's division code: unlike its name, which the bundled campaign notices quote, B's data never carries it. */
const A_CODE = "500230104";

interface Persona {
  key: string;
  account: DemoRole | null;
  role: Role | null;
  home: "none" | "A" | "B" | "county";
}

const PERSONAS: Persona[] = [
  { key: "signed-out", account: null, role: null, home: "none" },
  { key: "A.admin", account: "admin", role: "admin", home: "A" },
  { key: "A.leader", account: "leader", role: "leader", home: "A" },
  { key: "A.auditor", account: "auditor", role: "auditor", home: "A" },
  { key: "A.liaison", account: "liaison", role: "liaison", home: "A" },
  { key: "A.liaison-of-another-unit", account: "villageLiaison", role: "liaison", home: "A" },
  { key: "B.admin", account: "townBAdmin", role: "admin", home: "B" },
  { key: "B.leader", account: "townBLeader", role: "leader", home: "B" },
  { key: "B.auditor", account: "townBAuditor", role: "auditor", home: "B" },
  { key: "B.liaison", account: "townBLiaison", role: "liaison", home: "B" },
  { key: "county.county_leader", account: "county", role: "county_leader", home: "county" },
  { key: "county.county_auditor", account: "countyAuditor", role: "county_auditor", home: "county" },
];

interface Page {
  /** The route, e.g. /tasks/[id]. */
  route: string;
  /** From requireContext("…"); null for public pages. */
  permission: Permission | null;
}

/** Every page of the app with the permission its source asks requireContext() for. */
function discoverPages(): Page[] {
  const files = readdirSync(APP, { recursive: true, encoding: "utf8" }).filter((f) => path.basename(f) === "page.tsx");
  return files.map((file) => {
    const segments = path.dirname(file).split(path.sep).filter((s) => s !== "." && !/^\(.*\)$/.test(s));
    const source = readFileSync(path.join(APP, file), "utf8");
    const permission = (source.match(/requireContext\("([\w.]+)"\)/)?.[1] ?? null) as Permission | null;
    return { route: `/${segments.join("/")}`, permission };
  });
}

// Pages whose record belongs to one unit: a liaison of another unit gets not-found.
const UNIT_SCOPED = new Set(["/tasks/[id]", "/hazards/[id]", "/hazards/[id]/notice"]);
const PUBLIC = new Set(["/login", "/report/[org]", "/"]);
// Index pages that send an allowed member on to their first tab.
const INDEXES = new Set(["/admin"]);

type Expected = "ok" | "login" | "not-found" | "redirect";

function expectedFor(page: Page, who: Persona): Expected {
  if (page.route === "/" || (page.route === "/login" && who.account)) return "redirect";
  if (PUBLIC.has(page.route)) return "ok";
  if (!who.role) return "login";
  if (!page.permission) throw new Error(`${page.route} names no permission: add it to PUBLIC or give it one`);
  if (!can(who.role, page.permission)) return "not-found";
  const aRecord = page.route.includes("[") || page.route === "/dashboard/cell";
  if (aRecord && who.home === "B") return "not-found";
  if (UNIT_SCOPED.has(page.route) && who.key === "A.liaison-of-another-unit") return "not-found";
  return INDEXES.has(page.route) ? "redirect" : "ok";
}

const ids: Record<string, string> = {};

async function contextOf(playwright: PlaywrightWorkerArgs["playwright"], baseURL: string, account: DemoRole | null) {
  return playwright.request.newContext({
    baseURL,
    storageState: account ? storageStateOf(account) : { cookies: [], origins: [] },
  });
}

/** The first href on the page matching the pattern (HTML-decoded). */
async function firstLink(request: APIRequestContext, page: string, pattern: RegExp): Promise<string> {
  const html = await (await request.get(page)).text();
  const match = html.match(pattern);
  if (!match) throw new Error(`no link ${pattern} on ${page}`);
  return match[0].replaceAll("&amp;", "&");
}

/** The URL of a route with A's ids in place of its [param] segments. */
function urlOf(route: string): string {
  if (route === "/dashboard/cell") return ids.cell!;
  return route
    .replace("/campaigns/[id]", `/campaigns/${ids.campaign}`)
    .replace("/reports/[id]", `/reports/${ids.campaign}`)
    .replace("/hazards/[id]", `/hazards/${ids.hazard}`)
    .replace("/tasks/[id]", `/tasks/${ids.assignment}`)
    .replace("/county/townships/[id]", `/county/townships/${ids.township}`)
    .replace("/report/[org]", "/report/500230104");
}

test.describe("page access matrix", () => {
  const pages = discoverPages();

  test.beforeAll(async ({ playwright, baseURL }) => {
    const uuid = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    const leader = await contextOf(playwright, baseURL!, "leader");
    const liaison = await contextOf(playwright, baseURL!, "liaison");
    const county = await contextOf(playwright, baseURL!, "county");
    ids.campaign = (await firstLink(leader, "/campaigns", new RegExp(`/campaigns/${uuid}`))).split("/").pop()!;
    ids.cell = (await firstLink(leader, `/dashboard?campaign=${ids.campaign}`, /\/dashboard\/cell\?[^"]+/));
    // The liaison's own records, so that the liaison of another unit must be refused them.
    ids.hazard = (await firstLink(liaison, "/hazards", new RegExp(`/hazards/${uuid}`))).split("/").pop()!;
    ids.assignment = (await firstLink(liaison, "/tasks?filter=all", new RegExp(`/tasks/${uuid}`))).split("/").pop()!;
    ids.township = (await firstLink(county, "/county", new RegExp(`/county/townships/${uuid}`))).split("/").pop()!;
    await Promise.all([leader.dispose(), liaison.dispose(), county.dispose()]);
  });

  test("discovers every page and knows what each requires", () => {
    expect(pages.length).toBeGreaterThan(20);
    for (const page of pages) expect(PUBLIC.has(page.route) || page.permission !== null, page.route).toBe(true);
  });

  for (const who of PERSONAS) {
    test(`as ${who.key}`, async ({ playwright, baseURL }) => {
      const request = await contextOf(playwright, baseURL!, who.account);
      const problems: string[] = [];
      // The ids the URL itself carries are echoed by Next's router payload; they are not news to the caller.
      const secrets = (url: string) => [A_CODE, ids.campaign!, ids.hazard!, ids.assignment!].filter((s) => !url.includes(s));
      for (const page of pages) {
        const url = urlOf(page.route);
        const want = expectedFor(page, who);
        const response = await request.get(url, { maxRedirects: 0 });
        const status = response.status();
        const location = response.headers()["location"] ?? "";
        const got: Expected | number =
          status === 200 ? "ok" : status === 404 ? "not-found" : status >= 300 && status < 400 ? (location.includes("/login") && want !== "redirect" ? "login" : "redirect") : status;
        if (got !== want) problems.push(`${url}: expected ${want}, got ${status} ${location}`);
        // Nothing of A in another tenant's refusal, nor anywhere on the other township's pages
        // (A's own members see their township's name in the header; the public report page names its township by design).
        if (who.home !== "A" && (want !== "ok" || who.home === "B") && page.route !== "/report/[org]") {
          const body = await response.text();
          const named = secrets(url).filter((s) => body.includes(s));
          if (named.length > 0) problems.push(`${url}: shows ${named.join(", ")}`);
        }
      }
      await request.dispose();
      expect(problems).toEqual([]);
      console.log(`page matrix: ${pages.length} pages as ${who.key}`);
    });
  }
});
