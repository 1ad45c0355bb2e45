// The large-agency seed (seed/large.ts) at a tiny scale, into two databases of its own: the counts
// its scale promises, the same rows twice, every row readable by its own tenant through row-level
// security, and the accounts file the bench signs in with.
import { spawnSync } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createDb, type Database, withTenant } from "../src/client";
import { verifyPassword } from "../src/password";
import { DEMO_PASSWORD } from "../src/seed";
import {
  LARGE_AGENCY,
  LargeSeedExistsError,
  type LargeSeedResult,
  largeTargets,
  seedLarge,
  writeLargeSeedSummary,
} from "../src/seed/large";
import { createTestDatabase, reportFactsDrift } from "../src/testing";

const SCALE = 0.002;
const NOW = Date.parse("2026-06-15T09:30:00Z");
const targets = largeTargets(SCALE);

type TestDb = Awaited<ReturnType<typeof createTestDatabase>>;
let first: TestDb;
let second: TestDb;
let owner: Database;
let owner2: Database;
let app: Database;
let result: LargeSeedResult;
let result2: LargeSeedResult;

async function one<T>(db: Database, query: ReturnType<typeof sql>): Promise<T> {
  const [row] = await db.execute<Record<string, T>>(query);
  return Object.values(row ?? {})[0] as T;
}

async function tableCounts(db: Database): Promise<Record<string, number>> {
  const tables = await db.execute<{ name: string }>(
    sql`select tablename as name from pg_tables where schemaname = 'public' order by 1`,
  );
  const counts: Record<string, number> = {};
  for (const { name } of tables) {
    counts[name] = await one<number>(db, sql`select count(*)::int from ${sql.identifier(name)}`);
  }
  return counts;
}

/** A digest of whole rows, in id order: equal digests, equal tables (argon2 salts differ). */
const digest = (db: Database, table: string) =>
  one<string>(
    db,
    sql`select md5(coalesce(string_agg((to_jsonb(t) - 'password_hash')::text, '|' order by t.id), ''))
        from ${sql.identifier(table)} t`,
  );

beforeAll(async () => {
  [first, second] = await Promise.all([
    createTestDatabase(inject("ownerUrl")),
    createTestDatabase(inject("ownerUrl")),
  ]);
  owner = createDb(first.ownerUrl, { max: 2 });
  owner2 = createDb(second.ownerUrl, { max: 1 });
  app = createDb(first.appUrl, { max: 1 });
  result = await seedLarge(first.ownerUrl, { scale: SCALE, now: NOW });
  result2 = await seedLarge(second.ownerUrl, { scale: SCALE, now: NOW });
}, 60_000);

afterAll(async () => {
  await owner?.$client.end();
  await owner2?.$client.end();
  await app?.$client.end();
  await first?.drop();
  await second?.drop();
});

describe("seedLarge", () => {
  it("loads the counts its scale promises", async () => {
    const m = result.summary.agencyId;
    const count = (table: string, where = sql`true`) =>
      one<number>(
        owner,
        sql`select count(*)::int from ${sql.identifier(table)} where agency_id = ${m} and ${where}`,
      );
    expect(await one<number>(owner, sql`select count(*)::int from agencies`)).toBe(
      1 + targets.smallAgencies,
    );
    expect(await count("users", sql`role = 'admin'`)).toBe(targets.admins);
    expect(await count("users", sql`role = 'consultant' and status <> 'invited'`)).toBe(
      targets.consultants,
    );
    expect(await count("users", sql`role = 'candidate'`)).toBe(targets.loginCandidates);
    expect(await count("candidates")).toBe(targets.candidates);
    expect(await count("candidates", sql`user_id is not null`)).toBe(targets.loginCandidates);
    expect(await count("clients")).toBe(targets.clients);
    expect(await count("jobs")).toBe(targets.jobs);
    expect(await count("interviews")).toBe(targets.interviews);

    // Derived counts: about 60 % of interviews end in published feedback, five items each, plans
    // for a quarter of it, and some rejections still owed.
    const published = await count("feedback", sql`status = 'published'`);
    expect(published / targets.interviews).toBeGreaterThan(0.5);
    expect(published / targets.interviews).toBeLessThan(0.7);
    const items = await one<number>(
      owner,
      sql`select count(*)::int from feedback_items i join feedback f on f.id = i.feedback_id
          where f.agency_id = ${m} and f.status = 'published'`,
    );
    expect(items / published).toBeGreaterThan(4.5);
    expect(items / published).toBeLessThan(5.5);
    const plans = await count("action_plans");
    expect(plans / published).toBeGreaterThan(0.18);
    expect(plans / published).toBeLessThan(0.32);
    const rejected = await count("interviews", sql`outcome = 'rejected'`);
    expect(rejected / targets.interviews).toBeGreaterThan(0.55);
    expect(rejected / targets.interviews).toBeLessThan(0.7);
    const owed = await one<number>(
      owner,
      sql`select count(*)::int from interviews i
          where i.agency_id = ${m} and i.outcome = 'rejected' and not exists (
            select 1 from feedback f where f.agency_id = i.agency_id and f.interview_id = i.id
              and f.status = 'published')`,
    );
    expect(owed).toBeGreaterThan(0);
    for (const table of [
      "item_responses",
      "goals",
      "goal_steps",
      "journal_entries",
      "audit_events",
    ]) {
      expect(await count(table), table).toBeGreaterThan(0);
    }

    // The report of what was loaded matches the database.
    const counts = await tableCounts(owner);
    for (const t of result.tables) expect(counts[t.table], t.table).toBe(t.rows);
  });

  it("gives the same rows and ids for the same scale and clock", async () => {
    expect(await tableCounts(owner2)).toEqual(await tableCounts(owner));
    expect(result2.summary).toEqual(result.summary);
    for (const table of ["users", "interviews", "feedback", "feedback_items", "goals"]) {
      expect(await digest(owner2, table), table).toBe(await digest(owner, table));
    }
  });

  it("leaves the report facts exact: rebuilt once after the load, with the triggers back on", async () => {
    const [facts] = await owner.execute<{ n: number; triggers: number }>(sql`
      select (select count(*) from rejection_facts)::int as n,
             (select count(*) from pg_trigger
              where tgname like 'report\_facts\_%' and tgenabled = 'O')::int as triggers`);
    expect(facts?.n).toBeGreaterThan(0);
    expect(facts?.triggers).toBe(21);
    expect(await reportFactsDrift(owner)).toBe(0);
  });

  it("puts every row where its own agency reads it through row-level security", async () => {
    const agencies = await owner.execute<{ id: string }>(sql`select id from agencies order by id`);
    for (const table of [
      "candidates",
      "interviews",
      "feedback",
      "feedback_items",
      "goals",
      "notifications",
      "audit_events",
    ]) {
      const total = await one<number>(
        owner,
        sql`select count(*)::int from ${sql.identifier(table)}`,
      );
      let seen = 0;
      for (const { id } of agencies) {
        seen += await withTenant(app, { agencyId: id, userId: null, role: "admin" }, (tx) =>
          tx
            .execute<{ n: number }>(sql`select count(*)::int as n from ${sql.identifier(table)}`)
            .then(([row]) => row?.n ?? 0),
        );
      }
      expect(seen, table).toBe(total);
    }
  });

  it("writes the accounts to sign in with", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "large-seed-"));
    try {
      const file = path.join(dir, "large-seed.json");
      await writeLargeSeedSummary(file, result);
      const json = JSON.parse(await readFile(file, "utf8"));
      const m = result.summary.agencyId;
      expect(json).toMatchObject({
        agencyId: m,
        admin: { email: `admin@${LARGE_AGENCY.domain}` },
        consultant: { email: `consultant@${LARGE_AGENCY.domain}` },
        candidate: { email: `candidate@${LARGE_AGENCY.domain}` },
      });
      const [admin] = await owner.execute<{ role: string; hash: string; agency: string }>(
        sql`select role, password_hash as hash, agency_id as agency from users where email = ${json.admin.email}`,
      );
      expect(admin).toMatchObject({ role: "admin", agency: m });
      expect(await verifyPassword(admin?.hash ?? "", DEMO_PASSWORD)).toBe(true);
      const [consultant] = await owner.execute<{ email: string; role: string }>(
        sql`select email, role from users where id = ${json.consultant.id}`,
      );
      expect(consultant).toEqual({ email: json.consultant.email, role: "consultant" });
      // The candidate has a login, the most published feedback in the agency, and feedbackId is
      // their latest.
      const [candidate] = await owner.execute<{ email: string; user: string }>(
        sql`select c.email, u.email as user from candidates c join users u on u.id = c.user_id
            where c.id = ${json.candidate.id} and c.agency_id = ${m}`,
      );
      expect(candidate).toEqual({ email: json.candidate.email, user: json.candidate.email });
      const [busiest] = await owner.execute<{ id: string }>(
        sql`select i.candidate_id as id from feedback f
            join interviews i on i.agency_id = f.agency_id and i.id = f.interview_id
            where f.agency_id = ${m} and f.status = 'published'
            group by 1 order by count(*) desc limit 1`,
      );
      expect(busiest?.id).toBe(json.candidate.id);
      const [latest] = await owner.execute<{ id: string }>(
        sql`select f.id from feedback f
            join interviews i on i.agency_id = f.agency_id and i.id = f.interview_id
            where i.candidate_id = ${json.candidate.id} and f.status = 'published'
            order by f.published_at desc limit 1`,
      );
      expect(latest?.id).toBe(json.candidate.feedbackId);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("refuses a database that has the large agency, unless told to reset", async () => {
    await expect(seedLarge(second.ownerUrl, { scale: SCALE, now: NOW })).rejects.toBeInstanceOf(
      LargeSeedExistsError,
    );
    const before = await tableCounts(owner2);
    const again = await seedLarge(second.ownerUrl, { scale: SCALE, now: NOW, reset: true });
    expect(again.summary).toEqual(result.summary);
    expect(await tableCounts(owner2)).toEqual(before);
  });

  it("refuses a server that is not on this machine", () => {
    const cli = fileURLToPath(new URL("../src/cli/seed-large.ts", import.meta.url));
    const run = spawnSync(process.execPath, ["--import", "tsx", cli, "--scale=0.001"], {
      env: { ...process.env, DATABASE_URL: "postgres://owner@db.example.com:5432/debrief" },
      encoding: "utf8",
    });
    expect(run.status).not.toBe(0);
    expect(run.stderr).toMatch(/refusing to seed demo accounts into a non-local server/);
  });
});
