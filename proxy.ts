import { withAuth } from "next-auth/middleware";

// Signed-out visitors to any page but the public ones (sign-in, the public
// hazard report page /report/<org>) go to /login. This is a
// convenience for navigation only: pages, actions and routes check the session
// and role themselves.
export default withAuth({ pages: { signIn: "/login" } });

export const config = {
  matcher: [
    {
      source: "/((?!login|report/|api/auth|api/health|_next/static|_next/image|favicon.ico).*)",
      // Server action POSTs skip the proxy: it would buffer (and past 10 MB truncate)
      // upload bodies, and the action wrapper checks the session anyway.
      missing: [{ type: "header", key: "next-action" }],
    },
  ],
};
