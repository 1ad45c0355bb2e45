// next-auth configuration shared by both portals: credentials + argon2id, per-portal cookies,
// and a session that is re-checked against the database on every request.
import { type GetSession, logger, type Session } from "@debrief/api";
import { getDb } from "@debrief/db";
import { headers } from "next/headers";
import type { NextRequest } from "next/server";
import NextAuth, { CredentialsSignin, type NextAuthConfig } from "next-auth";
import { getToken } from "next-auth/jwt";
import Credentials from "next-auth/providers/credentials";
import { cache } from "react";
import { authEnv } from "./env";
import { type Portal, portalRoles } from "./portals";
import { checkCredentials } from "./sign-in";
import { revokeSession, sessionFor } from "./users";

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

export type AuthSettings = { AUTH_SECRET: string; AUTH_SECURE_COOKIES: boolean };

/**
 * The portal's cookies: its own names (the portals share a host in development and cookies ignore
 * ports), HttpOnly and SameSite=Lax always. `Secure` is forced by AUTH_SECURE_COOKIES; otherwise it
 * is left to Auth.js, which sets it whenever the request is https (directly or by
 * X-Forwarded-Proto), so a deployment behind TLS never sends the session over plain http.
 */
export function sessionCookies(portal: Portal, forceSecure: boolean) {
  const cookie = (name: string) => ({
    name: `debrief-${portal}.${name}`,
    options: {
      httpOnly: true,
      sameSite: "lax" as const,
      path: "/",
      // Undefined leaves Auth.js's own choice (https → Secure) in place.
      ...(forceSecure ? { secure: true } : {}),
    },
  });
  return {
    sessionToken: cookie("session-token"),
    callbackUrl: cookie("callback-url"),
    csrfToken: cookie("csrf-token"),
  };
}

/**
 * The token carries the user id and nothing else that matters: role, agency and status are read
 * from the database on every request (getSession → sessionFor). Identity is set once, at sign-in;
 * an `update` trigger (POST /api/auth/session with any `data`) can never change it.
 */
export const authCallbacks = {
  jwt({ token, user }) {
    // At sign-in only: the user and a session id that signing out revokes (revoked_sessions).
    if (user?.id) {
      token.sub = user.id;
      token.sid = crypto.randomUUID();
    }
    return token;
  },
  session({ session, token }) {
    if (token.sub) session.user.id = token.sub;
    if (typeof token.sid === "string") (session as { sid?: string }).sid = token.sid;
    return session;
  },
} satisfies NextAuthConfig["callbacks"];

/** Signing out revokes the session id at once: a copy of the token is worth nothing after it. */
export const authEvents = {
  async signOut(message) {
    const token = "token" in message ? message.token : null;
    if (typeof token?.sid !== "string") return;
    const expires = typeof token.exp === "number" ? new Date(token.exp * 1000) : new Date();
    await revokeSession(getDb(), token.sid, expires);
  },
} satisfies NextAuthConfig["events"];

/** The whole next-auth configuration of a portal: what createAuth runs and the tests exercise. */
export function authConfig(portal: Portal, env: AuthSettings = authEnv()): NextAuthConfig {
  return {
    secret: env.AUTH_SECRET,
    trustHost: true,
    useSecureCookies: env.AUTH_SECURE_COOKIES || undefined,
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
    cookies: sessionCookies(portal, env.AUTH_SECURE_COOKIES),
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
    callbacks: authCallbacks,
    events: authEvents,
  };
}

export const RATE_LIMITED_MESSAGE =
  "Too many sign-in attempts. Please wait 15 minutes and try again.";

/**
 * The sign-in form is a server action, which always answers 200 with the form's state (the message
 * above). A client posting straight to /api/auth/callback/credentials would get Auth.js's redirect
 * to /sign-in?error=CredentialsSignin&code=rate_limited; it gets a plain 429 instead.
 */
export function withRateLimitStatus(handler: (req: NextRequest) => Promise<Response>) {
  return async (req: NextRequest): Promise<Response> => {
    const res = await handler(req);
    let target = res.headers.get("location");
    if (!target && req.headers.has("x-auth-return-redirect")) {
      target = ((await res.clone().json()) as { url?: string } | null)?.url ?? null;
    }
    if (!target?.includes("code=rate_limited")) return res;
    return Response.json(
      { error: "rate_limited", message: RATE_LIMITED_MESSAGE },
      { status: 429, headers: { "retry-after": "900", "cache-control": "no-store" } },
    );
  };
}

/**
 * Session tokens already decrypted, by portal, secret and token. Decrypting a given token always
 * gives the same answer, so a hit only checks the expiry again; whether the session still counts
 * (user active, role, not signed out) is asked of the database on every request all the same
 * (sessionFor). Bounded: the oldest entry goes first.
 */
const decodedTokens = new Map<string, { sub?: string; sid?: string; exp: number }>();
const DECODED_TOKENS_MAX = 1000;
/** Seconds a token is still accepted after its expiry: Auth.js's decode allows 15. */
const CLOCK_TOLERANCE = 15;

/**
 * The portal's session token from a Cookie header: decrypted and checked (secret, expiry) exactly as
 * Auth.js checks it, but only that. Calling next-auth's auth() instead runs Auth.js's whole session
 * action on every request — a Request built and parsed, the jwt and session callbacks, and a new
 * token encrypted for a Set-Cookie that a page or route handler cannot send — about 1.5 ms of CPU
 * per request. Cookies only: unlike getToken's default, no `Authorization: Bearer`.
 */
export async function sessionToken(
  portal: Portal,
  cookie: string | null,
  env: AuthSettings = authEnv(),
): Promise<{ sub?: string; sid?: string } | null> {
  if (!cookie) return null;
  const name = sessionCookies(portal, env.AUTH_SECURE_COOKIES).sessionToken.name;
  const req = { headers: { cookie } };
  const raw = await getToken({ req, secret: env.AUTH_SECRET, cookieName: name, raw: true });
  if (!raw) return null;
  const key = `${name}\n${env.AUTH_SECRET}\n${raw}`;
  const now = Date.now() / 1000;
  let entry = decodedTokens.get(key);
  if (!entry) {
    const token = await getToken({ req, secret: env.AUTH_SECRET, cookieName: name, salt: name });
    if (!token || typeof token.exp !== "number") return null;
    entry = {
      sub: typeof token.sub === "string" ? token.sub : undefined,
      sid: typeof token.sid === "string" ? token.sid : undefined,
      exp: token.exp,
    };
    if (decodedTokens.size >= DECODED_TOKENS_MAX) {
      const oldest = decodedTokens.keys().next().value;
      if (oldest !== undefined) decodedTokens.delete(oldest);
    }
    decodedTokens.set(key, entry);
  }
  if (now > entry.exp + CLOCK_TOLERANCE) {
    decodedTokens.delete(key);
    return null;
  }
  return { sub: entry.sub, sid: entry.sid };
}

export function createAuth(portal: Portal) {
  const allowed = portalRoles[portal];
  const nextAuth = NextAuth(authConfig(portal));

  /** The signed-in user as the database says now: a disabled user or a role change is out at once. */
  const getSession: GetSession = cache(async (): Promise<Session | null> => {
    const token = await sessionToken(portal, (await headers()).get("cookie"));
    // A token without a session id predates revocation: it must sign in again.
    if (!token?.sid) return null;
    return sessionFor(getDb(), token.sub, allowed, token.sid);
  });

  const handlers = {
    GET: nextAuth.handlers.GET,
    POST: withRateLimitStatus(nextAuth.handlers.POST),
  };
  return { ...nextAuth, handlers, getSession };
}
