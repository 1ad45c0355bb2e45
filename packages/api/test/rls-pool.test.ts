// The tenant settings on a shared pool (issue 7, item 2): a pool of two connections serves 1,000
// interleaved withTenant requests from two agencies; each sees only its own tenant, and a request
// that fails mid-transaction leaves nothing behind for whoever borrows the connection next.
import { createDb, sql, type Tenant, withTenant } from "@debrief/db";
import { type AgencyFixture, createAgencyFixture } from "@debrief/db/factories";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

const REQUESTS = 1_000;
const BATCH = 50;
const FAIL_EVERY = 10;

const pool = createDb(inject("appUrl"), { max: 2 });
const setup = createDb(inject("appUrl"), { max: 2 });

let x: AgencyFixture;
let y: AgencyFixture;

class Injected extends Error {}

beforeAll(async () => {
  x = await createAgencyFixture(setup, { label: "RLS pool X" });
  y = await createAgencyFixture(setup, { label: "RLS pool Y" });
});

afterAll(async () => {
  await pool.$client.end();
  await setup.$client.end();
});

/** A deterministic shuffle (mulberry32), so a failure can be replayed. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type RunTenant = typeof withTenant;

/**
 * A deliberately broken withTenant for the negative control: session-level settings
 * (set_config(…, false)) that outlive the transaction on the pooled connection.
 */
const leakyWithTenant: RunTenant = (db, tenant, fn) =>
  db.transaction(async (tx) => {
    await tx.execute(
      sql`select set_config('app.agency_id', ${tenant.agencyId}, false),
                 set_config('app.user_id', ${tenant.userId ?? ""}, false),
                 set_config('app.role', ${tenant.role}, false)`,
    );
    return fn(tx);
  });

async function interleave(run: RunTenant, requests: number) {
  const rand = random(7);
  const tenants: Tenant[] = [
    { agencyId: x.agencyId, userId: x.users.consultant.id, role: "consultant" },
    { agencyId: y.agencyId, userId: y.users.admin.id, role: "admin" },
  ];
  const plan = Array.from({ length: requests }, (_, i) => ({
    tenant: tenants[i % 2] as Tenant,
    // Every tenth request fails after its settings and a read: half in JS, half in SQL.
    fail: i % FAIL_EVERY === FAIL_EVERY - 1 ? (i % 20 === 19 ? "sql" : "throw") : null,
  }));
  for (let i = plan.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [plan[i], plan[j]] = [plan[j] as (typeof plan)[number], plan[i] as (typeof plan)[number]];
  }

  const leaks: string[] = [];
  let ok = 0;
  let injected = 0;
  let rowsChecked = 0;
  let bareProbes = 0;
  const pids = new Set<number>();

  /** Outside any transaction: the setting must be empty, and no tenant row visible. */
  const bareProbe = async (after: string) => {
    const [row] = await pool.execute<{ agency: string | null; pid: number; n: number }>(
      sql`select current_setting('app.agency_id', true) as agency, pg_backend_pid() as pid,
            (select count(*)::int from candidates) as n`,
    );
    bareProbes++;
    if (row) pids.add(row.pid);
    if ((row?.agency ?? "") !== "" || row?.n !== 0) {
      leaks.push(`bare query after ${after}: app.agency_id=${row?.agency}, ${row?.n} candidates`);
    }
  };

  const request = async (step: (typeof plan)[number], index: number) => {
    const { tenant, fail } = step;
    try {
      await run(pool, tenant, async (tx) => {
        const [setting] = await tx.execute<{ agency: string; role: string }>(
          sql`select current_setting('app.agency_id') as agency, current_setting('app.role') as role`,
        );
        if (setting?.agency !== tenant.agencyId || setting?.role !== tenant.role) {
          leaks.push(`request ${index}: saw ${setting?.agency}/${setting?.role}`);
        }
        const rows = await tx.execute<{ table: string; agency: string }>(sql`
            select 'candidates' as table, agency_id::text as agency from candidates
            union all select 'feedback', agency_id::text from feedback
            union all select 'users', agency_id::text from users`);
        rowsChecked += rows.length;
        const foreign = rows.filter((r) => r.agency !== tenant.agencyId);
        if (foreign.length || !rows.length) {
          leaks.push(`request ${index}: ${foreign.length} foreign of ${rows.length} rows`);
        }
        if (fail === "throw") throw new Injected();
        if (fail === "sql") await tx.execute(sql`select 1 / 0`);
      });
      if (fail) leaks.push(`request ${index}: the injected failure did not fail`);
      else ok++;
    } catch (error) {
      if (!fail) throw error;
      injected++;
      // The very next thing on this pool must not inherit the failed request's tenant.
      await bareProbe(`failed request ${index}`);
    }
  };

  const started = performance.now();
  for (let i = 0; i < plan.length; i += BATCH) {
    const batch = plan.slice(i, i + BATCH);
    await Promise.all([
      ...batch.map((step, k) => request(step, i + k)),
      // Two bare probes per batch as well, racing the requests for the two connections.
      bareProbe(`batch ${i / BATCH}`),
      bareProbe(`batch ${i / BATCH}`),
    ]);
  }
  const seconds = (performance.now() - started) / 1000;
  // Leave the pool clean for whatever runs next (matters only after the leaky control).
  await Promise.all([pool.execute(sql`reset all`), pool.execute(sql`reset all`)]);
  return { leaks, injected, ok, rowsChecked, bareProbes, pids, seconds };
}

describe("a pool of two connections under interleaved tenants", () => {
  it("keeps 1,000 requests from two agencies each to its own tenant, and leaks nothing after errors", async () => {
    const { leaks, injected, ok, rowsChecked, bareProbes, pids, seconds } = await interleave(
      withTenant,
      REQUESTS,
    );
    console.info(
      `RLS pool: ${REQUESTS} requests (pool of 2, batches of ${BATCH}, 2 agencies), ` +
        `${injected} errors injected, ${ok} succeeded, ${rowsChecked} rows checked, ` +
        `${bareProbes} bare probes on ${pids.size} connections, ${leaks.length} leaks, ` +
        `${seconds.toFixed(2)} s`,
    );
    expect(leaks).toEqual([]);
    expect(injected).toBe(REQUESTS / FAIL_EVERY);
    expect(ok).toBe(REQUESTS - REQUESTS / FAIL_EVERY);
    expect(pids.size).toBe(2);
  }, 60_000);

  it("would catch settings that outlive their transaction (negative control)", async () => {
    const { leaks } = await interleave(leakyWithTenant, 200);
    console.info(
      `RLS pool negative control (session-level set_config): ${leaks.length} leaks reported`,
    );
    expect(leaks.length).toBeGreaterThan(0);
  });
});
