// The two look-ups made before a tenant is known, through the SECURITY DEFINER functions, as the
// app role with no tenant set: sign-in by email, and the per-request session re-check.
import { createDb, eq, schema as s, withTenant } from "@debrief/db";
import { type AgencyFixture, createAgencyFixture } from "@debrief/db/factories";
import { hashPassword, verifyPassword } from "@debrief/db/password";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { sessionUser, userByEmail } from "../src/users";

const db = createDb(inject("appUrl"), { max: 2 });
const PASSWORD = "correct horse battery staple";
let f: AgencyFixture;

beforeAll(async () => {
  // Hashed once for the file: argon2id is deliberately slow.
  f = await createAgencyFixture(db, { label: "Auth", passwordHash: await hashPassword(PASSWORD) });
});

afterAll(async () => {
  await db.$client.end();
});

describe("userByEmail", () => {
  it("finds the user whatever the case of the email, with what sign-in needs", async () => {
    const user = await userByEmail(db, f.users.consultant.email.toUpperCase());
    expect(user).toMatchObject({
      id: f.users.consultant.id,
      agency_id: f.agencyId,
      role: "consultant",
      status: "active",
    });
    expect(await verifyPassword(user?.password_hash ?? "", PASSWORD)).toBe(true);
    expect(await verifyPassword(user?.password_hash ?? "", "wrong password")).toBe(false);
  });

  it("works as the app role without a tenant, where a direct read sees nothing", async () => {
    const direct = await db.select().from(s.users).where(eq(s.users.id, f.users.admin.id));
    expect(direct).toEqual([]);
    expect((await userByEmail(db, f.users.admin.email))?.id).toBe(f.users.admin.id);
  });

  it("reports a disabled user as disabled, so sign-in can refuse them", async () => {
    expect(await userByEmail(db, f.users.disabledConsultant.email)).toMatchObject({
      id: f.users.disabledConsultant.id,
      status: "disabled",
    });
  });

  it("returns nothing for an unknown email, or for a pattern", async () => {
    expect(await userByEmail(db, `nobody.${crypto.randomUUID()}@example.test`)).toBeUndefined();
    expect(await userByEmail(db, "%")).toBeUndefined();
  });
});

describe("sessionUser", () => {
  it("returns status, role and agency name for each role", async () => {
    for (const user of [f.users.admin, f.users.consultant, f.users.candidateA]) {
      expect(await sessionUser(db, user.id)).toEqual({
        id: user.id,
        agency_id: f.agencyId,
        role: user.role,
        status: "active",
        name: user.name,
        email: user.email,
        agency_name: f.agencyName,
      });
    }
  });

  it("reports a disabled user's status, which is what ends their sessions", async () => {
    expect((await sessionUser(db, f.users.disabledConsultant.id))?.status).toBe("disabled");
  });

  it("sees a user disabled or re-roled at once, on the next look-up", async () => {
    const g = await createAgencyFixture(db, { label: "Auth Change" });
    const { consultant, consultant2 } = g.users;
    expect((await sessionUser(db, consultant.id))?.status).toBe("active");
    await withTenant(
      db,
      { agencyId: g.agencyId, userId: g.users.admin.id, role: "admin" },
      async (tx) => {
        await tx.update(s.users).set({ status: "disabled" }).where(eq(s.users.id, consultant.id));
        await tx.update(s.users).set({ role: "admin" }).where(eq(s.users.id, consultant2.id));
      },
    );
    expect((await sessionUser(db, consultant.id))?.status).toBe("disabled");
    expect((await sessionUser(db, consultant2.id))?.role).toBe("admin");
  });

  it("returns nothing for an unknown id", async () => {
    expect(await sessionUser(db, crypto.randomUUID())).toBeUndefined();
  });
});
