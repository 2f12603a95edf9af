import { getToken } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy, newNonce } from "@/lib/http/content-security-policy";

/** Reachable without a session: sign-in, the public hazard report page, next-auth itself, the health check. */
const PUBLIC_PATHS = /^\/(login|report\/|api\/auth\/|api\/health)/;

/**
 * Every request (but static assets and server-action POSTs) passes here:
 * 1. a signed-out visitor to anything but the public paths goes to /login —
 *    a convenience for navigation only: pages, actions and routes check the
 *    session and role themselves;
 * 2. the response gets a Content-Security-Policy with a fresh nonce, which
 *    Next.js applies to the scripts it renders (it reads the request header).
 * The other security headers are static and set in next.config.js.
 */
export default async function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  if (!PUBLIC_PATHS.test(pathname) && !(await getToken({ req: request }))) {
    const login = new URL("/login", request.url);
    login.searchParams.set("callbackUrl", request.url);
    return NextResponse.redirect(login);
  }
  const csp = contentSecurityPolicy(newNonce(), { dev: process.env.NODE_ENV === "development" });
  const headers = new Headers(request.headers);
  headers.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

export const config = {
  matcher: [
    {
      source: "/((?!_next/static|_next/image|favicon.ico).*)",
      // Server action POSTs skip the proxy: it would buffer (and past 10 MB truncate)
      // upload bodies, and the action wrapper checks the session anyway.
      missing: [{ type: "header", key: "next-action" }],
    },
  ],
};
