// The audit log: keyset paging that neither skips nor repeats (ties included), every filter, the
// facets, bad input, the append-only rule for the app role, and the events §2 asks for being
// written by the real procedures without any feedback text in them.
import { schema as s, sql } from "@debrief/db";
import { type AgencyFixture, createAgencyFixture } from "@debrief/db/factories";
import { auditActionLabel } from "@debrief/validators";
import { afterAll, describe, expect, it } from "vitest";
import { asAgency, callerFor, connect, httpError } from "./support";

const { app, owner, close } = connect();
afterAll(close);

const fixture = () => createAgencyFixture(app, { label: "Audit" });
const HOUR = 3_600_000;

type Seed = {
  action: string;
  at: Date;
  actorId?: string | null;
  entityType?: string;
  entityId?: string | null;
  metadata?: Record<string, unknown>;
};

async function seed(f: AgencyFixture, events: Seed[]) {
  return asAgency(app, f.users.admin, (tx) =>
    tx
      .insert(s.auditEvents)
      .values(
        events.map((e) => ({
          agencyId: f.agencyId,
          actorId: e.actorId === undefined ? f.users.admin.id : e.actorId,
          action: e.action,
          entityType: e.entityType ?? "candidate",
          entityId: e.entityId === undefined ? f.candidates.a : e.entityId,
          requestId: `req-${e.action}`,
          metadata: e.metadata ?? {},
          createdAt: e.at,
        })),
      )
      .returning({ id: s.auditEvents.id, createdAt: s.auditEvents.createdAt }),
  );
}

/** Newest first, ties by id descending: the order the log promises. */
const newestFirst = (rows: { id: string; createdAt: Date }[]) =>
  [...rows]
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : -1))
    .map((r) => r.id);

describe("admin.audit.list", () => {
  it("pages newest first by keyset, ties included, and the newer and older links meet", async () => {
    const f = await fixture();
    const base = Date.now() - 10 * HOUR;
    const same = new Date(base + 5 * HOUR);
    const events = await seed(f, [
      ...[0, 1, 2, 3, 4, 6, 7].map((h) => ({
        action: "candidate.updated",
        at: new Date(base + h * HOUR),
      })),
      // Three events in the same instant: only the id orders them.
      { action: "candidate.updated", at: same },
      { action: "candidate.updated", at: same },
      { action: "candidate.updated", at: same },
    ]);
    const expected = newestFirst(events);
    const admin = callerFor(app, f.users.admin).admin.audit;

    const pages = [await admin.list({ limit: 4 })];
    expect(pages[0]?.newer).toBeNull();
    for (let older = pages[0]?.older; older; older = pages.at(-1)?.older) {
      pages.push(await admin.list({ limit: 4, before: older }));
    }
    expect(pages.map((p) => p.rows.length)).toEqual([4, 4, 2]);
    expect(pages.flatMap((p) => p.rows.map((r) => r.id))).toEqual(expected);
    expect(pages.at(-1)?.older).toBeNull();

    // Back up from the last page: the page before it again, exactly.
    const last = pages[2];
    if (!last?.newer) throw new Error("the last page has no newer link");
    const up = await admin.list({ limit: 4, after: last.newer });
    expect(up.rows.map((r) => r.id)).toEqual(pages[1]?.rows.map((r) => r.id));
    expect(up.newer).toBe(pages[1]?.newer);
    expect(up.older).toBe(pages[1]?.older);
    const top = await admin.list({ limit: 4, after: up.newer ?? "" });
    expect(top.rows.map((r) => r.id)).toEqual(pages[0]?.rows.map((r) => r.id));
    expect(top.newer).toBeNull();
  });

  it("shows the actor by name, the entity as it is now with its page, and the request id", async () => {
    const f = await fixture();
    const now = Date.now();
    await seed(f, [
      { action: "candidate.updated", at: new Date(now - 3 * HOUR), metadata: { fields: ["name"] } },
      {
        action: "feedback.published",
        at: new Date(now - 2 * HOUR),
        actorId: f.users.consultant.id,
        entityType: "feedback",
        entityId: f.feedback.published.id,
      },
      {
        action: "retention.purged",
        at: new Date(now - HOUR),
        actorId: null,
        entityType: "agency",
        entityId: f.agencyId,
        metadata: { candidatesErased: 2 },
      },
    ]);
    const { rows } = await callerFor(app, f.users.admin).admin.audit.list({});
    expect(rows).toEqual([
      expect.objectContaining({
        action: "retention.purged",
        actor: null,
        entityLabel: f.agencyName,
        entityHref: "/admin/settings",
        metadata: { candidatesErased: 2 },
      }),
      expect.objectContaining({
        action: "feedback.published",
        actor: { id: f.users.consultant.id, name: "Cora Consultant", role: "consultant" },
        entityType: "feedback",
        entityLabel: "Ari Candidate · Senior Product Manager",
        entityHref: `/interviews/${f.interviews.published}/feedback`,
        requestId: "req-feedback.published",
      }),
      expect.objectContaining({
        action: "candidate.updated",
        actor: { id: f.users.admin.id, name: "Ada Admin", role: "admin" },
        entityLabel: "Ari Candidate",
        entityHref: `/candidates/${f.candidates.a}`,
        metadata: { fields: ["name"] },
      }),
    ]);
  });

  it("filters by action, group, actor, entity type and date range", async () => {
    const f = await fixture();
    const day = (d: string, h = 12) => new Date(`${d}T${String(h).padStart(2, "0")}:00:00.000Z`);
    const events = await seed(f, [
      {
        action: "auth.sign_in",
        at: day("2026-03-01"),
        entityType: "user",
        entityId: f.users.admin.id,
      },
      {
        action: "auth.sign_in_failed",
        at: day("2026-03-02", 0),
        actorId: null,
        entityType: "user",
        entityId: null,
      },
      {
        action: "feedback.published",
        at: day("2026-03-03"),
        actorId: f.users.consultant.id,
        entityType: "feedback",
        entityId: f.feedback.published.id,
        metadata: { fairnessOverride: true, fairnessCategories: ["family"] },
      },
      {
        action: "feedback.published",
        at: day("2026-03-04", 23),
        actorId: f.users.consultant.id,
        entityType: "feedback",
        entityId: f.feedback.publishedB.id,
      },
      { action: "candidate.erased", at: day("2026-03-05"), metadata: { trigger: "admin" } },
      {
        action: "user.role_changed",
        at: day("2026-03-06"),
        entityType: "user",
        entityId: f.users.consultant2.id,
      },
    ]);
    const [signIn, failed, override, published, erased, roleChanged] = events.map((e) => e.id);
    const admin = callerFor(app, f.users.admin).admin.audit;
    const ids = async (input: Parameters<typeof admin.list>[0]) =>
      (await admin.list(input)).rows.map((r) => r.id);

    expect(await ids({ action: "feedback.published" })).toEqual([published, override]);
    expect(await ids({ group: "sign_in" })).toEqual([failed, signIn]);
    expect(await ids({ group: "fairness" })).toEqual([override]);
    expect(await ids({ group: "privacy" })).toEqual([erased]);
    expect(await ids({ group: "users" })).toEqual([roleChanged]);
    expect(await ids({ actorId: f.users.consultant.id })).toEqual([published, override]);
    expect(await ids({ entityType: "user" })).toEqual([roleChanged, failed, signIn]);
    // Whole days, UTC: from the first moment of `from` to the last of `to`.
    expect(await ids({ from: "2026-03-02", to: "2026-03-04" })).toEqual([
      published,
      override,
      failed,
    ]);
    expect(await ids({ from: "2026-03-05" })).toEqual([roleChanged, erased]);
    expect(await ids({ to: "2026-03-01" })).toEqual([signIn]);
    expect(await ids({ group: "feedback", actorId: f.users.admin.id })).toEqual([]);
  });

  it("refuses bad filters with the field and the reason", async () => {
    const f = await fixture();
    const g = await fixture();
    const [foreignEvent] = await seed(g, [{ action: "candidate.updated", at: new Date() }]);
    if (!foreignEvent) throw new Error("no event");

    const range = await httpError(app, f.users.admin, "admin.audit.list", "query", {
      from: "2026-03-10",
      to: "2026-03-01",
    });
    expect(range).toMatchObject({ status: 400, code: "BAD_REQUEST" });
    expect(range.fieldErrors).toEqual({ to: ["must not be before the start date"] });

    const actor = await httpError(app, f.users.admin, "admin.audit.list", "query", {
      actorId: g.users.admin.id,
    });
    expect(actor).toMatchObject({ status: 400, code: "BAD_REQUEST" });
    expect(actor.fieldErrors).toEqual({ actorId: ["is not a user of your agency"] });

    const cursor = await httpError(app, f.users.admin, "admin.audit.list", "query", {
      before: foreignEvent.id,
    });
    expect(cursor).toMatchObject({ status: 400, code: "BAD_REQUEST" });
    expect(cursor.fieldErrors).toEqual({ before: ["is not an event of your agency's audit log"] });

    const both = await httpError(app, f.users.admin, "admin.audit.list", "query", {
      before: foreignEvent.id,
      after: foreignEvent.id,
    });
    expect(both.fieldErrors).toHaveProperty("after");

    const action = await httpError(app, f.users.admin, "admin.audit.list", "query", {
      action: "'; drop table audit_events; --",
    });
    expect(action.fieldErrors).toEqual({ action: ["is not an action name"] });
  });

  it("is for admins only, and an admin sees only their own agency's events", async () => {
    const f = await fixture();
    const g = await fixture();
    await seed(f, [{ action: "candidate.updated", at: new Date() }]);
    await seed(g, [
      { action: "job.created", at: new Date(), entityType: "job", entityId: g.jobId },
    ]);

    const theirs = await callerFor(app, g.users.admin).admin.audit.list({});
    expect(theirs.rows.map((r) => r.action)).toEqual(["job.created"]);
    expect(JSON.stringify(theirs)).not.toContain(f.agencyId);

    for (const user of [f.users.consultant, f.users.candidateA]) {
      await expect(callerFor(app, user).admin.audit.list({})).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
      await expect(callerFor(app, user).admin.audit.facets()).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
    }
  });
});

describe("admin.audit.facets", () => {
  it("lists the actions with counts, the actors and the entity types in the agency's log", async () => {
    const f = await fixture();
    const g = await fixture();
    const at = new Date();
    await seed(f, [
      { action: "feedback.published", at, actorId: f.users.consultant.id },
      { action: "feedback.published", at, actorId: f.users.consultant.id },
      { action: "auth.sign_in", at, entityType: "user", entityId: f.users.admin.id },
      { action: "retention.purged", at, actorId: null, entityType: "agency", entityId: f.agencyId },
    ]);
    await seed(g, [{ action: "job.created", at, entityType: "job", entityId: g.jobId }]);

    expect(await callerFor(app, f.users.admin).admin.audit.facets()).toEqual({
      actions: [
        { action: "auth.sign_in", count: 1 },
        { action: "feedback.published", count: 2 },
        { action: "retention.purged", count: 1 },
      ],
      actors: [
        { id: f.users.admin.id, name: "Ada Admin", role: "admin" },
        { id: f.users.consultant.id, name: "Cora Consultant", role: "consultant" },
      ],
      entityTypes: ["agency", "candidate", "user"],
    });
  });
});

/** The SQLSTATE of a failed query (drizzle wraps the driver's error in `cause`). */
async function sqlState(promise: Promise<unknown>): Promise<string | null> {
  try {
    await promise;
    return null;
  } catch (error) {
    for (let e: unknown = error; e && typeof e === "object"; e = (e as { cause?: unknown }).cause) {
      const code = (e as { code?: unknown }).code;
      if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)) return code;
    }
    throw error;
  }
}

describe("append-only", () => {
  it("lets the app role insert audit rows but never update or delete them", async () => {
    const f = await fixture();
    const [event] = await seed(f, [{ action: "candidate.updated", at: new Date() }]);
    if (!event) throw new Error("no event");

    expect(
      await sqlState(
        asAgency(app, f.users.admin, (tx) =>
          tx.execute(sql`update audit_events set action = 'tampered' where id = ${event.id}`),
        ),
      ),
    ).toBe("42501");
    expect(
      await sqlState(
        asAgency(app, f.users.admin, (tx) =>
          tx.execute(sql`delete from audit_events where id = ${event.id}`),
        ),
      ),
    ).toBe("42501");
    expect(
      await sqlState(asAgency(app, f.users.admin, (tx) => tx.execute(sql`truncate audit_events`))),
    ).toBe("42501");

    const [stored] = await owner.execute<{ action: string }>(
      sql`select action from audit_events where id = ${event.id}::uuid`,
    );
    expect(stored?.action).toBe("candidate.updated");
    // Inserting is how every service records what happened: it works (the seed above did it too).
    expect(await sqlState(seed(f, [{ action: "candidate.created", at: new Date() }]))).toBeNull();
  });
});

describe("the events product.md §2 asks for", () => {
  it("are written by the procedures that do them, with ids and kinds but never feedback text", async () => {
    const f = await fixture();
    const consultant = callerFor(app, f.users.consultant);
    const admin = callerFor(app, f.users.admin);
    const flagged = "The panel felt she may be planning a family soon.";
    const secretDetail = `Detail nobody may log ${crypto.randomUUID()}`;

    // Publishing over a fairness warning, then revising and retracting.
    const saved = await consultant.feedback.saveDraft({
      interviewId: f.interviews.draft,
      version: f.feedback.draft.version,
      summary: flagged,
      items: [{ lens: "skills_experience", kind: "strength", detail: secretDetail }],
    });
    const published = await consultant.feedback.publish({
      feedbackId: f.feedback.draft.id,
      version: saved.version,
      fairnessOverrideReason: "The candidate raised it and asked us to address it",
    });
    const revised = await consultant.feedback.revise({
      interviewId: f.interviews.draft,
      feedbackId: f.feedback.draft.id,
      version: published.version,
      summary: "A fair summary.",
      items: [{ lens: "skills_experience", kind: "strength", detail: secretDetail }],
    });
    await consultant.feedback.retract({
      feedbackId: f.feedback.draft.id,
      version: revised.version,
      reason: "Published to the wrong candidate",
    });
    // Exports (the candidate's own and an admin's) and an erasure.
    await callerFor(app, f.users.candidateB).myData.export();
    await admin.admin.dataRequests.exportCandidate({ candidateId: f.candidates.a });
    await admin.admin.dataRequests.erase({
      candidateId: f.candidates.a,
      confirmation: "Ari Candidate",
    });

    const { rows } = await admin.admin.audit.list({ limit: 100 });
    const actions = rows.map((r) => r.action);
    for (const action of [
      "feedback.published",
      "feedback.revised",
      "feedback.retracted",
      "candidate.exported",
      "candidate.erased",
      "data_request.completed",
    ]) {
      expect(actions).toContain(action);
    }
    expect((await admin.admin.audit.list({ group: "fairness" })).rows).toEqual([
      expect.objectContaining({ action: "feedback.published", entityId: f.feedback.draft.id }),
    ]);
    const exports = (await admin.admin.audit.list({ action: "candidate.exported" })).rows;
    expect(exports.map((r) => [r.actor?.id, r.metadata.by])).toEqual([
      [f.users.admin.id, "admin"],
      [f.users.candidateB.id, "candidate"],
    ]);
    const text = JSON.stringify(rows.map((r) => r.metadata));
    for (const content of [
      flagged,
      secretDetail,
      "planning a family",
      "Published to the wrong candidate",
      "The candidate raised it",
      "Ari Candidate",
      f.users.candidateA.email,
    ]) {
      expect(text).not.toContain(content);
    }
    // Every action has words for people, not the raw key.
    for (const action of actions) expect(auditActionLabel(action)).not.toContain(".");
  });
});
