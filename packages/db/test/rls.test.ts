// Row-level security, the last of the three isolation layers, checked against real PostgreSQL as
// the app role: no tenant sees nothing, one tenant never reads or writes another's rows, and the
// catalog proves every tenant table is covered.
import { type SQL, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createDb, type Database, withTenant } from "../src/client";
import * as s from "../src/schema";
import { type AgencyFixture, createAgencyFixture } from "../src/seed/factories";
import { fillEveryTable } from "./support/every-table";

// One connection: settings that leaked out of a transaction would be seen by the next query.
const app = createDb(inject("appUrl"), { max: 1 });
const owner = createDb(inject("ownerUrl"), { max: 2 });
const appRole = decodeURIComponent(new URL(inject("appUrl")).username);

// Tables with no agency_id, on purpose: agencies is the tenant itself (own policy on id), and
// login_attempts is written before anyone knows the agency.
// The tenant itself, sign-in throttling (before any tenant is known) and signed-out session ids.
const NOT_TENANT_TABLES = ["agencies", "login_attempts", "revoked_sessions"];

let a: AgencyFixture;
let b: AgencyFixture;
let tenantTables: string[];

class Rollback extends Error {}

function codeOf(error: unknown): string | undefined {
  for (let e = error; e && typeof e === "object"; e = (e as { cause?: unknown }).cause) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return undefined;
}

/** Resolves to the SQLSTATE the operation failed with; fails the test if it succeeded. */
async function sqlState(operation: Promise<unknown>): Promise<string | undefined> {
  const outcome = await operation.then(
    () => ({ failed: false as const }),
    (error: unknown) => ({ failed: true as const, error }),
  );
  if (!outcome.failed) throw new Error("expected the statement to be refused, but it succeeded");
  return codeOf(outcome.error);
}

const INSUFFICIENT_PRIVILEGE = "42501"; // also what a WITH CHECK violation reports
const FOREIGN_KEY_VIOLATION = "23503";

const tenantOf = (f: AgencyFixture) => ({
  agencyId: f.agencyId,
  userId: f.users.admin.id,
  role: "admin" as const,
});

async function rowsByAgency(db: Database, table: string, where?: SQL) {
  const column = table === "agencies" ? sql.identifier("id") : sql.identifier("agency_id");
  const filter = where ? sql` where ${where}` : sql``;
  const rows = await db.execute<{ agency: string; n: number }>(
    sql`select ${column}::text as agency, count(*)::int as n from ${sql.identifier(table)}${filter} group by 1`,
  );
  return new Map(rows.map((r) => [r.agency, r.n]));
}

beforeAll(async () => {
  a = await createAgencyFixture(app, { label: "RLS A" });
  b = await createAgencyFixture(app, { label: "RLS B" });
  await fillEveryTable(app, a);
  await fillEveryTable(app, b);
  const rows = await owner.execute<{ name: string }>(sql`
    select c.relname as name
    from pg_class c
    join pg_namespace n on n.oid = c.relnamespace
    join pg_attribute at on at.attrelid = c.oid and at.attname = 'agency_id' and not at.attisdropped
    where n.nspname = 'public' and c.relkind in ('r', 'p')
    order by 1`);
  tenantTables = rows.map((r) => r.name);
});

afterAll(async () => {
  await app.$client.end();
  await owner.$client.end();
});

describe("the fixture", () => {
  it("puts rows of both agencies in every tenant table, so every check below has data to leak", async () => {
    expect(tenantTables.length).toBeGreaterThanOrEqual(25);
    const empty: string[] = [];
    for (const table of [...tenantTables, "agencies"]) {
      const counts = await rowsByAgency(owner, table);
      for (const f of [a, b]) {
        if (!counts.get(f.agencyId)) empty.push(`${table} (${f.slug})`);
      }
    }
    // A new tenant table belongs in test/support/every-table.ts.
    expect(empty).toEqual([]);
  });
});

describe("without a tenant", () => {
  it("reads zero rows from every tenant table and from agencies", async () => {
    const visible: string[] = [];
    for (const table of [...tenantTables, "agencies"]) {
      const counts = await rowsByAgency(app, table);
      if (counts.size) visible.push(table);
    }
    expect(visible).toEqual([]);
  });

  it("reads zero rows inside a transaction where the setting is empty", async () => {
    const n = await app.transaction(async (tx) => {
      await tx.execute(sql`select set_config('app.agency_id', '', true)`);
      const rows = await tx.select({ id: s.candidates.id }).from(s.candidates);
      return rows.length;
    });
    expect(n).toBe(0);
  });

  it("cannot insert, even with a correct agency id", async () => {
    expect(
      await sqlState(app.insert(s.clients).values({ agencyId: a.agencyId, name: "Sneaky" })),
    ).toBe(INSUFFICIENT_PRIVILEGE);
    expect(
      await sqlState(
        app.insert(s.agencies).values({ name: "Rogue", slug: `rogue-${crypto.randomUUID()}` }),
      ),
    ).toBe(INSUFFICIENT_PRIVILEGE);
  });

  it("cannot update or delete anything", async () => {
    const updated = await app.execute(
      sql`update clients set name = 'x' where agency_id = ${a.agencyId}::uuid returning 1`,
    );
    const deleted = await app.execute(
      sql`delete from candidates where agency_id = ${a.agencyId}::uuid returning 1`,
    );
    expect([updated.length, deleted.length]).toEqual([0, 0]);
  });
});

describe("inside agency A's transaction", () => {
  it("sees only A's rows in every table, even when the query forgets the agency filter", async () => {
    const seen = await withTenant(app, tenantOf(a), async (tx) => {
      const result: Record<string, string[]> = {};
      for (const table of [...tenantTables, "agencies"]) {
        const rows = await tx.execute<{ agency: string }>(
          sql`select distinct ${sql.identifier(table === "agencies" ? "id" : "agency_id")}::text as agency from ${sql.identifier(table)}`,
        );
        result[table] = rows.map((r) => r.agency);
      }
      return result;
    });
    const expected = Object.fromEntries(
      [...tenantTables, "agencies"].map((t) => [t, [a.agencyId]]),
    );
    expect(seen).toEqual(expected);
  });

  it("has the tenant set for its first statement, and for statements issued together", async () => {
    // withTenant does not wait for its set_config: the first statement travels with it.
    const settings = sql`select current_setting('app.agency_id', true) as agency,
                                current_setting('app.user_id', true) as "user",
                                current_setting('app.role', true) as role`;
    const [first, ...together] = await withTenant(app, tenantOf(a), (tx) =>
      Promise.all([tx.execute(settings), tx.execute(settings), tx.execute(settings)]),
    );
    const expected = { agency: a.agencyId, user: a.users.admin.id, role: "admin" };
    for (const rows of [first, ...together]) expect(rows?.[0]).toEqual(expected);
  });

  it("rolls back and answers the error when the tenant cannot be used, and the pool goes on", async () => {
    await expect(
      withTenant(app, { ...tenantOf(a), agencyId: "not-a-uuid" }, (tx) =>
        tx.execute(sql`select count(*) from candidates`),
      ),
    ).rejects.toMatchObject({ cause: { code: "22P02" } });
    const rows = await withTenant(app, tenantOf(a), (tx) =>
      tx.execute<{ agency: string }>(
        sql`select distinct agency_id::text as agency from candidates`,
      ),
    );
    expect(rows.map((r) => r.agency)).toEqual([a.agencyId]);
  });

  it("cannot find B's rows by id", async () => {
    const found = await withTenant(app, tenantOf(a), async (tx) => ({
      candidate: await tx.query.candidates.findFirst({
        where: (c, { eq }) => eq(c.id, b.candidates.a),
      }),
      feedback: await tx.query.feedback.findFirst({
        where: (f, { eq }) => eq(f.id, b.feedback.published.id),
      }),
      user: await tx.query.users.findFirst({ where: (u, { eq }) => eq(u.id, b.users.admin.id) }),
    }));
    expect(found).toEqual({ candidate: undefined, feedback: undefined, user: undefined });
  });

  it("updates and deletes none of B's rows in any table", async () => {
    const before = new Map<string, number>();
    for (const table of [...tenantTables, "agencies"]) {
      before.set(table, (await rowsByAgency(owner, table)).get(b.agencyId) ?? 0);
    }
    const touched: Record<string, number> = {};
    // Rolled back whatever happens, so a failure here cannot damage B for the other tests.
    await withTenant(app, tenantOf(a), async (tx) => {
      for (const table of [...tenantTables, "agencies"]) {
        if (table === "audit_events") continue; // no UPDATE/DELETE grant at all: tested below
        const key = sql.identifier(table === "agencies" ? "id" : "agency_id");
        const t = sql.identifier(table);
        const updated = await tx.execute(
          sql`update ${t} set ${key} = ${key} where ${key} = ${b.agencyId}::uuid returning 1`,
        );
        const deleted = await tx.execute(
          sql`delete from ${t} where ${key} = ${b.agencyId}::uuid returning 1`,
        );
        touched[table] = updated.length + deleted.length;
      }
      throw new Rollback();
    }).catch((error: unknown) => {
      if (!(error instanceof Rollback)) throw error;
    });
    expect(Object.entries(touched).filter(([, n]) => n > 0)).toEqual([]);
    expect(Object.keys(touched).length).toBe(tenantTables.length); // every table but audit_events, plus agencies
    for (const table of [...tenantTables, "agencies"]) {
      expect((await rowsByAgency(owner, table)).get(b.agencyId) ?? 0, table).toBe(
        before.get(table),
      );
    }
  });

  it("cannot insert a row carrying B's agency id", async () => {
    const attempts = {
      clients: withTenant(app, tenantOf(a), (tx) =>
        tx.insert(s.clients).values({ agencyId: b.agencyId, name: "Planted" }),
      ),
      outbox: withTenant(app, tenantOf(a), (tx) =>
        tx.insert(s.outbox).values({ agencyId: b.agencyId, topic: "x", payload: {} }),
      ),
      audit_events: withTenant(app, tenantOf(a), (tx) =>
        tx.insert(s.auditEvents).values({ agencyId: b.agencyId, action: "x", entityType: "x" }),
      ),
      agencies: withTenant(app, tenantOf(a), (tx) =>
        tx.insert(s.agencies).values({ name: "Another", slug: `another-${crypto.randomUUID()}` }),
      ),
    };
    const codes: Record<string, string | undefined> = {};
    for (const [table, attempt] of Object.entries(attempts)) codes[table] = await sqlState(attempt);
    expect(codes).toEqual({
      clients: INSUFFICIENT_PRIVILEGE,
      outbox: INSUFFICIENT_PRIVILEGE,
      audit_events: INSUFFICIENT_PRIVILEGE,
      agencies: INSUFFICIENT_PRIVILEGE,
    });
  });

  it("cannot move one of its own rows into B", async () => {
    const code = await sqlState(
      withTenant(app, tenantOf(a), (tx) =>
        tx.execute(
          sql`update clients set agency_id = ${b.agencyId}::uuid where id = ${a.clientId}::uuid`,
        ),
      ),
    );
    expect(code).toBe(INSUFFICIENT_PRIVILEGE);
    const [client] = await owner.execute<{ agency: string }>(
      sql`select agency_id::text as agency from clients where id = ${a.clientId}::uuid`,
    );
    expect(client?.agency).toBe(a.agencyId);
  });
});

describe("composite foreign keys", () => {
  it("stop a row from pointing into another agency even where row-level security is bypassed", async () => {
    // The owner is a superuser: RLS does not apply, so only the (agency_id, id) keys can refuse.
    const interview = await sqlState(
      owner.insert(s.interviews).values({
        agencyId: a.agencyId,
        candidateId: b.candidates.a,
        jobId: a.jobId,
        consultantId: a.users.consultant.id,
        stage: "first",
        scheduledAt: new Date(),
      }),
    );
    const item = await sqlState(
      owner.insert(s.feedbackItems).values({
        agencyId: a.agencyId,
        feedbackId: b.feedback.published.id,
        lens: "skills_experience",
        kind: "strength",
        detail: "planted",
      }),
    );
    const competency = await sqlState(
      owner.insert(s.feedbackItems).values({
        agencyId: a.agencyId,
        feedbackId: a.feedback.published.id,
        lens: "skills_experience",
        kind: "strength",
        competencyId: b.competencies[0]?.id,
        detail: "planted",
      }),
    );
    expect([interview, item, competency]).toEqual([
      FOREIGN_KEY_VIOLATION,
      FOREIGN_KEY_VIOLATION,
      FOREIGN_KEY_VIOLATION,
    ]);
  });

  it("refuse B's consultant as the owner of A's candidate, as the app role", async () => {
    const code = await sqlState(
      withTenant(app, tenantOf(a), (tx) =>
        tx.insert(s.candidates).values({
          agencyId: a.agencyId,
          name: "Crossed Wires",
          email: `crossed-${crypto.randomUUID()}@example.test`,
          ownerId: b.users.consultant.id,
        }),
      ),
    );
    expect(code).toBe(FOREIGN_KEY_VIOLATION);
  });
});

describe("the catalog", () => {
  type TableSecurity = {
    name: string;
    rls: boolean;
    forced: boolean;
    policies: { name: string; permissive: string; cmd: string; qual: string; check: string }[];
  };

  async function security(): Promise<TableSecurity[]> {
    return owner.execute<TableSecurity>(sql`
      select c.relname as name, c.relrowsecurity as rls, c.relforcerowsecurity as forced,
        coalesce(
          (select json_agg(json_build_object('name', p.policyname, 'permissive', p.permissive,
             'cmd', p.cmd, 'qual', coalesce(p.qual, ''), 'check', coalesce(p.with_check, '')))
           from pg_policies p where p.schemaname = 'public' and p.tablename = c.relname),
          '[]'::json) as policies
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind in ('r', 'p')
      order by 1`);
  }

  it("has no public table without agency_id except the tenant, sign-in throttling and revoked sessions", async () => {
    const all = (await security()).map((t) => t.name);
    expect(all.filter((t) => !tenantTables.includes(t))).toEqual(NOT_TENANT_TABLES);
  });

  it("enables and forces row-level security on every table with agency_id, and on agencies", async () => {
    const problems: string[] = [];
    for (const t of await security()) {
      if (!tenantTables.includes(t.name) && t.name !== "agencies") continue;
      const key = t.name === "agencies" ? "id" : "agency_id";
      if (!t.rls) problems.push(`${t.name}: row-level security not enabled`);
      if (!t.forced) problems.push(`${t.name}: row-level security not forced`);
      const tenant = t.policies.find((p) => p.name === "tenant_isolation");
      if (!tenant) {
        problems.push(`${t.name}: no tenant_isolation policy`);
        continue;
      }
      for (const [what, expr] of [
        ["USING", tenant.qual],
        ["WITH CHECK", tenant.check],
      ] as const) {
        if (!expr.includes(`(${key} =`) || !expr.includes("current_setting('app.agency_id'")) {
          problems.push(`${t.name}: ${what} does not compare ${key} with app.agency_id: ${expr}`);
        }
      }
      if (tenant.cmd !== "ALL")
        problems.push(`${t.name}: tenant_isolation covers ${tenant.cmd} only`);
      // Permissive policies are OR-ed: any other one could widen what a tenant sees.
      const others = t.policies.filter(
        (p) => p.name !== "tenant_isolation" && p.permissive === "PERMISSIVE",
      );
      if (others.length)
        problems.push(`${t.name}: extra permissive policies ${others.map((p) => p.name)}`);
    }
    expect(problems).toEqual([]);
  });

  it("connects the app as a role that is no superuser, bypasses nothing and owns nothing", async () => {
    const [me] = await app.execute<{ name: string; superuser: boolean; bypass: boolean }>(sql`
      select rolname as name, rolsuper as superuser, rolbypassrls as bypass
      from pg_roles where rolname = current_user`);
    expect(me).toEqual({ name: appRole, superuser: false, bypass: false });

    const owned = await owner.execute<{ name: string }>(sql`
      select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname not in ('pg_catalog', 'information_schema')
        and pg_has_role(${appRole}, c.relowner, 'MEMBER')`);
    expect(owned).toEqual([]);

    const privilegedRoles = await owner.execute<{ name: string }>(sql`
      select r.rolname as name from pg_roles r
      where pg_has_role(${appRole}, r.oid, 'MEMBER') and (r.rolsuper or r.rolbypassrls)`);
    expect(privilegedRoles).toEqual([]);
  });
});

describe("audit_events", () => {
  it("accepts inserts from the app role but refuses UPDATE, DELETE and TRUNCATE", async () => {
    const [event] = await withTenant(app, tenantOf(a), (tx) =>
      tx
        .insert(s.auditEvents)
        .values({ agencyId: a.agencyId, action: "test.append", entityType: "agency" })
        .returning({ id: s.auditEvents.id }),
    );
    if (!event) throw new Error("audit insert returned no row");
    const id = event.id;
    const codes = [
      await sqlState(
        withTenant(app, tenantOf(a), (tx) =>
          tx.execute(sql`update audit_events set action = 'rewritten' where id = ${id}::uuid`),
        ),
      ),
      await sqlState(
        withTenant(app, tenantOf(a), (tx) =>
          tx.execute(sql`delete from audit_events where id = ${id}::uuid`),
        ),
      ),
      await sqlState(withTenant(app, tenantOf(a), (tx) => tx.execute(sql`truncate audit_events`))),
    ];
    expect(codes).toEqual([INSUFFICIENT_PRIVILEGE, INSUFFICIENT_PRIVILEGE, INSUFFICIENT_PRIVILEGE]);
    const [kept] = await owner.execute<{ action: string }>(
      sql`select action from audit_events where id = ${id}::uuid`,
    );
    expect(kept?.action).toBe("test.append");
  });
});

describe("tenant settings", () => {
  const settings = sql`select current_setting('app.agency_id', true) as agency,
    current_setting('app.user_id', true) as "user", current_setting('app.role', true) as role`;
  type Settings = { agency: string | null; user: string | null; role: string | null };
  const cleared = (row: Settings | undefined) => [
    row?.agency ?? "",
    row?.user ?? "",
    row?.role ?? "",
  ];

  it("are set inside withTenant", async () => {
    const [row] = await withTenant(app, tenantOf(a), (tx) => tx.execute<Settings>(settings));
    expect(row).toEqual({ agency: a.agencyId, user: a.users.admin.id, role: "admin" });
  });

  it("do not outlive a committed transaction on the same connection", async () => {
    const inside = await withTenant(app, tenantOf(a), (tx) =>
      tx.select({ id: s.candidates.id }).from(s.candidates),
    );
    expect(inside.length).toBeGreaterThan(0);
    const [row] = await app.execute<Settings>(settings);
    expect(cleared(row)).toEqual(["", "", ""]);
    expect(await app.select({ id: s.candidates.id }).from(s.candidates)).toEqual([]);
  });

  it("do not outlive a rolled-back transaction on the same connection", async () => {
    await withTenant(app, tenantOf(a), async () => {
      throw new Rollback();
    }).catch((error: unknown) => {
      if (!(error instanceof Rollback)) throw error;
    });
    const [row] = await app.execute<Settings>(settings);
    expect(cleared(row)).toEqual(["", "", ""]);
    expect(await app.select({ id: s.users.id }).from(s.users)).toEqual([]);
  });

  it("are passed as parameters: SQL in a tenant value neither widens nor switches the tenant", async () => {
    const injected = `${a.agencyId}', true), set_config('app.agency_id', '${b.agencyId}`;
    const outcome = await withTenant(
      app,
      { agencyId: injected, userId: null, role: "admin" },
      (tx) => tx.select({ agencyId: s.candidates.agencyId }).from(s.candidates),
    ).then(
      (rows) => ({ rows }),
      (error: unknown) => ({ code: codeOf(error) }),
    );
    // The whole string is one (invalid) uuid to the policy: the query fails rather than leak.
    expect(outcome).toEqual({ code: "22P02" });
  });
});
