import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getDb } from "@/db/client";
import { verifyCredentials } from "./credentials";

const EIGHT_HOURS = 8 * 60 * 60;

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: EIGHT_HOURS },
  pages: { signIn: "/login" },
  providers: [
    CredentialsProvider({
      name: "credentials",
      credentials: {
        login: { label: "login", type: "text" },
        password: { label: "password", type: "password" },
      },
      async authorize(credentials) {
        const user = await verifyCredentials(getDb(), credentials?.login ?? "", credentials?.password ?? "");
        return user ? { id: user.userId, name: user.name, orgId: user.orgId } : null;
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
        token.orgId = user.orgId;
      }
      return token;
    },
    session({ session, token }) {
      session.user = { ...session.user, id: token.uid, orgId: token.orgId };
      return session;
    },
  },
};
