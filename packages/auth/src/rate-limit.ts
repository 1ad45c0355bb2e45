// Sign-in throttling per account and per address, counted in PostgreSQL so it holds across replicas.
import { and, type Database, gt, inArray, lt, schema, sql } from "@debrief/db";

const WINDOW_MS = 15 * 60_000;
export const UNKNOWN_ADDRESS = "unknown";
export const LIMITS = { account: 5, address: 20 } as const;

export const keysFor = (email: string, address: string) => ({
  account: `account:${email.trim().toLowerCase()}`,
  address: `address:${address}`,
});

export async function isRateLimited(
  db: Database,
  email: string,
  address: string,
): Promise<boolean> {
  const keys = keysFor(email, address);
  const since = new Date(Date.now() - WINDOW_MS);
  const rows = await db
    .select({ key: schema.loginAttempts.key, failures: sql<number>`count(*)::int` })
    .from(schema.loginAttempts)
    .where(
      and(
        inArray(schema.loginAttempts.key, [keys.account, keys.address]),
        gt(schema.loginAttempts.createdAt, since),
        sql`not ${schema.loginAttempts.succeeded}`,
      ),
    )
    .groupBy(schema.loginAttempts.key);
  const failures = new Map(rows.map((r) => [r.key, r.failures]));
  // Without a known address (no proxy header), only the per-account limit applies, so one
  // attacker cannot lock everybody out through a shared "unknown" bucket.
  const addressLimited =
    address !== UNKNOWN_ADDRESS && (failures.get(keys.address) ?? 0) >= LIMITS.address;
  return (failures.get(keys.account) ?? 0) >= LIMITS.account || addressLimited;
}

export async function recordAttempt(
  db: Database,
  email: string,
  address: string,
  succeeded: boolean,
) {
  const keys = keysFor(email, address);
  await db.insert(schema.loginAttempts).values([
    { key: keys.account, succeeded },
    { key: keys.address, succeeded },
  ]);
  if (!succeeded) {
    // Keep the table small: attempts older than a day never count again.
    await db
      .delete(schema.loginAttempts)
      .where(lt(schema.loginAttempts.createdAt, new Date(Date.now() - 86_400_000)));
  }
}
