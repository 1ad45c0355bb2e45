// A smoke run of the whole bench on the demo data in a fresh database: portals started from the
// existing production builds, the real sign-in, every measurement at 1-second runs, Lighthouse once on
// one signed-in page (about 10 s), outputs written to a temporary folder. It checks the pipeline
// works and every read answers; not the budgets.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createDb } from "@debrief/db";
import { seedDemo } from "@debrief/db/seed";
import { createTestDatabase } from "@debrief/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildsExist, runBench } from "../src/bench";
import { reportCases } from "../src/report-floor";

// `npm test` runs this after building the portals (packages/runner/src/test.ts), on its test server.
const serverUrl = process.env.TEST_DATABASE_URL;
if (!buildsExist())
  throw new Error(
    "the portals' production builds are missing (apps/*/.next/BUILD_ID): run `npm run build` first",
  );
if (!serverUrl) throw new Error("TEST_DATABASE_URL is not set: run it through `npm test`");

describe("npm run bench (smoke, demo data)", () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  const out = mkdtempSync(path.join(os.tmpdir(), "debrief-bench-"));

  beforeAll(async () => {
    database = await createTestDatabase(serverUrl as string);
    const db = createDb(database.ownerUrl, { max: 1 });
    await seedDemo(db);
    await db.$client.end();
  });

  afterAll(async () => {
    await database?.drop();
    rmSync(out, { recursive: true, force: true });
  });

  it("measures every read, page, report, RSS, first-load JS and Lighthouse, and writes the tables", async () => {
    const result = await runBench({
      databaseUrl: database.ownerUrl,
      duration: 1,
      connections: [1, 50],
      reportRuns: 2,
      reports: reportCases.filter((c) => !c.view || ["month", "overall"].includes(c.view)),
      markdownPath: path.join(out, "performance.md"),
      jsonPath: path.join(out, "performance.json"),
      seedJsonPath: path.join(out, "no-large-seed.json"),
      lighthouseRuns: 1,
      lighthousePages: ["Consultant dashboard"],
      log: () => {},
    });
    expect(result.accounts).toBe("demo accounts");
    expect(result.reads).toHaveLength(4);
    for (const read of result.reads) {
      const [single] = read.trpc;
      expect(single?.requests, read.name).toBeGreaterThan(0);
      for (const run of [...read.trpc, ...read.floor]) {
        expect(run.errors + run.non2xx, read.name).toBe(0);
      }
      expect(read.floor[0]?.requests, read.name).toBeGreaterThan(0);
    }
    expect(result.pages.every((p) => p.requests > 0 && p.non2xx === 0)).toBe(true);
    expect(result.reports.length).toBeGreaterThanOrEqual(6);
    expect(result.reports.every((r) => r.serverP50 > 0 && r.floorP50 > 0)).toBe(true);
    expect(result.rss.every((r) => r.serverMb > 50)).toBe(true);
    expect(result.firstLoadJs.every((p) => p.scripts > 0 && p.kb > 0)).toBe(true);
    expect(result.lighthouse).toHaveLength(1);
    expect(result.lighthouse[0]?.score).toBeGreaterThan(0);
    expect(result.lighthouse[0]?.lcpMs).toBeGreaterThan(0);
    const md = readFileSync(path.join(out, "performance.md"), "utf8");
    expect(md).toContain("<!-- bench:start");
    expect(md).toContain("| Candidate inbox |");
    expect(md.slice(md.indexOf("### Lighthouse"))).toContain("| Consultant dashboard |");
    expect(JSON.parse(readFileSync(path.join(out, "performance.json"), "utf8")).reads).toHaveLength(
      4,
    );
  });
});
