// Mutation test of the row-level security backstop (issue 7, item 2): break each tenant policy in
// turn and show that the isolation probe the matrix runs (rls-support.ts) reports it, then put it
// back and show the probe is clean again. Policies are altered in a database of this file's own,
// so the other test files running in parallel never see a broken policy.
import { createDb, type Database, sql } from "@debrief/db";
import { type AgencyFixture, createAgencyFixture } from "@debrief/db/factories";
import { createTestDatabase } from "@debrief/db/testing";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { fillEveryTable } from "../../db/test/support/every-table";
import {
  type CaseResult,
  type Persona,
  personasOf,
  probe,
  type TableInfo,
  tenantTables,
} from "./rls-support";

let db: Awaited<ReturnType<typeof createTestDatabase>>;
let app: Database;
let owner: Database;
let x: AgencyFixture;
let y: AgencyFixture;
let tables: TableInfo[];
let probers: Persona[];

type PolicyText = { table: string; qual: string; check: string; cmd: string };

const policies = () =>
  owner.execute<PolicyText>(sql`
    select tablename as table, qual, with_check as check, cmd from pg_policies
    where schemaname = 'public' and policyname = 'tenant_isolation' order by 1`);

/** Puts the migration's policy back exactly as 0001_security.sql writes it. */
async function restore(table: TableInfo) {
  await owner.execute(sql`drop policy if exists tenant_isolation on ${sql.identifier(table.name)}`);
  if (table.name === "agencies") {
    await owner.execute(sql`create policy tenant_isolation on agencies
      using (id = nullif(current_setting('app.agency_id', true), '')::uuid)
      with check (id = nullif(current_setting('app.agency_id', true), '')::uuid)`);
  } else {
    await owner.execute(sql`select debrief_secure_tenant_tables()`);
  }
}

async function probeAll(table: TableInfo): Promise<CaseResult[]> {
  const results: CaseResult[] = [];
  for (const persona of probers) results.push(...(await probe(app, owner, table, persona)));
  return results;
}

const failing = (results: CaseResult[]) => results.filter((r) => !r.ok);
const LEAK_CHECKS = /^(select: no other|update other|delete other|insert into other|move own)/;

beforeAll(async () => {
  db = await createTestDatabase(inject("ownerUrl"));
  app = createDb(db.appUrl, { max: 2 });
  owner = createDb(db.ownerUrl, { max: 1 });
  x = await createAgencyFixture(app, { label: "RLS break X" });
  y = await createAgencyFixture(app, { label: "RLS break Y" });
  await fillEveryTable(app, x);
  await fillEveryTable(app, y);
  const appRole = decodeURIComponent(new URL(db.appUrl).username);
  tables = await tenantTables(owner, appRole);
  // The admin of X, and a connection with no tenant at all.
  probers = personasOf(x, y).filter((p) => p.label === "admin X" || p.label === "no tenant");
}, 120_000);

afterAll(async () => {
  await app?.$client.end();
  await owner?.$client.end();
  await db?.drop();
});

describe("breaking the tenant policy of each table in turn", () => {
  it("is caught by the probe for every table, and the restored policy is clean again", async () => {
    const started = performance.now();
    const before = await policies();
    expect(before.map((p) => p.table)).toEqual(tables.map((t) => t.name));

    const report: string[] = [];
    let permissiveDetected = 0;
    let droppedFailClosed = 0;
    let detectingCases = 0;
    for (const table of tables) {
      const t = sql.identifier(table.name);
      expect(failing(await probeAll(table)), `${table.name}: clean before`).toEqual([]);

      // 1. Replaced by a policy that lets everything through: the probe must report a leak.
      await owner.execute(sql`drop policy tenant_isolation on ${t}`);
      await owner.execute(
        sql`create policy tenant_isolation on ${t} using (true) with check (true)`,
      );
      const permissive = failing(await probeAll(table));
      const leaks = permissive.filter((r) => LEAK_CHECKS.test(r.check));
      if (leaks.length) permissiveDetected++;
      detectingCases += leaks.length;
      report.push(`${table.name}: permissive policy → ${leaks.length} failing checks`);

      // 2. Dropped with no replacement: row-level security fails closed (default deny), so no
      // leak, but the app's own rows vanish: the matrix's "all of its own rows" check fails.
      await owner.execute(sql`drop policy tenant_isolation on ${t}`);
      const dropped = failing(await probeAll(table));
      const leaked = dropped.filter(
        (r) => LEAK_CHECKS.test(r.check) && !/^(insert|move)/.test(r.check),
      );
      const ownGone = dropped.some((r) => r.check === "select: all of its own rows");
      if (!leaked.length && ownGone) droppedFailClosed++;

      // 3. Restored as the migration writes it: clean again.
      await restore(table);
      expect(failing(await probeAll(table)), `${table.name}: clean after restore`).toEqual([]);
    }
    expect(await policies()).toEqual(before);

    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.info(
      `RLS policy mutation: ${tables.length} tables, ${tables.length} policies replaced by ` +
        `USING (true) WITH CHECK (true), ${permissiveDetected} detected (${detectingCases} failing ` +
        `checks in all); ${tables.length} policies dropped, ${droppedFailClosed} failed closed; ` +
        `${seconds} s\n  ${report.join("\n  ")}`,
    );
    expect(permissiveDetected).toBe(tables.length);
    expect(droppedFailClosed).toBe(tables.length);
  }, 120_000);

  it("catches row-level security disabled on a table, and shows NO FORCE only matters to the owner", async () => {
    const candidates = tables.find((t) => t.name === "candidates");
    if (!candidates) throw new Error("no candidates table");

    // NO FORCE exempts only the table's owner; the app role owns nothing, so it stays bound.
    await owner.execute(sql`alter table candidates no force row level security`);
    const noForce = failing(await probeAll(candidates));
    await owner.execute(sql`alter table candidates force row level security`);

    await owner.execute(sql`alter table candidates disable row level security`);
    const disabled = failing(await probeAll(candidates));
    await owner.execute(sql`alter table candidates enable row level security`);
    const restored = failing(await probeAll(candidates));

    console.info(
      `RLS disabled on candidates: ${disabled.length} failing checks (${[...new Set(disabled.map((r) => r.check))].join("; ")}); ` +
        `NO FORCE alone: ${noForce.length}`,
    );
    expect(noForce).toEqual([]);
    expect(disabled.filter((r) => r.check === "select: no other agency's rows").length).toBe(
      probers.length,
    );
    expect(disabled.filter((r) => LEAK_CHECKS.test(r.check)).length).toBeGreaterThan(0);
    expect(restored).toEqual([]);
    const [flags] = await owner.execute<{ rls: boolean; forced: boolean }>(sql`
      select relrowsecurity as rls, relforcerowsecurity as forced from pg_class
      where oid = 'public.candidates'::regclass`);
    expect(flags).toEqual({ rls: true, forced: true });
  });
});
