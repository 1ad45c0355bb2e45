// The one data-access path: a pooled client, and withTenant() that every request's queries use.
import type { Role } from "@debrief/validators";
import { sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { appDatabaseUrl, dbEnv } from "./env";
import * as schema from "./schema";

export type DbOptions = {
  max?: number;
  /** A statement running longer is cancelled (57014). */
  statementTimeoutMs?: number;
  /** A transaction left idle longer is ended by the server (25P03), freeing its locks. */
  idleInTransactionTimeoutMs?: number;
  /** How long withTenant waits for a free connection before answering "busy". */
  acquireTimeoutMs?: number;
};

const DEFAULTS = {
  max: 10,
  statementTimeoutMs: 30_000,
  idleInTransactionTimeoutMs: 60_000,
  acquireTimeoutMs: 5_000,
} as const;

const acquireTimeouts = new WeakMap<object, number>();

export function createDb(url: string, options: DbOptions = {}) {
  const o = { ...DEFAULTS, ...options };
  const client = postgres(url, {
    max: o.max,
    onnotice: () => {},
    connect_timeout: 10,
    // Server-side limits on every connection, so a stuck query or a forgotten transaction cannot
    // hold a connection (and its locks) for ever.
    connection: {
      statement_timeout: o.statementTimeoutMs,
      idle_in_transaction_session_timeout: o.idleInTransactionTimeoutMs,
    },
  });
  const db = drizzle({ client, schema, casing: "snake_case" });
  acquireTimeouts.set(db, o.acquireTimeoutMs);
  return db;
}

export type Database = ReturnType<typeof createDb>;
export type Tx = Parameters<Parameters<Database["transaction"]>[0]>[0];
export type Tenant = { agencyId: string; userId: string | null; role: Role };

/** Every connection of the pool stayed busy for the whole acquire timeout. */
export class DatabaseBusyError extends Error {
  constructor() {
    super("The service is busy; please try again in a moment");
    this.name = "DatabaseBusyError";
  }
}

/**
 * Runs fn in one transaction with the tenant set as transaction-local settings, passed as
 * query parameters. Row-level security reads app.agency_id; nothing else can widen it.
 *
 * When no connection frees up within the pool's acquire timeout it fails fast with
 * DatabaseBusyError instead of queueing for ever; a transaction that starts after that has been
 * given up is rolled back before fn runs.
 */
export function withTenant<T>(
  db: Database,
  tenant: Tenant,
  fn: (tx: Tx) => Promise<T>,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let state: "waiting" | "started" | "abandoned" = "waiting";
    const timer = setTimeout(() => {
      if (state !== "waiting") return;
      state = "abandoned";
      reject(new DatabaseBusyError());
    }, acquireTimeouts.get(db) ?? DEFAULTS.acquireTimeoutMs);
    db.transaction(async (tx) => {
      if (state === "abandoned") throw new DatabaseBusyError();
      state = "started";
      clearTimeout(timer);
      await tx.execute(
        sql`select set_config('app.agency_id', ${tenant.agencyId}, true),
                   set_config('app.user_id', ${tenant.userId ?? ""}, true),
                   set_config('app.role', ${tenant.role}, true)`,
      );
      return fn(tx);
    }).then(resolve, (error: unknown) => {
      clearTimeout(timer);
      if (state !== "abandoned") reject(error);
    });
  });
}

const globalForDb = globalThis as unknown as { debriefDb?: Database };

/** The application's pool, connected as the unprivileged app role. */
export function getDb(): Database {
  if (!globalForDb.debriefDb) {
    const env = dbEnv();
    globalForDb.debriefDb = createDb(appDatabaseUrl(env.DATABASE_URL, env.APP_DATABASE_URL));
  }
  return globalForDb.debriefDb;
}
