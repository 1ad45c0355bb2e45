// The feedback procedures end to end against PostgreSQL as the app role: the consultant's owed list,
// drafts with optimistic concurrency, validation, publishing and its side effects, and the
// candidate's view of their own published feedback.
import { eq, schema as s, sql } from "@debrief/db";
import { type AgencyFixture, createAgencyFixture, createInterview } from "@debrief/db/factories";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asAgency, callerFor, connect, deliveriesTo, httpError } from "./support";

const { app, owner, close } = connect();
afterAll(close);

const HOUR = 3_600_000;
const fixture = (opts: Parameters<typeof createAgencyFixture>[1] = {}) =>
  createAgencyFixture(app, { label: "Feedback", ...opts });

const strength = {
  lens: "skills_experience" as const,
  kind: "strength" as const,
  detail: "Clear, structured answers about the migration.",
};
const gapFor = (f: AgencyFixture) => ({
  lens: "interview_style" as const,
  kind: "gap" as const,
  reasonId: f.reasons[0]?.id,
  competencyId: f.competencies[0]?.id,
  detail: "Answers ran long.",
  nextStep: "Practise two-minute answers.",
});

async function feedbackRow(id: string) {
  const [row] = await owner.select().from(s.feedback).where(eq(s.feedback.id, id));
  return row;
}

async function feedbackForInterview(interviewId: string) {
  return owner.select().from(s.feedback).where(eq(s.feedback.interviewId, interviewId));
}

async function auditCount(agencyId: string) {
  const [row] = await owner.execute<{ n: number }>(
    sql`select count(*)::int as n from audit_events where agency_id = ${agencyId}::uuid`,
  );
  return row?.n ?? 0;
}

describe("feedback.owed", () => {
  let f: AgencyFixture;
  let secondConsultantsInterview: string;

  beforeAll(async () => {
    f = await fixture();
    // One more owed interview, for candidate B, handled by the second consultant.
    const interview = await asAgency(app, f.users.admin, (tx) =>
      createInterview(tx, f.agencyId, {
        candidateId: f.candidates.b,
        jobId: f.jobId,
        consultantId: f.users.consultant2.id,
        stage: "screening",
        scheduledAt: new Date(Date.now() - 90 * HOUR),
        outcome: "rejected",
        outcomeAt: new Date(Date.now() - 50 * HOUR),
      }),
    );
    secondConsultantsInterview = interview.id;
  });

  it("lists the consultant's own rejected interviews without published feedback, oldest first, with the SLA clock", async () => {
    const owed = await callerFor(app, f.users.consultant).feedback.owed();
    expect(
      owed.map((o) => ({
        id: o.interviewId,
        hours: o.hoursSinceRejection,
        sla: o.slaHours,
        overdue: o.overdue,
        status: o.feedbackStatus,
      })),
    ).toEqual([
      { id: f.interviews.owed, hours: 100, sla: 72, overdue: true, status: null },
      { id: f.interviews.draft, hours: 20, sla: 72, overdue: false, status: "draft" },
    ]);
    expect(owed[0]?.feedbackId).toBeNull();
    expect(owed[1]?.feedbackId).toBe(f.feedback.draft.id);
  });

  it("shows another consultant only their own interviews", async () => {
    const owed = await callerFor(app, f.users.consultant2).feedback.owed();
    expect(owed.map((o) => o.interviewId)).toEqual([secondConsultantsInterview]);
  });

  it("shows an admin the whole agency's backlog, oldest first", async () => {
    const owed = await callerFor(app, f.users.admin).feedback.owed();
    expect(owed.map((o) => o.interviewId)).toEqual([
      f.interviews.owed,
      secondConsultantsInterview,
      f.interviews.draft,
    ]);
  });

  it("measures overdue against the agency's own SLA", async () => {
    const strict = await fixture({ feedbackSlaHours: 12 });
    const owed = await callerFor(app, strict.users.consultant).feedback.owed();
    expect(owed.map((o) => [o.slaHours, o.overdue])).toEqual([
      [12, true],
      [12, true],
    ]);
  });
});

describe("feedback.saveDraft", () => {
  let f: AgencyFixture;
  beforeAll(async () => {
    f = await fixture();
  });

  it("creates a draft, updates it by version, and refuses a stale version without changing anything", async () => {
    const mine = callerFor(app, f.users.consultant);
    const colleague = callerFor(app, f.users.consultant2);
    const interviewId = f.interviews.owed;

    const created = await mine.feedback.saveDraft({
      interviewId,
      version: null,
      summary: "First take",
      items: [strength],
    });
    expect(created.version).toBe(1);

    // A colleague opened version 1 too and saves first.
    const theirs = await colleague.feedback.saveDraft({
      interviewId,
      version: 1,
      summary: "Colleague's edit",
      items: [strength, gapFor(f)],
    });
    expect(theirs).toMatchObject({ id: created.id, version: 2 });

    await expect(
      mine.feedback.saveDraft({ interviewId, version: 1, summary: "Mine, stale", items: [] }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    // Creating again, as if no draft existed, is a conflict too, never a second draft.
    await expect(
      mine.feedback.saveDraft({ interviewId, version: null, summary: "Again", items: [] }),
    ).rejects.toMatchObject({ code: "CONFLICT" });

    const editor = await mine.feedback.editor({ interviewId });
    expect(editor.feedback).toMatchObject({
      id: created.id,
      status: "draft",
      version: 2,
      summary: "Colleague's edit",
    });
    expect(editor.feedback?.items.map((i) => [i.lens, i.kind, i.detail])).toEqual([
      [strength.lens, strength.kind, strength.detail],
      ["interview_style", "gap", "Answers ran long."],
    ]);
    expect(await feedbackForInterview(interviewId)).toHaveLength(1);
  });

  it("records who created the draft in the audit log", async () => {
    const g = await fixture();
    const requestId = `req-${crypto.randomUUID()}`;
    const saved = await callerFor(app, g.users.consultant, requestId).feedback.saveDraft({
      interviewId: g.interviews.owed,
      version: null,
      summary: "Draft",
      items: [],
    });
    const events = await owner
      .select()
      .from(s.auditEvents)
      .where(eq(s.auditEvents.entityId, saved.id));
    expect(events.map((e) => [e.action, e.actorId, e.requestId, e.agencyId])).toEqual([
      ["feedback.created", g.users.consultant.id, requestId, g.agencyId],
    ]);
  });

  it("will not edit feedback that is already published", async () => {
    await expect(
      callerFor(app, f.users.consultant).feedback.saveDraft({
        interviewId: f.interviews.published,
        version: f.feedback.published.version,
        summary: "Sneaky rewrite",
        items: [],
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect((await feedbackRow(f.feedback.published.id))?.summary).not.toBe("Sneaky rewrite");
  });

  it("writes feedback for rejected interviews only", async () => {
    const pending = await asAgency(app, f.users.admin, (tx) =>
      createInterview(tx, f.agencyId, {
        candidateId: f.candidates.a,
        jobId: f.jobId,
        consultantId: f.users.consultant.id,
        stage: "final",
        scheduledAt: new Date(),
      }),
    );
    await expect(
      callerFor(app, f.users.consultant).feedback.saveDraft({
        interviewId: pending.id,
        version: null,
        summary: "Too early",
        items: [],
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await feedbackForInterview(pending.id)).toEqual([]);
  });
});

describe("bad input", () => {
  let f: AgencyFixture;
  beforeAll(async () => {
    f = await fixture();
  });

  const valid = () => ({
    interviewId: f.interviews.owed,
    version: null,
    summary: "Fine",
    items: [strength],
  });

  it.each([
    ["a malformed interview id", () => ({ ...valid(), interviewId: "not-a-uuid" }), "interviewId"],
    [
      "an empty item detail",
      () => ({ ...valid(), items: [{ ...strength, detail: "   " }] }),
      "items.0.detail",
    ],
    ["an over-long summary", () => ({ ...valid(), summary: "x".repeat(2001) }), "summary"],
    ["a version of the wrong type", () => ({ ...valid(), version: "1" }), "version"],
    [
      "an unknown lens",
      () => ({ ...valid(), items: [strength, { ...strength, lens: "vibes" }] }),
      "items.1.lens",
    ],
    [
      "a reason on a strength",
      () => ({ ...valid(), items: [{ ...strength, reasonId: f.reasons[0]?.id }] }),
      "items.0.reasonId",
    ],
  ])(
    "saveDraft with %s is a BAD_REQUEST naming the field, and writes nothing",
    async (_, input, field) => {
      const auditBefore = await auditCount(f.agencyId);
      const error = await httpError(
        app,
        f.users.consultant,
        "feedback.saveDraft",
        "mutation",
        input(),
      );
      expect(error).toMatchObject({ status: 400, code: "BAD_REQUEST" });
      expect(Object.keys(error.fieldErrors ?? {})).toContain(field);
      expect(error.fieldErrors?.[field]?.[0]).toEqual(expect.any(String));
      expect(error.message).not.toMatch(/\bat .*\.ts:\d+/); // no stack trace
      expect(await feedbackForInterview(f.interviews.owed)).toEqual([]);
      expect(await auditCount(f.agencyId)).toBe(auditBefore);
    },
  );

  it("publish with a malformed feedback id names the field", async () => {
    const error = await httpError(app, f.users.consultant, "feedback.publish", "mutation", {
      feedbackId: "123",
      version: 1,
    });
    expect(error).toMatchObject({ status: 400, code: "BAD_REQUEST" });
    expect(Object.keys(error.fieldErrors ?? {})).toEqual(["feedbackId"]);
  });

  it("editor with a malformed interview id names the field", async () => {
    const error = await httpError(app, f.users.consultant, "feedback.editor", "query", {
      interviewId: 42,
    });
    expect(error).toMatchObject({ status: 400, code: "BAD_REQUEST" });
    expect(Object.keys(error.fieldErrors ?? {})).toEqual(["interviewId"]);
  });
});

describe("feedback.publish", () => {
  it("refuses a gap without a next step, naming items.N.nextStep, and leaves the draft as it was", async () => {
    const f = await fixture();
    const { nextStep: _, ...gapWithoutNextStep } = gapFor(f);
    const draft = await callerFor(app, f.users.consultant).feedback.saveDraft({
      interviewId: f.interviews.owed,
      version: null,
      summary: "Almost there",
      items: [strength, gapWithoutNextStep],
    });
    const error = await httpError(app, f.users.consultant, "feedback.publish", "mutation", {
      feedbackId: draft.id,
      version: draft.version,
    });
    expect(error).toMatchObject({ status: 400, code: "BAD_REQUEST" });
    expect(error.fieldErrors).toEqual({ "items.1.nextStep": [expect.any(String)] });
    expect(await feedbackRow(draft.id)).toMatchObject({
      status: "draft",
      publishedAt: null,
      version: draft.version,
    });
    const notices = await owner
      .select()
      .from(s.notifications)
      .where(eq(s.notifications.agencyId, f.agencyId));
    expect(notices).toEqual([]);
  });

  it("publishes: status and time set, audited without its text, the candidate notified through the outbox", async () => {
    const f = await fixture();
    const requestId = `req-${crypto.randomUUID()}`;
    const before = await feedbackRow(f.feedback.draft.id);
    const result = await callerFor(app, f.users.consultant, requestId).feedback.publish({
      feedbackId: f.feedback.draft.id,
      version: f.feedback.draft.version,
    });

    const after = await feedbackRow(f.feedback.draft.id);
    expect(result.status).toBe("published");
    expect(after).toMatchObject({ status: "published", version: f.feedback.draft.version + 1 });
    expect(after?.publishedAt).toBeInstanceOf(Date);
    expect(after?.firstPublishedAt).toEqual(after?.publishedAt);
    expect(result.version).toBe(f.feedback.draft.version + 1);

    const audit = await owner
      .select()
      .from(s.auditEvents)
      .where(eq(s.auditEvents.entityId, f.feedback.draft.id));
    expect(audit.map((e) => [e.action, e.actorId, e.requestId])).toEqual([
      ["feedback.published", f.users.consultant.id, requestId],
    ]);
    const items = await owner
      .select({ detail: s.feedbackItems.detail, nextStep: s.feedbackItems.nextStep })
      .from(s.feedbackItems)
      .where(eq(s.feedbackItems.feedbackId, f.feedback.draft.id));
    const texts = [before?.summary, ...items.flatMap((i) => [i.detail, i.nextStep])].filter(
      (t): t is string => !!t,
    );
    expect(texts.length).toBeGreaterThan(1);
    const stored = JSON.stringify(audit);
    for (const text of texts) expect(stored).not.toContain(text);

    const notices = await owner
      .select()
      .from(s.notifications)
      .where(eq(s.notifications.agencyId, f.agencyId));
    expect(notices.map((n) => [n.userId, n.kind, n.link])).toEqual([
      [f.users.candidateA.id, "feedback.published", `/feedback/${f.feedback.draft.id}`],
    ]);
    expect(await deliveriesTo(owner, f.users.candidateA.id)).toEqual([
      { topic: "feedback.published", notificationId: notices[0]?.id, jobs: 1 },
    ]);

    const inbox = await callerFor(app, f.users.candidateA).myFeedback.list();
    expect(inbox.map((e) => e.id)).toContain(f.feedback.draft.id);
  });

  it("does not publish twice: a stale version conflicts, a current one is refused", async () => {
    const f = await fixture();
    const consultant = callerFor(app, f.users.consultant);
    const first = await consultant.feedback.publish({
      feedbackId: f.feedback.draft.id,
      version: f.feedback.draft.version,
    });
    await expect(
      consultant.feedback.publish({
        feedbackId: f.feedback.draft.id,
        version: f.feedback.draft.version,
      }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(
      consultant.feedback.publish({ feedbackId: f.feedback.draft.id, version: first.version }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const outbox = await owner.select().from(s.outbox).where(eq(s.outbox.agencyId, f.agencyId));
    expect(outbox).toHaveLength(1);
  });

  it("refuses direct publication where the agency requires approval", async () => {
    const f = await fixture({ requireApproval: true });
    await expect(
      callerFor(app, f.users.consultant).feedback.publish({
        feedbackId: f.feedback.draft.id,
        version: f.feedback.draft.version,
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await feedbackRow(f.feedback.draft.id)).toMatchObject({
      status: "draft",
      publishedAt: null,
    });
    const outbox = await owner.select().from(s.outbox).where(eq(s.outbox.agencyId, f.agencyId));
    expect(outbox).toEqual([]);
  });
});

describe("another agency's records", () => {
  let f: AgencyFixture;
  let other: AgencyFixture;
  beforeAll(async () => {
    f = await fixture();
    other = await fixture({ label: "Other" });
  });

  it("read as NOT_FOUND and stay untouched", async () => {
    const outsider = callerFor(app, other.users.admin);
    await expect(
      outsider.feedback.editor({ interviewId: f.interviews.draft }),
    ).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(
      outsider.feedback.saveDraft({
        interviewId: f.interviews.owed,
        version: null,
        summary: "Planted",
        items: [],
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      outsider.feedback.saveDraft({
        interviewId: f.interviews.draft,
        version: f.feedback.draft.version,
        summary: "Overwritten",
        items: [],
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      outsider.feedback.publish({
        feedbackId: f.feedback.draft.id,
        version: f.feedback.draft.version,
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });

    expect(await feedbackForInterview(f.interviews.owed)).toEqual([]);
    expect(await feedbackRow(f.feedback.draft.id)).toMatchObject({
      status: "draft",
      version: f.feedback.draft.version,
      summary: "Draft: the panel liked your energy.",
    });
  });

  it("are absent from lists and the taxonomy", async () => {
    const outsider = callerFor(app, other.users.admin);
    const owed = await outsider.feedback.owed();
    expect(owed.map((o) => o.interviewId).sort()).toEqual(
      [other.interviews.owed, other.interviews.draft].sort(),
    );
    const taxonomy = await outsider.feedback.taxonomy();
    expect(taxonomy.competencies.map((c) => c.id).sort()).toEqual(
      other.competencies.map((c) => c.id).sort(),
    );
    expect(taxonomy.reasons.map((r) => r.id).sort()).toEqual(other.reasons.map((r) => r.id).sort());
  });
});

describe("the candidate's feedback", () => {
  let f: AgencyFixture;
  beforeAll(async () => {
    f = await fixture();
  });

  it("lists only the candidate's own published feedback: no drafts, nobody else's", async () => {
    const inboxA = await callerFor(app, f.users.candidateA).myFeedback.list();
    expect(
      inboxA.map((e) => ({ id: e.id, read: e.read, strengths: e.strengths, gaps: e.gaps })),
    ).toEqual([{ id: f.feedback.published.id, read: false, strengths: 2, gaps: 2 }]);
    const inboxB = await callerFor(app, f.users.candidateB).myFeedback.list();
    expect(inboxB.map((e) => e.id)).toEqual([f.feedback.publishedB.id]);
  });

  it("shows a feedback by lens, strengths before gaps, with competencies, reasons and next steps", async () => {
    const view = await callerFor(app, f.users.candidateA).myFeedback.byId({
      id: f.feedback.published.id,
    });
    expect(view.consultantName).toBe(f.users.consultant.name);
    expect(view.items.map((i) => [i.lens, i.kind])).toEqual([
      ["skills_experience", "strength"],
      ["skills_experience", "gap"],
      ["other_applicants", "gap"],
      ["interview_style", "strength"],
    ]);
    const gap = view.items[1];
    expect(gap?.reason).toBe(f.reasons[0]?.label);
    expect(gap?.competency).toBe(f.competencies[7]?.name);
    expect(gap?.nextStep).toEqual(expect.any(String));
  });

  it.each([
    ["a draft of their own", (x: AgencyFixture) => x.feedback.draft.id],
    ["another candidate's published feedback", (x: AgencyFixture) => x.feedback.publishedB.id],
    ["an id that does not exist", () => crypto.randomUUID()],
  ])("byId on %s is NOT_FOUND", async (_, id) => {
    await expect(
      callerFor(app, f.users.candidateA).myFeedback.byId({ id: id(f) }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("markRead marks the candidate's own feedback once, and nobody else's", async () => {
    const a = callerFor(app, f.users.candidateA);
    await expect(a.myFeedback.markRead({ id: f.feedback.publishedB.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(a.myFeedback.markRead({ id: f.feedback.draft.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect((await feedbackRow(f.feedback.publishedB.id))?.readAt).toBeNull();
    expect((await feedbackRow(f.feedback.draft.id))?.readAt).toBeNull();

    expect(await a.myFeedback.markRead({ id: f.feedback.published.id })).toEqual({
      id: f.feedback.published.id,
    });
    const firstRead = (await feedbackRow(f.feedback.published.id))?.readAt;
    expect(firstRead).toBeInstanceOf(Date);
    await a.myFeedback.markRead({ id: f.feedback.published.id });
    expect((await feedbackRow(f.feedback.published.id))?.readAt).toEqual(firstRead);
    expect((await a.myFeedback.list()).map((e) => e.read)).toEqual([true]);
  });
});
