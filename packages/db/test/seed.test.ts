// The demo seed (product.md §6) on a database of its own: demo emails are unique across Debrief,
// so it cannot share the package's test database with other files' agencies.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createDb, type Database } from "../src/client";
import { verifyPassword } from "../src/password";
import { DEMO_PASSWORD, seedDemo } from "../src/seed";
import { createTestDatabase } from "../src/testing";

// Written out from product.md §6 rather than read from the seed, so the seed cannot drift from it.
const accounts = [
  ["Northwind Talent", "admin@northwind.test", "admin"],
  ["Northwind Talent", "consultant@northwind.test", "consultant"],
  ["Northwind Talent", "consultant2@northwind.test", "consultant"],
  ["Northwind Talent", "candidate@northwind.test", "candidate"],
  ["Northwind Talent", "candidate2@northwind.test", "candidate"],
  ["Globex Recruiting", "admin@globex.test", "admin"],
  ["Globex Recruiting", "consultant@globex.test", "consultant"],
  ["Globex Recruiting", "candidate@globex.test", "candidate"],
] as const;

const HOUR = 3_600_000;

let fresh: Awaited<ReturnType<typeof createTestDatabase>>;
let owner: Database;
let app: Database;
let firstRun: { seeded: boolean };
const seededAt = Date.now();

async function tableCounts(db: Database): Promise<Record<string, number>> {
  const tables = await db.execute<{ name: string }>(
    sql`select tablename as name from pg_tables where schemaname = 'public' order by 1`,
  );
  const counts: Record<string, number> = {};
  for (const { name } of tables) {
    const [row] = await db.execute<{ n: number }>(
      sql`select count(*)::int as n from ${sql.identifier(name)}`,
    );
    counts[name] = row?.n ?? -1;
  }
  return counts;
}

beforeAll(async () => {
  fresh = await createTestDatabase(inject("ownerUrl"));
  // The seed runs as the owner, like `npm run db:seed`; the app role is used to sign in below.
  owner = createDb(fresh.ownerUrl, { max: 2 });
  app = createDb(fresh.appUrl, { max: 1 });
  firstRun = await seedDemo(owner, { now: seededAt });
});

afterAll(async () => {
  await owner?.$client.end();
  await app?.$client.end();
  await fresh?.drop();
});

describe("seedDemo", () => {
  it("seeds an empty database", () => {
    expect(firstRun).toEqual({ seeded: true });
  });

  it("creates exactly the demo accounts of §6, active, in the right agency and role", async () => {
    const rows = await owner.execute<{
      agency: string;
      email: string;
      role: string;
      status: string;
    }>(
      sql`select a.name as agency, u.email, u.role::text as role, u.status::text as status
          from users u join agencies a on a.id = u.agency_id`,
    );
    const byEmail = (x: { email: string }, y: { email: string }) => x.email.localeCompare(y.email);
    const expected = accounts.map(([agency, email, role]) => ({
      agency,
      email,
      role,
      status: "active",
    }));
    expect(rows.sort(byEmail)).toEqual(expected.sort(byEmail));
  });

  it("lets every demo account sign in with the demo password, looked up as the app role", async () => {
    const failures: string[] = [];
    for (const [, email] of accounts) {
      const [user] = await app.execute<{ password_hash: string | null }>(
        sql`select password_hash from debrief_auth_user_by_email(${email.toUpperCase()})`,
      );
      if (!user?.password_hash || !(await verifyPassword(user.password_hash, DEMO_PASSWORD))) {
        failures.push(email);
      }
    }
    expect(failures).toEqual([]);
  });

  it("links each candidate login to a candidate record owned by a consultant of the same agency", async () => {
    const rows = await owner.execute<{ email: string; owner_role: string | null }>(sql`
      select u.email, o.role::text as owner_role
      from users u
      left join candidates c on c.user_id = u.id and c.agency_id = u.agency_id
      left join users o on o.id = c.owner_id and o.agency_id = c.agency_id
      where u.role = 'candidate'`);
    expect(rows.sort((x, y) => x.email.localeCompare(y.email))).toEqual([
      { email: "candidate@globex.test", owner_role: "consultant" },
      { email: "candidate@northwind.test", owner_role: "consultant" },
      { email: "candidate2@northwind.test", owner_role: "consultant" },
    ]);
  });

  it("leaves rejected interviews owed feedback in both agencies, some beyond the 72-hour SLA", async () => {
    const rows = await owner.execute<{ agency: string; owed: number; overdue: number }>(sql`
      select a.name as agency, count(*)::int as owed,
        count(*) filter (where i.outcome_at < ${new Date(seededAt - 72 * HOUR).toISOString()}::timestamptz)::int as overdue
      from interviews i
      join agencies a on a.id = i.agency_id
      left join feedback f on f.agency_id = i.agency_id and f.interview_id = i.id
      where i.outcome = 'rejected' and (f.id is null or f.status <> 'published')
      group by a.name order by a.name`);
    expect(rows.map((r) => r.agency)).toEqual(["Globex Recruiting", "Northwind Talent"]);
    for (const row of rows) {
      expect(row.overdue, row.agency).toBeGreaterThan(0);
      expect(row.owed - row.overdue, `${row.agency} within the SLA`).toBeGreaterThan(0);
    }
  });

  it("publishes good feedback to candidate@northwind.test: a strength and a gap with a next step", async () => {
    const rows = await owner.execute<{
      id: string;
      published_at: Date | null;
      strengths: number;
      gaps_with_next_step: number;
    }>(sql`
      select f.id, f.published_at,
        (select count(*)::int from feedback_items fi where fi.feedback_id = f.id and fi.kind = 'strength') as strengths,
        (select count(*)::int from feedback_items fi where fi.feedback_id = f.id and fi.kind = 'gap'
           and fi.next_step is not null and fi.reason_id is not null) as gaps_with_next_step
      from users u
      join candidates c on c.user_id = u.id
      join interviews i on i.candidate_id = c.id and i.agency_id = c.agency_id
      join feedback f on f.interview_id = i.id and f.agency_id = i.agency_id
      where u.email = 'candidate@northwind.test' and f.status = 'published'`);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row.published_at).not.toBeNull();
      expect(row.strengths).toBeGreaterThan(0);
      expect(row.gaps_with_next_step).toBeGreaterThan(0);
    }
  });

  it("is a no-op when run again", async () => {
    const before = await tableCounts(owner);
    expect(await seedDemo(owner)).toEqual({ seeded: false });
    expect(await tableCounts(owner)).toEqual(before);
    expect(before.agencies).toBe(2);
  });
});
