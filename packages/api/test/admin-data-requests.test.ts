// Data requests in the admin area: the queue and its history, an admin's export (the candidate's
// own file), erasure of a request or on the admin's initiative (typed confirmation, idempotent,
// the candidate gone from every list and their session dead) and declining with a reason.
import { and, eq, schema as s, sql } from "@debrief/db";
import { type AgencyFixture, createAgencyFixture, createCandidate } from "@debrief/db/factories";
import { afterAll, describe, expect, it } from "vitest";
import { asAgency, callerFor, connect, httpError } from "./support";

const { app, owner, close } = connect();
afterAll(close);

const fixture = () => createAgencyFixture(app, { label: "Data Requests" });

async function candidateRow(id: string) {
  const [row] = await owner.select().from(s.candidates).where(eq(s.candidates.id, id));
  if (!row) throw new Error("no candidate");
  return row;
}

async function requestsOf(candidateId: string) {
  return owner
    .select({
      id: s.dataRequests.id,
      kind: s.dataRequests.kind,
      status: s.dataRequests.status,
      requestedById: s.dataRequests.requestedById,
      note: s.dataRequests.note,
      completedAt: s.dataRequests.completedAt,
    })
    .from(s.dataRequests)
    .where(eq(s.dataRequests.candidateId, candidateId));
}

async function auditOf(entityId: string) {
  return owner
    .select({
      action: s.auditEvents.action,
      actorId: s.auditEvents.actorId,
      metadata: s.auditEvents.metadata,
    })
    .from(s.auditEvents)
    .where(eq(s.auditEvents.entityId, entityId))
    .orderBy(s.auditEvents.createdAt);
}

/** A candidate with no login, for exports and erasures that need one of their own. */
async function plainCandidate(f: AgencyFixture, name: string) {
  const tag = crypto.randomUUID().slice(0, 8);
  return asAgency(app, f.users.admin, (tx) =>
    createCandidate(tx, f.agencyId, {
      name,
      email: `plain-${tag}@example.test`,
      ownerId: f.users.consultant.id,
      headline: "Data analyst",
    }),
  );
}

/** Strips what differs between two exports made a moment apart. */
const comparable = (data: { exportedAt: Date; dataRequests: unknown[] }) => ({
  ...data,
  exportedAt: null,
  dataRequests: null,
});

describe("admin.dataRequests.list", () => {
  it("puts the queue first (longest waiting on top), then the history, latest first", async () => {
    const f = await fixture();
    const c = await plainCandidate(f, "Cleo Third");
    const HOUR = 3_600_000;
    const at = (h: number) => new Date(Date.now() - h * HOUR);
    await asAgency(app, f.users.admin, (tx) =>
      tx.insert(s.dataRequests).values([
        {
          agencyId: f.agencyId,
          candidateId: f.candidates.a,
          kind: "erasure",
          requestedById: f.users.candidateA.id,
          createdAt: at(5),
        },
        {
          agencyId: f.agencyId,
          candidateId: f.candidates.b,
          kind: "erasure",
          requestedById: f.users.candidateB.id,
          createdAt: at(10),
        },
        {
          agencyId: f.agencyId,
          candidateId: c.id,
          kind: "export",
          status: "completed",
          requestedById: f.users.admin.id,
          createdAt: at(30),
          completedAt: at(30),
        },
        {
          agencyId: f.agencyId,
          candidateId: c.id,
          kind: "erasure",
          status: "rejected",
          note: "Legal hold until the tribunal ends",
          requestedById: f.users.admin.id,
          createdAt: at(40),
          completedAt: at(20),
        },
      ]),
    );
    const admin = callerFor(app, f.users.admin).admin.dataRequests;
    const all = await admin.list({});
    expect(all.pendingCount).toBe(2);
    expect(all.total).toBe(4);
    expect(
      all.rows.map((r) => [r.candidate.name, r.kind, r.status, r.requestedBy.name, r.note]),
    ).toEqual([
      ["Bo Candidate", "erasure", "pending", "Bo Candidate", null],
      ["Ari Candidate", "erasure", "pending", "Ari Candidate", null],
      ["Cleo Third", "erasure", "rejected", "Ada Admin", "Legal hold until the tribunal ends"],
      ["Cleo Third", "export", "completed", "Ada Admin", null],
    ]);

    const pending = await admin.list({ status: "pending", pageSize: 1, page: 2 });
    expect(pending).toMatchObject({ total: 2, page: 2, pendingCount: 2 });
    expect(pending.rows.map((r) => r.candidate.name)).toEqual(["Ari Candidate"]);
    expect((await admin.list({ kind: "export" })).rows.map((r) => r.kind)).toEqual(["export"]);

    // Another agency's admin sees their own (empty) queue.
    const g = await fixture();
    expect(await callerFor(app, g.users.admin).admin.dataRequests.list({})).toMatchObject({
      rows: [],
      total: 0,
      pendingCount: 0,
    });
  });
});

describe("admin.dataRequests.exportCandidate", () => {
  it("gives the admin exactly the candidate's own file, recorded as a completed export", async () => {
    const f = await fixture();
    await asAgency(app, f.users.admin, async (tx) => {
      await tx.insert(s.journalEntries).values({
        agencyId: f.agencyId,
        candidateId: f.candidates.a,
        kind: "reflection",
        title: "After the final",
        body: "Numbers next time.",
      });
      await tx.insert(s.clarificationMessages).values({
        agencyId: f.agencyId,
        feedbackId: f.feedback.published.id,
        authorId: f.users.candidateA.id,
        body: "Which example was weakest?",
      });
    });
    const own = await callerFor(app, f.users.candidateA).myData.export();
    const { dataRequestId, data } = await callerFor(
      app,
      f.users.admin,
    ).admin.dataRequests.exportCandidate({ candidateId: f.candidates.a });

    expect(comparable(data)).toEqual(comparable(own));
    expect(data.clarificationMessages).toEqual([expect.objectContaining({ fromMe: true })]);
    // The file is what was held when it was made; its own request is recorded after it.
    expect(data.dataRequests).toEqual([]);
    expect(await requestsOf(f.candidates.a)).toEqual([
      expect.objectContaining({
        id: dataRequestId,
        kind: "export",
        status: "completed",
        requestedById: f.users.admin.id,
      }),
    ]);
    const audit = await auditOf(f.candidates.a);
    expect(audit).toEqual(
      expect.arrayContaining([
        {
          action: "candidate.exported",
          actorId: f.users.admin.id,
          metadata: { by: "admin", dataRequestId },
        },
      ]),
    );
    expect(JSON.stringify(audit)).not.toContain("Numbers next time");
  });

  it("exports a candidate without a login (no account section)", async () => {
    const f = await fixture();
    const c = await plainCandidate(f, "Nia Nologin");
    const { data } = await callerFor(app, f.users.admin).admin.dataRequests.exportCandidate({
      candidateId: c.id,
    });
    expect(data.account).toBeNull();
    expect(data.profile).toMatchObject({ id: c.id, name: "Nia Nologin" });
    expect(data.notifications).toEqual([]);
  });

  it("finds nothing of another agency and nothing left of an erased candidate", async () => {
    const f = await fixture();
    const g = await fixture();
    const foreign = await httpError(
      app,
      f.users.admin,
      "admin.dataRequests.exportCandidate",
      "mutation",
      { candidateId: g.candidates.a },
    );
    expect(foreign).toMatchObject({ status: 404, code: "NOT_FOUND" });
    expect(await requestsOf(g.candidates.a)).toEqual([]);

    const c = await plainCandidate(f, "Ed Erased");
    await callerFor(app, f.users.admin).admin.dataRequests.erase({
      candidateId: c.id,
      confirmation: "Ed Erased",
    });
    const erased = await httpError(
      app,
      f.users.admin,
      "admin.dataRequests.exportCandidate",
      "mutation",
      { candidateId: c.id },
    );
    expect(erased).toMatchObject({ status: 400, code: "BAD_REQUEST" });
    expect(erased.fieldErrors).toEqual({ candidateId: ["was erased"] });
  });
});

describe("admin.dataRequests.erase", () => {
  it("refuses a confirmation that is not the candidate's name, and changes nothing", async () => {
    const f = await fixture();
    const request = await callerFor(app, f.users.candidateA).myData.requestErasure();
    const before = await candidateRow(f.candidates.a);
    const err = await httpError(app, f.users.admin, "admin.dataRequests.erase", "mutation", {
      candidateId: f.candidates.a,
      dataRequestId: request.id,
      confirmation: "Ari Candidat",
    });
    expect(err).toMatchObject({ status: 400, code: "BAD_REQUEST" });
    expect(err.fieldErrors).toEqual({
      confirmation: ["must be the candidate's name, “Ari Candidate”"],
    });
    const empty = await httpError(app, f.users.admin, "admin.dataRequests.erase", "mutation", {
      candidateId: f.candidates.a,
      confirmation: "  ",
    });
    expect(empty.fieldErrors).toEqual({ confirmation: ["type the candidate's name to confirm"] });

    expect(await candidateRow(f.candidates.a)).toEqual(before);
    expect(await requestsOf(f.candidates.a)).toEqual([
      expect.objectContaining({ id: request.id, status: "pending" }),
    ]);
    const [counted] = await owner.execute<{ n: number }>(
      sql`select count(*)::int as n from interviews where candidate_id = ${f.candidates.a}::uuid`,
    );
    expect(counted?.n).toBe(3);
  });

  it("erases on request: the request completes, the candidate disappears, their session dies", async () => {
    const f = await fixture();
    const request = await callerFor(app, f.users.candidateA).myData.requestErasure();
    const admin = callerFor(app, f.users.admin);
    // Case and spacing do not matter in the confirmation.
    const result = await admin.admin.dataRequests.erase({
      candidateId: f.candidates.a,
      dataRequestId: request.id,
      confirmation: "  ari   CANDIDATE ",
    });
    expect(result).toMatchObject({
      candidateId: f.candidates.a,
      alreadyErased: false,
      dataRequestIds: [request.id],
      counts: expect.objectContaining({
        interviews: 3,
        feedback: 2,
        feedbackItems: 6,
        accounts: 1,
        notifications: 1, // the admin's notice of the request names the candidate
        outbox: 1,
      }),
    });

    expect(await candidateRow(f.candidates.a)).toMatchObject({
      name: "Erased candidate",
      email: `erased-${f.candidates.a}@erased.invalid`,
      headline: null,
      userId: null,
      erasedAt: expect.any(Date),
    });
    const [account] = await owner
      .select({
        name: s.users.name,
        email: s.users.email,
        status: s.users.status,
        passwordHash: s.users.passwordHash,
      })
      .from(s.users)
      .where(eq(s.users.id, f.users.candidateA.id));
    expect(account).toEqual({
      name: "Erased candidate",
      email: `erased-${f.users.candidateA.id}@erased.invalid`,
      status: "disabled",
      passwordHash: null,
    });
    // The per-request session check (packages/auth) finds them disabled: no session from now on.
    const [session] = await app.execute<{ status: string }>(
      sql`select status::text as status from debrief_session_user(${f.users.candidateA.id}::uuid)`,
    );
    expect(session?.status).toBe("disabled");
    const byEmail = await app.execute(
      sql`select 1 from debrief_auth_user_by_email(${f.users.candidateA.email})`,
    );
    expect(byEmail).toHaveLength(0);

    const list = await admin.admin.dataRequests.list({});
    expect(list.rows).toEqual([
      expect.objectContaining({
        id: request.id,
        status: "completed",
        candidate: { id: f.candidates.a, name: "Erased candidate", erased: true },
        completedBy: { id: f.users.admin.id, name: "Ada Admin" },
        completedAt: expect.any(Date),
      }),
    ]);
    const audit = await auditOf(f.candidates.a);
    const erasedEvent = audit.find((a) => a.action === "candidate.erased");
    expect(erasedEvent).toMatchObject({
      actorId: f.users.admin.id,
      metadata: { trigger: "request", dataRequestId: request.id, counts: result.counts },
    });
    expect(JSON.stringify(audit)).not.toContain("Ari");

    // Gone from candidate lists, search, pickers, the candidate page and the dashboard.
    const consultant = callerFor(app, f.users.consultant);
    const names = (await consultant.candidate.list({ page: 1, pageSize: 50 })).rows.map(
      (r) => r.name,
    );
    expect(names).toEqual(["Bo Candidate"]);
    expect((await consultant.candidate.list({ q: "Erased", page: 1, pageSize: 50 })).total).toBe(0);
    expect(
      (await consultant.candidate.options({ includeId: f.candidates.a })).map((c) => c.id),
    ).toEqual([f.candidates.b]);
    await expect(consultant.candidate.byId({ id: f.candidates.a })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    const dashboard = JSON.stringify(await consultant.dashboard.overview());
    expect(dashboard).not.toContain("Ari Candidate");
    expect(dashboard).not.toContain("Erased candidate");
    // Candidate B is untouched.
    expect((await candidateRow(f.candidates.b)).name).toBe("Bo Candidate");
  });

  it("is idempotent: a second erasure changes nothing and answers the same way", async () => {
    const f = await fixture();
    const admin = callerFor(app, f.users.admin).admin.dataRequests;
    const first = await admin.erase({ candidateId: f.candidates.b, confirmation: "Bo Candidate" });
    expect(first.alreadyErased).toBe(false);
    const audits = (await auditOf(f.candidates.b)).length;
    const second = await admin.erase({ candidateId: f.candidates.b, confirmation: "Bo Candidate" });
    expect(second).toMatchObject({ alreadyErased: true, dataRequestIds: [] });
    expect(Object.values(second.counts).every((n) => n === 0)).toBe(true);
    expect((await auditOf(f.candidates.b)).length).toBe(audits);
    // The admin's own erasure left one completed request in the history.
    expect(await requestsOf(f.candidates.b)).toEqual([
      expect.objectContaining({
        kind: "erasure",
        status: "completed",
        requestedById: f.users.admin.id,
      }),
    ]);
  });

  it("two admins erasing at once make one erasure", async () => {
    const f = await fixture();
    const c = await plainCandidate(f, "Race Twice");
    const admin = callerFor(app, f.users.admin).admin.dataRequests;
    const results = await Promise.all([
      admin.erase({ candidateId: c.id, confirmation: "Race Twice" }),
      admin.erase({ candidateId: c.id, confirmation: "Race Twice" }),
    ]);
    expect(results.map((r) => r.alreadyErased).sort()).toEqual([false, true]);
    const erasures = (await auditOf(c.id)).filter((a) => a.action === "candidate.erased");
    expect(erasures).toHaveLength(1);
    expect(await requestsOf(c.id)).toHaveLength(1);
  });

  it("finds nothing of another agency, and only this candidate's erasure requests", async () => {
    const f = await fixture();
    const g = await fixture();
    const foreign = await httpError(app, f.users.admin, "admin.dataRequests.erase", "mutation", {
      candidateId: g.candidates.a,
      confirmation: "Ari Candidate",
    });
    expect(foreign).toMatchObject({ status: 404, code: "NOT_FOUND" });
    expect((await candidateRow(g.candidates.a)).erasedAt).toBeNull();

    const theirs = await callerFor(app, f.users.candidateB).myData.requestErasure();
    const wrong = await httpError(app, f.users.admin, "admin.dataRequests.erase", "mutation", {
      candidateId: f.candidates.a,
      dataRequestId: theirs.id,
      confirmation: "Ari Candidate",
    });
    expect(wrong).toMatchObject({ status: 404, code: "NOT_FOUND" });
    expect(wrong.fieldErrors).toEqual({ dataRequestId: ["is not a request of this candidate"] });

    const { dataRequestId: exportId } = await callerFor(
      app,
      f.users.admin,
    ).admin.dataRequests.exportCandidate({ candidateId: f.candidates.a });
    const notErasure = await httpError(app, f.users.admin, "admin.dataRequests.erase", "mutation", {
      candidateId: f.candidates.a,
      dataRequestId: exportId,
      confirmation: "Ari Candidate",
    });
    expect(notErasure.fieldErrors).toEqual({ dataRequestId: ["is not an erasure request"] });
    expect((await candidateRow(f.candidates.a)).erasedAt).toBeNull();
  });

  it("is refused to consultants and candidates", async () => {
    const f = await fixture();
    for (const user of [f.users.consultant, f.users.candidateA]) {
      await expect(
        callerFor(app, user).admin.dataRequests.erase({
          candidateId: f.candidates.a,
          confirmation: "Ari Candidate",
        }),
      ).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    expect((await candidateRow(f.candidates.a)).erasedAt).toBeNull();
  });
});

describe("admin.dataRequests.reject", () => {
  it("declines a pending request with a reason the candidate is told, kept out of the audit", async () => {
    const f = await fixture();
    const request = await callerFor(app, f.users.candidateA).myData.requestErasure();
    const reason = "We must keep your records until the tribunal closes in March.";
    const row = await callerFor(app, f.users.admin).admin.dataRequests.reject({
      dataRequestId: request.id,
      reason,
    });
    expect(row).toMatchObject({
      id: request.id,
      status: "rejected",
      completedAt: expect.any(Date),
    });
    expect(await requestsOf(f.candidates.a)).toEqual([
      expect.objectContaining({ status: "rejected", note: reason }),
    ]);
    const notices = await owner
      .select({ title: s.notifications.title, body: s.notifications.body })
      .from(s.notifications)
      .where(
        and(
          eq(s.notifications.userId, f.users.candidateA.id),
          eq(s.notifications.kind, "data_request.rejected"),
        ),
      );
    expect(notices).toEqual([
      { title: `${f.agencyName} declined your erasure request`, body: reason },
    ]);
    const audit = await auditOf(request.id);
    expect(audit.map((a) => a.action)).toEqual(["data_request.created", "data_request.rejected"]);
    expect(JSON.stringify(audit)).not.toContain("tribunal");
    // The candidate sees it declined and may ask again.
    const candidate = callerFor(app, f.users.candidateA).myData;
    expect(await candidate.requests()).toEqual([
      expect.objectContaining({ id: request.id, status: "rejected" }),
    ]);
    await expect(candidate.requestErasure()).resolves.toMatchObject({ status: "pending" });

    const list = await callerFor(app, f.users.admin).admin.dataRequests.list({
      status: "rejected",
    });
    expect(list.rows).toEqual([
      expect.objectContaining({ completedBy: { id: f.users.admin.id, name: "Ada Admin" } }),
    ]);
  });

  it("needs a reason and a pending request, and changes nothing otherwise", async () => {
    const f = await fixture();
    const g = await fixture();
    const request = await callerFor(app, f.users.candidateA).myData.requestErasure();
    const noReason = await httpError(app, f.users.admin, "admin.dataRequests.reject", "mutation", {
      dataRequestId: request.id,
      reason: "   ",
    });
    expect(noReason).toMatchObject({ status: 400, code: "BAD_REQUEST" });
    expect(noReason.fieldErrors).toEqual({ reason: ["must not be empty"] });

    const foreign = await httpError(app, g.users.admin, "admin.dataRequests.reject", "mutation", {
      dataRequestId: request.id,
      reason: "Not yours",
    });
    expect(foreign).toMatchObject({ status: 404, code: "NOT_FOUND" });
    expect(await requestsOf(f.candidates.a)).toEqual([
      expect.objectContaining({ status: "pending", note: null }),
    ]);

    await callerFor(app, f.users.admin).admin.dataRequests.erase({
      candidateId: f.candidates.a,
      dataRequestId: request.id,
      confirmation: "Ari Candidate",
    });
    const done = await httpError(app, f.users.admin, "admin.dataRequests.reject", "mutation", {
      dataRequestId: request.id,
      reason: "Too late",
    });
    expect(done).toMatchObject({ status: 400, code: "BAD_REQUEST" });
    expect(done.fieldErrors).toEqual({ dataRequestId: ["is no longer pending"] });
    expect(await requestsOf(f.candidates.a)).toEqual([
      expect.objectContaining({ status: "completed", note: null }),
    ]);
  });
});
