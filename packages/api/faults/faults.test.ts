// Faults: a portal process killed with SIGKILL in the middle of a multi-row mutation, and the
// PostgreSQL server restarted under load. Runs on an embedded PostgreSQL of its own (it is stopped
// and started here), never on the shared test server.
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createDb, type Database, eq, schema as s, sql } from "@debrief/db";
import { type EmbeddedServer, startEmbedded } from "@debrief/db/embedded";
import { appDatabaseUrl } from "@debrief/db/env";
import { type AgencyFixture, createAgencyFixture } from "@debrief/db/factories";
import { runMigrations } from "@debrief/db/migrate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCaller } from "../src/root";
import { createInnerTRPCContext } from "../src/trpc";

const root = fileURLToPath(new URL("../../..", import.meta.url));
const dataDir = path.join(root, ".data", "faults-postgres");
const port = 54339;

let server: EmbeddedServer;
let ownerUrl: string;
let appUrl: string;
let owner: Database;
let f: AgencyFixture;

const start = () => startEmbedded({ dataDir, port, database: "faults" });

beforeAll(async () => {
  server = await start();
  ownerUrl = server.url;
  appUrl = appDatabaseUrl(ownerUrl);
  await runMigrations(ownerUrl, appUrl);
  owner = createDb(ownerUrl, { max: 2 });
  f = await createAgencyFixture(owner, { label: "Faults" });
});

afterAll(async () => {
  await owner?.$client.end();
  await server?.stop();
});

async function until(what: string, probe: () => Promise<boolean>, ms = 30_000) {
  const end = Date.now() + ms;
  while (!(await probe())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe("a portal killed mid-mutation", () => {
  it("kill -9 while publishing (feedback, audit, notice, outbox, job): all of it or none", async () => {
    const { id: feedbackId, version } = f.feedback.draft;
    // Hold notifications, so the publish blocks after it has updated the feedback and written its
    // audit event, before the notice, the outbox row and the job.
    const lock = await owner.$client.reserve();
    let child: ChildProcess | undefined;
    try {
      await lock`begin`;
      await lock`lock table notifications in share row exclusive mode`;
      child = spawn(process.execPath, ["--import", "tsx", "faults/mutator.ts"], {
        cwd: fileURLToPath(new URL("..", import.meta.url)),
        env: {
          PATH: process.env.PATH,
          FAULT_APP_URL: appUrl,
          FAULT_USER: JSON.stringify(f.users.consultant),
          FAULT_INPUT: JSON.stringify({ feedbackId, version }),
        },
        stdio: ["ignore", "pipe", "pipe"],
      });
      let out = "";
      child.stdout?.on("data", (c: Buffer) => {
        out += c.toString();
      });
      // The mutation is inside its transaction, waiting on the lock, with rows already written.
      await until("the publish to block on the lock", async () => {
        const rows = await owner.execute<{ n: number }>(
          sql`select count(*)::int as n from pg_stat_activity
              where usename = 'debrief_app' and wait_event_type = 'Lock'`,
        );
        return rows[0]?.n === 1;
      });
      child.kill("SIGKILL");
      await once(child, "exit");
      expect(out).not.toContain("done");
    } finally {
      await lock`rollback`;
      lock.release();
      if (child && child.exitCode === null) child.kill("SIGKILL");
    }
    // Nothing of the publish survived: still a draft, no audit event, no notice, no outbox row.
    await until("the killed session to be gone", async () => {
      const rows = await owner.execute<{ n: number }>(
        sql`select count(*)::int as n from pg_stat_activity where usename = 'debrief_app'`,
      );
      return rows[0]?.n === 0;
    });
    const [fb] = await owner.select().from(s.feedback).where(eq(s.feedback.id, feedbackId));
    expect(fb).toMatchObject({ status: "draft", publishedAt: null, version });
    const [counts] = await owner.execute<{ audit: number; notices: number; outbox: number }>(sql`
      select (select count(*)::int from audit_events
               where entity_id = ${feedbackId} and action = 'feedback.published') as audit,
             (select count(*)::int from notifications where agency_id = ${f.agencyId}) as notices,
             (select count(*)::int from outbox where agency_id = ${f.agencyId}) as outbox`);
    expect(counts).toEqual({ audit: 0, notices: 0, outbox: 0 });
  });
});

describe("PostgreSQL restarted under load", () => {
  it("the pool recovers without a restart, and every write that answered success is stored", async () => {
    const app = createDb(appUrl, { max: 4, acquireTimeoutMs: 2_000 });
    const caller = createCaller(
      createInnerTRPCContext({ session: { user: f.users.consultant }, db: app }),
    );
    const succeeded: string[] = [];
    const failures: Record<string, number> = {};
    let stop = false;
    let n = 0;
    const loop = async (w: number) => {
      while (!stop) {
        const name = `Load ${w}-${n++}`;
        try {
          await caller.client.create({ name });
          succeeded.push(name);
        } catch (error) {
          const code = (error as { code?: string }).code ?? "unknown";
          failures[code] = (failures[code] ?? 0) + 1;
          await new Promise((r) => setTimeout(r, 50));
        }
      }
    };
    const loops = Array.from({ length: 6 }, (_, w) => loop(w));
    await new Promise((r) => setTimeout(r, 1_500));
    const beforeRestart = succeeded.length;
    await server.stop();
    await new Promise((r) => setTimeout(r, 1_000));
    server = await start();
    // Load goes on against the same pool: it must start succeeding again by itself.
    const afterRestart = succeeded.length;
    await until(
      "writes to succeed again after the restart",
      async () => succeeded.length > afterRestart + 20,
    );
    stop = true;
    await Promise.all(loops);
    await app.$client.end();

    expect(beforeRestart).toBeGreaterThan(0);
    // Failures during the outage are all "unavailable" — a clear, retryable answer, never a 500.
    expect(Object.keys(failures).every((code) => code === "SERVICE_UNAVAILABLE")).toBe(true);
    const stored = new Set(
      (
        await owner.execute<{ name: string }>(
          sql`select name from clients where agency_id = ${f.agencyId} and name like 'Load %'`,
        )
      ).map((r) => r.name),
    );
    const lost = succeeded.filter((name) => !stored.has(name));
    expect(lost).toEqual([]);
    console.log(
      `restart under load: ${succeeded.length} writes answered success (all stored), failures ${JSON.stringify(failures)}`,
    );
  });
});
