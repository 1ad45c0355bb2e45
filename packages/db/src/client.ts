// The one data-access path: a pooled client, and withTenant() that every request's queries use.
import type { Role } from "@debrief/validators";
import { sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { appDatabaseUrl, dbEnv } from "./env";
import * as schema from "./schema";

export function createDb(url: string, { max = 10 }: { max?: number } = {}) {
  const client = postgres(url, { max, onnotice: () => {}, connect_timeout: 10 });
  return drizzle({ client, schema, casing: "snake_case" });
}

export type Database = ReturnType<typeof createDb>;
export type Tx = Parameters<Parameters<Database["transaction"]>[0]>[0];
export type Tenant = { agencyId: string; userId: string | null; role: Role };

/**
 * Runs fn in one transaction with the tenant set as transaction-local settings, passed as
 * query parameters. Row-level security reads app.agency_id; nothing else can widen it.
 */
export function withTenant<T>(
  db: Database,
  tenant: Tenant,
  fn: (tx: Tx) => Promise<T>,
): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(
      sql`select set_config('app.agency_id', ${tenant.agencyId}, true),
                 set_config('app.user_id', ${tenant.userId ?? ""}, true),
                 set_config('app.role', ${tenant.role}, true)`,
    );
    return fn(tx);
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
