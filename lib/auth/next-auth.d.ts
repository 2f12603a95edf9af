import type { DefaultSession } from "next-auth";

declare module "next-auth" {
  interface User {
    orgId: string;
  }
  interface Session {
    user: DefaultSession["user"] & { id: string; orgId: string };
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    uid: string;
    orgId: string;
  }
}
