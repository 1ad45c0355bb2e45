// Row-level security as the backstop (issue 7, item 2): the isolation matrix run straight against
// PostgreSQL as the app role, with each persona's settings, over every tenant table the catalog
// lists. packages/db/test/rls.test.ts checks the catalog (RLS enabled, forced, one policy per
// table) and the admin of one agency; this file runs every persona and every table through the
// same probe that rls-policies.test.ts shows failing once a policy is broken.
import { createDb, sql, withTenant } from "@debrief/db";
import { type AgencyFixture, createAgencyFixture } from "@debrief/db/factories";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { fillEveryTable } from "../../db/test/support/every-table";
import {
  type CaseResult,
  type Persona,
  personasOf,
  pgErrorOf,
  probe,
  type TableInfo,
  tenantTables,
} from "./rls-support";

const app = createDb(inject("appUrl"), { max: 4 });
const owner = createDb(inject("ownerUrl"), { max: 2 });
const appRole = decodeURIComponent(new URL(inject("appUrl")).username);

let x: AgencyFixture;
let y: AgencyFixture;
let tables: TableInfo[];
let personas: Persona[];

beforeAll(async () => {
  x = await createAgencyFixture(app, { label: "RLS matrix X" });
  y = await createAgencyFixture(app, { label: "RLS matrix Y" });
  await fillEveryTable(app, x);
  await fillEveryTable(app, y);
  tables = await tenantTables(owner, appRole);
  personas = personasOf(x, y);
});

afterAll(async () => {
  await app.$client.end();
  await owner.$client.end();
});

describe("the isolation matrix, as the app role", () => {
  it("covers every tenant table with rows of both agencies", async () => {
    expect(tables.length).toBeGreaterThanOrEqual(26);
    const empty: string[] = [];
    for (const t of tables) {
      for (const f of [x, y]) {
        const [row] = await owner.execute<{ n: number }>(
          sql`select count(*)::int as n from ${sql.identifier(t.name)} where ${sql.identifier(t.key)} = ${f.agencyId}::uuid`,
        );
        if (!row?.n) empty.push(`${t.name} (${f.slug})`);
      }
      expect(t.primaryKey.length, `${t.name} has a primary key`).toBeGreaterThan(0);
    }
    expect(empty).toEqual([]);
  });

  it("keeps every persona to its own agency in every table: select, update, delete, insert, move", async () => {
    const started = performance.now();
    const failures: string[] = [];
    const byCheck = new Map<string, number>();
    let cases = 0;
    // Personas in parallel (pool of 4), tables in turn within each.
    await Promise.all(
      personas.map(async (persona) => {
        for (const table of tables) {
          const results: CaseResult[] = await probe(app, owner, table, persona);
          for (const r of results) {
            cases++;
            byCheck.set(r.check, (byCheck.get(r.check) ?? 0) + 1);
            if (!r.ok) failures.push(`${persona.label} / ${table.name} / ${r.check}: ${r.detail}`);
          }
        }
      }),
    );
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.info(
      `RLS matrix: ${tables.length} tables × ${personas.length} personas = ${cases} cases, ` +
        `${failures.length} failures, ${seconds} s\n` +
        [...byCheck].map(([check, n]) => `  ${check}: ${n}`).join("\n"),
    );
    expect(failures).toEqual([]);
    // 6 tenant personas × (2 select + update + delete + insert + move) + no tenant × (1 select +
    // 2 update + 2 delete + 2 insert) = 43 per table.
    expect(cases).toBe(tables.length * 43);
  }, 120_000);
});

describe("what the settings are not", () => {
  const tenantX = () => ({
    agencyId: x.agencyId,
    userId: x.users.admin.id,
    role: "admin" as const,
  });

  it("the app role cannot SET ROLE or SET SESSION AUTHORIZATION to the owner", async () => {
    const ownerRole = decodeURIComponent(new URL(inject("ownerUrl")).username);
    const codes: (string | undefined)[] = [];
    for (const statement of [
      sql`set role ${sql.identifier(ownerRole)}`,
      sql`set session authorization ${sql.identifier(ownerRole)}`,
    ]) {
      codes.push(
        await app
          .transaction((tx) => tx.execute(statement))
          .then(
            () => "succeeded",
            (error: unknown) => pgErrorOf(error).code,
          ),
      );
    }
    expect(codes).toEqual(["42501", "42501"]);
  });

  it("are no boundary against SQL the app runs: set_config inside withTenant switches the tenant", async () => {
    // Documented, not a defence: RLS trusts app.agency_id, which any SQL on the connection may
    // set. It holds because the app never runs caller-supplied SQL and passes the settings as
    // parameters (the injection attempt in packages/db/test/rls.test.ts fails with 22P02).
    const seen = await withTenant(app, tenantX(), async (tx) => {
      await tx.execute(sql`select set_config('app.agency_id', ${y.agencyId}, true)`);
      const rows = await tx.execute<{ agency: string }>(
        sql`select distinct agency_id::text as agency from candidates`,
      );
      return rows.map((r) => r.agency);
    });
    expect(seen).toEqual([y.agencyId]);
  });

  it("a session-level setting (is_local = false) would outlive its transaction on a pooled connection", async () => {
    // Why withTenant only ever uses set_config(…, true): a session-level value stays on the
    // connection for whoever borrows it next. One connection, so the next query sees it.
    const single = createDb(inject("appUrl"), { max: 1 });
    try {
      await single.execute(sql`select set_config('app.agency_id', ${x.agencyId}, false)`);
      const [row] = await single.execute<{ n: number }>(
        sql`select count(*)::int as n from candidates`,
      );
      expect(row?.n).toBeGreaterThan(0);
      await single.execute(sql`reset app.agency_id`);
      const [after] = await single.execute<{ n: number }>(
        sql`select count(*)::int as n from candidates`,
      );
      expect(after?.n).toBe(0);
    } finally {
      await single.$client.end();
    }
  });
});
