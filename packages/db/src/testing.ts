// Test databases: each Vitest run gets a fresh, migrated database on TEST_DATABASE_URL's server.
import { createEnv } from "@t3-oss/env-core";
import { sql } from "drizzle-orm";
import type {} from "vitest";
import type { TestProject } from "vitest/node";
import { z } from "zod";
import type { Database } from "./client";
import { dropDatabase, ensureDatabase } from "./embedded";
import { appDatabaseUrl } from "./env";
import { runMigrations } from "./migrate";

declare module "vitest" {
  // biome-ignore lint/style/useConsistentTypeDefinitions: module augmentation needs an interface
  export interface ProvidedContext {
    ownerUrl: string;
    appUrl: string;
  }
}

export async function createTestDatabase(serverUrl: string) {
  const name = `debrief_test_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const maintenance = new URL(serverUrl);
  maintenance.pathname = "/postgres";
  const owner = new URL(serverUrl);
  owner.pathname = `/${name}`;
  const ownerUrl = owner.toString();
  const appUrl = appDatabaseUrl(ownerUrl);
  await ensureDatabase(maintenance.toString(), name);
  await runMigrations(ownerUrl, appUrl);
  return { ownerUrl, appUrl, drop: () => dropDatabase(maintenance.toString(), name) };
}

/** Vitest globalSetup: one fresh database per package run, dropped afterwards. */
export async function setupTestDatabase(project: TestProject) {
  const { TEST_DATABASE_URL } = createEnv({
    server: {
      TEST_DATABASE_URL: z.url({
        error: "is required: run the tests through `npm test`, or point it at a PostgreSQL server",
      }),
    },
    runtimeEnv: process.env,
    emptyStringAsUndefined: true,
  });
  const db = await createTestDatabase(TEST_DATABASE_URL);
  project.provide("ownerUrl", db.ownerUrl);
  project.provide("appUrl", db.appUrl);
  return db.drop;
}

/**
 * Rows where the report facts differ from a recomputation from the source tables (both ways, both
 * fact tables): 0 when the triggers have kept them exact. Run as the owner (sees every agency).
 */
export async function reportFactsDrift(db: Database): Promise<number> {
  const [row] = await db.execute<{ drift: number }>(sql`
    select ((select count(*) from (select * from rejection_facts except all select * from rejection_fact_source) a)
          + (select count(*) from (select * from rejection_fact_source except all select * from rejection_facts) b)
          + (select count(*) from (select * from gap_facts except all select * from gap_fact_source) c)
          + (select count(*) from (select * from gap_fact_source except all select * from gap_facts) d))::int
      as drift`);
  return row?.drift ?? -1;
}
