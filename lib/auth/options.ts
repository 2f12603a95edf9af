import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getDb, noteDatabaseFailure } from "@/db/client";
import { clientAddress } from "@/lib/http/client-address";
import { signInWithPassword } from "./credentials";
import { SIGN_IN_THROTTLED, SIGN_IN_UNAVAILABLE } from "./sign-in-errors";

/** A session ends 8 hours after the last time the browser refreshed it (next-auth's JWT maxAge). */
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
      async authorize(credentials, req) {
        const outcome = await signInWithPassword(getDb(), {
          login: credentials?.login ?? "",
          password: credentials?.password ?? "",
          address: clientAddress(new Headers(req.headers as Record<string, string>)),
        }).catch((error: unknown) => {
          // next-auth would put the error's text (the failed SQL and the login name) in the
          // browser's URL: log it here and hand the form a fixed code instead.
          console.error("[sign-in]", error);
          noteDatabaseFailure(error);
          throw new Error(SIGN_IN_UNAVAILABLE);
        });
        if (outcome.ok) return { id: outcome.user.userId, name: outcome.user.name, orgId: outcome.user.orgId };
        // next-auth hands a thrown message to the sign-in form as its error code.
        if (outcome.reason === "throttled") throw new Error(SIGN_IN_THROTTLED);
        return null;
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
