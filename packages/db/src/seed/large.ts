// The large-agency data set for performance work (`npm run db:seed:large`): one big agency,
// Meridian Talent, three years of history, and 50 small agencies beside it.
//
// Deterministic: every choice comes from mulberry32 streams seeded per agency and per table, and
// every id is a counter-based hash of (seed, agency, table, row number) shaped as a version-4 UUID,
// so the same scale gives the same ids, and (with the same --now) the same rows. Ids derived from
// row numbers let a child row name its parent without a lookup, and still look random to the
// indexes, like gen_random_uuid() in production. Rows are generated in batches and streamed with
// COPY, table by table, in one transaction, as the owner; every index, foreign key and check
// constraint stays in place and checks every row.
import { createHash } from "node:crypto";
import { mkdir, writeFile } from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import postgres from "postgres";
import { hashPassword } from "../password";
import { DEMO_PASSWORD } from "./index";
import * as t from "./large-text";
import { defaultCompetencies, defaultReasons, defaultTemplates } from "./taxonomy";

/** Every user of the large seed signs in with the demo password. */
const PASSWORD = DEMO_PASSWORD;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const YEAR = 365 * DAY;
const SEED = 0x5eed_8a11;

export const LARGE_AGENCY = { name: "Meridian Talent", slug: "meridian", domain: "meridian.test" };
const SMALL_SLUG = "small-agency-";

/** Full-scale sizes (scale 1); everything else follows from these. */
export const FULL_SCALE = {
  admins: 5,
  consultants: 200,
  candidates: 60_000,
  clients: 1_500,
  jobs: 6_000,
  interviews: 500_000,
  smallAgencies: 50,
  /** Targets the generator aims at, not exact counts. */
  publishedFeedback: 300_000,
  feedbackItems: 1_500_000,
} as const;

/** Invited (not yet signed-up) consultants in every agency, with a pending invitation each. */
const INVITED = 2;

export type LargeTargets = {
  admins: number;
  consultants: number;
  candidates: number;
  loginCandidates: number;
  clients: number;
  jobs: number;
  interviews: number;
  smallAgencies: number;
};

/** What the large agency holds at a scale: every count is exact, except derived ones. */
export function largeTargets(scale: number): LargeTargets {
  const n = (base: number, min: number) => Math.max(min, Math.round(base * scale));
  const candidates = n(FULL_SCALE.candidates, 20);
  return {
    admins: n(FULL_SCALE.admins, 1),
    consultants: n(FULL_SCALE.consultants, 2),
    candidates,
    // Every other candidate has a login (candidate 0 always does).
    loginCandidates: Math.ceil(candidates / 2),
    clients: n(FULL_SCALE.clients, 2),
    jobs: n(FULL_SCALE.jobs, 4),
    interviews: n(FULL_SCALE.interviews, 50),
    smallAgencies: n(FULL_SCALE.smallAgencies, 1),
  };
}

// ---------------------------------------------------------------------------------------------
// Randomness and ids

function fmix32(x: number): number {
  let h = x >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

function hash32(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return fmix32(h ^ SEED);
}

/** mulberry32: small, fast and good enough for synthetic data; the demo seed uses the same. */
class Rng {
  private a: number;
  constructor(seed: number) {
    this.a = seed | 0;
  }
  static for(...parts: (string | number)[]) {
    return new Rng(hash32(parts.join(":")));
  }
  next(): number {
    this.a = (this.a + 0x6d2b79f5) | 0;
    let x = Math.imul(this.a ^ (this.a >>> 15), 1 | this.a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  between(lo: number, hi: number): number {
    return lo + this.next() * (hi - lo);
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(xs: readonly T[]): T {
    return xs[this.int(xs.length)] as T;
  }
  /** A standard normal draw (Box-Muller). */
  normal(): number {
    const u = Math.max(this.next(), 1e-12);
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.next());
  }
}

const hex8 = (n: number) => n.toString(16).padStart(8, "0");
const hex4 = (n: number) => n.toString(16).padStart(4, "0");

/**
 * Ids for one table of one agency: row n -> a version-4-shaped UUID. The first 32 bits are a
 * bijection of n, so ids never collide within a table.
 */
function idsFor(agencyNo: number, table: string): (n: number) => string {
  const base = hash32(`${agencyNo}:${table}`);
  const s1 = fmix32(base ^ 0x9e3779b9);
  const s2 = fmix32(base ^ 0x7f4a7c15);
  const s3 = fmix32(base ^ 0x94d049bb);
  return (n: number) => {
    const w0 = fmix32((n ^ base) >>> 0);
    const w1 = fmix32(w0 ^ s1);
    const w2 = fmix32(w1 ^ s2);
    const w3 = fmix32((n + s3) >>> 0);
    return `${hex8(w0)}-${hex4(w1 >>> 16)}-${hex4((w1 & 0x0fff) | 0x4000)}-${hex4(((w2 >>> 16) & 0x3fff) | 0x8000)}-${hex4(w2 & 0xffff)}${hex8(w3)}`;
  };
}

// ---------------------------------------------------------------------------------------------
// Typed columns (typed arrays behind get/set, so noUncheckedIndexedAccess stays quiet)

class Num {
  private a: Float64Array;
  constructor(n: number, fill = Number.NaN) {
    this.a = new Float64Array(Math.max(1, n)).fill(fill);
  }
  get(i: number): number {
    return this.a[i] as number;
  }
  set(i: number, v: number): void {
    this.a[i] = v;
  }
}

class Int {
  private a: Int32Array;
  constructor(n: number, fill = -1) {
    this.a = new Int32Array(Math.max(1, n)).fill(fill);
  }
  get(i: number): number {
    return this.a[i] as number;
  }
  set(i: number, v: number): void {
    this.a[i] = v;
  }
}

/** Grows as rows are generated: Int32 or Float64 storage, one implementation. */
class GrowList {
  private a: Int32Array | Float64Array;
  length = 0;
  constructor(private readonly make: (n: number) => Int32Array | Float64Array) {
    this.a = make(1024);
  }
  push(v: number): number {
    if (this.length === this.a.length) {
      const b = this.make(this.a.length * 2);
      b.set(this.a);
      this.a = b;
    }
    this.a[this.length] = v;
    return this.length++;
  }
  get(i: number): number {
    return this.a[i] as number;
  }
  set(i: number, v: number): void {
    this.a[i] = v;
  }
}

class IntList extends GrowList {
  constructor() {
    super((n) => new Int32Array(n));
  }
}

class NumList extends GrowList {
  constructor() {
    super((n) => new Float64Array(n));
  }
}

// ---------------------------------------------------------------------------------------------
// COPY

type Cell = string | number | boolean | null;

const SPECIAL = /[\\\t\n\r]/;
const SPECIALS = /[\\\t\n\r]/g;
const ESCAPES: Record<string, string> = { "\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r" };

function cell(v: Cell): string {
  if (v === null) return "\\N";
  if (typeof v === "string")
    return SPECIAL.test(v) ? v.replace(SPECIALS, (c) => ESCAPES[c] ?? c) : v;
  if (typeof v === "boolean") return v ? "t" : "f";
  return String(v);
}

const line = (row: Cell[]) => `${row.map(cell).join("\t")}\n`;
const CHUNK = 1 << 17;

/** Rows kept as COPY text until their table's turn (notifications and audit come from everywhere). */
class Deferred {
  chunks: string[] = [];
  private buf: string[] = [];
  private size = 0;
  rows = 0;
  push(row: Cell[]) {
    const l = line(row);
    this.buf.push(l);
    this.size += l.length;
    this.rows++;
    if (this.size >= CHUNK) this.flush();
  }
  flush() {
    if (this.buf.length) this.chunks.push(this.buf.join(""));
    this.buf = [];
    this.size = 0;
  }
}

type TableStat = { rows: number; ms: number };

class Loader {
  readonly stats = new Map<string, TableStat>();
  constructor(private readonly tx: postgres.TransactionSql) {}

  private record(table: string, rows: number, ms: number) {
    const s = this.stats.get(table) ?? { rows: 0, ms: 0 };
    s.rows += rows;
    s.ms += ms;
    this.stats.set(table, s);
  }

  private async stream(table: string, columns: string, chunks: Iterable<string>) {
    const writable = await this.tx.unsafe(`copy ${table} (${columns}) from stdin`).writable();
    await pipeline(Readable.from(chunks), writable);
  }

  /** Streams rows from a generator: generation and loading overlap (Node and PostgreSQL). */
  async copy(table: string, columns: string, rows: Iterable<Cell[]>): Promise<number> {
    const started = performance.now();
    let count = 0;
    function* chunks() {
      let buf: string[] = [];
      let size = 0;
      for (const row of rows) {
        const l = line(row);
        buf.push(l);
        size += l.length;
        count++;
        if (size >= CHUNK) {
          yield buf.join("");
          buf = [];
          size = 0;
        }
      }
      if (buf.length) yield buf.join("");
    }
    await this.stream(table, columns, chunks());
    this.record(table, count, performance.now() - started);
    return count;
  }

  async copyDeferred(table: string, columns: string, rows: Deferred): Promise<void> {
    rows.flush();
    const started = performance.now();
    if (rows.rows) await this.stream(table, columns, rows.chunks);
    this.record(table, rows.rows, performance.now() - started);
    rows.chunks = [];
  }
}

// ---------------------------------------------------------------------------------------------
// Agencies

type AgencyPlan = {
  no: number;
  name: string;
  slug: string;
  domain: string;
  slaHours: number;
  requireApproval: boolean;
  retentionMonths: number;
  admins: number;
  consultants: number;
  /** How many of the last consultants have left (disabled); they keep their history. */
  disabled: number;
  candidates: number;
  clients: number;
  jobs: number;
  interviews: number;
  /** How much busier candidate 0 is than the average candidate. */
  busyCandidate: number;
  /** How many consultants carry a heavier book (consultant 0 the heaviest). */
  busyConsultants: number;
};

function meridianPlan(scale: number): AgencyPlan {
  const x = largeTargets(scale);
  return {
    no: 0,
    name: LARGE_AGENCY.name,
    slug: LARGE_AGENCY.slug,
    domain: LARGE_AGENCY.domain,
    slaHours: 72,
    requireApproval: false,
    // Keeps the whole history: the nightly retention purge must not erase the data set.
    retentionMonths: 60,
    admins: x.admins,
    consultants: x.consultants,
    disabled: Math.floor(x.consultants / 50),
    candidates: x.candidates,
    clients: x.clients,
    jobs: x.jobs,
    interviews: x.interviews,
    busyCandidate: 18,
    busyConsultants: Math.max(1, Math.round(x.consultants / 10)),
  };
}

function smallPlan(no: number): AgencyPlan {
  const rng = Rng.for("small-plan", no);
  const [first, second] = t.smallAgencyWords;
  const name = `${first[(no - 1) % first.length]} ${second[Math.floor((no - 1) / first.length) % second.length]}`;
  const slug = `${SMALL_SLUG}${String(no).padStart(2, "0")}`;
  const consultants = 2 + rng.int(4);
  return {
    no,
    name,
    slug,
    domain: `${slug}.test`,
    slaHours: rng.pick([48, 72, 96, 120]),
    requireApproval: no % 4 === 0,
    retentionMonths: rng.pick([36, 48, 60]),
    admins: 1,
    consultants,
    disabled: 0,
    candidates: 40 + rng.int(110),
    clients: 5 + rng.int(15),
    jobs: 10 + rng.int(30),
    interviews: 150 + rng.int(350),
    busyCandidate: 4,
    busyConsultants: 1,
  };
}

const lenses = ["skills_experience", "other_applicants", "interview_style"] as const;
const stages = ["screening", "first", "second", "final", "assessment"] as const;
const stageWeights = [0.3, 0.3, 0.18, 0.12, 0.1];
const seniorities = ["junior", "mid", "senior", "lead", "executive"] as const;
const seniorityWeights = [0.15, 0.35, 0.3, 0.15, 0.05];
const PENDING = 0;
const PROGRESSED = 1;
const OFFERED = 2;
const REJECTED = 3;
const WITHDRAWN = 4;
const outcomes = ["pending", "progressed", "offered", "rejected", "withdrawn"] as const;
const DRAFT = 0;
const IN_REVIEW = 1;
const PUBLISHED = 2;
const RETRACTED = 3;
const fbStatuses = ["draft", "in_review", "published", "retracted"] as const;
const goalStatuses = ["not_started", "in_progress", "done", "dropped"] as const;
const journalKinds = ["reflection", "win", "preparation"] as const;

/** xs[i], for an i known to be in range. */
function nth<T>(xs: readonly T[], i: number): T {
  return xs[i] as T;
}

function weighted(rng: Rng, weights: readonly number[]): number {
  let r = rng.next();
  for (let i = 0; i < weights.length; i++) {
    r -= weights[i] ?? 0;
    if (r < 0) return i;
  }
  return weights.length - 1;
}

/** A cumulative table for picking an index in proportion to its weight. */
function cumulative(weights: number[]): Float64Array {
  const out = new Float64Array(weights.length);
  let sum = 0;
  for (const [i, w] of weights.entries()) {
    sum += w;
    out[i] = sum;
  }
  return out.map((x) => x / sum);
}

function pickCumulative(rng: Rng, cum: Float64Array): number {
  const r = rng.next();
  let lo = 0;
  let hi = cum.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((cum[mid] as number) <= r) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const iso = (ms: number) => new Date(ms).toISOString();
const isoOrNull = (ms: number) => (Number.isNaN(ms) ? null : iso(ms));
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const slugName = (s: string) => s.toLowerCase().replace(/[^a-z]+/g, "");

export type LargeSeedSummary = {
  agencyId: string;
  agencyName: string;
  password: string;
  admin: { email: string; id: string };
  consultant: { email: string; id: string; name: string };
  candidate: { email: string; id: string; userId: string; feedbackId: string };
};

type AgencyResult = LargeSeedSummary & { published: number; items: number };

type Ctx = { loader: Loader; now: number; passwordHash: string };

/** Loads one agency, table by table. */
async function seedAgency(ctx: Ctx, plan: AgencyPlan): Promise<AgencyResult> {
  const { loader, now, passwordHash } = ctx;
  const A = plan.no;
  const id = (table: string) => idsFor(A, table);
  const rngFor = (table: string) => Rng.for("agency", A, table);
  const start = now - 3 * YEAR;
  const end = now + 14 * DAY;
  const agencyCreated = start - 60 * DAY;

  const agencyId = id("agencies")(0);
  const competencyId = id("competencies");
  const reasonId = id("reasons");
  const userId = id("users");
  const candidateId = id("candidates");
  const clientId = id("clients");
  const jobId = id("jobs");
  const interviewId = id("interviews");
  const feedbackId = id("feedback");
  const itemId = id("feedback_items");
  const planId = id("action_plans");
  const goalId = id("goals");
  const notificationId = id("notifications");
  const auditId = id("audit_events");
  const messageId = id("clarification_messages");
  const commentId = id("goal_comments");

  const notifications = new Deferred();
  const audit = new Deferred();
  const notify = (
    user: string,
    kind: string,
    title: string,
    link: string,
    at: number,
    readAt: number,
    dedupeKey: string | null = null,
  ) =>
    notifications.push([
      notificationId(notifications.rows),
      agencyId,
      user,
      kind,
      title,
      "",
      link,
      isoOrNull(readAt),
      dedupeKey,
      iso(at),
    ]);
  const record = (
    actor: string | null,
    action: string,
    entityType: string,
    entity: string,
    at: number,
    metadata: string,
  ) =>
    audit.push([
      auditId(audit.rows),
      agencyId,
      actor,
      action,
      entityType,
      entity,
      metadata,
      iso(at),
    ]);

  // Tenant settings, for an owner that is subject to row-level security (superusers are not).
  await loader.copy(
    "agencies",
    "id, name, slug, feedback_sla_hours, require_approval, retention_months, created_at, updated_at",
    [
      [
        agencyId,
        plan.name,
        plan.slug,
        plan.slaHours,
        plan.requireApproval,
        plan.retentionMonths,
        iso(agencyCreated),
        iso(agencyCreated),
      ],
    ],
  );

  // Taxonomy: the defaults, and in the large agency one retired entry of each kind.
  const compNames: string[] = defaultCompetencies.map(([n]) => n);
  const reasonLabels: string[] = defaultReasons.map(([l]) => l);
  const extraComp = A === 0 ? [["Cultural add", "Retired: folded into Collaboration"]] : [];
  const extraReason = A === 0 ? [["Notice period too long", "Retired: no longer recorded"]] : [];
  const retiredAt = now - 400 * DAY;
  await loader.copy(
    "competencies",
    "id, agency_id, name, description, archived_at, created_at, updated_at",
    [...defaultCompetencies, ...extraComp].map(([name, description], i) => [
      competencyId(i),
      agencyId,
      name ?? "",
      description ?? null,
      i >= defaultCompetencies.length ? iso(retiredAt) : null,
      iso(agencyCreated),
      iso(i >= defaultCompetencies.length ? retiredAt : agencyCreated),
    ]),
  );
  await loader.copy(
    "reasons",
    "id, agency_id, label, description, archived_at, created_at, updated_at",
    [...defaultReasons, ...extraReason].map(([label, description], i) => [
      reasonId(i),
      agencyId,
      label ?? "",
      description ?? null,
      i >= defaultReasons.length ? iso(retiredAt) : null,
      iso(agencyCreated),
      iso(i >= defaultReasons.length ? retiredAt : agencyCreated),
    ]),
  );
  const templateId = id("templates");
  await loader.copy(
    "templates",
    "id, agency_id, name, description, created_at, updated_at",
    defaultTemplates.map((tpl, i) => [
      templateId(i),
      agencyId,
      tpl.name,
      tpl.description,
      iso(agencyCreated),
      iso(agencyCreated),
    ]),
  );
  const templateItemId = id("template_items");
  await loader.copy(
    "template_items",
    "id, agency_id, template_id, lens, kind, competency_id, reason_id, detail, next_step, position, created_at, updated_at",
    defaultTemplates.flatMap((tpl, ti) =>
      tpl.items.map((item, position): Cell[] => {
        const c = compNames.indexOf(item.competency);
        const r = item.reason ? reasonLabels.indexOf(item.reason) : -1;
        return [
          templateItemId(ti * 100 + position),
          agencyId,
          templateId(ti),
          item.lens,
          item.kind,
          c >= 0 ? competencyId(c) : null,
          r >= 0 ? reasonId(r) : null,
          item.detail,
          item.nextStep ?? null,
          position,
          iso(agencyCreated),
          iso(agencyCreated),
        ];
      }),
    ),
  );

  // People. User rows: admins, consultants, invited consultants, then candidates with a login.
  const K = plan.consultants;
  const C = plan.candidates;
  const consultantUser = (k: number) => userId(plan.admins + k);
  const firstCandidateUser = plan.admins + K + INVITED;
  const hasLogin = (c: number) => c % 2 === 0;
  const candidateUser = (c: number) => (hasLogin(c) ? userId(firstCandidateUser + c / 2) : null);
  const staffRng = rngFor("staff");
  const staffName = () => `${staffRng.pick(t.firstNames)} ${staffRng.pick(t.lastNames)}`;
  const adminEmail = (i: number) => `admin${i === 0 ? "" : i + 1}@${plan.domain}`;
  const consultantEmail = (k: number) => `consultant${k === 0 ? "" : k + 1}@${plan.domain}`;
  const consultantNames = Array.from({ length: K }, staffName);
  const adminNames = Array.from({ length: plan.admins }, staffName);
  const activeConsultants = K - plan.disabled;

  // Candidates: owner, name, when they were looking (start and span), and how many interviews.
  const candRng = rngFor("candidates");
  const ownerCum = cumulative(
    Array.from({ length: K }, (_, k) =>
      k >= activeConsultants ? 0.5 : k === 0 ? 4 : k < plan.busyConsultants ? 2 : 1,
    ),
  );
  const candOwner = new Int(C);
  const candFirst = new Int(C);
  const candLast = new Int(C);
  const candHeadline = new Int(C);
  const candStart = new Num(C);
  const candSpan = new Num(C);
  const candWeight = new Num(C);
  let weightSum = 0;
  for (let c = 0; c < C; c++) {
    candOwner.set(c, c === 0 ? 0 : pickCumulative(candRng, ownerCum));
    candFirst.set(c, candRng.int(t.firstNames.length));
    candLast.set(c, candRng.int(t.lastNames.length));
    candHeadline.set(c, candRng.int(t.headlines.length));
    // A search of one to nine months, anywhere over the three years (and the two weeks ahead),
    // cut to that period: the history is about as dense at its ends as in the middle.
    const span = candRng.between(30, 270) * DAY;
    const from = c === 0 ? start : start - span + candRng.next() * (3 * YEAR + 14 * DAY + span);
    const to = c === 0 ? end : Math.min(from + span, end);
    candStart.set(c, Math.max(from, start));
    candSpan.set(c, to - Math.max(from, start));
    const w = Math.exp(0.7 * candRng.normal());
    candWeight.set(c, w);
    weightSum += w;
  }
  // Candidate 0 is the busy one: busyCandidate times the average share of interviews.
  const w0 = (plan.busyCandidate * weightSum) / Math.max(1, C - 1);
  weightSum += w0 - candWeight.get(0);
  candWeight.set(0, w0);
  const candInterviews = new Int(C, 0);
  let assigned = 0;
  for (let c = 0; c < C; c++) {
    const k = Math.floor((plan.interviews * candWeight.get(c)) / weightSum);
    candInterviews.set(c, k);
    assigned += k;
  }
  for (let j = 0; assigned < plan.interviews; j++, assigned++) {
    const c = j % C;
    candInterviews.set(c, candInterviews.get(c) + 1);
  }
  const candName = (c: number) =>
    c < 0 ? "" : `${t.firstNames[candFirst.get(c)]} ${t.lastNames[candLast.get(c)]}`;
  const candEmail = (c: number) =>
    c === 0
      ? `candidate@${plan.domain}`
      : `${slugName(t.firstNames[candFirst.get(c)] ?? "")}.${slugName(t.lastNames[candLast.get(c)] ?? "")}.${c}@candidates.${plan.domain}`;
  const candCreated = (c: number) => Math.max(agencyCreated, candStart.get(c) - 10 * DAY);

  const staffCreated = (i: number) => agencyCreated + (i % 97) * 3 * DAY;
  await loader.copy(
    "users",
    "id, agency_id, email, name, role, status, password_hash, email_muted, created_at, updated_at",
    (function* (): Generator<Cell[]> {
      for (let i = 0; i < plan.admins; i++) {
        const at = iso(staffCreated(i));
        yield [
          userId(i),
          agencyId,
          adminEmail(i),
          adminNames[i] ?? "",
          "admin",
          "active",
          passwordHash,
          "{}",
          at,
          at,
        ];
      }
      for (let k = 0; k < K; k++) {
        const at = iso(staffCreated(plan.admins + k));
        yield [
          consultantUser(k),
          agencyId,
          consultantEmail(k),
          consultantNames[k] ?? "",
          "consultant",
          k >= activeConsultants ? "disabled" : "active",
          passwordHash,
          "{}",
          at,
          at,
        ];
      }
      for (let i = 0; i < INVITED; i++) {
        const at = iso(now - (i + 1) * DAY);
        yield [
          userId(plan.admins + K + i),
          agencyId,
          `invited${i + 1}@${plan.domain}`,
          staffName(),
          "consultant",
          "invited",
          null,
          "{}",
          at,
          at,
        ];
      }
      for (let c = 0; c < C; c += 2) {
        const at = iso(candCreated(c) + DAY);
        yield [
          candidateUser(c),
          agencyId,
          candEmail(c),
          candName(c),
          "candidate",
          "active",
          passwordHash,
          c % 10 === 4 ? "{goal.commented}" : "{}",
          at,
          at,
        ];
      }
    })(),
  );
  await loader.copy(
    "invitations",
    "id, agency_id, user_id, invited_by_id, token_hash, expires_at, created_at, updated_at",
    Array.from({ length: INVITED }, (_, i): Cell[] => [
      id("invitations")(i),
      agencyId,
      userId(plan.admins + K + i),
      userId(0),
      createHash("sha256").update(`large-seed:${A}:invitation:${i}`).digest("hex"),
      iso(now + (6 - i) * DAY),
      iso(now - (i + 1) * DAY),
      iso(now - (i + 1) * DAY),
    ]),
  );
  await loader.copy(
    "candidates",
    "id, agency_id, user_id, owner_id, name, email, headline, created_at, updated_at",
    (function* (): Generator<Cell[]> {
      for (let c = 0; c < C; c++) {
        const at = iso(candCreated(c));
        yield [
          candidateId(c),
          agencyId,
          candidateUser(c),
          consultantUser(candOwner.get(c)),
          candName(c),
          candEmail(c),
          t.headlines[candHeadline.get(c)] ?? null,
          at,
          at,
        ];
      }
    })(),
  );

  // Clients and jobs; each job asks for two or three competencies.
  const clientRng = rngFor("clients");
  const P = t.clientPrefixes.length;
  const Nn = t.clientNouns.length;
  await loader.copy(
    "clients",
    "id, agency_id, name, industry, created_at, updated_at",
    (function* (): Generator<Cell[]> {
      for (let i = 0; i < plan.clients; i++) {
        // Offset per agency, so the small agencies do not all have the same first clients.
        const j = i + A * 37;
        const noun = Math.floor(j / P) % Nn;
        const round = Math.floor(j / (P * Nn));
        const at = iso(agencyCreated + clientRng.next() * 2 * YEAR);
        yield [
          clientId(i),
          agencyId,
          `${t.clientPrefixes[j % P]} ${t.clientNouns[noun]}${round ? ` ${round + 1}` : ""}`,
          t.industries[noun] ?? null,
          at,
          at,
        ];
      }
    })(),
  );
  const J = plan.jobs;
  const jobRng = rngFor("jobs");
  const jobTitle = new Int(J);
  const jobComps = new Int(J * 3);
  const activeComps = defaultCompetencies.length;
  for (let j = 0; j < J; j++) {
    jobTitle.set(j, jobRng.int(t.jobTitles.length));
    const n = 2 + jobRng.int(2);
    for (let x = 0; x < n; x++) {
      let comp = jobRng.int(activeComps);
      while (comp === jobComps.get(j * 3) || comp === jobComps.get(j * 3 + 1)) {
        comp = jobRng.int(activeComps);
      }
      jobComps.set(j * 3 + x, comp);
    }
  }
  const jobTitleOf = (j: number) => t.jobTitles[jobTitle.get(j)] ?? "";
  await loader.copy(
    "jobs",
    "id, agency_id, client_id, title, seniority, created_at, updated_at",
    (function* (): Generator<Cell[]> {
      for (let j = 0; j < J; j++) {
        const at = iso(agencyCreated + jobRng.next() * 30 * DAY);
        yield [
          jobId(j),
          agencyId,
          clientId(j < plan.clients ? j : jobRng.int(plan.clients)),
          jobTitleOf(j),
          nth(seniorities, weighted(jobRng, seniorityWeights)),
          at,
          at,
        ];
      }
    })(),
  );
  await loader.copy(
    "job_competencies",
    "agency_id, job_id, competency_id, created_at",
    (function* (): Generator<Cell[]> {
      for (let j = 0; j < J; j++) {
        for (let x = 0; x < 3; x++) {
          const comp = jobComps.get(j * 3 + x);
          if (comp >= 0) yield [agencyId, jobId(j), competencyId(comp), iso(agencyCreated)];
        }
      }
    })(),
  );

  // Interviews, candidate by candidate, spread over each candidate's search.
  const N = plan.interviews;
  const intRng = rngFor("interviews");
  const intCand = new Int(N);
  const intJob = new Int(N);
  const intCons = new Int(N);
  const intOutcome = new Int(N, PENDING);
  const intSched = new Num(N);
  const intOutcomeAt = new Num(N);
  const candFirstInterview = new Int(C, 0);
  await loader.copy(
    "interviews",
    "id, agency_id, candidate_id, job_id, consultant_id, stage, scheduled_at, outcome, outcome_at, created_at, updated_at",
    (function* (): Generator<Cell[]> {
      let i = 0;
      for (let c = 0; c < C; c++) {
        candFirstInterview.set(c, i);
        const k = candInterviews.get(c);
        for (let x = 0; x < k; x++, i++) {
          const sched =
            Math.floor((candStart.get(c) + (candSpan.get(c) * (x + intRng.next())) / k) / MINUTE) *
            MINUTE;
          const job = Math.floor(J * intRng.next() ** 1.4);
          const owner = candOwner.get(c);
          const cons =
            owner < activeConsultants && intRng.chance(0.85)
              ? owner
              : intRng.int(activeConsultants);
          let outcome = PENDING;
          let outcomeAt = Number.NaN;
          // Outcomes of the last week are partly still to come; the rest: rejected 64 %,
          // progressed 18 %, offered 8 %, withdrawn 10 %.
          if (sched <= now && !(sched > now - 7 * DAY && intRng.chance(0.6))) {
            const r = intRng.next();
            outcome = r < 0.64 ? REJECTED : r < 0.82 ? PROGRESSED : r < 0.9 ? OFFERED : WITHDRAWN;
            const delay = 2 * HOUR + intRng.next() ** 2 * 7 * DAY;
            outcomeAt =
              sched + delay < now - MINUTE
                ? sched + delay
                : sched + intRng.next() * (now - MINUTE - sched);
            outcomeAt = Math.floor(outcomeAt / 1000) * 1000;
          }
          intCand.set(i, c);
          intJob.set(i, job);
          intCons.set(i, cons);
          intOutcome.set(i, outcome);
          intSched.set(i, sched);
          intOutcomeAt.set(i, outcomeAt);
          const created = Math.min(sched - intRng.between(1, 14) * DAY, now - HOUR);
          yield [
            interviewId(i),
            agencyId,
            candidateId(c),
            jobId(job),
            consultantUser(cons),
            nth(stages, weighted(intRng, stageWeights)),
            iso(sched),
            nth(outcomes, outcome),
            isoOrNull(outcomeAt),
            iso(created),
            iso(Number.isNaN(outcomeAt) ? created : outcomeAt),
          ];
        }
      }
    })(),
  );

  // Feedback on rejections: most published (a few retracted or revised), drafts and still-owed
  // ones in the recent past, and a few old rejections that never got any.
  const fbRng = rngFor("feedback");
  const fbInterview = new IntList();
  const fbStatus = new IntList();
  const fbFirstPub = new NumList();
  const fbPub = new NumList();
  const fbRead = new NumList();
  const fbAck = new NumList();
  const fbCreated = new NumList();
  const fbRevised = new IntList();
  const fbRetracted = new NumList();
  const sla = plan.slaHours * HOUR;
  const approverOf = (k: number) =>
    activeConsultants > 1 ? consultantUser((k + 1) % activeConsultants) : userId(0);
  let published = 0;
  await loader.copy(
    "feedback",
    "id, agency_id, interview_id, status, summary, author_id, last_edited_by_id, approver_id, submitted_at, published_at, first_published_at, retracted_at, retraction_reason, fairness_override_reason, read_at, acknowledged_at, version, created_at, updated_at",
    (function* (): Generator<Cell[]> {
      for (let i = 0; i < N; i++) {
        if (intOutcome.get(i) !== REJECTED) continue;
        const rejectedAt = intOutcomeAt.get(i);
        const c = intCand.get(i);
        const k = intCons.get(i);
        const delay = 2 * HOUR + 200 * HOUR * fbRng.next() ** 3;
        const r = fbRng.next();
        if (r < 0.01) continue; // never given
        let status: number;
        let pub = rejectedAt + delay;
        if (pub < now - MINUTE) {
          status = r < 0.013 ? RETRACTED : r < 0.016 ? DRAFT : PUBLISHED;
        } else {
          if (fbRng.chance(0.55)) continue; // owed, not started
          status = plan.requireApproval && fbRng.chance(0.5) ? IN_REVIEW : DRAFT;
          pub = Number.NaN;
        }
        const created = Math.min(rejectedAt + delay * 0.4, now - 2 * MINUTE);
        const f = fbInterview.push(i);
        fbStatus.push(status);
        fbCreated.push(created);
        const revised = status === PUBLISHED && fbRng.chance(0.02) ? 1 : 0;
        fbRevised.push(revised);
        const firstPub = Number.isNaN(pub) ? Number.NaN : Math.floor(pub / 1000) * 1000;
        const lastPub = revised
          ? Math.min(firstPub + fbRng.between(1, 5) * DAY, now - MINUTE)
          : firstPub;
        const retractedAt =
          status === RETRACTED ? Math.min(firstPub + fbRng.between(2, 48) * HOUR, now) : Number.NaN;
        fbRetracted.push(retractedAt);
        fbFirstPub.push(firstPub);
        fbPub.push(status === PUBLISHED ? lastPub : Number.NaN);
        // Only candidates with a login read their feedback; most do, and many acknowledge it.
        let read = Number.NaN;
        let ack = Number.NaN;
        if ((status === PUBLISHED || status === RETRACTED) && hasLogin(c)) {
          const age = now - firstPub;
          if (fbRng.chance(age > 7 * DAY ? 0.88 : 0.5)) {
            const at = firstPub + 10 * MINUTE + fbRng.next() ** 2 * 3 * DAY;
            const before = status === RETRACTED ? retractedAt : now;
            if (at < before) read = Math.floor(at / 1000) * 1000;
          }
          if (!Number.isNaN(read) && status === PUBLISHED && fbRng.chance(0.55)) {
            const at = read + fbRng.next() * 2 * DAY;
            if (at < now) ack = Math.floor(at / 1000) * 1000;
          }
        }
        fbRead.push(read);
        fbAck.push(ack);
        if (status === PUBLISHED) published++;
        const author = consultantUser(k);
        const approved = plan.requireApproval && !Number.isNaN(firstPub);
        const submitted =
          status === IN_REVIEW
            ? Math.min(created + HOUR, now - MINUTE)
            : approved
              ? Math.max(created, firstPub - fbRng.between(1, 20) * HOUR)
              : Number.NaN;
        const updated = Math.max(
          created,
          Number.isNaN(lastPub) ? created : lastPub,
          Number.isNaN(retractedAt) ? created : retractedAt,
          Number.isNaN(submitted) ? created : submitted,
        );
        yield [
          feedbackId(f),
          agencyId,
          interviewId(i),
          nth(fbStatuses, status),
          t.summaries[fbRng.int(t.summaries.length)] ?? "",
          author,
          author,
          approved ? approverOf(k) : null,
          isoOrNull(submitted),
          status === PUBLISHED ? iso(lastPub) : null,
          isoOrNull(firstPub),
          isoOrNull(retractedAt),
          status === RETRACTED ? fbRng.pick(t.retractionReasons) : null,
          status === PUBLISHED && fbRng.chance(0.005) ? fbRng.pick(t.fairnessOverrides) : null,
          isoOrNull(read),
          isoOrNull(ack),
          revised ? 2 : 1,
          iso(created),
          iso(updated),
        ];
      }
    })(),
  );
  const F = fbInterview.length;

  // Items: three to seven per feedback (five on average), strengths and gaps across the lenses,
  // competencies from the job (mostly) and reasons from the lens's usual ones.
  const itemRng = rngFor("feedback_items");
  const fbItemStart = new Int(F + 1, 0);
  const itemKind = new IntList(); // 0 strength, 1 gap
  const itemLens = new IntList();
  const itemComp = new IntList();
  const itemReason = new IntList();
  const itemDetail = new IntList();
  const itemNext = new IntList();
  const detailCache = new Map<string, string>();
  const detailText = (lens: number, kind: number, tpl: number, comp: number) => {
    const key = `${lens}:${kind}:${tpl}:${comp}`;
    let text = detailCache.get(key);
    if (text === undefined) {
      const pool = t.itemDetails[`${nth(lenses, lens)}:${kind ? "gap" : "strength"}`] ?? [];
      const name = comp >= 0 ? (compNames[comp] ?? "").toLowerCase() : "this area";
      text = (pool[tpl % pool.length] ?? "").replace("{c}", name);
      detailCache.set(key, text);
    }
    return text;
  };
  const reasonIndex = (lens: number) => {
    const pool = t.reasonsByLens[nth(lenses, lens)] ?? [];
    return reasonLabels.indexOf(itemRng.pick(pool));
  };
  const nextStepText = (lens: number, n: number) => {
    const pool = t.nextSteps[nth(lenses, lens)] ?? [];
    return pool[n % pool.length] ?? null;
  };
  const oldEnoughForRetired = now - 450 * DAY;
  await loader.copy(
    "feedback_items",
    "id, agency_id, feedback_id, lens, kind, competency_id, reason_id, detail, next_step, position, created_at, updated_at",
    (function* (): Generator<Cell[]> {
      const slots: [number, number][] = [];
      for (let f = 0; f < F; f++) {
        fbItemStart.set(f, itemKind.length);
        const i = fbInterview.get(f);
        const job = intJob.get(i);
        const n = 3 + itemRng.int(5);
        slots.length = 0;
        for (let x = 0; x < n; x++) {
          const kind = x === 0 ? 0 : x === 1 ? 1 : itemRng.chance(0.55) ? 1 : 0;
          slots.push([itemRng.int(3), kind]);
        }
        // Lens order, strengths before gaps within a lens: the order the editor shows.
        slots.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
        const at = iso(fbCreated.get(f));
        const old = fbCreated.get(f) < oldEnoughForRetired;
        for (const [position, [lens, kind]] of slots.entries()) {
          const x = itemKind.push(kind);
          itemLens.push(lens);
          let comp = itemRng.chance(0.7)
            ? jobComps.get(job * 3 + itemRng.int(2))
            : itemRng.int(activeComps);
          if (itemRng.chance(0.05)) comp = -1;
          if (old && extraComp.length && itemRng.chance(0.01)) comp = activeComps;
          let reason = -1;
          if (kind === 1 && !itemRng.chance(0.08)) {
            reason =
              old && extraReason.length && itemRng.chance(0.01)
                ? defaultReasons.length
                : reasonIndex(lens);
          }
          const tpl = itemRng.int(4);
          const next = kind === 1 && !itemRng.chance(0.05) ? itemRng.int(4) : -1;
          itemComp.push(comp);
          itemReason.push(reason);
          itemDetail.push(tpl);
          itemNext.push(next);
          yield [
            itemId(x),
            agencyId,
            feedbackId(f),
            nth(lenses, lens),
            kind ? "gap" : "strength",
            comp >= 0 ? competencyId(comp) : null,
            reason >= 0 ? reasonId(reason) : null,
            detailText(lens, kind, tpl, comp),
            next >= 0 ? nextStepText(lens, next) : null,
            position,
            at,
            at,
          ];
        }
      }
      fbItemStart.set(F, itemKind.length);
    })(),
  );
  const itemsOf = (f: number) => [fbItemStart.get(f), fbItemStart.get(f + 1)] as const;

  // The version before a revision, as the editor keeps it.
  const revRng = rngFor("feedback_revisions");
  await loader.copy(
    "feedback_revisions",
    "id, agency_id, feedback_id, version, summary, items, edited_by_id, created_at",
    (function* (): Generator<Cell[]> {
      let n = 0;
      for (let f = 0; f < F; f++) {
        if (!fbRevised.get(f)) continue;
        const [from, to] = itemsOf(f);
        const items = [];
        for (let x = from; x < to; x++) {
          const lens = itemLens.get(x);
          const kind = itemKind.get(x);
          const comp = itemComp.get(x);
          const reason = itemReason.get(x);
          const next = itemNext.get(x);
          items.push({
            lens: nth(lenses, lens),
            kind: kind ? "gap" : "strength",
            competencyId: comp >= 0 ? competencyId(comp) : null,
            reasonId: reason >= 0 ? reasonId(reason) : null,
            detail: detailText(lens, kind, itemDetail.get(x) + 1, comp),
            nextStep: next >= 0 ? nextStepText(lens, next + 1) : null,
          });
        }
        yield [
          id("feedback_revisions")(n++),
          agencyId,
          feedbackId(f),
          1,
          revRng.pick(t.summaries),
          JSON.stringify(items),
          consultantUser(intCons.get(fbInterview.get(f))),
          iso(fbPub.get(f)),
        ];
      }
    })(),
  );

  // What the candidate did with it: helpful ratings on the items of the feedback they read.
  const respRng = rngFor("item_responses");
  await loader.copy(
    "item_responses",
    "id, agency_id, feedback_item_id, candidate_id, helpful, comment, created_at, updated_at",
    (function* (): Generator<Cell[]> {
      const responseId = id("item_responses");
      let n = 0;
      for (let f = 0; f < F; f++) {
        const read = fbRead.get(f);
        if (fbStatus.get(f) !== PUBLISHED || Number.isNaN(read)) continue;
        const c = intCand.get(fbInterview.get(f));
        const [from, to] = itemsOf(f);
        for (let x = from; x < to; x++) {
          if (!respRng.chance(0.45)) continue;
          const at = iso(Math.min(read + respRng.between(1, 30) * MINUTE, now));
          yield [
            responseId(n++),
            agencyId,
            itemId(x),
            candidateId(c),
            respRng.chance(0.8),
            respRng.chance(0.08) ? respRng.pick(t.responseComments) : null,
            at,
            at,
          ];
        }
      }
    })(),
  );

  // Questions: a few percent of the feedback read; most answered by its author.
  const clarRng = rngFor("clarification_messages");
  await loader.copy(
    "clarification_messages",
    "id, agency_id, feedback_id, author_id, body, created_at",
    (function* (): Generator<Cell[]> {
      let n = 0;
      for (let f = 0; f < F; f++) {
        const read = fbRead.get(f);
        if (fbStatus.get(f) !== PUBLISHED || Number.isNaN(read) || !clarRng.chance(0.04)) continue;
        const i = fbInterview.get(f);
        const c = intCand.get(i);
        const cUser = candidateUser(c) ?? "";
        const consultant = consultantUser(intCons.get(i));
        const fb = feedbackId(f);
        const asked = Math.floor(Math.min(read + clarRng.between(1, 48) * HOUR, now - MINUTE));
        yield [messageId(n++), agencyId, fb, cUser, clarRng.pick(t.questions), iso(asked)];
        record(cUser, "clarification.asked", "feedback", fb, asked, "{}");
        const answered = Math.floor(asked + clarRng.between(2, 72) * HOUR);
        const replies = answered < now && clarRng.chance(0.85);
        notify(
          consultant,
          "clarification.asked",
          `${candName(c)} asked about their ${jobTitleOf(intJob.get(i))} feedback`,
          `/candidates/${candidateId(c)}#thread-${fb}`,
          asked,
          replies ? answered : Number.NaN,
        );
        if (!replies) continue;
        yield [messageId(n++), agencyId, fb, consultant, clarRng.pick(t.answers), iso(answered)];
        notify(
          cUser,
          "clarification.answered",
          "Your consultant answered your question",
          `/feedback/${fb}`,
          answered,
          answered + HOUR < now && clarRng.chance(0.9) ? answered + HOUR : Number.NaN,
        );
        const thanked = answered + clarRng.between(1, 24) * HOUR;
        if (thanked < now && clarRng.chance(0.3)) {
          yield [messageId(n++), agencyId, fb, cUser, clarRng.pick(t.thanks), iso(thanked)];
        }
      }
    })(),
  );

  // Plans for about a quarter of the published feedback: only readers can make one, so the
  // chance among eligible feedback is what gets there.
  const planRng = rngFor("action_plans");
  let eligible = 0;
  const hasGap = (f: number) => {
    const [from, to] = itemsOf(f);
    for (let x = from; x < to; x++) if (itemKind.get(x) === 1) return true;
    return false;
  };
  for (let f = 0; f < F; f++) {
    if (fbStatus.get(f) === PUBLISHED && !Number.isNaN(fbRead.get(f)) && hasGap(f)) eligible++;
  }
  const planChance = Math.min(1, (0.25 * published) / Math.max(1, eligible));
  const planFeedback = new IntList();
  const planCreated = new NumList();
  const candLastGoal = new Int(C);
  for (let f = 0; f < F; f++) {
    const read = fbRead.get(f);
    if (fbStatus.get(f) !== PUBLISHED || Number.isNaN(read) || !hasGap(f)) continue;
    if (!planRng.chance(planChance)) continue;
    planFeedback.push(f);
    planCreated.push(Math.floor(Math.min(read + planRng.between(1, 72) * HOUR, now - MINUTE)));
  }
  await loader.copy(
    "action_plans",
    "id, agency_id, candidate_id, feedback_id, title, created_at, updated_at",
    (function* (): Generator<Cell[]> {
      for (let p = 0; p < planFeedback.length; p++) {
        const f = planFeedback.get(p);
        const i = fbInterview.get(f);
        const at = iso(planCreated.get(p));
        yield [
          planId(p),
          agencyId,
          candidateId(intCand.get(i)),
          feedbackId(f),
          planRng.pick(t.planTitles).replace("{j}", jobTitleOf(intJob.get(i))),
          at,
          at,
        ];
      }
    })(),
  );

  // Goals: one to three per plan, each answering one gap of the feedback.
  const goalRng = rngFor("goals");
  const goalPlan = new IntList();
  const goalItem = new IntList();
  const goalStatus = new IntList();
  const goalDone = new NumList();
  for (let p = 0; p < planFeedback.length; p++) {
    const f = planFeedback.get(p);
    const [from, to] = itemsOf(f);
    const want = 1 + goalRng.int(3);
    const created = planCreated.get(p);
    const age = now - created;
    let made = 0;
    for (let x = from; x < to && made < want; x++) {
      if (itemKind.get(x) !== 1) continue;
      made++;
      const g = goalPlan.push(p);
      goalItem.push(x);
      const r = goalRng.next();
      let status: number;
      if (age > 60 * DAY) status = r < 0.45 ? 2 : r < 0.57 ? 3 : r < 0.85 ? 1 : 0;
      else status = r < 0.1 ? 2 : r < 0.6 ? 1 : 0;
      let done = Number.NaN;
      if (status === 2) {
        done = created + goalRng.between(7, 60) * DAY;
        if (done >= now) {
          status = 1;
          done = Number.NaN;
        }
      }
      goalStatus.push(status);
      goalDone.push(Number.isNaN(done) ? done : Math.floor(done));
      candLastGoal.set(intCand.get(fbInterview.get(f)), g);
    }
  }
  await loader.copy(
    "goals",
    "id, agency_id, action_plan_id, title, measure, target_date, status, dropped_reason, completed_at, position, created_at, updated_at",
    (function* (): Generator<Cell[]> {
      let position = 0;
      for (let g = 0; g < goalPlan.length; g++) {
        const p = goalPlan.get(g);
        position = g > 0 && goalPlan.get(g - 1) === p ? position + 1 : 0;
        const x = goalItem.get(g);
        const next = itemNext.get(x);
        const lens = itemLens.get(x);
        const comp = itemComp.get(x);
        const created = planCreated.get(p);
        const status = goalStatus.get(g);
        const done = goalDone.get(g);
        const title =
          next >= 0
            ? (nextStepText(lens, next) ?? "")
            : `Get stronger on ${comp >= 0 ? (compNames[comp] ?? "").toLowerCase() : "this"}`;
        yield [
          goalId(g),
          agencyId,
          planId(p),
          title,
          goalRng.pick(t.goalMeasures),
          day(created + goalRng.between(21, 75) * DAY),
          nth(goalStatuses, status),
          status === 3 ? goalRng.pick(t.droppedReasons) : null,
          isoOrNull(done),
          position,
          iso(created),
          iso(Number.isNaN(done) ? created : done),
        ];
      }
    })(),
  );
  await loader.copy(
    "goal_items",
    "agency_id, goal_id, feedback_item_id, created_at",
    (function* (): Generator<Cell[]> {
      for (let g = 0; g < goalPlan.length; g++) {
        yield [agencyId, goalId(g), itemId(goalItem.get(g)), iso(planCreated.get(goalPlan.get(g)))];
      }
    })(),
  );
  const stepRng = rngFor("goal_steps");
  await loader.copy(
    "goal_steps",
    "id, agency_id, goal_id, title, due_date, done_at, position, created_at, updated_at",
    (function* (): Generator<Cell[]> {
      const stepId = id("goal_steps");
      let n = 0;
      for (let g = 0; g < goalPlan.length; g++) {
        const created = planCreated.get(goalPlan.get(g));
        const status = goalStatus.get(g);
        const steps = 2 + stepRng.int(3);
        const first = stepRng.int(t.stepTitles.length);
        for (let s = 0; s < steps; s++) {
          let doneAt = Number.NaN;
          if (status === 2) doneAt = Math.min(goalDone.get(g), created + (3 + s * 6) * DAY);
          else if (status === 1 && s === 0) doneAt = created + 3 * DAY;
          else if (status === 1 && s === 1 && stepRng.chance(0.4)) doneAt = created + 9 * DAY;
          if (doneAt >= now) doneAt = Number.NaN;
          const at = iso(created);
          yield [
            stepId(n++),
            agencyId,
            goalId(g),
            t.stepTitles[(first + s) % t.stepTitles.length] ?? "",
            day(created + (7 + s * 7) * DAY),
            isoOrNull(Number.isNaN(doneAt) ? doneAt : Math.floor(doneAt)),
            s,
            at,
            Number.isNaN(doneAt) ? at : iso(Math.floor(doneAt)),
          ];
        }
      }
    })(),
  );
  const gcRng = rngFor("goal_comments");
  await loader.copy(
    "goal_comments",
    "id, agency_id, goal_id, author_id, body, created_at",
    (function* (): Generator<Cell[]> {
      let n = 0;
      for (let g = 0; g < goalPlan.length; g++) {
        if (!gcRng.chance(0.1)) continue;
        const p = goalPlan.get(g);
        const c = intCand.get(fbInterview.get(planFeedback.get(p)));
        const at = Math.floor(planCreated.get(p) + gcRng.between(3, 20) * DAY);
        if (at >= now) continue;
        const owner = candOwner.get(c);
        const author = owner < activeConsultants ? consultantUser(owner) : userId(0);
        const cId = commentId(n++);
        yield [cId, agencyId, goalId(g), author, gcRng.pick(t.goalCommentBodies), iso(at)];
        record(author, "goal.commented", "goal", goalId(g), at, JSON.stringify({ commentId: cId }));
        notify(
          candidateUser(c) ?? "",
          "goal.commented",
          "Your consultant commented on your goal",
          `/plans#goal-${goalId(g)}`,
          at,
          at + DAY < now && gcRng.chance(0.8) ? at + DAY : Number.NaN,
        );
      }
    })(),
  );

  // The journal: reflections, wins and preparation notes from candidates with a login.
  const jRng = rngFor("journal_entries");
  await loader.copy(
    "journal_entries",
    "id, agency_id, candidate_id, kind, title, body, interview_id, goal_id, created_at, updated_at",
    (function* (): Generator<Cell[]> {
      const entryId = id("journal_entries");
      let n = 0;
      for (let c = 0; c < C; c += 2) {
        const entries = c === 0 ? 12 : jRng.int(5) === 0 ? 0 : jRng.int(4);
        const k = candInterviews.get(c);
        const firstI = candFirstInterview.get(c);
        for (let e = 0; e < entries; e++) {
          const kind = jRng.int(3);
          const [title, body] = jRng.pick(t.journal[nth(journalKinds, kind)] ?? [["", ""]]);
          let interview = -1;
          if (k > 0 && jRng.chance(0.4)) {
            const pick = firstI + jRng.int(k);
            if (intSched.get(pick) < now) interview = pick;
          }
          const goal = candLastGoal.get(c) >= 0 && jRng.chance(0.25) ? candLastGoal.get(c) : -1;
          const at = iso(
            Math.floor(Math.min(candStart.get(c) + jRng.next() * candSpan.get(c), now - HOUR)),
          );
          yield [
            entryId(n++),
            agencyId,
            candidateId(c),
            nth(journalKinds, kind),
            title,
            body,
            interview >= 0 ? interviewId(interview) : null,
            goal >= 0 ? goalId(goal) : null,
            at,
            at,
          ];
        }
      }
    })(),
  );

  // A few data requests: exports done, an erasure waiting for an admin.
  const drRng = rngFor("data_requests");
  const exports = Math.max(1, Math.round(C / 3000));
  await loader.copy(
    "data_requests",
    "id, agency_id, candidate_id, kind, status, requested_by_id, completed_at, note, created_at, updated_at",
    (function* (): Generator<Cell[]> {
      const requestId = id("data_requests");
      for (let n = 0; n <= exports; n++) {
        const c = 2 + 2 * drRng.int(Math.max(1, Math.floor((C - 2) / 2)));
        if (c >= C) continue;
        const erasure = n === exports;
        const at = Math.floor(now - drRng.between(erasure ? 0.1 : 2, erasure ? 2 : 300) * DAY);
        yield [
          requestId(n),
          agencyId,
          candidateId(c),
          erasure ? "erasure" : "export",
          erasure ? "pending" : "completed",
          candidateUser(c),
          erasure ? null : iso(at),
          null,
          iso(at),
          iso(at),
        ];
      }
    })(),
  );

  // Notices and the audit trail for what the history did (sign-ins, publishing, responses).
  const noteRng = rngFor("notifications");
  for (let f = 0; f < F; f++) {
    const i = fbInterview.get(f);
    const c = intCand.get(i);
    const status = fbStatus.get(f);
    const first = fbFirstPub.get(f);
    if (Number.isNaN(first)) continue;
    const fb = feedbackId(f);
    const author = consultantUser(intCons.get(i));
    const job = jobTitleOf(intJob.get(i));
    const read = fbRead.get(f);
    record(author, "feedback.published", "feedback", fb, first, "{}");
    const cUser = candidateUser(c);
    if (cUser) {
      notify(
        cUser,
        "feedback.published",
        `Feedback on your ${job} interview`,
        `/feedback/${fb}`,
        first,
        read,
      );
      if (!Number.isNaN(read)) {
        record(cUser, "auth.sign_in", "user", cUser, read - MINUTE, '{"portal":"candidate"}');
      }
      if (!Number.isNaN(fbAck.get(f))) {
        record(cUser, "feedback.acknowledged", "feedback", fb, fbAck.get(f), "{}");
      }
    }
    if (fbRevised.get(f)) {
      const at = fbPub.get(f);
      record(author, "feedback.revised", "feedback", fb, at, '{"version":2}');
      if (cUser) {
        notify(
          cUser,
          "feedback.revised",
          `Your feedback on the ${job} interview was updated`,
          `/feedback/${fb}`,
          at,
          noteRng.chance(0.7) && at + DAY < now ? at + DAY : Number.NaN,
        );
      }
    }
    if (status === RETRACTED) {
      const at = fbRetracted.get(f);
      record(author, "feedback.retracted", "feedback", fb, at, "{}");
      if (cUser) {
        notify(
          cUser,
          "feedback.retracted",
          `Feedback on your ${job} interview was withdrawn`,
          "/",
          at,
          Number.NaN,
        );
      }
    }
  }
  for (let g = 0; g < goalPlan.length; g++) {
    const p = goalPlan.get(g);
    const f = planFeedback.get(p);
    const cUser = candidateUser(intCand.get(fbInterview.get(f))) ?? "";
    record(
      cUser,
      "goal.created",
      "goal",
      goalId(g),
      planCreated.get(p),
      JSON.stringify({ planId: planId(p), feedbackItemId: itemId(goalItem.get(g)) }),
    );
  }
  // SLA reminders already sent for what went overdue in the last 30 days, keyed as the worker keys
  // them, so a worker started on this data does not send them again.
  const hasFeedback = new Uint8Array(N);
  for (let f = 0; f < F; f++)
    if (fbStatus.get(f) === PUBLISHED) hasFeedback[fbInterview.get(f)] = 1;
  for (let i = 0; i < N; i++) {
    if (intOutcome.get(i) !== REJECTED || hasFeedback[i]) continue;
    const due = intOutcomeAt.get(i) + sla;
    if (due >= now || due < now - 30 * DAY || intCons.get(i) >= activeConsultants) continue;
    notify(
      consultantUser(intCons.get(i)),
      "feedback.overdue",
      `Feedback for ${candName(intCand.get(i))} (${jobTitleOf(intJob.get(i))}) is overdue`,
      `/interviews/${interviewId(i)}/feedback`,
      Math.floor(due + 10 * MINUTE),
      noteRng.chance(0.5) && due + DAY < now ? Math.floor(due + DAY) : Number.NaN,
      `sla:${interviewId(i)}`,
    );
  }
  // Staff sign in most weekdays of the last two months.
  for (let u = 0; u < plan.admins + activeConsultants; u++) {
    const user = u < plan.admins ? userId(u) : consultantUser(u - plan.admins);
    for (let d = 60; d >= 1; d--) {
      const at = Math.floor(now - d * DAY + noteRng.between(7, 10) * HOUR);
      const weekday = new Date(at).getUTCDay();
      if (weekday === 0 || weekday === 6 || !noteRng.chance(0.85) || at >= now) continue;
      record(user, "auth.sign_in", "user", user, at, '{"portal":"consultant"}');
    }
  }
  await loader.copyDeferred(
    "notifications",
    "id, agency_id, user_id, kind, title, body, link, read_at, dedupe_key, created_at",
    notifications,
  );
  await loader.copyDeferred(
    "audit_events",
    "id, agency_id, actor_id, action, entity_type, entity_id, metadata, created_at",
    audit,
  );

  // The candidate with the most feedback is candidate 0; the feedback page to open is the latest.
  let latest = -1;
  for (let f = 0; f < F; f++) {
    if (intCand.get(fbInterview.get(f)) !== 0 || fbStatus.get(f) !== PUBLISHED) continue;
    if (latest < 0 || fbPub.get(f) > fbPub.get(latest)) latest = f;
  }
  return {
    agencyId,
    agencyName: plan.name,
    password: PASSWORD,
    admin: { email: adminEmail(0), id: userId(0) },
    consultant: {
      email: consultantEmail(0),
      id: consultantUser(0),
      name: consultantNames[0] ?? "",
    },
    candidate: {
      email: candEmail(0),
      id: candidateId(0),
      userId: candidateUser(0) ?? "",
      feedbackId: latest >= 0 ? feedbackId(latest) : "",
    },
    published,
    items: itemKind.length,
  };
}

// ---------------------------------------------------------------------------------------------
// Entry point

export type LargeSeedOptions = {
  /** 0 < scale <= 1; 1 is the full data set. */
  scale?: number;
  /** The clock the history ends at (ms). Same scale and same now: the same rows. */
  now?: number;
  /** Delete the large seed's agencies (and everything in them) first, instead of refusing. */
  reset?: boolean;
  log?: (message: string) => void;
};

export type LargeSeedResult = {
  summary: LargeSeedSummary;
  scale: number;
  now: string;
  tables: { table: string; rows: number; seconds: number }[];
  analyzeSeconds: number;
  totalSeconds: number;
};

/**
 * A TCP connection with Nagle's algorithm off. postgres.js ends a COPY with a separate small
 * CopyDone write; with Nagle on, it waits for the server's delayed ACK (40 ms) on every COPY.
 */
function noDelaySocket(url: string) {
  const u = new URL(url);
  const host = decodeURIComponent(u.hostname).replace(/^\[|\]$/g, "") || "localhost";
  const port = Number(u.port || 5432);
  return () =>
    new Promise<net.Socket>((resolve, reject) => {
      const socket = net.connect({ host, port, noDelay: true });
      socket.once("connect", () => {
        socket.off("error", reject);
        resolve(socket);
      });
      socket.once("error", reject);
    });
}

export class LargeSeedExistsError extends Error {
  constructor() {
    super(
      `the database already has the large agency (${LARGE_AGENCY.name}): run with --reset to replace it, or seed another database`,
    );
    this.name = "LargeSeedExistsError";
  }
}

/**
 * Loads Meridian Talent and the small agencies into ownerUrl's database (migrated already), as
 * the owner, in one transaction, then runs ANALYZE.
 */
export async function seedLarge(
  ownerUrl: string,
  options: LargeSeedOptions = {},
): Promise<LargeSeedResult> {
  const scale = options.scale ?? 1;
  if (!(scale > 0 && scale <= 1)) throw new Error(`scale must be in (0, 1], got ${scale}`);
  const now = options.now ?? Math.floor(Date.now() / MINUTE) * MINUTE;
  const log = options.log ?? (() => {});
  const started = performance.now();
  const sql = postgres(ownerUrl, {
    max: 1,
    onnotice: () => {},
    // Supported by postgres.js (an already connected socket), missing from its types.
    socket: noDelaySocket(ownerUrl),
  } as postgres.Options<Record<string, never>>);
  try {
    const passwordHash = await hashPassword(PASSWORD);
    const targets = largeTargets(scale);
    const plans = [meridianPlan(scale)];
    for (let no = 1; no <= targets.smallAgencies; no++) plans.push(smallPlan(no));
    const slugs = plans.map((p) => p.slug);
    const stats = await sql.begin(async (tx) => {
      await tx`set local statement_timeout = 0`;
      await tx`set local synchronous_commit = off`;
      await tx`select pg_advisory_xact_lock(${hash32("large-seed")})`;
      // The report facts' triggers would recompute every rejection once per COPY (and per
      // cascaded delete of a reset); off for the load, then one rebuild from the loaded rows.
      await tx`select debrief_report_triggers(false)`;
      const existing =
        await tx`select slug from agencies where slug = ${LARGE_AGENCY.slug} or slug like ${`${SMALL_SLUG}%`}`;
      if (existing.length) {
        if (!options.reset) throw new LargeSeedExistsError();
        const t0 = performance.now();
        await tx`delete from agencies where slug = ${LARGE_AGENCY.slug} or slug like ${`${SMALL_SLUG}%`}`;
        log(
          `reset: deleted ${existing.length} agencies in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
        );
      }
      const loader = new Loader(tx);
      let summary: LargeSeedSummary | undefined;
      for (const plan of plans) {
        const t0 = performance.now();
        // For an owner subject to row-level security; a superuser ignores it.
        await tx`select set_config('app.agency_id', ${idsFor(plan.no, "agencies")(0)}, true)`;
        const result = await seedAgency({ loader, now, passwordHash }, plan);
        if (plan.no === 0) {
          const { published: p, items, ...rest } = result;
          summary = rest;
          log(
            `${plan.name}: ${plan.interviews} interviews, ${p} published feedback, ${items} items in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
          );
        }
      }
      log(`small agencies: ${plans.length - 1} (${slugs.slice(1, 3).join(", ")}, ...)`);
      if (!summary) throw new Error("no large agency");
      const t0 = performance.now();
      await tx`select debrief_report_triggers(true)`;
      await tx`select debrief_report_rebuild()`;
      log(`report facts rebuilt in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
      return { loader, summary };
    });
    const t1 = performance.now();
    await sql`analyze`;
    // Marks the report facts' pages all-visible, so the reports read them by index alone.
    await sql`vacuum rejection_facts, gap_facts`;
    const analyzeSeconds = (performance.now() - t1) / 1000;
    const tables = [...stats.loader.stats.entries()].map(([table, s]) => ({
      table,
      rows: s.rows,
      seconds: Math.round(s.ms) / 1000,
    }));
    return {
      summary: stats.summary,
      scale,
      now: iso(now),
      tables,
      analyzeSeconds: Math.round(analyzeSeconds * 1000) / 1000,
      totalSeconds: Math.round(performance.now() - started) / 1000,
    };
  } finally {
    await sql.end();
  }
}

/** Writes the representative accounts where the bench reads them (.data/large-seed.json). */
export async function writeLargeSeedSummary(file: string, result: LargeSeedResult) {
  await mkdir(path.dirname(file), { recursive: true });
  const { summary } = result;
  const content = {
    agencyId: summary.agencyId,
    agencyName: summary.agencyName,
    password: summary.password,
    scale: result.scale,
    now: result.now,
    admin: summary.admin,
    consultant: summary.consultant,
    candidate: summary.candidate,
  };
  await writeFile(file, `${JSON.stringify(content, null, 2)}\n`);
  return content;
}
