// next-auth configuration shared by both portals: credentials + argon2id, per-portal cookies,
// and a session that is re-checked against the database on every request.
import { type GetSession, logger, type Session } from "@debrief/api";
import { getDb } from "@debrief/db";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { cache } from "react";
import { authEnv } from "./env";
import { type Portal, portalRoles } from "./portals";
import { checkCredentials } from "./sign-in";
import { sessionFor } from "./users";

export {
  type AcceptInvitationState,
  acceptInvitationAndSignIn,
} from "./invitation-action";
export {
  type AcceptInvitationResult,
  acceptInvitation,
  findInvitation,
  type InvitationProblem,
  type InvitationView,
} from "./invitations";
export { type Portal, portalRoles } from "./portals";

export class RateLimited extends CredentialsSignin {
  code = "rate_limited";
}

export function createAuth(portal: Portal) {
  const env = authEnv();
  const allowed = portalRoles[portal];
  const cookie = (name: string, httpOnly = true) => ({
    name: `debrief-${portal}.${name}`,
    options: { httpOnly, sameSite: "lax" as const, path: "/", secure: env.AUTH_SECURE_COOKIES },
  });

  const nextAuth = NextAuth({
    secret: env.AUTH_SECRET,
    trustHost: true,
    // A refused sign-in is an expected answer, not an error worth a stack trace in the logs.
    logger: {
      error: (error) => {
        const type = (error as { type?: string }).type;
        if (type !== "CredentialsSignin")
          logger.error({ err: { name: error.name, type } }, "auth error");
      },
      warn: () => {},
    },
    session: { strategy: "jwt", maxAge: 8 * 60 * 60 },
    pages: { signIn: "/sign-in" },
    // The portals share a host in development and cookies ignore ports: each needs its own names.
    cookies: {
      sessionToken: cookie("session-token"),
      callbackUrl: cookie("callback-url"),
      csrfToken: cookie("csrf-token"),
    },
    providers: [
      Credentials({
        credentials: {
          email: { label: "Email" },
          password: { label: "Password", type: "password" },
        },
        async authorize(raw, request) {
          const result = await checkCredentials(getDb(), portal, raw, request.headers);
          if (result.ok) return { id: result.userId };
          if (result.reason === "rate_limited") throw new RateLimited();
          return null;
        },
      }),
    ],
    callbacks: {
      // Identity is set once, at sign-in; an `update` trigger can never change it.
      jwt({ token, user }) {
        if (user?.id) token.sub = user.id;
        return token;
      },
      session({ session, token }) {
        if (token.sub) session.user.id = token.sub;
        return session;
      },
    },
  });

  /** The signed-in user as the database says now: a disabled user or a role change is out at once. */
  const getSession: GetSession = cache(async (): Promise<Session | null> => {
    const jwt = await nextAuth.auth();
    return sessionFor(getDb(), jwt?.user?.id, allowed);
  });

  return { ...nextAuth, getSession };
}
