// `npm test`: lint, types, Vitest on a real PostgreSQL, then Playwright on production builds.
// The database is TEST_DATABASE_URL's server when set (fresh databases, dropped after), otherwise
// an embedded one under .data/test-postgres. Never the DATABASE_URL one.
import { existsSync } from "node:fs";
import path from "node:path";
import { createDb } from "@debrief/db";
import {
  dropDatabase,
  type EmbeddedServer,
  ensureDatabase,
  startEmbedded,
} from "@debrief/db/embedded";
import { appDatabaseUrl } from "@debrief/db/env";
import { runMigrations } from "@debrief/db/migrate";
import { seedDemo } from "@debrief/db/seed";
import { env } from "./env";
import { bin, cleanEnv, dataDir, root, run } from "./lib";

const only = process.argv.includes("--only")
  ? process.argv[process.argv.indexOf("--only") + 1]
  : undefined;
const results: { step: string; ok: boolean; seconds: number; note?: string }[] = [];
const banner = (s: string) => console.log(`\n\x1b[1m━━ ${s} ━━\x1b[0m`);

async function step(name: string, fn: () => Promise<boolean | number>, note?: string) {
  banner(name);
  const started = Date.now();
  let ok = false;
  try {
    const r = await fn();
    ok = r === true || r === 0;
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
  }
  results.push({ step: name, ok, seconds: (Date.now() - started) / 1000, note });
  return ok;
}

function findChromium(): string | undefined {
  if (env.CHROMIUM_PATH && existsSync(env.CHROMIUM_PATH)) return env.CHROMIUM_PATH;
  if (existsSync("/usr/bin/chromium")) return "/usr/bin/chromium";
  return undefined;
}

async function hasPlaywrightChromium(): Promise<boolean> {
  try {
    const { chromium } = await import("@playwright/test");
    return existsSync(chromium.executablePath());
  } catch {
    return false;
  }
}

async function main() {
  const want = (s: string) => !only || only === s;
  if (want("lint"))
    await step("lint", () =>
      run(bin("biome"), ["check", "--config-path", "packages/config/biome.base.json", "."], {
        env: cleanEnv({}),
      }),
    );
  if (want("types"))
    await step("types", () =>
      run(bin("turbo"), ["run", "typecheck", "--output-logs=errors-only"], { env: cleanEnv({}) }),
    );

  if (!want("unit") && !want("e2e")) return;
  let embedded: EmbeddedServer | undefined;
  let serverUrl = env.TEST_DATABASE_URL;
  if (serverUrl) {
    console.log(
      `\nTests use the PostgreSQL server of TEST_DATABASE_URL (${new URL(serverUrl).host}), in fresh databases`,
    );
  } else {
    console.log("\nTests use an embedded PostgreSQL (.data/test-postgres)");
    embedded = await startEmbedded({
      dataDir: path.join(dataDir, "test-postgres"),
      port: env.EMBEDDED_PG_PORT + 1,
      database: "postgres",
    });
    serverUrl = embedded.serverUrl;
  }
  const server = new URL(serverUrl);
  server.pathname = "/postgres";
  const maintenance = server.toString();
  try {
    if (want("unit")) {
      await step("unit & integration (vitest)", () =>
        run(bin("turbo"), ["run", "test", "--output-logs=full"], {
          env: cleanEnv({ TEST_DATABASE_URL: maintenance }),
        }),
      );
    }
    if (want("e2e")) await e2e(maintenance);
  } finally {
    if (embedded) await embedded.stop();
  }
}

async function e2e(maintenance: string) {
  const built = await step("build both portals", () =>
    run(bin("turbo"), ["run", "build", "--filter=./apps/*", "--output-logs=errors-only"], {
      env: cleanEnv({ SKIP_ENV_VALIDATION: "1", NODE_ENV: "production" }),
    }),
  );
  const chromium = findChromium();
  if (!chromium && !(await hasPlaywrightChromium())) {
    results.push({
      step: "e2e (playwright)",
      ok: false,
      seconds: 0,
      note: "no Chromium: install Debian's (apt-get install chromium) or Playwright's (npx playwright install chromium)",
    });
    return;
  }
  if (!built) {
    results.push({
      step: "e2e (playwright)",
      ok: false,
      seconds: 0,
      note: "skipped: the build failed",
    });
    return;
  }
  // The bench's smoke: the whole `npm run bench` pipeline on demo data, 1-second runs.
  await step("bench smoke", () =>
    run(bin("vitest"), ["run", "--root", "packages/bench"], {
      env: cleanEnv({ TEST_DATABASE_URL: maintenance }),
    }),
  );
  const name = `debrief_e2e_${process.pid}_${Date.now().toString(36)}`;
  const url = new URL(maintenance);
  url.pathname = `/${name}`;
  const ownerUrl = url.toString();
  try {
    await step("e2e (playwright)", async () => {
      await ensureDatabase(maintenance, name);
      const appUrl = appDatabaseUrl(ownerUrl);
      await runMigrations(ownerUrl, appUrl);
      const db = createDb(ownerUrl, { max: 1 });
      await seedDemo(db);
      await db.$client.end();
      return run(bin("playwright"), ["test"], {
        cwd: path.join(root, "e2e"),
        env: cleanEnv({
          DATABASE_URL: ownerUrl,
          APP_DATABASE_URL: appUrl,
          AUTH_SECRET: "e2e-secret-e2e-secret-e2e-secret-0123456789",
          NODE_ENV: "production",
          CHROMIUM_PATH: chromium,
        }),
      });
    });
  } finally {
    await dropDatabase(maintenance, name).catch(() => {});
  }
}

main()
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    results.push({ step: "setup", ok: false, seconds: 0, note: "see the error above" });
  })
  .finally(() => {
    banner("Summary");
    for (const r of results) {
      const mark = r.ok ? "\x1b[32m✓\x1b[0m" : "\x1b[31m✗\x1b[0m";
      console.log(
        `  ${mark} ${r.step.padEnd(30)} ${r.seconds.toFixed(1).padStart(6)}s${r.note ? `  ${r.note}` : ""}`,
      );
    }
    const failed = results.filter((r) => !r.ok).length;
    console.log(`\nsteps: ${results.length - failed} passed, ${failed} failed`);
    process.exit(failed ? 1 : 0);
  });
