export * from "drizzle-orm";
export {
  createDb,
  type Database,
  DatabaseBusyError,
  type DbOptions,
  getDb,
  type Tenant,
  type Tx,
  withTenant,
} from "./client";
export { enqueue, type QueueName, queues } from "./queue";
export * as schema from "./schema";
