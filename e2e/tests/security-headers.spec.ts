// Browser protections and "unauthenticated everywhere", from outside, against both built portals
// (issue 7, item 5):
// - every page answers with a nonce CSP (a new nonce each load, on every one of Next's scripts,
//   and the page still hydrates), HSTS, nosniff, a referrer policy and no-store; /api/trpc too;
// - with no cookies, every page route of both apps (found on disk, so a new page is covered the
//   day it is added) sends the visitor to /sign-in, and every procedure answers 401, also when
//   the request carries `x-middleware-subrequest`;
// - cross-origin and form-encoded posts to mutations are refused, a mutation over GET is 405;
// - the session cookie is HttpOnly and SameSite=Lax (no Secure on http://localhost).
//
// Authorization lives in the layouts and the procedures, never in proxy.ts. To show that removing
// the proxy changes nothing for it: delete apps/*/proxy.ts, build, and run this file with
// E2E_WITHOUT_PROXY=1 (the header checks are skipped, the refusals must all still pass).
import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { type APIResponse, expect, type Page, test } from "@playwright/test";
import { type PortalName, portals, stateFile } from "./accounts";
import { signIn } from "./helpers";

const withProxy = !process.env.E2E_WITHOUT_PROXY;
const names = Object.keys(portals) as PortalName[];
const BYPASS = {
  "x-middleware-subrequest": "middleware:middleware:middleware:middleware:middleware",
};
const signedInAs: Record<PortalName, string> = {
  consultant: "admin@northwind.test",
  candidate: "candidate@northwind.test",
};

function nonceOf(csp: string | undefined): string {
  const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(csp ?? "")?.[1];
  expect(nonce, `a nonce in ${csp}`).toBeTruthy();
  return nonce ?? "";
}

/** The headers every page and API answer carries; returns the CSP nonce. */
function expectProtections(headers: Record<string, string>, where: string): string {
  const csp = headers["content-security-policy"] ?? "";
  for (const directive of [
    "default-src 'self'",
    "'strict-dynamic'",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'self'",
  ])
    expect(csp, `${where}: ${directive}`).toContain(directive);
  expect(csp, where).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  expect(headers["strict-transport-security"], where).toBe("max-age=63072000; includeSubDomains");
  expect(headers["x-content-type-options"], where).toBe("nosniff");
  expect(headers["referrer-policy"], where).toMatch(
    /^(strict-origin-when-cross-origin|no-referrer)$/,
  );
  expect(headers["cache-control"], where).toContain("no-store");
  return nonceOf(csp);
}

/** Every <script> in the HTML carries this response's nonce: Next picked it up from the proxy. */
function expectNoncedScripts(html: string, nonce: string, where: string) {
  const scripts = html.match(/<script\b[^>]*>/g) ?? [];
  expect(scripts.length, `${where}: scripts`).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag, where).toContain(`nonce="${nonce}"`);
}

/** Collects what Chromium logs when the policy blocks something. */
function cspViolations(page: Page): string[] {
  const seen: string[] = [];
  page.on("console", (message) => {
    const text = message.text();
    if (/Content Security Policy|Refused to (execute|load|apply|frame|connect)/i.test(text))
      seen.push(text);
  });
  return seen;
}

test.describe("headers", () => {
  test.skip(!withProxy, "the proxy is what sets them");

  for (const name of names) {
    test(`${name}: the signed-out sign-in page, with a new nonce each load`, async ({
      page,
      request,
    }) => {
      const url = `${portals[name].url}/sign-in`;
      const first = await request.get(url);
      const second = await request.get(url);
      expect(first.status()).toBe(200);
      const a = expectProtections(first.headers(), url);
      const b = expectProtections(second.headers(), url);
      expect(a).not.toBe(b);
      expectNoncedScripts(await first.text(), a, url);
      expectNoncedScripts(await second.text(), b, url);

      // In the browser: nothing refused. An empty submit answers without a sign-in attempt
      // (every e2e sign-in comes from one address, which has a limit of 20 failures).
      const violations = cspViolations(page);
      await page.goto(url);
      await page.getByRole("button", { name: "Sign in" }).click();
      await expect(page.locator("form").getByRole("alert")).toHaveText(
        "Enter your email and password.",
      );
      expect(violations).toEqual([]);
    });

    test.describe(`${name}: signed in`, () => {
      test.use({ storageState: stateFile(signedInAs[name]) });

      test("a private page and /api/trpc", async ({ page }) => {
        const violations = cspViolations(page);
        const url = `${portals[name].url}/`;
        const first = await page.goto(url);
        expect(first?.status()).toBe(200);
        const a = expectProtections((await first?.allHeaders()) ?? {}, url);
        // Hydrated under the policy: the bell's panel opens on click.
        const bell = page.getByTestId("notification-bell");
        await bell.click();
        await expect(bell).toHaveAttribute("aria-expanded", "true");
        const second = await page.reload();
        const b = expectProtections((await second?.allHeaders()) ?? {}, url);
        expect(a).not.toBe(b);
        expect(violations).toEqual([]);

        const api = await page.request.get(`${portals[name].url}/api/trpc/notification.list`);
        expect(api.status()).toBe(200);
        expect(api.headers()["cache-control"]).toContain("no-store");
        expectProtections(api.headers(), "/api/trpc/notification.list");
      });
    });
  }

  test.describe("consultant admin pages", () => {
    test.use({ storageState: stateFile("admin@northwind.test") });

    test("reports (inline chart styles) and Email (sandboxed srcdoc preview) break no rule", async ({
      page,
    }) => {
      const violations = cspViolations(page);
      for (const report of ["/admin/reports", "/admin/reports/outcomes"]) {
        await page.goto(`${portals.consultant.url}${report}`);
        await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
        await page.waitForLoadState("networkidle");
      }
      await page.goto(`${portals.consultant.url}/admin/mail`);
      // The worker's start-up SLA reminders put mail there; the table row's link (phones get cards).
      const message = page.locator('a[href^="/admin/mail/"]:visible').first();
      await expect(message).toBeVisible();
      await message.click();
      await expect(page.locator("iframe[srcdoc]")).toBeVisible();
      expect(violations).toEqual([]);
    });
  });
});

/** Every page route of an app, from its app/ directory, with sample values for dynamic segments. */
function pageRoutes(name: PortalName): string[] {
  const appDir = fileURLToPath(new URL(`../../apps/${name}/app`, import.meta.url));
  const files = readdirSync(appDir, { recursive: true, encoding: "utf8" })
    .map((f) => f.replaceAll("\\", "/"))
    .filter((f) => f === "page.tsx" || f.endsWith("/page.tsx"));
  return files.map((file) => {
    const segments = file
      .split("/")
      .slice(0, -1)
      .filter((s) => !/^\(.*\)$/.test(s) && !s.startsWith("_") && !s.startsWith("@"))
      .map((s) => {
        if (s === "[report]") return "coverage";
        if (s === "[token]") return "not-a-real-invitation-token-0000000000000";
        if (/^\[.*\]$/.test(s)) return crypto.randomUUID();
        return s;
      });
    return `/${segments.join("/")}`;
  });
}

/** Route handlers other than auth, tRPC and health: they must refuse by themselves too. */
function otherRoutes(name: PortalName): string[] {
  const appDir = fileURLToPath(new URL(`../../apps/${name}/app`, import.meta.url));
  return readdirSync(appDir, { recursive: true, encoding: "utf8" })
    .map((f) => f.replaceAll("\\", "/"))
    .filter((f) => f.endsWith("/route.ts"))
    .filter((f) => !/^api\/(auth|trpc|health)\//.test(f))
    .map(
      (f) =>
        `/${f
          .split("/")
          .slice(0, -1)
          .filter((s) => !/^\(.*\)$/.test(s))
          .map((s) =>
            s === "[report]" ? "coverage" : /^\[.*\]$/.test(s) ? crypto.randomUUID() : s,
          )
          .join("/")}`,
    );
}

function redirectsToSignIn(res: APIResponse, body: string): boolean {
  if ([302, 303, 307, 308].includes(res.status())) {
    const location = res.headers().location ?? "";
    return new URL(location, "http://x").pathname === "/sign-in";
  }
  // A redirect after streaming began is a 200 with Next's meta refresh.
  return res.status() === 200 && /http-equiv="refresh" content="\d+;url=\/sign-in"/.test(body);
}

test.describe("unauthenticated everywhere", () => {
  for (const name of names) {
    test(`${name}: every page sends a visitor with no cookies to /sign-in`, async ({ request }) => {
      const routes = pageRoutes(name);
      expect(routes.length).toBeGreaterThan(name === "consultant" ? 20 : 8);
      const outcomes: string[] = [];
      for (const route of routes) {
        for (const extra of [{}, BYPASS]) {
          const res = await request.get(`${portals[name].url}${route}`, {
            maxRedirects: 0,
            headers: extra,
          });
          const body = await res.text();
          const label = `${route}${"x-middleware-subrequest" in extra ? " +subrequest" : ""}`;
          let ok: boolean;
          if (route === "/sign-in") ok = res.status() === 200 && body.includes('type="password"');
          else if (route.startsWith("/invitation/"))
            ok = [200, 404].includes(res.status()) && !body.includes("signed-in-name");
          else ok = redirectsToSignIn(res, body) || res.status() === 404;
          // Nothing private on the way: no signed-in shell in any answer.
          if (body.includes('data-testid="signed-in-name"')) ok = false;
          outcomes.push(`${label} → ${res.status()} ${ok ? "ok" : "LEAK"}`);
        }
      }
      console.info(`[security] ${name}: ${routes.length} page routes × 2\n${outcomes.join("\n")}`);
      expect(outcomes.filter((o) => o.endsWith("LEAK"))).toEqual([]);
    });

    test(`${name}: downloads and procedures answer 401 (or 404) with no cookies`, async ({
      request,
    }) => {
      const base = portals[name].url;
      for (const extra of [{}, BYPASS]) {
        for (const route of otherRoutes(name)) {
          const res = await request.get(`${base}${route}`, { maxRedirects: 0, headers: extra });
          expect(
            [401, 403, 404].includes(res.status()) || redirectsToSignIn(res, await res.text()),
            `${route} → ${res.status()}`,
          ).toBe(true);
        }
        const query = await request.get(`${base}/api/trpc/notification.list`, { headers: extra });
        expect(query.status()).toBe(401);
        if (withProxy) expect(query.headers()["cache-control"]).toContain("no-store");
        const mutation = await request.post(`${base}/api/trpc/notification.markAllRead`, {
          headers: { ...extra, "content-type": "application/json" },
          data: "{}",
        });
        expect(mutation.status()).toBe(401);
        const staff = await request.get(`${base}/api/trpc/dashboard.overview`, { headers: extra });
        expect(staff.status()).toBe(401);
      }
    });
  }
});

test.describe("cross-site requests to /api/trpc", () => {
  test.use({ storageState: stateFile("candidate@globex.test") });

  test("with the victim's cookies: another origin, a form post, or a mutation over GET get nowhere", async ({
    page,
  }) => {
    const base = portals.candidate.url;
    await page.goto(`${base}/`);
    const api = page.request;
    // The cookie is good: a same-origin query works.
    expect((await api.get(`${base}/api/trpc/notification.list`)).status()).toBe(200);

    const evil = await api.post(`${base}/api/trpc/notification.markAllRead`, {
      headers: { origin: "https://evil.example", "content-type": "application/json" },
      data: "{}",
    });
    expect(evil.status()).toBe(403);
    // The other portal on the same host is another origin too.
    const sibling = await api.post(`${base}/api/trpc/notification.markAllRead`, {
      headers: { origin: portals.consultant.url, "content-type": "application/json" },
      data: "{}",
    });
    expect(sibling.status()).toBe(403);
    // What an HTML form can send without a preflight: all 415.
    for (const form of [
      { headers: { "content-type": "application/x-www-form-urlencoded" }, data: "a=1" },
      { headers: { "content-type": "text/plain" }, data: "{}" },
    ]) {
      expect((await api.post(`${base}/api/trpc/notification.markAllRead`, form)).status()).toBe(
        415,
      );
    }
    const multipart = await api.post(`${base}/api/trpc/notification.markAllRead`, {
      multipart: { a: "1" },
    });
    expect(multipart.status()).toBe(415);
    // No mutation over GET.
    expect((await api.get(`${base}/api/trpc/notification.markAllRead`)).status()).toBe(405);
  });
});

test("the session cookie after signing in: HttpOnly, SameSite=Lax, not Secure on http://localhost", async ({
  browser,
}) => {
  for (const name of names) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, name, name === "consultant" ? "admin@globex.test" : "candidate@globex.test");
    await expect(page.getByTestId("signed-in-name")).toBeVisible();
    const cookies = await context.cookies(portals[name].url);
    const session = cookies.find((c) => c.name === `debrief-${name}.session-token`);
    expect(session, `${name} session cookie`).toBeDefined();
    expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax", secure: false, path: "/" });
    for (const cookie of cookies.filter((c) => c.name.startsWith(`debrief-${name}.`)))
      expect(cookie, cookie.name).toMatchObject({ httpOnly: true, sameSite: "Lax" });
    // Script on the page cannot read it.
    expect(await page.evaluate(() => document.cookie)).not.toContain("session-token");
    await context.close();
  }
});
