// The one data-access path: a pooled client, and withTenant() that every request's queries use.
import type { Role } from "@debrief/validators";
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

/** The postgres.js client of a drizzle transaction (drizzle-orm/postgres-js keeps it as session.client). */
function connectionOf(tx: Tx): postgres.TransactionSql {
  const client = (tx as unknown as { session?: { client?: postgres.TransactionSql } }).session
    ?.client;
  if (typeof client?.unsafe !== "function")
    throw new Error("drizzle's transaction no longer exposes its postgres.js client");
  return client;
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
      // Sent without waiting for its answer: postgres.js writes a transaction's statements to its
      // one connection in the order they are issued, so the server has applied the tenant before
      // fn's first statement runs, and that statement travels in the same round trip. Should it
      // fail, postgres.js records the error, fn's next statement fails as well (25P02) and the
      // transaction rolls back with the first error. handle() only queues it (after a microtask);
      // whatever fn issues is queued after it.
      connectionOf(tx)
        .unsafe(
          `select set_config('app.agency_id', $1, true),
                  set_config('app.user_id', $2, true),
                  set_config('app.role', $3, true)`,
          [tenant.agencyId, tenant.userId ?? "", tenant.role],
        )
        .execute()
        // Not lost: the transaction fails with it (above). Only kept from being "unhandled".
        .catch(() => {});
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
