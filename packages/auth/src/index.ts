// next-auth configuration shared by both portals: credentials + argon2id, per-portal cookies,
// and a session that is re-checked against the database on every request.
import { type GetSession, logger, type Session } from "@debrief/api";
import { getDb } from "@debrief/db";
import { verifyPassword } from "@debrief/db/password";
import type { Role } from "@debrief/validators";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { cache } from "react";
import { z } from "zod";
import { authEnv } from "./env";
import { isRateLimited, recordAttempt, UNKNOWN_ADDRESS } from "./rate-limit";
import { sessionUser, userByEmail } from "./users";

export type Portal = "consultant" | "candidate";
export const portalRoles: Record<Portal, readonly Role[]> = {
  consultant: ["consultant", "admin"],
  candidate: ["candidate"],
};

export class RateLimited extends CredentialsSignin {
  code = "rate_limited";
}

const credentials = z.object({ email: z.email().max(320), password: z.string().min(1).max(200) });

// Verifying against a fixed hash when the email is unknown keeps the answer time the same.
const DUMMY_HASH =
  "$argon2id$v=19$m=19456,t=2,p=1$o6hKwzRUTIGJJG/WRNwdxQ$JiHImvBdEAC0L1g7+6nEZBH9Y/lucENXrW9CA610+nw";

function clientAddress(request: Request): string {
  const forwarded = request.headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || request.headers.get("x-real-ip") || UNKNOWN_ADDRESS;
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
          const parsed = credentials.safeParse(raw);
          if (!parsed.success) return null;
          const { email, password } = parsed.data;
          const db = getDb();
          const address = clientAddress(request);
          if (await isRateLimited(db, email, address)) throw new RateLimited();
          const user = await userByEmail(db, email);
          const valid = await verifyPassword(user?.password_hash ?? DUMMY_HASH, password);
          // Wrong email, wrong password, a disabled user or the other portal's role: one answer.
          const ok = !!user && valid && user.status === "active" && allowed.includes(user.role);
          await recordAttempt(db, email, address, ok);
          return ok ? { id: user.id } : null;
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
    const id = jwt?.user?.id;
    if (!id || !z.uuid().safeParse(id).success) return null;
    const row = await sessionUser(getDb(), id);
    if (row?.status !== "active" || !allowed.includes(row.role)) return null;
    return {
      user: {
        id: row.id,
        role: row.role,
        agencyId: row.agency_id,
        name: row.name,
        email: row.email,
        agencyName: row.agency_name,
      },
    };
  });

  return { ...nextAuth, getSession };
}
