// `npm start`: database (embedded unless DATABASE_URL), migrations, demo seed, both portals and
// the worker.
import type { ChildProcess } from "node:child_process";
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { createDb } from "@debrief/db";
import { type EmbeddedServer, startEmbedded } from "@debrief/db/embedded";
import { appDatabaseUrl } from "@debrief/db/env";
import { runMigrations } from "@debrief/db/migrate";
import { assertLocal, DEMO_PASSWORD, demoAccounts, seedDemo } from "@debrief/db/seed";
import { env } from "./env";
import { bin, cleanEnv, dataDir, localAuthSecret, root, run, serve, waitForHealth } from "./lib";

const dev = process.argv.includes("--dev");
const say = (line: string) => console.log(`\x1b[36mdebrief\x1b[0m ${line}`);

const pidFile = path.join(dataDir, "portals.json");
const workerMain = path.join("packages", "worker", "src", "main.ts");

/** A launcher killed hard leaves its portals running on their ports: stop them first. */
async function stopOrphanedPortals() {
  if (!existsSync(pidFile)) return;
  const { pids } = JSON.parse(readFileSync(pidFile, "utf8")) as { pids: number[] };
  const isPortal = (pid: number) => {
    try {
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, "utf8");
      return cmdline.includes("next") || cmdline.includes(workerMain);
    } catch {
      return false;
    }
  };
  const running = pids.filter(isPortal);
  if (running.length) say(`stopping ${running.length} process(es) left by an earlier run`);
  for (const pid of running) process.kill(pid, "SIGTERM");
  const until = Date.now() + 10_000;
  while (running.some(isPortal) && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
  for (const pid of running.filter(isPortal)) process.kill(pid, "SIGKILL");
  rmSync(pidFile, { force: true });
}

let embedded: EmbeddedServer | undefined;
const children: ChildProcess[] = [];
let stopping = false;

async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  say("stopping…");
  for (const child of children) child.kill("SIGTERM");
  await Promise.all(
    children.map((c) => new Promise((r) => (c.exitCode !== null ? r(null) : c.once("exit", r)))),
  );
  rmSync(pidFile, { force: true });
  if (embedded) await embedded.stop();
  process.exit(code);
}
process.on("SIGINT", () => void shutdown(0));
process.on("SIGTERM", () => void shutdown(0));

async function main() {
  await stopOrphanedPortals();
  let ownerUrl = env.DATABASE_URL;
  if (ownerUrl) {
    say(`using the PostgreSQL server of DATABASE_URL (${new URL(ownerUrl).host})`);
  } else {
    say(`starting the embedded PostgreSQL (data in .data/postgres, port ${env.EMBEDDED_PG_PORT})`);
    embedded = await startEmbedded({
      dataDir: path.join(dataDir, "postgres"),
      port: env.EMBEDDED_PG_PORT,
      database: "debrief",
      log: say,
    });
    ownerUrl = embedded.url;
  }
  const appUrl = appDatabaseUrl(ownerUrl, env.APP_DATABASE_URL);
  await runMigrations(ownerUrl, appUrl);
  say("migrations applied");
  try {
    assertLocal(ownerUrl);
    const db = createDb(ownerUrl, { max: 1 });
    const { seeded } = await seedDemo(db);
    await db.$client.end();
    say(seeded ? "demo data seeded" : "existing data kept");
  } catch (error) {
    say(`demo seed skipped: ${(error as Error).message}`);
  }

  const appEnv = cleanEnv({
    DATABASE_URL: ownerUrl,
    APP_DATABASE_URL: appUrl,
    AUTH_SECRET: env.AUTH_SECRET ?? localAuthSecret(),
    NODE_ENV: dev ? "development" : "production",
    CONSULTANT_URL: env.CONSULTANT_URL ?? `http://localhost:${env.CONSULTANT_PORT}`,
    CANDIDATE_URL: env.CANDIDATE_URL ?? `http://localhost:${env.CANDIDATE_PORT}`,
    SMTP_URL: env.SMTP_URL,
    MAIL_FROM: env.MAIL_FROM,
  });
  // The portals' heap limit in production. V8 sizes the old generation from the
  // machine's memory (about 4 GB here) and, with that much room, lets garbage pile up to 200+ MB
  // under load before a full collection; what stays live is about 70 MB. 192 MB makes it collect
  // sooner and keeps each portal's RSS near 200 MB, at no measurable cost in requests/s.
  const portalEnv = {
    ...appEnv,
    NODE_OPTIONS: [process.env.NODE_OPTIONS, "--max-old-space-size=192"].filter(Boolean).join(" "),
  };
  if (!dev) {
    say("building both portals (cached after the first time)…");
    const code = await run(
      bin("turbo"),
      ["run", "build", "--filter=./apps/*", "--output-logs=errors-only"],
      {
        env: cleanEnv({ SKIP_ENV_VALIDATION: "1", NODE_ENV: "production" }),
      },
    );
    if (code !== 0) return shutdown(code);
  }
  const portals = [
    { name: "consultant", port: env.CONSULTANT_PORT },
    { name: "candidate", port: env.CANDIDATE_PORT },
  ];
  for (const p of portals) {
    const child = serve(p.name, bin("next"), [dev ? "dev" : "start", "-p", String(p.port)], {
      cwd: path.join(root, "apps", p.name),
      env: dev ? appEnv : portalEnv,
    });
    child.on("exit", (code) => {
      if (!stopping) {
        say(`the ${p.name} portal stopped (exit ${code}); stopping everything`);
        void shutdown(code ?? 1);
      }
    });
    children.push(child);
  }
  const worker = serve("worker", process.execPath, ["--import", "tsx", workerMain], {
    cwd: root,
    env: appEnv,
  });
  worker.on("exit", (code) => {
    if (!stopping) {
      say(`the worker stopped (exit ${code}); stopping everything`);
      void shutdown(code ?? 1);
    }
  });
  children.push(worker);
  writeFileSync(pidFile, JSON.stringify({ pids: children.map((c) => c.pid).filter(Boolean) }));
  const healthy = await Promise.all(
    portals.map((p) => waitForHealth(`http://localhost:${p.port}/api/health`, 120_000)),
  );
  if (healthy.includes(false)) {
    say("a portal did not become healthy in time");
    return shutdown(1);
  }
  const width = Math.max(...demoAccounts.map((a) => a.email.length));
  console.log(`
  Debrief is running.

    Consultant portal   http://localhost:${env.CONSULTANT_PORT}
    Candidate portal    http://localhost:${env.CANDIDATE_PORT}

  Demo sign-ins (password: ${DEMO_PASSWORD})
${demoAccounts.map((a) => `    ${a.email.padEnd(width)}  ${a.role.padEnd(10)}  ${a.agency}`).join("\n")}

  Email: ${env.SMTP_URL ? `sent through ${new URL(env.SMTP_URL).host}` : `not sent (no SMTP_URL): admins read it at http://localhost:${env.CONSULTANT_PORT}/admin/mail`}

  Press Ctrl-C to stop the portals, the worker${embedded ? " and the database" : ""}.
`);
}

main().catch(async (error: unknown) => {
  console.error(`\n${error instanceof Error ? error.message : String(error)}`);
  await shutdown(1);
});
