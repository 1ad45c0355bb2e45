// Accepting an invitation, end to end against PostgreSQL as the app role: an admin invites through
// the api (admin.users.invite), the person accepts with the token from the link (no session), and
// signs in. Then everything that must refuse: a second accept, concurrent accepts, expired,
// revoked, replaced, forged and malformed tokens, the other portal, bad passwords. And disabling:
// the session look-up getSession runs on every request stops answering at once.
import { createCaller, createInnerTRPCContext } from "@debrief/api";
import { createDb, eq, schema as s, sql } from "@debrief/db";
import { type AgencyFixture, createAgencyFixture, type FixtureUser } from "@debrief/db/factories";
import { verifyPassword } from "@debrief/db/password";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { acceptInvitation, findInvitation } from "../src/invitations";
import { checkCredentials } from "../src/sign-in";
import { sessionFor } from "../src/users";

const db = createDb(inject("appUrl"), { max: 6 });
const owner = createDb(inject("ownerUrl"), { max: 1 });
let f: AgencyFixture;

beforeAll(async () => {
  f = await createAgencyFixture(db, { label: "Accept" });
});

afterAll(async () => {
  await db.$client.end();
  await owner.$client.end();
});

const PASSWORD = "a sentence I will remember";
const staff = ["consultant", "admin"] as const;
const tag = () => crypto.randomUUID().slice(0, 8);
const caller = (user: FixtureUser) =>
  createCaller(createInnerTRPCContext({ session: { user }, db }));
const tokenOf = (link: string) => link.split("/invitation/")[1] ?? "";

async function invite(role: "consultant" | "admin" | "candidate" = "consultant") {
  const sent = await caller(f.users.admin).admin.users.invite({
    email: `accept.${tag()}@example.test`,
    name: `Ada ${tag()}`,
    role,
  });
  return { ...sent, token: tokenOf(sent.link) };
}

async function state(userId: string, invitationId: string) {
  const [row] = await owner.execute<{
    status: string;
    password_hash: string | null;
    accepted: boolean;
  }>(
    sql`select u.status::text as status, u.password_hash, i.accepted_at is not null as accepted
        from users u join invitations i on i.user_id = u.id
        where u.id = ${userId}::uuid and i.id = ${invitationId}::uuid`,
  );
  return row;
}

/** Rows an acceptance writes anywhere in the agency, for "nothing changed" checks. */
async function footprint() {
  const [row] = await owner.execute<Record<string, number>>(
    sql`select
          (select count(*)::int from audit_events where agency_id = ${f.agencyId}::uuid) as audit,
          (select count(*)::int from notifications where agency_id = ${f.agencyId}::uuid) as notices,
          (select count(*)::int from outbox where agency_id = ${f.agencyId}::uuid) as outbox,
          (select count(*)::int from users where agency_id = ${f.agencyId}::uuid and status = 'active') as active`,
  );
  return row;
}

const accept = (
  token: string,
  portal: "consultant" | "candidate" = "consultant",
  password = PASSWORD,
) => acceptInvitation(db, { token, password, confirmPassword: password }, portal, "req-accept");

describe("accepting an invitation", () => {
  it("shows who is invited where, sets the password once, audits, tells the inviter, and lets them sign in", async () => {
    const sent = await invite();
    expect(await findInvitation(db, sent.token, "consultant")).toEqual({
      state: "valid",
      agencyName: f.agencyName,
      name: sent.name,
      email: sent.email,
      role: "consultant",
      expiresAt: sent.expiresAt,
    });

    const result = await accept(sent.token);
    expect(result).toEqual({
      ok: true,
      userId: sent.userId,
      email: sent.email,
      name: sent.name,
      role: "consultant",
      agencyName: f.agencyName,
    });
    const after = await state(sent.userId, sent.invitationId);
    expect(after).toMatchObject({ status: "active", accepted: true });
    expect(after?.password_hash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(after?.password_hash ?? "", PASSWORD)).toBe(true);

    const [event] = await owner.execute<{
      actor_id: string;
      entity_id: string;
      request_id: string;
      metadata: Record<string, unknown>;
    }>(
      sql`select actor_id, entity_id, request_id, metadata from audit_events
          where action = 'invitation.accepted' and entity_id = ${sent.invitationId}::uuid`,
    );
    expect(event).toEqual({
      actor_id: sent.userId,
      entity_id: sent.invitationId,
      request_id: "req-accept",
      metadata: { userId: sent.userId, role: "consultant" },
    });
    const notices = await owner
      .select({ userId: s.notifications.userId, title: s.notifications.title })
      .from(s.notifications)
      .where(eq(s.notifications.kind, "invitation.accepted"));
    expect(notices).toContainEqual({
      userId: f.users.admin.id,
      title: `${sent.name} accepted your invitation`,
    });
    // Its email is queued with it: one outbox row for the notice, and its delivery job.
    const outbox = await owner.execute<{ topic: string; jobs: number }>(
      sql`select o.topic,
                 (select count(*)::int from pgboss.job j where j.data->>'outboxId' = o.id::text) as jobs
          from outbox o join notifications n on n.id::text = o.payload->>'notificationId'
          where n.kind = 'invitation.accepted' and n.user_id = ${f.users.admin.id}`,
    );
    expect(outbox).toEqual([{ topic: "invitation.accepted", jobs: 1 }]);

    // The new consultant signs in and has a session on the consultant portal only.
    const signIn = await checkCredentials(
      db,
      "consultant",
      { email: sent.email, password: PASSWORD },
      new Headers({ "x-forwarded-for": `203.0.113.${tag()}` }),
    );
    expect(signIn).toEqual({ ok: true, userId: sent.userId });
    expect((await sessionFor(db, sent.userId, staff))?.user).toMatchObject({
      id: sent.userId,
      role: "consultant",
      agencyId: f.agencyId,
    });
    expect(await sessionFor(db, sent.userId, ["candidate"])).toBeNull();

    // The link is single use: the page and a second accept both say so, and nothing changes.
    expect(await findInvitation(db, sent.token, "consultant")).toMatchObject({ state: "used" });
    const before = await footprint();
    expect(await accept(sent.token, "consultant", "another password entirely")).toEqual({
      ok: false,
      problem: "used",
    });
    expect(await footprint()).toEqual(before);
    expect(
      await verifyPassword(
        (await state(sent.userId, sent.invitationId))?.password_hash ?? "",
        PASSWORD,
      ),
    ).toBe(true);
  });

  it("of several simultaneous accepts of one token, exactly one succeeds", async () => {
    const sent = await invite();
    const results = await Promise.all(
      ["first password here", "second password here", "third password here"].map((p) =>
        accept(sent.token, "consultant", p),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual([
      { ok: false, problem: "used" },
      { ok: false, problem: "used" },
    ]);
    const [accepted] = await owner.execute<{ n: number }>(
      sql`select count(*)::int as n from audit_events
          where action = 'invitation.accepted' and entity_id = ${sent.invitationId}::uuid`,
    );
    expect(accepted?.n).toBe(1);
  });

  it("a candidate accepts on the candidate portal and their candidate record has the login", async () => {
    const sent = await invite("candidate");
    // The consultant portal refuses it without changing anything.
    expect(await findInvitation(db, sent.token, "consultant")).toMatchObject({
      state: "wrong_portal",
    });
    expect(await accept(sent.token, "consultant")).toEqual({ ok: false, problem: "wrong_portal" });
    expect((await state(sent.userId, sent.invitationId))?.status).toBe("invited");

    expect(await accept(sent.token, "candidate")).toMatchObject({ ok: true, role: "candidate" });
    expect((await sessionFor(db, sent.userId, ["candidate"]))?.user.role).toBe("candidate");
    const [candidate] = await owner
      .select({ userId: s.candidates.userId })
      .from(s.candidates)
      .where(eq(s.candidates.email, sent.email));
    expect(candidate?.userId).toBe(sent.userId);
  });

  it("refuses an expired invitation, by the database's clock too, and changes nothing", async () => {
    const sent = await invite();
    await owner.execute(
      sql`update invitations set expires_at = now() - interval '1 minute'
          where id = ${sent.invitationId}::uuid`,
    );
    expect(await findInvitation(db, sent.token, "consultant")).toEqual({
      state: "expired",
      agencyName: f.agencyName,
      role: "consultant",
    });
    const before = await footprint();
    expect(await accept(sent.token)).toEqual({ ok: false, problem: "expired" });
    expect(await footprint()).toEqual(before);
    expect(await state(sent.userId, sent.invitationId)).toMatchObject({
      status: "invited",
      password_hash: null,
      accepted: false,
    });
  });

  it("refuses a revoked invitation, and the old link of a resent one", async () => {
    const revoked = await invite();
    await caller(f.users.admin).admin.users.revokeInvitation({ userId: revoked.userId });
    expect(await findInvitation(db, revoked.token, "consultant")).toMatchObject({
      state: "revoked",
    });
    expect(await accept(revoked.token)).toEqual({ ok: false, problem: "revoked" });
    expect((await state(revoked.userId, revoked.invitationId))?.status).toBe("invited");

    const first = await invite();
    const second = await caller(f.users.admin).admin.users.resendInvitation({
      userId: first.userId,
    });
    expect(await accept(first.token)).toEqual({ ok: false, problem: "revoked" });
    expect(await accept(tokenOf(second.link))).toMatchObject({ ok: true, userId: first.userId });
  });

  it("forged, unknown and malformed tokens read as unknown and change nothing", async () => {
    const before = await footprint();
    const forged = Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString("base64url");
    for (const token of [forged, "short", `${forged}x`, "../../etc/passwd", ""]) {
      expect(await findInvitation(db, token, "consultant")).toEqual({ state: "unknown" });
      expect(await accept(token)).toEqual({ ok: false, problem: "unknown" });
    }
    expect(await footprint()).toEqual(before);
  });

  it("names the field for a short password or a confirmation that does not match", async () => {
    const sent = await invite();
    const short = await acceptInvitation(
      db,
      { token: sent.token, password: "too short", confirmPassword: "too short" },
      "consultant",
    );
    expect(short).toEqual({
      ok: false,
      problem: "input",
      fieldErrors: { password: ["must be at least 12 characters"] },
    });
    const mismatch = await acceptInvitation(
      db,
      { token: sent.token, password: PASSWORD, confirmPassword: `${PASSWORD}!` },
      "consultant",
    );
    expect(mismatch).toEqual({
      ok: false,
      problem: "input",
      fieldErrors: { confirmPassword: ["does not match the password"] },
    });
    expect(await state(sent.userId, sent.invitationId)).toMatchObject({
      status: "invited",
      accepted: false,
    });
    // Still usable afterwards.
    expect(await accept(sent.token)).toMatchObject({ ok: true });
  });
});

describe("disabling ends sessions on the next request", () => {
  it("getSession's look-up answers no session once an admin disables the user, and again after enabling", async () => {
    const { consultant } = f.users;
    expect((await sessionFor(db, consultant.id, staff))?.user.id).toBe(consultant.id);
    await caller(f.users.admin).admin.users.disable({ userId: consultant.id });
    expect(await sessionFor(db, consultant.id, staff)).toBeNull();
    await caller(f.users.admin).admin.users.enable({ userId: consultant.id });
    expect((await sessionFor(db, consultant.id, staff))?.user.id).toBe(consultant.id);
  });

  it("a role change is seen at once too: a demoted admin's next request is a consultant's", async () => {
    const { consultant2 } = f.users;
    await caller(f.users.admin).admin.users.changeRole({ userId: consultant2.id, role: "admin" });
    expect((await sessionFor(db, consultant2.id, staff))?.user.role).toBe("admin");
    await caller(f.users.admin).admin.users.changeRole({
      userId: consultant2.id,
      role: "consultant",
    });
    expect((await sessionFor(db, consultant2.id, staff))?.user.role).toBe("consultant");
  });

  it("a token that is not a user id is no session", async () => {
    expect(await sessionFor(db, "not-a-uuid", staff)).toBeNull();
    expect(await sessionFor(db, undefined, staff)).toBeNull();
    expect(await sessionFor(db, crypto.randomUUID(), staff)).toBeNull();
  });
});
