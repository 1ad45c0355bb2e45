export * from "drizzle-orm";
export { createDb, type Database, getDb, type Tenant, type Tx, withTenant } from "./client";
export * as schema from "./schema";
