// Column helpers shared by every table: UUID ids, tenant key, timestamps.
import { timestamp, uuid } from "drizzle-orm/pg-core";

export const id = () => uuid().defaultRandom().primaryKey();
export const createdAt = () => timestamp({ withTimezone: true }).defaultNow().notNull();
export const timestamps = () => ({
  createdAt: createdAt(),
  updatedAt: timestamp({ withTimezone: true })
    .defaultNow()
    .notNull()
    .$onUpdate(() => new Date()),
});
export const at = () => timestamp({ withTimezone: true });
