// `npm run db:seed:large [-- --scale=0.2] [--reset] [--now=2026-01-31T12:00:00Z]`: migrates
// DATABASE_URL, loads the large-agency data set (seed/large.ts) and writes the accounts the bench
// signs in with to .data/large-seed.json. Local servers only: every user gets the demo password.
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { appDatabaseUrl, dbEnv } from "../env";
import { runMigrations } from "../migrate";
import { assertLocal } from "../seed";
import { LargeSeedExistsError, seedLarge, writeLargeSeedSummary } from "../seed/large";

const { values } = parseArgs({
  options: {
    scale: { type: "string", default: "1" },
    now: { type: "string" },
    reset: { type: "boolean", default: false },
  },
});
const scale = Number(values.scale);
if (!(scale > 0 && scale <= 1)) {
  console.error(`--scale must be a number in (0, 1], got ${values.scale}`);
  process.exit(2);
}
const now = values.now ? Date.parse(values.now) : undefined;
if (now !== undefined && Number.isNaN(now)) {
  console.error(`--now must be an ISO date, got ${values.now}`);
  process.exit(2);
}

const env = dbEnv();
assertLocal(env.DATABASE_URL);
const out = fileURLToPath(new URL("../../../../.data/large-seed.json", import.meta.url));
const log = (m: string) => console.log(m);
try {
  const t0 = performance.now();
  await runMigrations(env.DATABASE_URL, appDatabaseUrl(env.DATABASE_URL, env.APP_DATABASE_URL));
  log(`migrated in ${((performance.now() - t0) / 1000).toFixed(1)} s; loading at scale ${scale}`);
  const result = await seedLarge(env.DATABASE_URL, { scale, now, reset: values.reset, log });
  const width = Math.max(...result.tables.map((t) => t.table.length));
  log("\ntable".padEnd(width + 2) + "rows".padStart(12) + "seconds".padStart(10));
  for (const t of result.tables) {
    log(
      t.table.padEnd(width + 1) + String(t.rows).padStart(12) + t.seconds.toFixed(1).padStart(10),
    );
  }
  const rows = result.tables.reduce((n, t) => n + t.rows, 0);
  log(
    `${"total".padEnd(width + 1)}${String(rows).padStart(12)}${result.totalSeconds.toFixed(1).padStart(10)}`,
  );
  log(`(ANALYZE ${result.analyzeSeconds.toFixed(1)} s, included in the total)`);
  const summary = await writeLargeSeedSummary(out, result);
  log(`\nSign in with password ${summary.password}:`);
  log(`  admin       ${summary.admin.email}`);
  log(`  consultant  ${summary.consultant.email} (${summary.consultant.name}, the busiest book)`);
  log(`  candidate   ${summary.candidate.email} (the most feedback)`);
  log(`written to ${out}`);
} catch (error) {
  if (error instanceof LargeSeedExistsError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
