// `npm run bench`: both portals' production builds against one database, measured side by side with
// the floor (src/floor.ts), the admin reports against their hand-written SQL, each portal's peak
// RSS, the first-load JS of the main pages and their Lighthouse scores. Writes docs/performance.md and
// docs/performance.json.
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import http from "node:http";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { createCaller, createInnerTRPCContext, type SessionUser } from "@debrief/api";
import { createDb } from "@debrief/db";
import { appDatabaseUrl } from "@debrief/db/env";
import autocannon from "autocannon";
import postgres from "postgres";
import { chromePath, type LighthouseResult, lighthouseVersion, runLighthouse } from "./lighthouse";
import { caseName, paramsFor, type ReportCase, reportCases, reportFloorSql } from "./report-floor";

export const root = path.resolve(fileURLToPath(new URL("../../..", import.meta.url)));
const bin = (name: string) => path.join(root, "node_modules", ".bin", name);
export const DEMO_PASSWORD = "debrief-demo-2026";
export const DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/debrief_large";

export type BenchOptions = {
  databaseUrl: string;
  /** Seconds per autocannon run. */
  duration: number;
  connections: number[];
  /** Runs per report (server time and floor SQL each). */
  reportRuns: number;
  /** Where the Markdown and JSON go (docs/performance.{md,json} by default). */
  markdownPath: string;
  jsonPath: string;
  /** Which report cases; all by default. */
  reports?: ReportCase[];
  seedJsonPath: string;
  /** Which sections to run; all by default. */
  only?: Section[];
  /** Lighthouse runs per page (the median score is reported): 3 by default. */
  lighthouseRuns?: number;
  /** Which pages Lighthouse audits, by name (see `lighthousePages` in runBench); all by default. */
  lighthousePages?: string[];
  log?: (line: string) => void;
};

export const sections = ["reads", "ssr", "reports", "rss", "js", "lighthouse"] as const;
export type Section = (typeof sections)[number];

export const budgets = {
  trpcFloorRatio: 0.1,
  ssrP50Ms: 50,
  reportP95Ms: 150,
  firstLoadKb: 180,
  rssMb: 300,
  lighthouseScore: 95,
} as const;

// ---------------------------------------------------------------------------------------------
// Accounts

type Persona = { email: string; password: string };
type Accounts = {
  source: string;
  admin: Persona;
  consultant: Persona;
  candidate: Persona;
  feedbackId?: string;
};

type LargeSeed = {
  agencyId?: string;
  admin?: { email: string };
  consultant?: { email: string; id?: string };
  candidate?: { email: string; id?: string; feedbackId?: string };
};

/** The large seed's accounts when its JSON names users of this database, else the demo's. */
async function chooseAccounts(owner: postgres.Sql, seedJsonPath: string): Promise<Accounts> {
  if (existsSync(seedJsonPath)) {
    const seed = JSON.parse(readFileSync(seedJsonPath, "utf8")) as LargeSeed;
    const emails = [seed.admin?.email, seed.consultant?.email, seed.candidate?.email];
    if (emails.every(Boolean)) {
      const found =
        await owner`select count(*)::int as n from users where email in ${owner(emails as string[])}`;
      if (found[0]?.n === 3) {
        return {
          source: path.relative(root, seedJsonPath),
          admin: { email: seed.admin?.email as string, password: DEMO_PASSWORD },
          consultant: { email: seed.consultant?.email as string, password: DEMO_PASSWORD },
          candidate: { email: seed.candidate?.email as string, password: DEMO_PASSWORD },
          feedbackId: seed.candidate?.feedbackId,
        };
      }
    }
  }
  return {
    source: "demo accounts",
    admin: { email: "admin@northwind.test", password: DEMO_PASSWORD },
    consultant: { email: "consultant@northwind.test", password: DEMO_PASSWORD },
    candidate: { email: "candidate@northwind.test", password: DEMO_PASSWORD },
  };
}

type UserRow = SessionUser;

async function userByEmail(owner: postgres.Sql, email: string): Promise<UserRow> {
  const [row] = await owner<UserRow[]>`
    select u.id, u.role, u.agency_id as "agencyId", u.name, u.email, a.name as "agencyName"
    from users u join agencies a on a.id = u.agency_id
    where u.email = ${email}`;
  if (!row) throw new Error(`no user ${email} in the database`);
  return row;
}

async function newestFeedbackOf(owner: postgres.Sql, candidateUser: UserRow): Promise<string> {
  const [row] = await owner<{ id: string }[]>`
    select f.id from feedback f
    join interviews i on i.agency_id = f.agency_id and i.id = f.interview_id
    join candidates c on c.agency_id = i.agency_id and c.id = i.candidate_id
    where c.agency_id = ${candidateUser.agencyId} and c.user_id = ${candidateUser.id}
      and f.status = 'published'
    order by (select count(*) from feedback_items fi where fi.agency_id = f.agency_id and fi.feedback_id = f.id) desc,
             f.published_at desc
    limit 1`;
  if (!row) throw new Error(`${candidateUser.email} has no published feedback`);
  return row.id;
}

// ---------------------------------------------------------------------------------------------
// Processes

type Proc = { name: string; child: ChildProcess; port: number };
const started: Proc[] = [];

function stopAll(signal: NodeJS.Signals = "SIGTERM") {
  for (const p of started) {
    if (p.child.exitCode !== null || p.child.signalCode !== null || !p.child.pid) continue;
    try {
      // Each child leads its own process group: this reaches next-server's children too.
      process.kill(-p.child.pid, signal);
    } catch {}
  }
}

async function stopAllAndWait() {
  stopAll("SIGTERM");
  const until = Date.now() + 10_000;
  const alive = () =>
    started.filter((p) => p.child.exitCode === null && p.child.signalCode === null);
  while (alive().length && Date.now() < until) await sleep(100);
  stopAll("SIGKILL");
  started.length = 0;
}

process.once("exit", () => stopAll("SIGKILL"));

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function freePort(from: number): Promise<number> {
  for (let port = from; port < from + 200; port++) {
    const free = await new Promise<boolean>((resolve) => {
      const srv = net.createServer();
      srv.once("error", () => resolve(false));
      srv.listen(port, "127.0.0.1", () => srv.close(() => resolve(true)));
    });
    if (free && !started.some((p) => p.port === port)) return port;
  }
  throw new Error(`no free port from ${from}`);
}

function spawnServer(
  name: string,
  cmd: string,
  args: string[],
  opts: { cwd: string; env: NodeJS.ProcessEnv; port: number; log: (l: string) => void },
): Proc {
  const child = spawn(cmd, args, {
    cwd: opts.cwd,
    env: opts.env,
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  const tail: string[] = [];
  const keep = (chunk: Buffer) => {
    for (const line of chunk.toString().split("\n")) {
      if (!line.trim()) continue;
      tail.push(line);
      if (tail.length > 40) tail.shift();
      // Errors only: a request log line per request would drown the output.
      if (/error|warn/i.test(line)) opts.log(`[${name}] ${line.slice(0, 300)}`);
    }
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const proc = { name, child, port: opts.port };
  started.push(proc);
  return proc;
}

async function waitForHealth(url: string, proc: Proc, timeoutMs: number) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (proc.child.exitCode !== null)
      throw new Error(`${proc.name} exited (${proc.child.exitCode})`);
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {}
    await sleep(250);
  }
  throw new Error(`${proc.name} did not answer ${url} within ${timeoutMs / 1000} s`);
}

/** The process tree under pid (pid included). */
function processTree(pid: number): number[] {
  const all: { pid: number; ppid: number }[] = [];
  for (const entry of safeReaddir("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      all.push({ pid: Number(entry), ppid });
    } catch {}
  }
  const tree = [pid];
  for (let i = 0; i < tree.length; i++)
    for (const p of all) if (p.ppid === tree[i]) tree.push(p.pid);
  return tree;
}

function safeReaddir(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

function rssKb(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const match = /VmRSS:\s+(\d+)\s+kB/.exec(status);
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

/** The next-server process: the largest process of the tree `next start` began. */
function serverPid(proc: Proc): number {
  const tree = processTree(proc.child.pid as number);
  return tree.reduce((best, pid) => (rssKb(pid) > rssKb(best) ? pid : best), tree[0] as number);
}

/** Samples VmRSS every 200 ms; peaks are kept per label while a label is set. */
class RssSampler {
  peaks = new Map<string, { serverKb: number; treeKb: number }>();
  label: string | null = null;
  private timer: NodeJS.Timeout | undefined;
  constructor(private readonly procs: Proc[]) {}
  start() {
    this.timer = setInterval(() => this.sample(), 200);
  }
  stop() {
    clearInterval(this.timer);
  }
  sample() {
    if (!this.label) return;
    for (const proc of this.procs) {
      if (!this.label.startsWith(`${proc.name}:`)) continue;
      const tree = processTree(proc.child.pid as number);
      const kbs = tree.map(rssKb);
      const serverKb = Math.max(...kbs);
      const treeKb = kbs.reduce((a, b) => a + b, 0);
      const key = proc.name;
      const peak = this.peaks.get(key) ?? { serverKb: 0, treeKb: 0 };
      this.peaks.set(key, {
        serverKb: Math.max(peak.serverKb, serverKb),
        treeKb: Math.max(peak.treeKb, treeKb),
      });
    }
  }
}

// ---------------------------------------------------------------------------------------------
// HTTP

type Jar = Map<string, string>;
const cookieHeader = (jar: Jar) => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");

function takeCookies(jar: Jar, res: Response) {
  for (const line of res.headers.getSetCookie()) {
    const [pair = ""] = line.split(";");
    const at = pair.indexOf("=");
    const name = pair.slice(0, at);
    const value = pair.slice(at + 1);
    if (!value || /max-age=0/i.test(line)) jar.delete(name);
    else jar.set(name, value);
  }
}

/** The real sign-in: CSRF token, then the credentials callback, as the sign-in form posts it. */
async function signIn(base: string, persona: Persona): Promise<string> {
  const jar: Jar = new Map();
  const csrfRes = await fetch(`${base}/api/auth/csrf`);
  takeCookies(jar, csrfRes);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      cookie: cookieHeader(jar),
    },
    body: new URLSearchParams({
      csrfToken,
      email: persona.email,
      password: persona.password,
      callbackUrl: `${base}/`,
    }).toString(),
  });
  takeCookies(jar, res);
  const location = res.headers.get("location") ?? "";
  if (
    res.status >= 400 ||
    location.includes("error=") ||
    ![...jar.keys()].some((k) => k.includes("session-token"))
  )
    throw new Error(`sign-in of ${persona.email} at ${base} failed (${res.status} ${location})`);
  return cookieHeader(jar);
}

const trpcUrl = (base: string, paths: string[], inputs: unknown[]) => {
  if (paths.length === 1) {
    const input = inputs[0];
    return input === undefined
      ? `${base}/api/trpc/${paths[0]}`
      : `${base}/api/trpc/${paths[0]}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;
  }
  const batch = Object.fromEntries(
    inputs.map((input, i) => [String(i), input === undefined ? {} : { json: input }]),
  );
  return `${base}/api/trpc/${paths.join(",")}?batch=1&input=${encodeURIComponent(JSON.stringify(batch))}`;
};

/** One request, checked: the load runs only against an answer that is right. */
async function check(
  url: string,
  cookie: string | undefined,
  what: string,
  expect: (body: string) => boolean,
) {
  const res = await fetch(url, { headers: cookie ? { cookie } : {}, redirect: "manual" });
  const body = await res.text();
  if (res.status !== 200 || !expect(body))
    throw new Error(`${what}: ${url} answered ${res.status} ${body.slice(0, 300)}`);
  return body;
}

type LoadResult = {
  connections: number;
  duration: number;
  requests: number;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  timeouts: number;
};

async function load(
  url: string,
  cookie: string | undefined,
  connections: number,
  duration: number,
): Promise<LoadResult> {
  const result = await autocannon({
    url,
    connections,
    duration,
    headers: cookie ? { cookie } : {},
    timeout: 30,
  });
  return {
    connections,
    duration,
    requests: result.requests.total,
    // Completed requests over the run's real length (autocannon's per-second average rounds whole
    // seconds).
    rps: round(result.requests.total / Math.max(result.duration, 0.001), 1),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors,
    non2xx: result.non2xx,
    timeouts: result.timeouts,
  };
}

async function warm(url: string, cookie: string | undefined, n: number) {
  for (let i = 0; i < n; i++)
    await (await fetch(url, { headers: cookie ? { cookie } : {} })).arrayBuffer();
}

/** The gzip size of a script as served (or gzipped here at level 9 when the server did not). */
function gzipBytes(url: string, cookie: string): Promise<{ bytes: number; served: boolean }> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { headers: { "accept-encoding": "gzip", cookie } }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => {
        const body = Buffer.concat(chunks);
        if (res.statusCode !== 200) return reject(new Error(`${url}: ${res.statusCode}`));
        if (res.headers["content-encoding"] === "gzip")
          resolve({ bytes: body.length, served: true });
        else resolve({ bytes: gzipSync(body, { level: 9 }).length, served: false });
      });
    });
    req.on("error", reject);
  });
}

async function firstLoadJs(pageUrl: string, cookie: string) {
  const html = await check(pageUrl, cookie, "first-load page", (b) => b.includes("<html"));
  const tags = [...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"[^>]*>/g)];
  // `nomodule` scripts (Next's polyfills) are counted, and shown apart: browsers that run modules
  // (every browser Next 16 supports) never fetch them.
  const scripts = new Map(
    tags.map((m) => [
      new URL((m[1] as string).replaceAll("&amp;", "&"), pageUrl).toString(),
      /\bnomodule\b/i.test(m[0]),
    ]),
  );
  let bytes = 0;
  let nomoduleBytes = 0;
  let servedGzip = true;
  for (const [src, nomodule] of scripts) {
    const r = await gzipBytes(src, cookie);
    bytes += r.bytes;
    if (nomodule) nomoduleBytes += r.bytes;
    servedGzip &&= r.served;
  }
  return {
    scripts: scripts.size,
    kb: round(bytes / 1024, 1),
    nomoduleKb: round(nomoduleBytes / 1024, 1),
    servedGzip,
  };
}

// ---------------------------------------------------------------------------------------------
// Statistics

const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;
function percentile(xs: number[], p: number) {
  const sorted = [...xs].sort((a, b) => a - b);
  if (!sorted.length) return 0;
  const rank = Math.ceil((p / 100) * sorted.length) - 1;
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))] as number;
}

// ---------------------------------------------------------------------------------------------
// The run

export type BenchResult = Awaited<ReturnType<typeof runBench>>;

export function buildsExist() {
  return ["consultant", "candidate"].every((app) =>
    existsSync(path.join(root, "apps", app, ".next", "BUILD_ID")),
  );
}

function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const { DATABASE_URL: _a, APP_DATABASE_URL: _b, TEST_DATABASE_URL: _c, ...rest } = process.env;
  return { NEXT_TELEMETRY_DISABLED: "1", TURBO_TELEMETRY_DISABLED: "1", ...rest, ...extra };
}

/** Source files changed after the build they would be part of: the bench would measure old code. */
function staleSources(): string[] {
  const builtAt = Math.min(
    ...["consultant", "candidate"].map(
      (app) => statSync(path.join(root, "apps", app, ".next", "BUILD_ID")).mtimeMs,
    ),
  );
  const newer: string[] = [];
  const walk = (dir: string) => {
    for (const entry of safeReaddir(dir)) {
      if (entry === "node_modules" || entry === ".next" || entry === "test") continue;
      const full = path.join(dir, entry);
      const stat = statSync(full, { throwIfNoEntry: false });
      if (stat?.isDirectory()) walk(full);
      else if (stat && /\.(tsx?|css)$/.test(entry) && stat.mtimeMs > builtAt)
        newer.push(path.relative(root, full));
    }
  };
  for (const app of ["consultant", "candidate"]) walk(path.join(root, "apps", app));
  for (const pkg of ["api", "auth", "db", "ui", "validators", "web"])
    walk(path.join(root, "packages", pkg, "src"));
  return newer;
}

async function ensureBuilds(log: (l: string) => void) {
  if (buildsExist()) {
    const stale = staleSources();
    if (stale.length)
      log(
        `warning: ${stale.length} source file(s) changed after the production build (${stale.slice(0, 3).join(", ")}${stale.length > 3 ? ", …" : ""}): run \`npm run build\` to measure them`,
      );
    return;
  }
  log("production builds missing: building both portals (turbo, cached)…");
  const code = await new Promise<number>((resolve) => {
    const child = spawn(
      bin("turbo"),
      ["run", "build", "--filter=./apps/*", "--output-logs=errors-only"],
      {
        cwd: root,
        env: cleanEnv({ SKIP_ENV_VALIDATION: "1", NODE_ENV: "production" }),
        stdio: "inherit",
      },
    );
    child.on("exit", (c) => resolve(c ?? 1));
  });
  if (code !== 0 || !buildsExist()) throw new Error("the production build failed");
}

export async function runBench(opts: BenchOptions) {
  const log = opts.log ?? ((l: string) => console.log(`\x1b[35mbench\x1b[0m ${l}`));
  // RSS is sampled while the portals serve the reads, so it needs them.
  const want = new Set<Section>(opts.only ?? sections);
  if (want.has("rss")) want.add("reads");
  const startedAt = new Date();
  const loadAtStart = os.loadavg().map((l) => round(l, 2));
  const owner = postgres(opts.databaseUrl, { max: 2, onnotice: () => {} });
  const appUrl = appDatabaseUrl(opts.databaseUrl, process.env.APP_DATABASE_URL);
  const appDb = createDb(appUrl, { max: 2 });
  let sampler: RssSampler | undefined;
  try {
    await ensureBuilds(log);
    const accounts = await chooseAccounts(owner, opts.seedJsonPath);
    const admin = await userByEmail(owner, accounts.admin.email);
    const consultant = await userByEmail(owner, accounts.consultant.email);
    const candidate = await userByEmail(owner, accounts.candidate.email);
    const feedbackId = accounts.feedbackId ?? (await newestFeedbackOf(owner, candidate));
    const agencyId = admin.agencyId;
    log(`database ${new URL(opts.databaseUrl).pathname.slice(1)}, accounts: ${accounts.source}`);

    const [counts] = await owner<Record<string, number | string>[]>`
      select (select name from agencies where id = ${agencyId}) as agency,
             (select count(*)::int from users where agency_id = ${agencyId} and role in ('consultant', 'admin')) as staff,
             (select count(*)::int from candidates where agency_id = ${agencyId}) as candidates,
             (select count(*)::int from interviews where agency_id = ${agencyId}) as interviews,
             (select count(*)::int from feedback where agency_id = ${agencyId}) as feedback,
             (select count(*)::int from feedback where agency_id = ${agencyId} and status = 'published') as published,
             (select count(*)::int from feedback_items where agency_id = ${agencyId}) as items,
             (select count(*)::int from agencies) as agencies`;

    // Portals and floor.
    const authSecret = randomBytes(32).toString("base64url");
    const consultantPort = await freePort(3200);
    const candidatePort = await freePort(consultantPort + 1);
    const floorPort = await freePort(candidatePort + 1);
    const consultantBase = `http://127.0.0.1:${consultantPort}`;
    const candidateBase = `http://127.0.0.1:${candidatePort}`;
    const floorBase = `http://127.0.0.1:${floorPort}`;
    const appEnv = cleanEnv({
      DATABASE_URL: opts.databaseUrl,
      APP_DATABASE_URL: appUrl,
      AUTH_SECRET: authSecret,
      NODE_ENV: "production",
      CONSULTANT_URL: consultantBase,
      CANDIDATE_URL: candidateBase,
      // The portals' production heap limit, as `npm start` sets it (packages/runner/src/start.ts).
      NODE_OPTIONS: [process.env.NODE_OPTIONS, "--max-old-space-size=192"]
        .filter(Boolean)
        .join(" "),
    });
    const portals = [
      { name: "consultant", port: consultantPort },
      { name: "candidate", port: candidatePort },
    ].map((p) =>
      spawnServer(p.name, bin("next"), ["start", "-p", String(p.port), "-H", "127.0.0.1"], {
        cwd: path.join(root, "apps", p.name),
        env: appEnv,
        port: p.port,
        log,
      }),
    );
    const floor = spawnServer(
      "floor",
      process.execPath,
      ["--import", "tsx", path.join(root, "packages", "bench", "src", "floor.ts")],
      {
        cwd: path.join(root, "packages", "bench"),
        env: cleanEnv({ FLOOR_DATABASE_URL: opts.databaseUrl, FLOOR_PORT: String(floorPort) }),
        port: floorPort,
        log,
      },
    );
    const [consultantProc, candidateProc] = portals as [Proc, Proc];
    await Promise.all([
      waitForHealth(`${consultantBase}/api/health`, consultantProc, 120_000),
      waitForHealth(`${candidateBase}/api/health`, candidateProc, 120_000),
      waitForHealth(`${floorBase}/inbox?agency=${agencyId}&user=${candidate.id}`, floor, 60_000),
    ]);
    log(
      `portals up on ${consultantPort} (consultant) and ${candidatePort} (candidate), floor on ${floorPort}`,
    );

    // Sessions through the real sign-in.
    const cookies = {
      candidate: await signIn(candidateBase, accounts.candidate),
      consultant: await signIn(consultantBase, accounts.consultant),
      admin: await signIn(consultantBase, accounts.admin),
    };
    log("signed in as candidate, consultant and admin");

    // The four reads, through tRPC and through the floor.
    const reads = [
      {
        name: "Candidate inbox",
        procedures: "myFeedback.list",
        portal: candidateProc,
        cookie: cookies.candidate,
        trpc: trpcUrl(candidateBase, ["myFeedback.list"], [undefined]),
        floor: `${floorBase}/inbox?agency=${agencyId}&user=${candidate.id}`,
      },
      {
        name: "Candidate feedback page",
        procedures: "myFeedback.byId",
        portal: candidateProc,
        cookie: cookies.candidate,
        trpc: trpcUrl(candidateBase, ["myFeedback.byId"], [{ id: feedbackId }]),
        floor: `${floorBase}/feedback?agency=${agencyId}&user=${candidate.id}&id=${feedbackId}`,
      },
      {
        name: "Consultant dashboard",
        procedures: "feedback.owed + dashboard.overview (one batch)",
        portal: consultantProc,
        cookie: cookies.consultant,
        trpc: trpcUrl(
          consultantBase,
          ["feedback.owed", "dashboard.overview"],
          [undefined, undefined],
        ),
        floor: `${floorBase}/dashboard?agency=${agencyId}&user=${consultant.id}&role=${consultant.role}`,
      },
      {
        name: "Consultant candidate list",
        procedures: "candidate.list + candidate.formOptions (one batch)",
        portal: consultantProc,
        cookie: cookies.consultant,
        trpc: trpcUrl(
          consultantBase,
          ["candidate.list", "candidate.formOptions"],
          [{ page: 1, pageSize: 20 }, undefined],
        ),
        floor: `${floorBase}/candidates?agency=${agencyId}&page=1&size=20`,
      },
    ];
    // A section left out (--only) runs over no rows.
    const readsRun = want.has("reads") ? reads : [];
    for (const r of readsRun) {
      await check(r.trpc, r.cookie, `${r.name} (tRPC)`, (b) => !b.includes('"error"'));
      await check(r.floor, undefined, `${r.name} (floor)`, (b) => b.length > 2);
    }

    sampler = new RssSampler(portals);
    sampler.start();
    const readResults = [];
    for (const r of readsRun) {
      await warm(r.trpc, r.cookie, 20);
      await warm(r.floor, undefined, 20);
      const trpcRuns: LoadResult[] = [];
      const floorRuns: LoadResult[] = [];
      for (const c of opts.connections) {
        sampler.label = c === Math.max(...opts.connections) ? `${r.portal.name}:peak` : null;
        trpcRuns.push(await load(r.trpc, r.cookie, c, opts.duration));
        sampler.label = null;
        floorRuns.push(await load(r.floor, undefined, c, opts.duration));
      }
      const top = opts.connections.length - 1;
      const ratio = round((trpcRuns[top]?.rps ?? 0) / Math.max(floorRuns[top]?.rps ?? 1, 0.001), 3);
      readResults.push({
        name: r.name,
        procedures: r.procedures,
        trpc: trpcRuns,
        floor: floorRuns,
        ratio,
      });
      log(
        `${r.name}: ${opts.connections
          .map((c, i) => `${c} conn ${trpcRuns[i]?.rps} vs ${floorRuns[i]?.rps} req/s`)
          .join(", ")} → ${ratio}×`,
      );
    }
    sampler.stop();
    const rssPeaks = !want.has("rss")
      ? []
      : portals.map((p) => ({
          portal: p.name,
          serverMb: round((sampler?.peaks.get(p.name)?.serverKb ?? 0) / 1024, 1),
          treeMb: round((sampler?.peaks.get(p.name)?.treeKb ?? 0) / 1024, 1),
          idleServerMb: round(rssKb(serverPid(p)) / 1024, 1),
        }));

    // Server-rendered pages at one connection.
    const pages = [
      { name: "Candidate inbox `/`", url: `${candidateBase}/`, cookie: cookies.candidate },
      {
        name: "Candidate feedback page",
        url: `${candidateBase}/feedback/${feedbackId}`,
        cookie: cookies.candidate,
      },
      { name: "Consultant dashboard `/`", url: `${consultantBase}/`, cookie: cookies.consultant },
    ];
    const pageResults = [];
    for (const p of want.has("ssr") ? pages : []) {
      await check(
        p.url,
        p.cookie,
        p.name,
        (b) => b.includes("<html") && !b.includes('id="sign-in'),
      );
      await warm(p.url, p.cookie, 5);
      const res = await load(p.url, p.cookie, 1, opts.duration);
      pageResults.push({ name: p.name, ...res });
      log(`SSR ${p.name}: p50 ${res.p50} ms, p99 ${res.p99} ms (${res.rps} req/s)`);
    }

    // First-load JS.
    const jsPages = [
      { name: "Sign-in (consultant portal)", url: `${consultantBase}/sign-in`, cookie: "" },
      { name: "Sign-in (candidate portal)", url: `${candidateBase}/sign-in`, cookie: "" },
      { name: "Consultant dashboard", url: `${consultantBase}/`, cookie: cookies.consultant },
      { name: "Candidate inbox", url: `${candidateBase}/`, cookie: cookies.candidate },
      {
        name: "Candidate feedback page",
        url: `${candidateBase}/feedback/${feedbackId}`,
        cookie: cookies.candidate,
      },
    ];
    const jsResults = [];
    for (const p of want.has("js") ? jsPages : []) {
      const r = await firstLoadJs(p.url, p.cookie);
      jsResults.push({ name: p.name, ...r });
      log(`first-load JS ${p.name}: ${r.kb} kB gzip in ${r.scripts} scripts`);
    }

    // Lighthouse, on the portals as they are after the load runs (warm, as a user finds them).
    const lighthousePages = [
      { name: "Sign-in (consultant portal)", url: `${consultantBase}/sign-in`, cookie: "" },
      { name: "Consultant dashboard", url: `${consultantBase}/`, cookie: cookies.consultant },
      {
        name: "Candidate feedback page",
        url: `${candidateBase}/feedback/${feedbackId}`,
        cookie: cookies.candidate,
      },
    ].filter((p) => !opts.lighthousePages || opts.lighthousePages.includes(p.name));
    const lighthouseRuns = opts.lighthouseRuns ?? 3;
    const lighthouseResults = want.has("lighthouse")
      ? await runLighthouse(lighthousePages, lighthouseRuns, log)
      : [];

    // Stop the portals before the reports: those run in this process and should not share the CPU.
    await stopAllAndWait();

    // Reports: through tRPC in-process (tenant transaction, RLS, validation) and as plain SQL.
    const caller = createCaller(createInnerTRPCContext({ session: { user: admin }, db: appDb }));
    const today = new Date();
    const to = today.toISOString().slice(0, 10);
    const fromDate = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - 11, 1));
    const from = fromDate.toISOString().slice(0, 10);
    const end = new Date(Date.parse(`${to}T00:00:00Z`) + 86_400_000).toISOString();
    const params = [agencyId, `${from}T00:00:00.000Z`, end, from, to];
    const reportResults = [];
    for (const c of want.has("reports") ? (opts.reports ?? reportCases) : []) {
      const input = { ...(c.view ? { view: c.view } : {}), ...(c.of ? { of: c.of } : {}) };
      const call = () =>
        (caller.admin.reports[c.procedure] as (i: unknown) => Promise<unknown>)(input);
      const statements = reportFloorSql(c);
      const floorCall = async () => {
        for (const text of statements) await owner.unsafe(text, paramsFor(text, params) as never[]);
      };
      await call();
      await floorCall();
      const server: number[] = [];
      const floorMs: number[] = [];
      for (let i = 0; i < opts.reportRuns; i++) {
        let t = performance.now();
        await call();
        server.push(performance.now() - t);
        t = performance.now();
        await floorCall();
        floorMs.push(performance.now() - t);
      }
      const res = {
        name: caseName(c),
        runs: opts.reportRuns,
        serverP50: round(percentile(server, 50)),
        serverP95: round(percentile(server, 95)),
        floorP50: round(percentile(floorMs, 50)),
        floorP95: round(percentile(floorMs, 95)),
        ratio: 0,
      };
      res.ratio = round(res.serverP95 / Math.max(res.floorP95, 0.01), 2);
      reportResults.push(res);
      log(
        `report ${res.name}: p50 ${res.serverP50} / p95 ${res.serverP95} ms, floor p95 ${res.floorP95} ms`,
      );
    }

    const result = {
      startedAt: startedAt.toISOString(),
      sections: sections.filter((x) => want.has(x)),
      finishedAt: new Date().toISOString(),
      machine: {
        cpus: os.cpus().length,
        cpuModel: os.cpus()[0]?.model ?? "unknown",
        memoryGb: round(os.totalmem() / 1024 ** 3, 1),
        // The machine is shared: a high load average means other work competed with this run.
        loadAverageAtStart: loadAtStart,
        loadAverageAtEnd: os.loadavg().map((l) => round(l, 2)),
        node: process.version,
        postgres: (await owner`show server_version`)[0]?.server_version as string,
      },
      database: new URL(opts.databaseUrl).pathname.slice(1),
      accounts: accounts.source,
      dataSet: counts,
      settings: {
        duration: opts.duration,
        connections: opts.connections,
        reportRuns: opts.reportRuns,
        lighthouseRuns,
      },
      budgets,
      reads: readResults,
      pages: pageResults,
      reports: reportResults,
      rss: rssPeaks,
      firstLoadJs: jsResults,
      lighthouse: lighthouseResults,
    };
    writeOutputs(result, opts);
    log(
      `wrote ${path.relative(root, opts.markdownPath)} and ${path.relative(root, opts.jsonPath)}`,
    );
    return result;
  } finally {
    sampler?.stop();
    await stopAllAndWait();
    await owner.end({ timeout: 1 });
    await appDb.$client.end({ timeout: 1 });
  }
}

// ---------------------------------------------------------------------------------------------
// Output

const mark = (ok: boolean) => (ok ? "✅" : "❌");
const MARK_START = "<!-- bench:start (written by `npm run bench`; edit outside these markers) -->";
const MARK_END = "<!-- bench:end -->";

type Result = {
  startedAt: string;
  sections: Section[];
  machine: {
    cpus: number;
    cpuModel: string;
    memoryGb: number;
    loadAverageAtStart: number[];
    loadAverageAtEnd: number[];
    node: string;
    postgres: string;
  };
  database: string;
  accounts: string;
  dataSet: Record<string, number | string> | undefined;
  settings: {
    duration: number;
    connections: number[];
    reportRuns: number;
    lighthouseRuns: number;
  };
  reads: {
    name: string;
    procedures: string;
    trpc: LoadResult[];
    floor: LoadResult[];
    ratio: number;
  }[];
  pages: ({ name: string } & LoadResult)[];
  reports: {
    name: string;
    runs: number;
    serverP50: number;
    serverP95: number;
    floorP50: number;
    floorP95: number;
    ratio: number;
  }[];
  rss: { portal: string; serverMb: number; treeMb: number; idleServerMb: number }[];
  firstLoadJs: {
    name: string;
    scripts: number;
    kb: number;
    nomoduleKb: number;
    servedGzip: boolean;
  }[];
  lighthouse: LighthouseResult[];
};

export function renderMarkdown(r: Result): string {
  const top = Math.max(...r.settings.connections);
  const ds = r.dataSet ?? {};
  const lines: string[] = [];
  lines.push(
    `Run ${r.startedAt.slice(0, 16).replace("T", " ")} UTC on ${r.machine.cpus} CPU (${r.machine.cpuModel}), ${r.machine.memoryGb} GB, Node ${r.machine.node}, PostgreSQL ${r.machine.postgres}; database \`${r.database}\` (${r.accounts}); ${r.settings.duration} s per load run, reports ${r.settings.reportRuns} runs each. Load average (1/5/15 min) ${r.machine.loadAverageAtStart.join(" / ")} at the start, ${r.machine.loadAverageAtEnd.join(" / ")} at the end (above ${r.machine.cpus}, other work shared the CPUs).`,
    "",
    `Data set — agency *${ds.agency}*: ${fmt(ds.staff)} staff, ${fmt(ds.candidates)} candidates, ${fmt(ds.interviews)} interviews, ${fmt(ds.feedback)} feedback (${fmt(ds.published)} published), ${fmt(ds.items)} feedback items; ${fmt(ds.agencies)} agencies in the database.`,
  );
  if (r.sections.length < sections.length)
    lines.push("", `Sections run (\`--only\`): ${r.sections.join(", ")}.`);
  const ran = (x: Section) => r.sections.includes(x);
  if (ran("reads"))
    lines.push(
      "",
      `### tRPC reads against the floor`,
      "",
      `Each read is one GET with the signed-in session cookie (tRPC: \`/api/trpc\`, superjson); the floor is \`packages/bench/src/floor.ts\` (node:http + postgres.js, one hand-written statement, owner role, no auth, no RLS). Budget: tRPC ≥ ${budgets.trpcFloorRatio}× the floor's requests/s at ${top} connections.`,
      "",
      "| read | procedures | conn | tRPC req/s | p50 ms | p99 ms | errors / non-2xx | floor req/s | p50 ms | p99 ms | tRPC ÷ floor | budget |",
      "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | :---: |",
    );
  for (const read of r.reads) {
    read.trpc.forEach((t, i) => {
      const f = read.floor[i] as LoadResult;
      const ratio = round(t.rps / Math.max(f.rps, 0.001), 3);
      const budget = t.connections === top ? mark(ratio >= budgets.trpcFloorRatio) : "";
      lines.push(
        `| ${i === 0 ? read.name : ""} | ${i === 0 ? read.procedures : ""} | ${t.connections} | ${t.rps} | ${t.p50} | ${t.p99} | ${t.errors + t.timeouts} / ${t.non2xx} | ${f.rps} | ${f.p50} | ${f.p99} | ${ratio}× | ${budget} |`,
      );
    });
  }
  if (ran("ssr"))
    lines.push(
      "",
      "### Server-rendered pages (1 connection)",
      "",
      `Budget: p50 ≤ ${budgets.ssrP50Ms} ms.`,
      "",
      "| page | req/s | p50 ms | p99 ms | errors / non-2xx | budget |",
      "| --- | ---: | ---: | ---: | ---: | :---: |",
      ...r.pages.map(
        (p) =>
          `| ${p.name} | ${p.rps} | ${p.p50} | ${p.p99} | ${p.errors + p.timeouts} / ${p.non2xx} | ${mark(p.p50 <= budgets.ssrP50Ms && p.non2xx === 0)} |`,
      ),
    );
  if (ran("reports"))
    lines.push(
      "",
      "### Admin reports, last 12 months",
      "",
      `Server time: the procedure called in-process through \`createCaller\` as the admin (tenant transaction, RLS, input and output validation; no HTTP). Floor: \`packages/bench/src/report-floor.ts\`, one statement as the owner. Budget: p95 ≤ ${budgets.reportP95Ms} ms.`,
      "",
      "| report · breakdown | server p50 ms | server p95 ms | floor p50 ms | floor p95 ms | server ÷ floor (p95) | budget |",
      "| --- | ---: | ---: | ---: | ---: | ---: | :---: |",
      ...r.reports.map(
        (x) =>
          `| ${x.name} | ${x.serverP50} | ${x.serverP95} | ${x.floorP50} | ${x.floorP95} | ${x.ratio}× | ${mark(x.serverP95 <= budgets.reportP95Ms)} |`,
      ),
    );
  if (ran("rss"))
    lines.push(
      "",
      `### Peak RSS under the ${top}-connection runs`,
      "",
      `Sampled from /proc every 200 ms while that portal served its ${top}-connection tRPC runs. *next-server* is the largest process of the tree \`next start\` began; *tree* adds its parent and any other child. Budget: ≤ ${budgets.rssMb} MB (next-server).`,
      "",
      "| portal | next-server peak MB | tree peak MB | after the runs MB | budget |",
      "| --- | ---: | ---: | ---: | :---: |",
      ...r.rss.map(
        (x) =>
          `| ${x.portal} | ${x.serverMb} | ${x.treeMb} | ${x.idleServerMb} | ${mark(x.serverMb > 0 && x.serverMb <= budgets.rssMb)} |`,
      ),
    );
  if (ran("js"))
    lines.push(
      "",
      "### First-load JS",
      "",
      `Every \`<script src>\` in the served HTML, fetched with \`accept-encoding: gzip\` and summed as served (inline scripts, such as the RSC payload, are not counted). The \`nomodule\` ones are Next's polyfills for browsers without JavaScript modules: every browser Debrief supports runs modules and never fetches them, so the budget is judged on the rest, what such a browser downloads (as Next's own "First Load JS" figure did). Budget: ≤ ${budgets.firstLoadKb} kB gzip.`,
      "",
      "| page | scripts | all scripts kB gzip | of which `nomodule` | first load kB gzip | budget |",
      "| --- | ---: | ---: | ---: | ---: | :---: |",
      ...r.firstLoadJs.map((x) => {
        const loaded = round(x.kb - x.nomoduleKb, 1);
        return `| ${x.name} | ${x.scripts} | ${x.kb}${x.servedGzip ? "" : " (gzipped here)"} | ${x.nomoduleKb} | ${loaded} | ${mark(loaded <= budgets.firstLoadKb)} |`;
      }),
    );
  if (ran("lighthouse"))
    lines.push(
      "",
      "### Lighthouse",
      "",
      `Lighthouse ${lighthouseVersion} (Node API, performance category only), default mobile preset (simulated slow 4G and a 4× slower CPU), headless Chromium \`${chromePath}\`, against the production portals above; signed-in pages get the session cookie on every request. ${r.settings.lighthouseRuns} run(s) per page: the scores of each, and the median run's score and metrics. Budget: score ≥ ${budgets.lighthouseScore}.`,
      "",
      "| page | runs | score (median) | FCP ms | LCP ms | TBT ms | CLS | budget |",
      "| --- | --- | ---: | ---: | ---: | ---: | ---: | :---: |",
      ...r.lighthouse.map(
        (x) =>
          `| ${x.name} | ${x.scores.join(", ")} | ${x.score} | ${x.fcpMs} | ${x.lcpMs} | ${x.tbtMs} | ${x.cls} | ${mark(x.score >= budgets.lighthouseScore)} |`,
      ),
    );
  return lines.join("\n");
}

const fmt = (n: unknown) => (typeof n === "number" ? n.toLocaleString("en-GB") : String(n ?? "?"));

function writeOutputs(result: Result, opts: BenchOptions) {
  mkdirSync(path.dirname(opts.markdownPath), { recursive: true });
  mkdirSync(path.dirname(opts.jsonPath), { recursive: true });
  writeFileSync(opts.jsonPath, `${JSON.stringify(result, null, 2)}\n`);
  const generated = `${MARK_START}\n${renderMarkdown(result)}\n${MARK_END}`;
  let doc: string;
  if (existsSync(opts.markdownPath)) {
    const old = readFileSync(opts.markdownPath, "utf8");
    const a = old.indexOf(MARK_START);
    const b = old.indexOf(MARK_END);
    doc =
      a >= 0 && b > a
        ? `${old.slice(0, a)}${generated}${old.slice(b + MARK_END.length)}`
        : `${old.trimEnd()}\n\n## Latest bench run\n\n${generated}\n`;
  } else {
    doc = `# Debrief — performance\n\nWhat \`npm run bench\` measured (the table between the markers is rewritten by each run; notes outside them stay).\n\n## Latest bench run\n\n${generated}\n`;
  }
  writeFileSync(opts.markdownPath, doc);
}
