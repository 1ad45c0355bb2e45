// Sign-in as the Credentials provider checks it, against PostgreSQL as the app role: who gets in,
// and the audit trail of every attempt on a known account (auth.sign_in, auth.sign_in_failed with
// its reason), written in that account's agency with the account as the actor. Unknown emails
// leave no audit row anywhere.
import { createDb, eq, schema as s, sql, withTenant } from "@debrief/db";
import { type AgencyFixture, createAgencyFixture, createInvitedUser } from "@debrief/db/factories";
import { hashPassword } from "@debrief/db/password";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { LIMITS, recordAttempt } from "../src/rate-limit";
import { checkCredentials } from "../src/sign-in";

const db = createDb(inject("appUrl"), { max: 2 });
const owner = createDb(inject("ownerUrl"), { max: 1 });
const PASSWORD = "correct horse battery staple";
let f: AgencyFixture;

beforeAll(async () => {
  f = await createAgencyFixture(db, {
    label: "Sign In",
    passwordHash: await hashPassword(PASSWORD),
  });
});

afterAll(async () => {
  await db.$client.end();
  await owner.$client.end();
});

// Each attempt from its own address, so the per-address limit never joins in by accident.
const fromNewAddress = () =>
  new Headers({
    "x-forwarded-for": `198.51.100.${crypto.randomUUID()}`,
    "x-request-id": `req-${crypto.randomUUID()}`,
  });

type AuditRow = {
  agency_id: string;
  actor_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  request_id: string | null;
  metadata: Record<string, unknown>;
};

async function auditOf(userId: string) {
  return owner.execute<AuditRow>(
    sql`select agency_id, actor_id, action, entity_type, entity_id, request_id, metadata
        from audit_events where entity_id = ${userId}::uuid and action like 'auth.%'
        order by created_at, id`,
  );
}

async function allAuthAudit() {
  const [row] = await owner.execute<{ n: number }>(
    sql`select count(*)::int as n from audit_events where action like 'auth.%'`,
  );
  return row?.n ?? 0;
}

describe("checkCredentials", () => {
  it("lets an active user in on their own portal and audits auth.sign_in", async () => {
    const { consultant } = f.users;
    const headers = fromNewAddress();
    const result = await checkCredentials(
      db,
      "consultant",
      { email: consultant.email.toUpperCase(), password: PASSWORD },
      headers,
    );
    expect(result).toEqual({ ok: true, userId: consultant.id });
    expect(await auditOf(consultant.id)).toEqual([
      {
        agency_id: f.agencyId,
        actor_id: consultant.id,
        action: "auth.sign_in",
        entity_type: "user",
        entity_id: consultant.id,
        request_id: headers.get("x-request-id"),
        metadata: { portal: "consultant" },
      },
    ]);
  });

  it("refuses, with one answer, and audits the reason: password, disabled, wrong portal", async () => {
    const cases = [
      { user: f.users.consultant2, portal: "consultant", password: "wrong", reason: "password" },
      {
        user: f.users.disabledConsultant,
        portal: "consultant",
        password: PASSWORD,
        reason: "disabled",
      },
      {
        user: f.users.candidateA,
        portal: "consultant",
        password: PASSWORD,
        reason: "wrong_portal",
      },
      { user: f.users.admin, portal: "candidate", password: PASSWORD, reason: "wrong_portal" },
    ] as const;
    for (const { user, portal, password, reason } of cases) {
      const result = await checkCredentials(
        db,
        portal,
        { email: user.email, password },
        fromNewAddress(),
      );
      expect(result).toEqual({ ok: false, reason });
      const events = await auditOf(user.id);
      expect(events.at(-1)).toMatchObject({
        agency_id: f.agencyId,
        actor_id: user.id,
        action: "auth.sign_in_failed",
        metadata: { portal, reason },
      });
      // Never the password, the address or anything else personal.
      expect(Object.keys(events.at(-1)?.metadata ?? {}).sort()).toEqual(["portal", "reason"]);
      expect(JSON.stringify(events)).not.toContain(password);
    }
  });

  it("audits someone who has not accepted their invitation yet as invited", async () => {
    const { user } = await withTenant(
      db,
      { agencyId: f.agencyId, userId: f.users.admin.id, role: "admin" },
      (tx) =>
        createInvitedUser(tx, f.agencyId, {
          email: `not.yet.${crypto.randomUUID()}@example.test`,
          name: "Not Yet",
          role: "consultant",
          invitedById: f.users.admin.id,
        }),
    );
    const result = await checkCredentials(
      db,
      "consultant",
      { email: user.email, password: PASSWORD },
      fromNewAddress(),
    );
    expect(result).toEqual({ ok: false, reason: "invited" });
    expect((await auditOf(user.id)).map((e) => e.metadata)).toEqual([
      { portal: "consultant", reason: "invited" },
    ]);
  });

  it("audits a rate-limited attempt as rate_limited, even with the right password", async () => {
    const g = await createAgencyFixture(db, { label: "Sign In Limited" });
    const { consultant } = g.users;
    for (let i = 0; i < LIMITS.account; i++) {
      await recordAttempt(db, consultant.email, `192.0.2.${i}`, false);
    }
    const result = await checkCredentials(
      db,
      "consultant",
      { email: consultant.email, password: PASSWORD },
      fromNewAddress(),
    );
    expect(result).toEqual({ ok: false, reason: "rate_limited" });
    expect((await auditOf(consultant.id)).map((e) => [e.action, e.metadata])).toEqual([
      ["auth.sign_in_failed", { portal: "consultant", reason: "rate_limited" }],
    ]);
  });

  it("writes no audit row for an unknown email, but still counts the attempt", async () => {
    const before = await allAuthAudit();
    const email = `nobody.${crypto.randomUUID()}@example.test`;
    const result = await checkCredentials(
      db,
      "consultant",
      { email, password: PASSWORD },
      fromNewAddress(),
    );
    expect(result).toEqual({ ok: false, reason: "unknown" });
    expect(await allAuthAudit()).toBe(before);
    const attempts = await owner
      .select()
      .from(s.loginAttempts)
      .where(eq(s.loginAttempts.key, `account:${email}`));
    expect(attempts).toHaveLength(1);
  });

  it("ignores malformed credentials without touching the database's audit", async () => {
    const before = await allAuthAudit();
    expect(
      await checkCredentials(db, "consultant", { email: "not-an-email" }, fromNewAddress()),
    ).toEqual({ ok: false, reason: "malformed" });
    expect(await allAuthAudit()).toBe(before);
  });

  it("audit rows stay in the user's own agency: another agency's admin sees none of them", async () => {
    const g = await createAgencyFixture(db, { label: "Sign In Other" });
    const seen = await withTenant(
      db,
      { agencyId: g.agencyId, userId: g.users.admin.id, role: "admin" },
      (tx) =>
        tx
          .select({ id: s.auditEvents.id })
          .from(s.auditEvents)
          .where(eq(s.auditEvents.entityId, f.users.consultant.id)),
    );
    expect(seen).toEqual([]);
  });
});
