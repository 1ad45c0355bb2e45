// Sessions and sign-in as a browser or a script meets them (issue 7, item 4), through the portal's
// real next-auth route handlers (createAuth(...).handlers, what /api/auth/[...nextauth] exports)
// against PostgreSQL as the app role: the stored hash's parameters, 429 per account and per
// address, one answer and similar timing for unknown emails, the `update` trigger that cannot
// change who you are, and the cookies' flags.
//
// Covered elsewhere, not repeated here: disabling a user or changing their role takes effect on
// their next request because getSession re-reads the user every time (invitations.test.ts,
// "disabling ends sessions on the next request"; users.test.ts, "sees a user disabled or re-roled
// at once"); the rate-limit arithmetic (rate-limit.test.ts); the audit trail (sign-in.test.ts).
import { createDb, eq, inArray, schema as s, withTenant } from "@debrief/db";
import { type AgencyFixture, createAgencyFixture, createInvitedUser } from "@debrief/db/factories";
import { hashPassword } from "@debrief/db/password";
import { NextRequest } from "next/server";
import NextAuth from "next-auth";
import { decode, encode } from "next-auth/jwt";
import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";
import {
  authCallbacks,
  authConfig,
  createAuth,
  RATE_LIMITED_MESSAGE,
  sessionCookies,
  sessionToken,
  withRateLimitStatus,
} from "../src/index";
import { acceptInvitation } from "../src/invitations";
import { keysFor, LIMITS } from "../src/rate-limit";
import { checkCredentials } from "../src/sign-in";
import { sessionFor } from "../src/users";

// The portal's own configuration, as `next start` would have it (getDb() and authEnv() read these).
const SECRET = "security-test-secret-0123456789-abcdefghij";
process.env.AUTH_SECRET = SECRET;
process.env.DATABASE_URL = inject("ownerUrl");
process.env.APP_DATABASE_URL = inject("appUrl");

const db = createDb(inject("appUrl"), { max: 2 });
const PASSWORD = "correct horse battery staple";
const OWASP_ARGON2ID = "$argon2id$v=19$m=19456,t=2,p=1$";
const SESSION = "debrief-consultant.session-token";
const staff = ["consultant", "admin"] as const;
let f: AgencyFixture;
let g: AgencyFixture;

beforeAll(async () => {
  const passwordHash = await hashPassword(PASSWORD);
  f = await createAgencyFixture(db, { label: "Security F", passwordHash });
  g = await createAgencyFixture(db, { label: "Security G", passwordHash });
});

afterAll(async () => {
  await db.$client.end();
});

type Handlers = ReturnType<typeof createAuth>["handlers"];

/** A cookie jar and the portal's /api/auth handlers: what a browser (or a script) talks to. */
class Client {
  jar = new Map<string, string>();
  constructor(
    readonly handlers: Handlers,
    readonly origin = "http://portal.test",
    readonly address = `198.51.100.${crypto.randomUUID()}`,
  ) {}

  async send(path: string, init: { method?: "GET" | "POST"; form?: object; json?: object } = {}) {
    const headers = new Headers({ "x-forwarded-for": this.address });
    if (this.jar.size) headers.set("cookie", [...this.jar].map(([k, v]) => `${k}=${v}`).join("; "));
    let body: string | undefined;
    if (init.form) {
      headers.set("content-type", "application/x-www-form-urlencoded");
      body = new URLSearchParams(init.form as Record<string, string>).toString();
    } else if (init.json) {
      headers.set("content-type", "application/json");
      body = JSON.stringify(init.json);
    }
    const method = init.method ?? (body ? "POST" : "GET");
    const req = new NextRequest(`${this.origin}/api/auth/${path}`, { method, headers, body });
    const res = await (method === "GET" ? this.handlers.GET(req) : this.handlers.POST(req));
    for (const line of res.headers.getSetCookie()) {
      const [pair = ""] = line.split(";");
      const at = pair.indexOf("=");
      const name = pair.slice(0, at);
      const value = pair.slice(at + 1);
      if (!value || /max-age=0/i.test(line)) this.jar.delete(name);
      else this.jar.set(name, value);
    }
    return res;
  }

  async csrfToken() {
    const res = await this.send("csrf");
    return ((await res.json()) as { csrfToken: string }).csrfToken;
  }

  /** What the sign-in form's server action does, as a plain POST to the credentials callback. */
  async signIn(email: string, password: string) {
    const csrfToken = await this.csrfToken();
    return this.send("callback/credentials", {
      form: { csrfToken, email, password, callbackUrl: `${this.origin}/` },
    });
  }
}

const consultantPortal = () => createAuth("consultant").handlers;

async function tokenOf(client: Client) {
  const raw = client.jar.get(SESSION);
  if (!raw) return null;
  return decode({ token: raw, secret: SECRET, salt: SESSION });
}

const median = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
};

describe("passwords", () => {
  it(`are stored as argon2id with OWASP's parameters: ${OWASP_ARGON2ID}`, async () => {
    const { user, token } = await withTenant(
      db,
      { agencyId: f.agencyId, userId: f.users.admin.id, role: "admin" },
      (tx) =>
        createInvitedUser(tx, f.agencyId, {
          email: `hash.${crypto.randomUUID()}@example.test`,
          name: "Hash Check",
          role: "consultant",
          invitedById: f.users.admin.id,
        }),
    );
    // The one place a password is chosen: accepting an invitation.
    expect(
      await acceptInvitation(
        db,
        { token, password: PASSWORD, confirmPassword: PASSWORD },
        "consultant",
      ),
    ).toMatchObject({ ok: true });
    const owner = createDb(inject("ownerUrl"), { max: 1 });
    try {
      const [row] = await owner
        .select({ hash: s.users.passwordHash })
        .from(s.users)
        .where(eq(s.users.id, user.id));
      expect(row?.hash?.startsWith(OWASP_ARGON2ID)).toBe(true);
      expect(row?.hash).not.toContain(PASSWORD);
    } finally {
      await owner.$client.end();
    }
  });
});

describe("rate limits answer 429 to a client posting credentials", () => {
  it(`per account: after ${LIMITS.account} failures, even the right password gets 429`, async () => {
    const handlers = consultantPortal();
    // Its own agency: the locked account must not be one the other tests sign in with.
    const h = await createAgencyFixture(db, {
      label: "Security Locked",
      passwordHash: await hashPassword(PASSWORD),
    });
    const { consultant } = h.users;
    // Each failure from its own address: only the account limit can be what stops the last one.
    for (let i = 0; i < LIMITS.account; i++) {
      const res = await new Client(handlers).signIn(consultant.email, "wrong password");
      expect(res.status).toBe(302);
      expect(res.headers.get("location")).toBe(
        "http://portal.test/sign-in?error=CredentialsSignin&code=credentials",
      );
    }
    const client = new Client(handlers);
    const res = await client.signIn(consultant.email, PASSWORD);
    expect(res.status).toBe(429);
    expect(res.headers.get("retry-after")).toBe("900");
    expect(await res.json()).toEqual({ error: "rate_limited", message: RATE_LIMITED_MESSAGE });
    expect(client.jar.has(SESSION)).toBe(false);
  });

  it(`per address: after ${LIMITS.address} failures from one address, any account gets 429 there`, async () => {
    const handlers = consultantPortal();
    const address = `203.0.113.${crypto.randomUUID()}`;
    // Spraying: one address, a different (unknown) email each time.
    for (let i = 0; i < LIMITS.address; i++) {
      const res = await new Client(handlers, undefined, address).signIn(
        `spray.${crypto.randomUUID()}@example.test`,
        "guess",
      );
      expect(res.status).toBe(302);
    }
    const { consultant2 } = f.users;
    const blocked = await new Client(handlers, undefined, address).signIn(
      consultant2.email,
      PASSWORD,
    );
    expect(blocked.status).toBe(429);
    // The same person from their own address is not locked out by someone else's spraying.
    const elsewhere = new Client(handlers);
    const ok = await elsewhere.signIn(consultant2.email, PASSWORD);
    expect(ok.status).toBe(302);
    expect(ok.headers.get("location")).toBe("http://portal.test/");
    expect((await tokenOf(elsewhere))?.sub).toBe(consultant2.id);
  });

  it("withRateLimitStatus also turns Auth.js's JSON answer (X-Auth-Return-Redirect) into 429", async () => {
    const json = withRateLimitStatus(async () =>
      Response.json({
        url: "http://portal.test/sign-in?error=CredentialsSignin&code=rate_limited",
      }),
    );
    const req = new NextRequest("http://portal.test/api/auth/callback/credentials", {
      method: "POST",
      headers: { "x-auth-return-redirect": "1" },
    });
    expect((await json(req)).status).toBe(429);
    const other = withRateLimitStatus(async () => Response.json({ url: "http://portal.test/" }));
    expect((await other(req)).status).toBe(200);
  });
});

describe("an unknown email and a wrong password", () => {
  it("get the same answer: status, redirect and cookies", async () => {
    const handlers = consultantPortal();
    const wrong = await new Client(handlers).signIn(g.users.consultant.email, "wrong password");
    const unknown = await new Client(handlers).signIn(
      `nobody.${crypto.randomUUID()}@example.test`,
      "wrong password",
    );
    const shape = (res: Response) => ({
      status: res.status,
      location: res.headers.get("location"),
      cookies: res.headers
        .getSetCookie()
        .map((c) => c.split("=")[0])
        .sort(),
    });
    expect(shape(unknown)).toEqual(shape(wrong));
    // The other refusals look the same from outside too: a disabled user with the right password.
    const disabled = await new Client(handlers).signIn(g.users.disabledConsultant.email, PASSWORD);
    expect(shape(disabled)).toEqual(shape(wrong));
  });

  it("take similar time: medians of 20 attempts each within 0.5–2×", async () => {
    const known = g.users.consultant2;
    const { account } = keysFor(known.email, "");
    const fresh = () => new Headers({ "x-forwarded-for": `192.0.2.${crypto.randomUUID()}` });
    const time = async (email: string) => {
      const started = performance.now();
      const result = await checkCredentials(
        db,
        "consultant",
        { email, password: "wrong password" },
        fresh(),
      );
      const ms = performance.now() - started;
      // Never the rate limit's early answer: that path is measured by neither series.
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.reason).not.toBe("rate_limited");
      return ms;
    };
    // Untimed: keep the known account under its limit so every attempt does the full work.
    const forgetFailures = () =>
      db.delete(s.loginAttempts).where(inArray(s.loginAttempts.key, [account]));
    await forgetFailures();
    await time(known.email);
    await time(`warm.${crypto.randomUUID()}@example.test`);
    const unknown: number[] = [];
    const wrong: number[] = [];
    for (let i = 0; i < 20; i++) {
      await forgetFailures();
      unknown.push(await time(`nobody.${crypto.randomUUID()}@example.test`));
      wrong.push(await time(known.email));
    }
    const ratio = median(unknown) / median(wrong);
    console.info(
      `[security] sign-in timing, 20 attempts each: unknown email median ${median(unknown).toFixed(1)} ms, ` +
        `wrong password median ${median(wrong).toFixed(1)} ms, ratio ${ratio.toFixed(2)}`,
    );
    expect(ratio).toBeGreaterThan(0.5);
    expect(ratio).toBeLessThan(2);
  });
});

describe("the session update trigger", () => {
  const forged = () => ({
    user: { id: g.users.admin.id, role: "admin", agencyId: g.agencyId },
    sub: g.users.admin.id,
    role: "admin",
    agencyId: g.agencyId,
  });

  it("cannot change identity, role or agency: POST /api/auth/session with forged data", async () => {
    const handlers = consultantPortal();
    const client = new Client(handlers);
    const { consultant } = f.users;
    expect((await client.signIn(consultant.email, PASSWORD)).status).toBe(302);
    const before = await tokenOf(client);
    expect(before?.sub).toBe(consultant.id);

    // What useSession().update(data) sends; with a valid CSRF token, as the user's own browser would.
    const csrfToken = await client.csrfToken();
    const res = await client.send("session", { json: { csrfToken, data: forged() } });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { user: Record<string, unknown> };
    expect(body.user.id).toBe(consultant.id);
    expect(body.user).not.toHaveProperty("role");
    expect(body.user).not.toHaveProperty("agencyId");

    // The re-issued token: the same subject and no claim the forged data tried to add.
    const after = await tokenOf(client);
    expect(after?.sub).toBe(consultant.id);
    expect(Object.keys(after ?? {}).sort()).toEqual(Object.keys(before ?? {}).sort());
    expect(JSON.stringify(after)).not.toContain(g.agencyId);
    expect(JSON.stringify(after)).not.toContain(g.users.admin.id);

    // And what every request actually uses: the database's word for that subject.
    const session = await sessionFor(db, after?.sub, staff);
    expect(session?.user).toMatchObject({
      id: consultant.id,
      role: "consultant",
      agencyId: f.agencyId,
    });
  });

  it("the jwt and session callbacks ignore `session` data on trigger: update", async () => {
    const token = { sub: f.users.consultant.id, name: null, email: null, jti: "j" };
    const jwt = authCallbacks.jwt as (p: unknown) => Promise<unknown> | unknown;
    const next = await jwt({
      token: { ...token },
      user: undefined,
      trigger: "update",
      session: forged(),
    });
    expect(next).toEqual(token);
    const sessionCb = authCallbacks.session as (p: unknown) => unknown;
    const out = (await sessionCb({
      session: { user: { ...forged().user }, expires: "" },
      token,
    })) as { user: { id: string } };
    expect(out.user.id).toBe(f.users.consultant.id);
  });

  it("a session cookie signed with another secret, or edited, is no session", async () => {
    const handlers = consultantPortal();
    const client = new Client(handlers);
    expect((await client.signIn(f.users.consultant.email, PASSWORD)).status).toBe(302);
    const raw = client.jar.get(SESSION) ?? "";
    client.jar.set(SESSION, `${raw.slice(0, -4)}AAAA`);
    const res = await client.send("session");
    expect(await res.json()).toBeNull();
  });
});

describe("the session token getSession reads (sessionToken)", () => {
  const env = { AUTH_SECRET: SECRET, AUTH_SECURE_COOKIES: false };

  it("is the signed-in user and session id, as Auth.js decodes the cookie a sign-in set", async () => {
    const client = new Client(consultantPortal());
    expect((await client.signIn(f.users.consultant.email, PASSWORD)).status).toBe(302);
    const raw = client.jar.get(SESSION) ?? "";
    const token = await sessionToken("consultant", `other=1; ${SESSION}=${raw}`, env);
    expect(token).toEqual({ sub: f.users.consultant.id, sid: (await tokenOf(client))?.sid });
  });

  it("is none for an edited token, another secret, another portal's cookie, an expired token or no cookie", async () => {
    const client = new Client(consultantPortal());
    expect((await client.signIn(f.users.consultant.email, PASSWORD)).status).toBe(302);
    const raw = client.jar.get(SESSION) ?? "";
    const cookie = `${SESSION}=${raw}`;
    expect(await sessionToken("consultant", `${SESSION}=${raw.slice(0, -4)}AAAA`, env)).toBeNull();
    const otherSecret = { ...env, AUTH_SECRET: "another-secret-0123456789-abcdefghijklmn" };
    expect(await sessionToken("consultant", cookie, otherSecret)).toBeNull();
    // The candidate portal reads its own cookie name, and the name is the key's salt as well.
    expect(await sessionToken("candidate", cookie, env)).toBeNull();
    expect(
      await sessionToken("candidate", `debrief-candidate.session-token=${raw}`, env),
    ).toBeNull();
    const expired = await encode({
      token: { sub: f.users.consultant.id, sid: crypto.randomUUID() },
      secret: SECRET,
      salt: SESSION,
      maxAge: -60,
    });
    expect(await sessionToken("consultant", `${SESSION}=${expired}`, env)).toBeNull();
    // Only the cookie counts (getToken alone would also accept `Authorization: Bearer`).
    expect(await sessionToken("consultant", null, env)).toBeNull();
    expect(await sessionToken("consultant", "", env)).toBeNull();
  });

  it("is none once expired, though it was decoded (and remembered) before", async () => {
    const claims = { sub: f.users.consultant.id, sid: crypto.randomUUID() };
    const token = await encode({ token: claims, secret: SECRET, salt: SESSION, maxAge: 60 });
    const cookie = `${SESSION}=${token}`;
    expect(await sessionToken("consultant", cookie, env)).toEqual(claims);
    expect(await sessionToken("consultant", cookie, env)).toEqual(claims);
    vi.useFakeTimers({ now: Date.now() + 2 * 60_000, toFake: ["Date"] });
    try {
      expect(await sessionToken("consultant", cookie, env)).toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });
});

describe("cookies", () => {
  it("are HttpOnly and SameSite=Lax for every cookie of both portals; Secure only when forced", () => {
    for (const portal of ["consultant", "candidate"] as const) {
      for (const forced of [false, true]) {
        const cookies = sessionCookies(portal, forced);
        for (const [kind, cookie] of Object.entries(cookies)) {
          expect(cookie.name).toMatch(new RegExp(`^debrief-${portal}\\.`));
          expect(cookie.options, `${portal} ${kind}`).toMatchObject({
            httpOnly: true,
            sameSite: "lax",
            path: "/",
          });
          if (forced) expect(cookie.options).toMatchObject({ secure: true });
          // Not forced: the key is absent, so Auth.js's own rule (https → Secure) applies.
          else expect(cookie.options).not.toHaveProperty("secure");
        }
      }
    }
  });

  const sessionCookieLine = async (origin: string, handlers = consultantPortal()) => {
    const client = new Client(handlers, origin);
    const res = await client.signIn(f.users.admin.email, PASSWORD);
    expect(res.status).toBe(302);
    const line = res.headers.getSetCookie().find((c) => c.startsWith(`${SESSION}=`));
    expect(line).toBeDefined();
    return line ?? "";
  };

  it("the session cookie a sign-in sets: HttpOnly, SameSite=Lax, Path=/; Secure over https only", async () => {
    const http = await sessionCookieLine("http://portal.test");
    expect(http).toMatch(/;\s*HttpOnly/i);
    expect(http).toMatch(/;\s*SameSite=Lax/i);
    expect(http).toMatch(/;\s*Path=\//i);
    expect(http).not.toMatch(/;\s*Secure/i);
    const https = await sessionCookieLine("https://portal.test");
    expect(https).toMatch(/;\s*HttpOnly/i);
    expect(https).toMatch(/;\s*SameSite=Lax/i);
    expect(https).toMatch(/;\s*Secure/i);
  });

  it("AUTH_SECURE_COOKIES=true makes them Secure even when the portal sees plain http", async () => {
    // authEnv() is read once per process: build this portal from its config with the flag on.
    const config = authConfig("consultant", { AUTH_SECRET: SECRET, AUTH_SECURE_COOKIES: true });
    const handlers = NextAuth(config).handlers;
    const line = await sessionCookieLine("http://portal.test", {
      GET: handlers.GET,
      POST: withRateLimitStatus(handlers.POST),
    });
    expect(line).toMatch(/;\s*Secure/i);
    expect(line).toMatch(/;\s*HttpOnly/i);
  });

  it("sign-out revokes the session at once: a copy of its token is no session, other sign-ins live on", async () => {
    const handlers = consultantPortal();
    const here = new Client(handlers);
    const there = new Client(handlers);
    const { consultant } = f.users;
    expect((await here.signIn(consultant.email, PASSWORD)).status).toBe(302);
    expect((await there.signIn(consultant.email, PASSWORD)).status).toBe(302);
    const copied = await tokenOf(here);
    const other = await tokenOf(there);
    expect(typeof copied?.sid).toBe("string");
    expect(copied?.sid).not.toBe(other?.sid);
    expect(await sessionFor(db, copied?.sub, staff, copied?.sid as string)).not.toBeNull();

    const csrfToken = await here.csrfToken();
    expect((await here.send("signout", { form: { csrfToken } })).status).toBe(302);
    // Whoever kept a copy of the token has nothing; the other device is still signed in.
    expect(await sessionFor(db, copied?.sub, staff, copied?.sid as string)).toBeNull();
    expect(await sessionFor(db, other?.sub, staff, other?.sid as string)).not.toBeNull();
  });

  it("sign-out clears the session cookie", async () => {
    const client = new Client(consultantPortal());
    expect((await client.signIn(f.users.consultant.email, PASSWORD)).status).toBe(302);
    expect(client.jar.has(SESSION)).toBe(true);
    const csrfToken = await client.csrfToken();
    const res = await client.send("signout", { form: { csrfToken } });
    expect(res.status).toBe(302);
    const line = res.headers.getSetCookie().find((c) => c.startsWith(`${SESSION}=`));
    expect(line).toMatch(/Max-Age=0|Expires=Thu, 01 Jan 1970/i);
    expect(client.jar.has(SESSION)).toBe(false);
  });
});
