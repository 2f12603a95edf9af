import { encode } from "next-auth/jwt";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import proxy from "@/proxy";

const SECRET = "proxy-test-secret-0123456789abcdef";
const EIGHT_HOURS = 8 * 60 * 60;
let previousSecret: string | undefined;

beforeAll(() => {
  previousSecret = process.env.NEXTAUTH_SECRET;
  process.env.NEXTAUTH_SECRET = SECRET;
});
afterAll(() => {
  process.env.NEXTAUTH_SECRET = previousSecret;
});

async function sessionCookie(maxAge: number): Promise<string> {
  const token = await encode({ token: { uid: "u1", orgId: "o1", name: "测试" }, secret: SECRET, maxAge });
  return `next-auth.session-token=${token}`;
}

function get(path: string, cookie?: string) {
  return proxy(new NextRequest(`http://duban.test${path}`, { headers: cookie ? { cookie } : {} }));
}

const csp = (response: Response) => response.headers.get("content-security-policy") ?? "";

describe("proxy: sign-in redirect, session expiry and the CSP nonce", () => {
  it("sends a signed-out visitor of a protected page to /login", async () => {
    const response = await get("/dashboard");
    expect(response.status).toBe(307);
    expect(new URL(response.headers.get("location")!).pathname).toBe("/login");
  });

  it("lets a live session through, and refuses one whose 8 hours are over", async () => {
    expect((await get("/dashboard", await sessionCookie(EIGHT_HOURS))).headers.get("location")).toBeNull();
    const expired = await get("/dashboard", await sessionCookie(-60));
    expect(expired.status).toBe(307);
    expect(new URL(expired.headers.get("location")!).pathname).toBe("/login");
  });

  it("refuses a session cookie signed with another secret", async () => {
    const forged = await encode({ token: { uid: "u1", orgId: "o1" }, secret: "someone-else", maxAge: EIGHT_HOURS });
    expect((await get("/tasks", `next-auth.session-token=${forged}`)).status).toBe(307);
  });

  it("serves the public pages without a session", async () => {
    for (const path of ["/login", "/report/500230104", "/api/health"]) {
      expect((await get(path)).headers.get("location"), path).toBeNull();
    }
  });

  it("puts a strict CSP with a fresh nonce on every page, and hands the nonce to Next.js", async () => {
    const first = await get("/login");
    const second = await get("/login");
    const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(csp(first))?.[1];
    expect(nonce).toBeDefined();
    expect(csp(second)).not.toContain(nonce);
    expect(csp(first)).toContain("'strict-dynamic'");
    expect(csp(first)).toContain("frame-ancestors 'none'");
    expect(csp(first)).toContain("object-src 'none'");
    expect(csp(first)).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    // Next.js reads the nonce from the forwarded request's CSP header.
    expect(first.headers.get("x-middleware-request-content-security-policy")).toBe(csp(first));
  });
});
