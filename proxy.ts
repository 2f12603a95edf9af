import { withAuth } from "next-auth/middleware";

// Signed-out visitors to any page but the public ones go to /login.
// Pages and actions still check the session and role themselves.
export default withAuth({ pages: { signIn: "/login" } });

export const config = {
  matcher: ["/((?!login|api/auth|api/health|_next/static|_next/image|favicon.ico).*)"],
};
