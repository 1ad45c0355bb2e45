// admin.users against PostgreSQL as the app role: inviting (only the token's hash stored, the
// candidate record linked or created, duplicates refused with nothing written), resending and
// revoking, disabling and enabling (the session look-up sees it at once), role changes, the
// last-admin rule under concurrency, and other agencies' admins finding nothing.
// Accepting an invitation runs before any session, with sign-in, in packages/auth: its tests are in
// packages/auth/test/invitations.test.ts.
import { createHash } from "node:crypto";
import { eq, schema as s, sql } from "@debrief/db";
import {
  type AgencyFixture,
  createAgencyFixture,
  createCandidate,
  createInvitedUser,
  createUser,
  type FixtureUser,
} from "@debrief/db/factories";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { portalBaseUrl } from "../src/env";
import { asAgency, callerFor, connect, httpError } from "./support";

const { app, owner, close } = connect();
afterAll(close);

const DAY = 86_400_000;
const tag = () => crypto.randomUUID().slice(0, 8);
const sha256 = (v: string) => createHash("sha256").update(v).digest("hex");
const escapeRegExp = (v: string) => v.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
const tokenOf = (link: string) => {
  const token = link.split("/invitation/")[1];
  if (!token) throw new Error(`not an invitation link: ${link}`);
  return token;
};

async function audit(agencyId: string, action?: string) {
  const rows = await owner.execute<{
    action: string;
    actor_id: string | null;
    entity_type: string;
    entity_id: string;
    metadata: Record<string, unknown>;
  }>(
    sql`select action, actor_id, entity_type, entity_id, metadata from audit_events
        where agency_id = ${agencyId}::uuid order by created_at, id`,
  );
  return action ? rows.filter((r) => r.action === action) : rows;
}

/** Row counts of everything an invitation writes, for "nothing changed" checks. */
async function footprint(agencyId: string) {
  const [row] = await owner.execute<Record<string, number>>(
    sql`select
          (select count(*)::int from users where agency_id = ${agencyId}::uuid) as users,
          (select count(*)::int from invitations where agency_id = ${agencyId}::uuid) as invitations,
          (select count(*)::int from candidates where agency_id = ${agencyId}::uuid) as candidates,
          (select count(*)::int from outbox where agency_id = ${agencyId}::uuid) as outbox,
          (select count(*)::int from audit_events where agency_id = ${agencyId}::uuid) as audit`,
  );
  return row;
}

/** What the per-request session check (debrief_session_user) reports for a user. */
async function sessionStatus(id: string) {
  const [row] = await app.execute<{ status: string; role: string }>(
    sql`select status::text as status, role::text as role from debrief_session_user(${id}::uuid)`,
  );
  return row;
}

/** The invitation for a token, as acceptance looks it up (by hash, across agencies). */
async function invitationByToken(token: string) {
  const [row] = await app.execute<{
    invitation_id: string;
    user_id: string;
    revoked_at: string | null;
    accepted_at: string | null;
    expires_at: string;
  }>(sql`select * from debrief_invitation_by_token_hash(${sha256(token)})`);
  return row;
}

async function userRow(id: string) {
  const [row] = await owner.select().from(s.users).where(eq(s.users.id, id));
  return row;
}

const admin = (f: AgencyFixture) => callerFor(app, f.users.admin);

/** Another active admin in the agency, as a session user. */
async function secondAdmin(f: AgencyFixture): Promise<FixtureUser> {
  const row = await asAgency(app, f.users.admin, (tx) =>
    createUser(tx, f.agencyId, {
      email: `admin2-${tag()}@example.test`,
      name: "Second Admin",
      role: "admin",
      passwordHash: "!cannot-sign-in",
    }),
  );
  return { ...f.users.admin, id: row.id, name: row.name, email: row.email };
}

describe("invitation links", () => {
  it("point at each portal's own address, from CONSULTANT_URL and CANDIDATE_URL", () => {
    expect(portalBaseUrl("consultant")).toMatch(/^https?:\/\/[^/]/);
    expect(portalBaseUrl("candidate")).toMatch(/^https?:\/\/[^/]/);
    expect(portalBaseUrl("consultant")).not.toBe(portalBaseUrl("candidate"));
    expect(portalBaseUrl("consultant")).not.toMatch(/\/$/);
  });
});

describe("invite", () => {
  let f: AgencyFixture;
  let foreign: AgencyFixture;
  beforeAll(async () => {
    [f, foreign] = await Promise.all([
      createAgencyFixture(app, { label: "Invite" }),
      createAgencyFixture(app, { label: "Invite Foreign" }),
    ]);
  });

  it("creates an invited user without a password and stores only the token's hash", async () => {
    const email = `new.consultant.${tag()}@example.test`;
    const sent = await admin(f).admin.users.invite({
      email: email.toUpperCase(),
      name: "  Nia New  ",
      role: "consultant",
    });
    expect(sent).toMatchObject({ email, name: "Nia New", role: "consultant", candidate: null });
    // Staff accept on the consultant portal (CONSULTANT_URL, localhost:3000 by default).
    expect(sent.link).toMatch(
      new RegExp(`^${escapeRegExp(portalBaseUrl("consultant"))}/invitation/[A-Za-z0-9_-]{43}$`),
    );
    const token = tokenOf(sent.link);

    const user = await userRow(sent.userId);
    expect(user).toMatchObject({ status: "invited", passwordHash: null, role: "consultant" });
    const [invitation] = await owner
      .select()
      .from(s.invitations)
      .where(eq(s.invitations.userId, sent.userId));
    expect(invitation?.tokenHash).toBe(sha256(token));
    expect(invitation?.invitedById).toBe(f.users.admin.id);
    // The raw token is nowhere in the invitations table.
    const [leak] = await owner.execute<{ n: number }>(
      sql`select count(*)::int as n from invitations i where i::text like ${`%${token}%`}`,
    );
    expect(leak?.n).toBe(0);
    // Seven days, by the database's clock.
    const expires = invitation?.expiresAt.getTime() ?? 0;
    expect(Math.abs(expires - (Date.now() + 7 * DAY))).toBeLessThan(60_000);
    expect(sent.expiresAt.getTime()).toBe(expires);

    // The email is queued in the same transaction, with the link for the worker to deliver.
    const outbox = await owner.execute<{ topic: string; payload: Record<string, string> }>(
      sql`select topic, payload from outbox where payload->>'userId' = ${sent.userId}`,
    );
    expect(outbox).toEqual([
      {
        topic: "invitation",
        payload: {
          kind: "invited",
          invitationId: sent.invitationId,
          userId: sent.userId,
          link: sent.link,
        },
      },
    ]);
    expect(await audit(f.agencyId, "user.invited")).toContainEqual(
      expect.objectContaining({
        actor_id: f.users.admin.id,
        entity_type: "user",
        entity_id: sent.userId,
        metadata: { role: "consultant", invitationId: sent.invitationId },
      }),
    );
    // Acceptance finds it by the hash of the token in the link.
    expect(await invitationByToken(token)).toMatchObject({
      invitation_id: sent.invitationId,
      user_id: sent.userId,
      accepted_at: null,
      revoked_at: null,
    });
  });

  it("links a candidate's existing record (whatever the email's case) to the new login", async () => {
    const email = `known.candidate.${tag()}@example.test`;
    const record = await asAgency(app, f.users.admin, (tx) =>
      createCandidate(tx, f.agencyId, {
        name: "Kim Known",
        email: email.replace("known", "Known"),
        ownerId: f.users.consultant.id,
      }),
    );
    const before = await footprint(f.agencyId);
    const sent = await admin(f).admin.users.invite({ email, name: "Kim Known", role: "candidate" });
    expect(sent.candidate).toBe("linked");
    // Candidates accept on the candidate portal.
    expect(sent.link.startsWith(`${portalBaseUrl("candidate")}/invitation/`)).toBe(true);
    const [linked] = await owner.select().from(s.candidates).where(eq(s.candidates.id, record.id));
    expect(linked).toMatchObject({ userId: sent.userId, ownerId: f.users.consultant.id });
    expect((await footprint(f.agencyId))?.candidates).toBe(before?.candidates);
  });

  it("creates a candidate record, owned by the inviting admin, when there is none", async () => {
    const email = `brand.new.${tag()}@example.test`;
    const sent = await admin(f).admin.users.invite({ email, name: "Bea New", role: "candidate" });
    expect(sent.candidate).toBe("created");
    const rows = await owner.select().from(s.candidates).where(eq(s.candidates.email, email));
    expect(rows).toEqual([
      expect.objectContaining({
        agencyId: f.agencyId,
        name: "Bea New",
        userId: sent.userId,
        ownerId: f.users.admin.id,
      }),
    ]);
    const [event] = await audit(f.agencyId, "user.invited").then((r) =>
      r.filter((e) => e.entity_id === sent.userId),
    );
    expect(event?.metadata).toMatchObject({ candidate: "created", candidateId: rows[0]?.id });
  });

  it("refuses an email already used in this agency or any other, naming the field, writing nothing", async () => {
    const cases = [
      { email: f.users.consultant.email, reason: /someone in your agency/ },
      { email: f.users.candidateA.email.toUpperCase(), reason: /someone in your agency/ },
      { email: foreign.users.consultant.email, reason: /a Debrief account/ },
    ];
    for (const { email, reason } of cases) {
      const before = await footprint(f.agencyId);
      const error = await httpError(app, f.users.admin, "admin.users.invite", "mutation", {
        email,
        name: "Someone",
        role: "consultant",
      });
      expect(error).toMatchObject({ status: 409, code: "CONFLICT" });
      expect(error.fieldErrors?.email?.[0]).toMatch(reason);
      // Another agency's account is never named.
      expect(error.message).not.toContain(foreign.agencyName);
      expect(await footprint(f.agencyId)).toEqual(before);
    }
  });

  it("tells an admin to resend when the person is already invited", async () => {
    const email = `twice.${tag()}@example.test`;
    await admin(f).admin.users.invite({ email, name: "Twice", role: "consultant" });
    const before = await footprint(f.agencyId);
    const error = await httpError(app, f.users.admin, "admin.users.invite", "mutation", {
      email,
      name: "Twice Again",
      role: "admin",
    });
    expect(error).toMatchObject({ status: 409, code: "CONFLICT" });
    expect(error.fieldErrors?.email?.[0]).toMatch(/already been invited/);
    expect(await footprint(f.agencyId)).toEqual(before);
  });

  it("refuses a candidate whose record already has a login of another email, writing nothing", async () => {
    const email = `relinked.${tag()}@example.test`;
    await asAgency(app, f.users.admin, async (tx) => {
      const other = await createUser(tx, f.agencyId, {
        email: `other.login.${tag()}@example.test`,
        name: "Other Login",
        role: "candidate",
        passwordHash: "!x",
      });
      await createCandidate(tx, f.agencyId, {
        name: "Has Login",
        email,
        ownerId: f.users.consultant.id,
        userId: other.id,
      });
    });
    const before = await footprint(f.agencyId);
    const error = await httpError(app, f.users.admin, "admin.users.invite", "mutation", {
      email,
      name: "Has Login",
      role: "candidate",
    });
    expect(error).toMatchObject({ status: 409, code: "CONFLICT" });
    expect(error.fieldErrors?.email?.[0]).toMatch(/already has a login/);
    expect(await footprint(f.agencyId)).toEqual(before);
  });

  it("refuses bad input with the field named and nothing written", async () => {
    const before = await footprint(f.agencyId);
    for (const [input, field] of [
      [{ email: "not-an-email", name: "X", role: "consultant" }, "email"],
      [{ email: `ok.${tag()}@example.test`, name: "   ", role: "consultant" }, "name"],
      [{ email: `ok.${tag()}@example.test`, name: "X", role: "owner" }, "role"],
    ] as const) {
      const error = await httpError(app, f.users.admin, "admin.users.invite", "mutation", input);
      expect(error).toMatchObject({ status: 400, code: "BAD_REQUEST" });
      expect(Object.keys(error.fieldErrors ?? {})).toEqual([field]);
    }
    expect(await footprint(f.agencyId)).toEqual(before);
  });

  it("keeps exactly one of two simultaneous invitations of the same email", async () => {
    const email = `race.${tag()}@example.test`;
    const results = await Promise.allSettled([
      admin(f).admin.users.invite({ email, name: "Race One", role: "consultant" }),
      admin(foreign).admin.users.invite({ email, name: "Race Two", role: "consultant" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r) => r.status === "rejected");
    expect((rejected as PromiseRejectedResult).reason).toMatchObject({ code: "CONFLICT" });
    const rows = await owner.execute(sql`select id from users where lower(email) = ${email}`);
    expect(rows).toHaveLength(1);
  });
});

describe("resend and revoke", () => {
  let f: AgencyFixture;
  beforeAll(async () => {
    f = await createAgencyFixture(app, { label: "Resend" });
  });

  const invite = (role: "consultant" | "candidate" = "consultant") =>
    admin(f).admin.users.invite({
      email: `resend.${tag()}@example.test`,
      name: "Rae Resend",
      role,
    });

  it("resend: a new link, the old one stops working at once, the seven days start again", async () => {
    const first = await invite();
    // Pretend it was sent six days ago and is about to expire.
    await owner.execute(
      sql`update invitations set expires_at = now() + interval '1 day',
          created_at = now() - interval '6 days' where id = ${first.invitationId}::uuid`,
    );
    const second = await admin(f).admin.users.resendInvitation({ userId: first.userId });
    expect(second.userId).toBe(first.userId);
    expect(second.invitationId).not.toBe(first.invitationId);
    expect(second.link).not.toBe(first.link);
    expect(Math.abs(second.expiresAt.getTime() - (Date.now() + 7 * DAY))).toBeLessThan(60_000);

    expect((await invitationByToken(tokenOf(first.link)))?.revoked_at).not.toBeNull();
    expect(await invitationByToken(tokenOf(second.link))).toMatchObject({
      invitation_id: second.invitationId,
      revoked_at: null,
      accepted_at: null,
    });
    const [event] = await audit(f.agencyId, "invitation.resent");
    expect(event).toMatchObject({
      actor_id: f.users.admin.id,
      entity_type: "invitation",
      entity_id: second.invitationId,
      metadata: { userId: first.userId, replaced: [first.invitationId] },
    });
    const outbox = await owner.execute<{ payload: { kind: string; link: string } }>(
      sql`select payload from outbox where payload->>'invitationId' = ${second.invitationId}`,
    );
    expect(outbox.map((o) => o.payload)).toEqual([
      expect.objectContaining({ kind: "resent", link: second.link }),
    ]);
  });

  it("resend after a revoke issues a working link; a candidate's link stays on the candidate portal", async () => {
    const sent = await invite("candidate");
    await admin(f).admin.users.revokeInvitation({ userId: sent.userId });
    const again = await admin(f).admin.users.resendInvitation({ userId: sent.userId });
    expect(again.link.startsWith(`${portalBaseUrl("candidate")}/invitation/`)).toBe(true);
    expect((await invitationByToken(tokenOf(again.link)))?.revoked_at).toBeNull();
  });

  it("revoke: the link stops working, the user stays invited, and it is audited", async () => {
    const sent = await invite();
    const result = await admin(f).admin.users.revokeInvitation({ userId: sent.userId });
    expect(result).toEqual({ userId: sent.userId, invitationId: sent.invitationId });
    expect((await invitationByToken(tokenOf(sent.link)))?.revoked_at).not.toBeNull();
    expect((await userRow(sent.userId))?.status).toBe("invited");
    expect(await audit(f.agencyId, "invitation.revoked")).toContainEqual(
      expect.objectContaining({
        entity_type: "invitation",
        entity_id: sent.invitationId,
        metadata: { userId: sent.userId },
      }),
    );
    const listed = await admin(f).admin.users.list({ q: "Rae Resend", status: "invited" });
    expect(listed.rows.find((r) => r.id === sent.userId)?.invitation?.state).toBe("revoked");

    // Nothing left to revoke: a clear conflict, nothing written.
    const before = await audit(f.agencyId);
    const error = await httpError(app, f.users.admin, "admin.users.revokeInvitation", "mutation", {
      userId: sent.userId,
    });
    expect(error).toMatchObject({ status: 409, message: expect.stringMatching(/no invitation/) });
    expect(await audit(f.agencyId)).toHaveLength(before.length);
  });

  it("refuses to resend or revoke for someone who already has an account", async () => {
    for (const path of ["admin.users.resendInvitation", "admin.users.revokeInvitation"]) {
      const before = await footprint(f.agencyId);
      const error = await httpError(app, f.users.admin, path, "mutation", {
        userId: f.users.consultant.id,
      });
      expect(error).toMatchObject({ status: 409, code: "CONFLICT" });
      expect(error.message).toMatch(/already accepted/);
      expect(await footprint(f.agencyId)).toEqual(before);
    }
  });
});

describe("disable and enable", () => {
  let f: AgencyFixture;
  beforeAll(async () => {
    f = await createAgencyFixture(app, { label: "Disable" });
  });

  it("a disabled user's session look-up says disabled at once; enabling brings it back", async () => {
    const { consultant } = f.users;
    expect(await sessionStatus(consultant.id)).toMatchObject({ status: "active" });
    const result = await admin(f).admin.users.disable({ userId: consultant.id });
    expect(result).toEqual({ id: consultant.id, role: "consultant", status: "disabled" });
    // The next request's getSession re-reads this and finds no session (packages/auth).
    expect(await sessionStatus(consultant.id)).toMatchObject({ status: "disabled" });
    // Disabling again changes nothing and audits nothing.
    await admin(f).admin.users.disable({ userId: consultant.id });
    expect(await audit(f.agencyId, "user.disabled")).toEqual([
      expect.objectContaining({
        actor_id: f.users.admin.id,
        entity_type: "user",
        entity_id: consultant.id,
        metadata: { role: "consultant" },
      }),
    ]);

    expect(await admin(f).admin.users.enable({ userId: consultant.id })).toMatchObject({
      status: "active",
    });
    expect(await sessionStatus(consultant.id)).toMatchObject({ status: "active" });
    expect(await audit(f.agencyId, "user.enabled")).toHaveLength(1);
  });

  it("refuses to disable or enable someone still invited (revoke is for them)", async () => {
    const { user } = await asAgency(app, f.users.admin, (tx) =>
      createInvitedUser(tx, f.agencyId, {
        email: `pending.${tag()}@example.test`,
        name: "Pending Person",
        role: "consultant",
        invitedById: f.users.admin.id,
      }),
    );
    for (const path of ["admin.users.disable", "admin.users.enable"]) {
      const error = await httpError(app, f.users.admin, path, "mutation", { userId: user.id });
      expect(error).toMatchObject({ status: 409, code: "CONFLICT" });
      expect(error.message).toMatch(/not accepted their invitation/);
    }
    expect((await userRow(user.id))?.status).toBe("invited");
  });

  it("an unknown id is NOT_FOUND, a malformed one names the field", async () => {
    const missing = await httpError(app, f.users.admin, "admin.users.disable", "mutation", {
      userId: crypto.randomUUID(),
    });
    expect(missing).toMatchObject({ status: 404, code: "NOT_FOUND" });
    const malformed = await httpError(app, f.users.admin, "admin.users.disable", "mutation", {
      userId: "not-an-id",
    });
    expect(malformed).toMatchObject({ status: 400 });
    expect(Object.keys(malformed.fieldErrors ?? {})).toEqual(["userId"]);
  });
});

describe("roles and the last admin", () => {
  it("promotes and demotes staff, auditing from and to", async () => {
    const f = await createAgencyFixture(app, { label: "Roles" });
    const { consultant } = f.users;
    expect(await admin(f).admin.users.changeRole({ userId: consultant.id, role: "admin" })).toEqual(
      { id: consultant.id, role: "admin", status: "active" },
    );
    expect(await sessionStatus(consultant.id)).toMatchObject({ role: "admin" });
    await admin(f).admin.users.changeRole({ userId: consultant.id, role: "consultant" });
    // The same role again is no change and no audit row.
    await admin(f).admin.users.changeRole({ userId: consultant.id, role: "consultant" });
    const events = await audit(f.agencyId, "user.role_changed");
    expect(events.map((e) => e.metadata)).toEqual([
      { from: "consultant", to: "admin" },
      { from: "admin", to: "consultant" },
    ]);
    expect(events.every((e) => e.entity_id === consultant.id)).toBe(true);
  });

  it("never turns a candidate into staff, nor staff into a candidate", async () => {
    const f = await createAgencyFixture(app, { label: "Roles Candidate" });
    const before = await footprint(f.agencyId);
    const promote = await httpError(app, f.users.admin, "admin.users.changeRole", "mutation", {
      userId: f.users.candidateA.id,
      role: "consultant",
    });
    expect(promote).toMatchObject({ status: 400, code: "BAD_REQUEST" });
    expect(promote.fieldErrors?.role?.[0]).toMatch(/candidate/);
    const demote = await httpError(app, f.users.admin, "admin.users.changeRole", "mutation", {
      userId: f.users.consultant.id,
      role: "candidate",
    });
    expect(demote).toMatchObject({ status: 400, code: "BAD_REQUEST" });
    expect(demote.fieldErrors?.role?.[0]).toMatch(/admin or consultant/);
    expect(await footprint(f.agencyId)).toEqual(before);
    expect((await userRow(f.users.candidateA.id))?.role).toBe("candidate");
  });

  it("the last active admin can neither disable nor demote themselves", async () => {
    const f = await createAgencyFixture(app, { label: "Last Admin" });
    const before = await footprint(f.agencyId);
    const disable = await httpError(app, f.users.admin, "admin.users.disable", "mutation", {
      userId: f.users.admin.id,
    });
    expect(disable).toMatchObject({ status: 409, code: "CONFLICT" });
    expect(disable.message).toMatch(/You are the agency's last active admin/);
    const demote = await httpError(app, f.users.admin, "admin.users.changeRole", "mutation", {
      userId: f.users.admin.id,
      role: "consultant",
    });
    expect(demote).toMatchObject({ status: 409, code: "CONFLICT" });
    expect(demote.fieldErrors?.role?.[0]).toMatch(/at least one active admin/);
    expect(await footprint(f.agencyId)).toEqual(before);
    expect(await userRow(f.users.admin.id)).toMatchObject({ role: "admin", status: "active" });
  });

  it("with a second admin, one may step down; then the other is the last", async () => {
    const f = await createAgencyFixture(app, { label: "Two Admins" });
    const other = await secondAdmin(f);
    // A disabled admin does not count as an admin who could take over.
    await admin(f).admin.users.changeRole({ userId: other.id, role: "admin" });
    await admin(f).admin.users.disable({ userId: other.id });
    await expect(admin(f).admin.users.disable({ userId: f.users.admin.id })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    await admin(f).admin.users.enable({ userId: other.id });
    // Now the first admin can step down, and the second is the last.
    await admin(f).admin.users.changeRole({ userId: f.users.admin.id, role: "consultant" });
    await expect(
      callerFor(app, other).admin.users.disable({ userId: other.id }),
    ).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/You are/) });
  });

  it("two admins demoting each other at the same moment leave exactly one admin", async () => {
    for (let round = 0; round < 4; round++) {
      const f = await createAgencyFixture(app, { label: "Race Admins" });
      const other = await secondAdmin(f);
      const results = await Promise.allSettled([
        admin(f).admin.users.changeRole({ userId: other.id, role: "consultant" }),
        callerFor(app, other).admin.users.changeRole({
          userId: f.users.admin.id,
          role: "consultant",
        }),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
      const [counted] = await owner.execute<{ n: number }>(
        sql`select count(*)::int as n from users
            where agency_id = ${f.agencyId}::uuid and role = 'admin' and status = 'active'`,
      );
      expect(counted?.n).toBe(1);
    }
  });

  it("two admins disabling each other at the same moment leave exactly one active admin", async () => {
    const f = await createAgencyFixture(app, { label: "Race Disable" });
    const other = await secondAdmin(f);
    const results = await Promise.allSettled([
      admin(f).admin.users.disable({ userId: other.id }),
      callerFor(app, other).admin.users.disable({ userId: f.users.admin.id }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    const [counted] = await owner.execute<{ n: number }>(
      sql`select count(*)::int as n from users
          where agency_id = ${f.agencyId}::uuid and role = 'admin' and status = 'active'`,
    );
    expect(counted?.n).toBe(1);
  });
});

describe("list", () => {
  let f: AgencyFixture;
  let invitedId: string;
  let expiredId: string;
  beforeAll(async () => {
    f = await createAgencyFixture(app, { label: "List" });
    const invited = await admin(f).admin.users.invite({
      email: `zoe.pending.${tag()}@example.test`,
      name: "Zoe Pending",
      role: "consultant",
    });
    invitedId = invited.userId;
    const expired = await admin(f).admin.users.invite({
      email: `xander.expired.${tag()}@example.test`,
      name: "Xander Expired",
      role: "candidate",
    });
    expiredId = expired.userId;
    await owner.execute(
      sql`update invitations set expires_at = now() - interval '1 hour'
          where id = ${expired.invitationId}::uuid`,
    );
    // Two sign-ins of the consultant, audited as packages/auth writes them.
    await asAgency(app, f.users.consultant, (tx) =>
      tx.insert(s.auditEvents).values([
        {
          agencyId: f.agencyId,
          actorId: f.users.consultant.id,
          action: "auth.sign_in",
          entityType: "user",
          entityId: f.users.consultant.id,
          createdAt: new Date(Date.now() - 3 * DAY),
        },
        {
          agencyId: f.agencyId,
          actorId: f.users.consultant.id,
          action: "auth.sign_in",
          entityType: "user",
          entityId: f.users.consultant.id,
          createdAt: new Date(Date.now() - DAY),
        },
        {
          agencyId: f.agencyId,
          actorId: f.users.consultant.id,
          action: "auth.sign_in_failed",
          entityType: "user",
          entityId: f.users.consultant.id,
        },
      ]),
    );
  });

  it("lists everyone by name with status, role, last sign-in and invitation state", async () => {
    const page = await admin(f).admin.users.list({});
    expect(page.total).toBe(8);
    expect(page.rows.map((r) => r.name)).toEqual(
      [...page.rows.map((r) => r.name)].sort((a, b) => a.localeCompare(b)),
    );
    expect(page.counts).toEqual({
      all: 8,
      admin: 1,
      consultant: 4,
      candidate: 3,
      invited: 2,
      active: 5,
      disabled: 1,
    });
    expect(page.activeAdmins).toBe(1);

    const byId = new Map(page.rows.map((r) => [r.id, r]));
    const consultant = byId.get(f.users.consultant.id);
    // The latest successful sign-in; the failed attempt after it does not count.
    expect(Math.abs((consultant?.lastSignInAt?.getTime() ?? 0) - (Date.now() - DAY))).toBeLessThan(
      60_000,
    );
    expect(consultant?.invitation).toBeNull();
    expect(byId.get(f.users.consultant2.id)?.lastSignInAt).toBeNull();
    expect(byId.get(f.users.admin.id)?.isYou).toBe(true);
    expect(byId.get(invitedId)?.invitation).toMatchObject({
      state: "pending",
      invitedBy: f.users.admin.name,
    });
    expect(byId.get(expiredId)?.invitation?.state).toBe("expired");
  });

  it("filters by role, status and search, and pages", async () => {
    const candidates = await admin(f).admin.users.list({ role: "candidate" });
    expect(candidates.rows.every((r) => r.role === "candidate")).toBe(true);
    expect(candidates.total).toBe(3);
    const invited = await admin(f).admin.users.list({ status: "invited" });
    expect(invited.rows.map((r) => r.id).sort()).toEqual([invitedId, expiredId].sort());
    const search = await admin(f).admin.users.list({ q: "xander.EXPIRED" });
    expect(search.rows.map((r) => r.id)).toEqual([expiredId]);
    const wildcard = await admin(f).admin.users.list({ q: "%" });
    expect(wildcard.total).toBe(0);
    const second = await admin(f).admin.users.list({ page: 2, pageSize: 5 });
    expect(second).toMatchObject({ page: 2, pageSize: 5, total: 8 });
    expect(second.rows).toHaveLength(3);
  });

  it("a bad filter names the field", async () => {
    const error = await httpError(app, f.users.admin, "admin.users.list", "query", {
      status: "archived",
    });
    expect(error).toMatchObject({ status: 400 });
    expect(Object.keys(error.fieldErrors ?? {})).toEqual(["status"]);
  });
});

describe("another agency's admin", () => {
  let home: AgencyFixture;
  let foreign: AgencyFixture;
  let invitedId: string;
  beforeAll(async () => {
    [home, foreign] = await Promise.all([
      createAgencyFixture(app, { label: "Home Users" }),
      createAgencyFixture(app, { label: "Foreign Users" }),
    ]);
    invitedId = (
      await admin(home).admin.users.invite({
        email: `home.invited.${tag()}@example.test`,
        name: "Home Invited",
        role: "consultant",
      })
    ).userId;
  });

  it("sees none of the home agency's people", async () => {
    const page = await admin(foreign).admin.users.list({ pageSize: 50 });
    const answer = JSON.stringify(page);
    for (const user of [...Object.values(home.users).map((u) => u.id), invitedId]) {
      expect(answer).not.toContain(user);
    }
    expect(page.rows.every((r) => r.email.endsWith(`@${foreign.slug}.test`))).toBe(true);
  });

  it("finds no home user to change (NOT_FOUND), and nothing changes", async () => {
    const before = await footprint(home.agencyId);
    const calls: [string, unknown][] = [
      ["admin.users.disable", { userId: home.users.consultant.id }],
      ["admin.users.enable", { userId: home.users.disabledConsultant.id }],
      ["admin.users.changeRole", { userId: home.users.consultant.id, role: "admin" }],
      ["admin.users.resendInvitation", { userId: invitedId }],
      ["admin.users.revokeInvitation", { userId: invitedId }],
    ];
    for (const [path, input] of calls) {
      const error = await httpError(app, foreign.users.admin, path, "mutation", input);
      expect(error, path).toMatchObject({ status: 404, code: "NOT_FOUND" });
    }
    expect(await footprint(home.agencyId)).toEqual(before);
    expect(await userRow(home.users.consultant.id)).toMatchObject({
      status: "active",
      role: "consultant",
    });
  });

  it("consultants and candidates are refused every admin.users procedure", async () => {
    for (const user of [home.users.consultant, home.users.candidateA]) {
      const error = await httpError(app, user, "admin.users.list", "query", {});
      expect(error).toMatchObject({ status: 403, code: "FORBIDDEN" });
      const invite = await httpError(app, user, "admin.users.invite", "mutation", {
        email: `sneaky.${tag()}@example.test`,
        name: "Sneaky",
        role: "admin",
      });
      expect(invite).toMatchObject({ status: 403, code: "FORBIDDEN" });
    }
  });
});
