// Sign-in throttling against PostgreSQL as the app role: per account and per address, failures
// only, inside the window, with email keys that ignore case.
import { createDb, eq, inArray, schema as s } from "@debrief/db";
import { afterAll, describe, expect, inject, it } from "vitest";
import { isRateLimited, keysFor, LIMITS, recordAttempt, UNKNOWN_ADDRESS } from "../src/rate-limit";

const db = createDb(inject("appUrl"), { max: 2 });
afterAll(async () => {
  await db.$client.end();
});

// Every test uses its own email and address: the table is shared by every test in the package.
const freshEmail = () => `person.${crypto.randomUUID()}@example.test`;
const freshAddress = () => `203.0.113.${crypto.randomUUID()}`;

async function fail(email: string, address: string, times: number) {
  for (let i = 0; i < times; i++) await recordAttempt(db, email, address, false);
}

describe("per account", () => {
  it(`locks an account after ${LIMITS.account} failures, from whichever addresses they came`, async () => {
    const email = freshEmail();
    for (let i = 0; i < LIMITS.account - 1; i++) await fail(email, freshAddress(), 1);
    expect(await isRateLimited(db, email, freshAddress())).toBe(false);
    await fail(email, freshAddress(), 1);
    expect(await isRateLimited(db, email, freshAddress())).toBe(true);
    expect(await isRateLimited(db, freshEmail(), freshAddress())).toBe(false);
  });

  it("counts the same account whatever the case and surrounding spaces of the email", async () => {
    const local = `Mixed.${crypto.randomUUID()}`;
    await fail(`${local}@Example.TEST`, freshAddress(), LIMITS.account);
    expect(await isRateLimited(db, ` ${local.toLowerCase()}@example.test `, freshAddress())).toBe(
      true,
    );
    expect(keysFor(`${local}@Example.TEST`, "x").account).toBe(
      keysFor(`${local.toUpperCase()}@EXAMPLE.test`, "x").account,
    );
  });

  it("does not count successful sign-ins", async () => {
    const email = freshEmail();
    for (let i = 0; i < 10; i++) await recordAttempt(db, email, freshAddress(), true);
    await fail(email, freshAddress(), LIMITS.account - 1);
    expect(await isRateLimited(db, email, freshAddress())).toBe(false);
  });

  it("forgets failures older than the window", async () => {
    const email = freshEmail();
    const { account } = keysFor(email, "");
    const old = new Date(Date.now() - 16 * 60_000);
    await db
      .insert(s.loginAttempts)
      .values(
        Array.from({ length: 10 }, () => ({ key: account, succeeded: false, createdAt: old })),
      );
    expect(await isRateLimited(db, email, freshAddress())).toBe(false);
    await fail(email, freshAddress(), LIMITS.account - 1);
    expect(await isRateLimited(db, email, freshAddress())).toBe(false);
    await fail(email, freshAddress(), 1);
    expect(await isRateLimited(db, email, freshAddress())).toBe(true);
  });
});

describe("per address", () => {
  it(`blocks an address after ${LIMITS.address} failures across any accounts`, async () => {
    const address = freshAddress();
    for (let i = 0; i < LIMITS.address - 1; i++) await fail(freshEmail(), address, 1);
    expect(await isRateLimited(db, freshEmail(), address)).toBe(false);
    await fail(freshEmail(), address, 1);
    expect(await isRateLimited(db, freshEmail(), address)).toBe(true);
    // The same new account from another address is fine: no account has failed 5 times.
    expect(await isRateLimited(db, freshEmail(), freshAddress())).toBe(false);
  });

  it("never blocks the shared unknown-address bucket, while the account limit still holds", async () => {
    for (let i = 0; i < LIMITS.address; i++) await fail(freshEmail(), UNKNOWN_ADDRESS, 1);
    expect(await isRateLimited(db, freshEmail(), UNKNOWN_ADDRESS)).toBe(false);
    const email = freshEmail();
    await fail(email, UNKNOWN_ADDRESS, LIMITS.account);
    expect(await isRateLimited(db, email, UNKNOWN_ADDRESS)).toBe(true);
  });

  it("does not count successes from the address", async () => {
    const address = freshAddress();
    for (let i = 0; i < LIMITS.address; i++) await recordAttempt(db, freshEmail(), address, true);
    expect(await isRateLimited(db, freshEmail(), address)).toBe(false);
  });
});

describe("recordAttempt", () => {
  it("writes one row per key, and a failure clears attempts older than a day", async () => {
    const email = freshEmail();
    const address = freshAddress();
    const keys = keysFor(email, address);
    const ancient = {
      key: keys.account,
      succeeded: false,
      createdAt: new Date(Date.now() - 2 * 86_400_000),
    };
    await db.insert(s.loginAttempts).values(ancient);
    await recordAttempt(db, email, address, false);
    const rows = await db
      .select({ key: s.loginAttempts.key, createdAt: s.loginAttempts.createdAt })
      .from(s.loginAttempts)
      .where(inArray(s.loginAttempts.key, [keys.account, keys.address]));
    expect(rows.map((r) => r.key).sort()).toEqual([keys.account, keys.address].sort());
    expect(rows.every((r) => r.createdAt > ancient.createdAt)).toBe(true);
  });

  it("works without any tenant: login_attempts is not a tenant table", async () => {
    const email = freshEmail();
    await recordAttempt(db, email, freshAddress(), false);
    const rows = await db
      .select()
      .from(s.loginAttempts)
      .where(eq(s.loginAttempts.key, keysFor(email, "").account));
    expect(rows).toHaveLength(1);
  });
});
