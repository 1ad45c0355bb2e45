// Browser protections at the portals' edges (issue 7, item 5), against PostgreSQL as the app role:
// - /api/trpc (packages/web/src/trpc/handler.ts, the route both portals mount) refuses cross-origin
//   requests (403) and non-JSON bodies (415) before tRPC sees them, never runs a mutation over GET
//   (405), answers no-store, and an `x-middleware-subrequest` header changes nothing: the session
//   is checked in the procedures, not in a proxy it could skip;
// - the proxy (packages/web/src/proxy.ts) sets a fresh nonce CSP and the other headers on every
//   response, hands the nonce to Next, and authenticates nothing.
// The same from outside, against the built portals: e2e/tests/security-headers.spec.ts.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { count, eq, schema as s } from "@debrief/db";
import { type AgencyFixture, createAgencyFixture } from "@debrief/db/factories";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { NextRequest } from "next/server";
import superjson from "superjson";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { config, contentSecurityPolicy, proxy, securityHeaders } from "../../web/src/proxy";
import { createTrpcHandler } from "../../web/src/trpc/handler";
import { refuseForeignRequest } from "../../web/src/trpc/request-guard";
import { appRouter } from "../src/root";
import { createInnerTRPCContext } from "../src/trpc";
import { connect } from "./support";

const { app, owner, close } = connect();
const ORIGIN = "http://localhost:3001";
let f: AgencyFixture;

beforeAll(async () => {
  // The route handler's context uses the process-wide pool: point it at the test database.
  (globalThis as { debriefDb?: unknown }).debriefDb = app;
  f = await createAgencyFixture(app, { label: "Web security" });
});
afterAll(close);

const MUTATION = "journal.create";
const QUERY = "journal.list";
const entry = (title: string) => ({ kind: "win", title, body: "Went well." });
const json = (input: unknown) => JSON.stringify(superjson.serialize(input));

async function entries() {
  const [row] = await owner
    .select({ n: count() })
    .from(s.journalEntries)
    .where(eq(s.journalEntries.agencyId, f.agencyId));
  return row?.n ?? 0;
}

/** The candidate portal's route, signed in as candidate A, or signed out. */
const route = (signedIn = true) =>
  createTrpcHandler(async () => (signedIn ? { user: f.users.candidateA } : null));

/** A request as it reaches the route in `next start`: Next fills Host and X-Forwarded-Host. */
function request(
  path: string,
  init: { method?: string; headers?: Record<string, string>; body?: RequestInit["body"] } = {},
) {
  return new Request(`${ORIGIN}/api/trpc/${path}`, {
    method: init.method ?? "POST",
    headers: { host: "localhost:3001", "x-forwarded-host": "localhost:3001", ...init.headers },
    body: init.body,
  });
}

async function errorCode(res: Response) {
  const body = (await res.json()) as { error?: { json?: { data?: { code?: string } } } };
  return body.error?.json?.data?.code;
}

describe("tRPC 11's fetch adapter on its own (what the guard is for)", () => {
  const raw = (req: Request) =>
    fetchRequestHandler({
      endpoint: "/api/trpc",
      router: appRouter,
      req,
      createContext: () =>
        createInnerTRPCContext({ session: { user: f.users.candidateA }, db: app }),
    });

  it("hands a multipart/form-data or octet-stream POST to the mutation; refuses urlencoded and text/plain", async () => {
    const form = new FormData();
    form.set("kind", "win");
    form.set("title", "from a form");
    form.set("body", "posted cross-site");
    const multipart = await raw(request(MUTATION, { body: form }));
    // It got as far as the procedure's input parser: a form is a mutation input to tRPC.
    expect(multipart.status).toBe(400);
    expect(await errorCode(multipart)).toBe("BAD_REQUEST");
    const octet = await raw(
      request(MUTATION, {
        headers: { "content-type": "application/octet-stream" },
        body: "x",
      }),
    );
    expect(octet.status).toBe(400);
    for (const type of ["application/x-www-form-urlencoded", "text/plain"]) {
      const res = await raw(
        request(MUTATION, { headers: { "content-type": type }, body: "kind=win" }),
      );
      expect(res.status).toBe(415);
    }
  });
});

describe("/api/trpc refuses what a cross-site page could send", () => {
  it("every non-JSON POST body is 415, before tRPC, and writes nothing", async () => {
    const before = await entries();
    const form = new FormData();
    form.set("kind", "win");
    form.set("title", "from a form");
    const bodies: [string | undefined, RequestInit["body"] | undefined][] = [
      [undefined, form], // multipart/form-data with its boundary, set by Request
      ["application/x-www-form-urlencoded", "kind=win&title=t&body=b"],
      ["text/plain", json(entry("as text"))],
      ["application/octet-stream", json(entry("as bytes"))],
      ["application/json-patch+json", json(entry("as patch"))],
      [undefined, undefined], // no body, no content type
    ];
    for (const [type, body] of bodies) {
      const res = await route().POST(
        request(MUTATION, { headers: type ? { "content-type": type } : {}, body }),
      );
      expect({ type, status: res.status }).toEqual({ type, status: 415 });
      expect(await errorCode(res)).toBe("UNSUPPORTED_MEDIA_TYPE");
      expect(res.headers.get("cache-control")).toBe("no-store");
    }
    expect(await entries()).toBe(before);
  });

  it("a request from another origin is 403 (another site, the other portal, Origin: null), reads and writes alike", async () => {
    const before = await entries();
    const foreign = [
      "https://evil.example",
      "http://localhost:3000", // the consultant portal: same site, other origin
      "http://localhost:3001.evil.example",
      "null",
      "not a url",
    ];
    for (const origin of foreign) {
      const post = await route().POST(
        request(MUTATION, {
          headers: { origin, "content-type": "application/json" },
          body: json(entry("cross-origin")),
        }),
      );
      expect({ origin, status: post.status }).toEqual({ origin, status: 403 });
      expect(await errorCode(post)).toBe("FORBIDDEN");
      const get = await route().GET(
        request(`${QUERY}?input=${encodeURIComponent(json({}))}`, {
          method: "GET",
          headers: { origin },
        }),
      );
      expect({ origin, status: get.status }).toEqual({ origin, status: 403 });
    }
    expect(await entries()).toBe(before);
  });

  it("the portal's own origin, or none (not a browser's cross-site request), goes through", async () => {
    const before = await entries();
    const cases: Record<string, string>[] = [
      { origin: ORIGIN, "content-type": "application/json" },
      { origin: "HTTP://LOCALHOST:3001", "content-type": "application/json; charset=utf-8" },
      { "content-type": "application/json" },
    ];
    for (const headers of cases) {
      const res = await route().POST(request(MUTATION, { headers, body: json(entry("mine")) }));
      expect(res.status).toBe(200);
      expect(res.headers.get("cache-control")).toBe("no-store");
    }
    expect(await entries()).toBe(before + 3);
  });

  it("behind a proxy, the forwarded host is the portal's own", () => {
    const behind = new Request("http://10.0.0.5:3000/api/trpc/x", {
      method: "POST",
      headers: {
        host: "10.0.0.5:3000",
        "x-forwarded-host": "consultant.example.com",
        origin: "https://consultant.example.com",
        "content-type": "application/json",
      },
    });
    expect(refuseForeignRequest(behind)).toBeNull();
  });
});

describe("no mutation over GET, no query over POST", () => {
  it("a mutation sent as GET is 405 and writes nothing", async () => {
    const before = await entries();
    const res = await route().GET(
      request(`${MUTATION}?input=${encodeURIComponent(json(entry("via GET")))}`, {
        method: "GET",
      }),
    );
    expect(res.status).toBe(405);
    expect(await errorCode(res)).toBe("METHOD_NOT_SUPPORTED");
    // And batched, hidden among queries.
    const batch = await route().GET(
      request(`${QUERY},${MUTATION}?batch=1&input=${encodeURIComponent("{}")}`, {
        method: "GET",
      }),
    );
    expect(batch.status).not.toBe(200);
    expect(await entries()).toBe(before);
  });

  it("a query sent as POST is 405", async () => {
    const res = await route().POST(
      request(QUERY, { headers: { "content-type": "application/json" }, body: json({}) }),
    );
    expect(res.status).toBe(405);
  });
});

describe("x-middleware-subrequest", () => {
  const bypass = {
    "x-middleware-subrequest": "middleware:middleware:middleware:middleware:middleware",
  };

  it("signed out, a query and a mutation carrying it are still 401: there is no proxy auth to skip", async () => {
    const before = await entries();
    const query = await route(false).GET(
      request(`${QUERY}?input=${encodeURIComponent(json({}))}`, { method: "GET", headers: bypass }),
    );
    expect(query.status).toBe(401);
    expect(await errorCode(query)).toBe("UNAUTHORIZED");
    const mutation = await route(false).POST(
      request(MUTATION, {
        headers: { ...bypass, "content-type": "application/json" },
        body: json(entry("bypass")),
      }),
    );
    expect(mutation.status).toBe(401);
    expect(await entries()).toBe(before);
  });

  it("signed in as a candidate, a staff procedure carrying it is still refused", async () => {
    const res = await route().GET(
      request(`candidate.list?input=${encodeURIComponent(json({}))}`, {
        method: "GET",
        headers: bypass,
      }),
    );
    expect([401, 403, 404]).toContain(res.status);
  });
});

describe("the proxy", () => {
  const call = (path = "/", headers: Record<string, string> = {}) =>
    proxy(new NextRequest(`http://localhost:3000${path}`, { headers }));

  it("sets the nonce CSP and the other headers on the response", () => {
    const res = call("/candidates");
    const csp = res.headers.get("content-security-policy") ?? "";
    const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(csp)?.[1];
    expect(nonce).toBeDefined();
    expect(Buffer.from(nonce ?? "", "base64")).toHaveLength(16);
    expect(csp).toBe(
      `default-src 'self'; script-src 'self' 'nonce-${nonce}' 'strict-dynamic'; ` +
        "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; " +
        "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; " +
        "form-action 'self'",
    );
    expect(res.headers.get("strict-transport-security")).toBe(
      "max-age=63072000; includeSubDomains",
    );
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    expect(res.headers.get("cache-control")).toBe("no-store");
    for (const [name, value] of Object.entries(securityHeaders))
      expect(res.headers.get(name)).toBe(value);
  });

  it("passes the nonce on to Next as request headers (x-nonce and the policy it parses)", () => {
    const res = call("/", { "x-nonce": "attacker-chosen", "content-security-policy": "none" });
    const csp = res.headers.get("content-security-policy") ?? "";
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    // NextResponse.next({ request: { headers } }) travels as these internal headers.
    const overridden = res.headers.get("x-middleware-override-headers")?.split(",") ?? [];
    expect(overridden).toEqual(expect.arrayContaining(["x-nonce", "content-security-policy"]));
    expect(res.headers.get("x-middleware-request-x-nonce")).toBe(nonce);
    expect(res.headers.get("x-middleware-request-content-security-policy")).toBe(csp);
  });

  it("draws a new nonce for every response", () => {
    const nonces = new Set(
      Array.from({ length: 100 }, () => call().headers.get("content-security-policy")),
    );
    expect(nonces.size).toBe(100);
  });

  it("allows eval only in development, for React's dev tooling", () => {
    expect(contentSecurityPolicy("n", true)).toContain("'strict-dynamic' 'unsafe-eval'");
    expect(contentSecurityPolicy("n", false)).not.toContain("unsafe-eval");
    // Scripts run by nonce only, never inline: 'unsafe-inline' is for styles alone.
    const scripts = contentSecurityPolicy("n", false)
      .split("; ")
      .find((d) => d.startsWith("script-src"));
    expect(scripts).toBe("script-src 'self' 'nonce-n' 'strict-dynamic'");
  });

  it("authenticates nothing: signed out, private pages and the API just go on to the app", () => {
    for (const path of ["/", "/admin/users", "/candidates/x", "/api/trpc/journal.list"]) {
      const res = call(path, {
        "x-middleware-subrequest": "middleware:middleware:middleware:middleware:middleware",
      });
      expect(res.status).toBe(200);
      expect(res.headers.get("x-middleware-next")).toBe("1");
      expect(res.headers.get("location")).toBeNull();
    }
  });

  it("each app's proxy.ts re-exports it with the same matcher, written literally for Next to read", () => {
    for (const portal of ["consultant", "candidate"]) {
      const file = fileURLToPath(new URL(`../../../apps/${portal}/proxy.ts`, import.meta.url));
      const source = readFileSync(file, "utf8");
      expect(source).toContain('export { proxy } from "@debrief/web/proxy";');
      const literal = /export const config = (\{.*\});/s.exec(source)?.[1] ?? "";
      const parsed = JSON.parse(literal.replace(/(\w+):/g, '"$1":')) as typeof config;
      expect(parsed).toEqual(config);
    }
    // Static files are the only thing left out.
    const [matcher = ""] = config.matcher;
    const re = new RegExp(`^${matcher}$`);
    for (const path of ["/", "/sign-in", "/api/trpc/x", "/admin/mail/1", "/invitation/t"])
      expect(re.test(path)).toBe(true);
    for (const path of ["/_next/static/chunks/a.js", "/_next/image", "/favicon.ico"])
      expect(re.test(path)).toBe(false);
  });
});
