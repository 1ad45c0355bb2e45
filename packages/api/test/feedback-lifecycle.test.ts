// Feedback after the first draft: approval by someone else, sending back, revising published
// feedback (revision kept, candidate told, ratings kept), retracting, concurrent edits, fairness
// overrides, templates.
import { and, eq, schema as s, sql } from "@debrief/db";
import { type AgencyFixture, createAgencyFixture } from "@debrief/db/factories";
import { afterAll, describe, expect, it } from "vitest";
import { asAgency, callerFor, connect, deliveriesTo, httpError } from "./support";

const { app, owner, close } = connect();
afterAll(close);

const fixture = (opts: Parameters<typeof createAgencyFixture>[1] = {}) =>
  createAgencyFixture(app, { label: "Lifecycle", ...opts });

const row = async (id: string) => {
  const [r] = await owner.select().from(s.feedback).where(eq(s.feedback.id, id));
  if (!r) throw new Error("no feedback");
  return r;
};
const actions = async (id: string) =>
  (
    await owner
      .select({ action: s.auditEvents.action })
      .from(s.auditEvents)
      .where(eq(s.auditEvents.entityId, id))
  ).map((a) => a.action);
const notices = (userId: string) =>
  owner
    .select({ kind: s.notifications.kind })
    .from(s.notifications)
    .where(eq(s.notifications.userId, userId));

async function submitted(f: AgencyFixture) {
  const draft = f.feedback.draft;
  const r = await callerFor(app, f.users.consultant).feedback.submitForReview({
    feedbackId: draft.id,
    version: draft.version,
  });
  return { feedbackId: draft.id, version: r.version };
}

describe("approval", () => {
  it("submits for review, and only someone other than the author can approve it", async () => {
    const f = await fixture({ requireApproval: true });
    await expect(
      callerFor(app, f.users.consultant).feedback.publish({
        feedbackId: f.feedback.draft.id,
        version: f.feedback.draft.version,
      }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringMatching(/submit it for review/),
    });

    const sub = await submitted(f);
    expect(await row(sub.feedbackId)).toMatchObject({ status: "in_review", publishedAt: null });
    await expect(callerFor(app, f.users.consultant).feedback.approve(sub)).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    expect((await row(sub.feedbackId)).status).toBe("in_review");

    const approved = await callerFor(app, f.users.consultant2).feedback.approve(sub);
    const after = await row(sub.feedbackId);
    expect(approved.status).toBe("published");
    expect(after).toMatchObject({ status: "published", approverId: f.users.consultant2.id });
    expect(after.publishedAt).toBeInstanceOf(Date);
    expect(await actions(sub.feedbackId)).toEqual(
      expect.arrayContaining(["feedback.submitted", "feedback.approved"]),
    );
    expect((await notices(f.users.candidateA.id)).map((n) => n.kind)).toContain(
      "feedback.published",
    );
    // The request went to the agency's admin; the decision to the author; each with its email.
    expect((await notices(f.users.admin.id)).map((n) => n.kind)).toEqual([
      "feedback.review_requested",
    ]);
    expect((await notices(f.users.consultant.id)).map((n) => n.kind)).toEqual([
      "feedback.approved",
    ]);
    expect(await deliveriesTo(owner, f.users.admin.id)).toEqual([
      { topic: "feedback.review_requested", notificationId: expect.any(String), jobs: 1 },
    ]);
    expect(await deliveriesTo(owner, f.users.consultant.id)).toEqual([
      { topic: "feedback.approved", notificationId: expect.any(String), jobs: 1 },
    ]);
  });

  it("asks the other consultants for approval when the author is the agency's only admin", async () => {
    const f = await fixture({ requireApproval: true });
    const draft = f.feedback.draft;
    // Make the author the admin's draft: the admin submits their own.
    await owner
      .update(s.feedback)
      .set({ authorId: f.users.admin.id })
      .where(eq(s.feedback.id, draft.id));
    await callerFor(app, f.users.admin).feedback.submitForReview({
      feedbackId: draft.id,
      version: draft.version,
    });
    const told = await owner
      .select({ userId: s.notifications.userId })
      .from(s.notifications)
      .where(
        and(
          eq(s.notifications.kind, "feedback.review_requested"),
          eq(s.notifications.agencyId, f.agencyId),
        ),
      );
    // Active consultants of this agency only: not the disabled one, not the author.
    expect(told.map((n) => n.userId).sort()).toEqual(
      [f.users.consultant.id, f.users.consultant2.id].sort(),
    );
  });

  it("an admin may approve; sending back returns it to the author as a draft with the comment", async () => {
    const f = await fixture({ requireApproval: true });
    const sub = await submitted(f);
    const back = await callerFor(app, f.users.admin).feedback.sendBack({
      ...sub,
      comment: "Add a concrete example.",
    });
    expect(await row(sub.feedbackId)).toMatchObject({
      status: "draft",
      reviewComment: "Add a concrete example.",
    });
    expect((await notices(f.users.consultant.id)).map((n) => n.kind)).toContain(
      "feedback.sent_back",
    );
    // The comment is the notice's body (the author is staff: it is theirs to read), and emailed.
    const [sentBack] = await owner
      .select({ title: s.notifications.title, body: s.notifications.body })
      .from(s.notifications)
      .where(
        and(
          eq(s.notifications.kind, "feedback.sent_back"),
          eq(s.notifications.userId, f.users.consultant.id),
        ),
      );
    expect(sentBack).toEqual({
      title: "Ada Admin sent your feedback on Ari Candidate back with a comment",
      body: "Add a concrete example.",
    });
    expect((await deliveriesTo(owner, f.users.consultant.id)).map((d) => d.topic)).toEqual([
      "feedback.sent_back",
    ]);

    const again = await callerFor(app, f.users.consultant).feedback.submitForReview({
      feedbackId: sub.feedbackId,
      version: back.version,
    });
    await callerFor(app, f.users.admin).feedback.approve({
      feedbackId: sub.feedbackId,
      version: again.version,
    });
    expect(await row(sub.feedbackId)).toMatchObject({
      status: "published",
      approverId: f.users.admin.id,
      reviewComment: null,
    });
  });

  it("cannot approve what is not submitted, nor with a stale version", async () => {
    const f = await fixture({ requireApproval: true });
    const draft = f.feedback.draft;
    await expect(
      callerFor(app, f.users.consultant2).feedback.approve({
        feedbackId: draft.id,
        version: draft.version,
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const sub = await submitted(f);
    await expect(
      callerFor(app, f.users.consultant2).feedback.approve({
        feedbackId: sub.feedbackId,
        version: sub.version - 1,
      }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    expect((await row(sub.feedbackId)).status).toBe("in_review");
  });
});

describe("revising published feedback", () => {
  it("keeps the previous version, keeps the candidate's ratings on unchanged items, and tells the candidate", async () => {
    const f = await fixture();
    const published = await row(f.feedback.published.id);
    const items = await owner
      .select()
      .from(s.feedbackItems)
      .where(eq(s.feedbackItems.feedbackId, published.id));
    const rated = items[0];
    if (!rated) throw new Error("fixture has no items");
    await asAgency(app, f.users.admin, (tx) =>
      tx.insert(s.itemResponses).values({
        agencyId: f.agencyId,
        feedbackItemId: rated.id,
        candidateId: f.candidates.a,
        helpful: true,
      }),
    );

    const result = await callerFor(app, f.users.consultant).feedback.revise({
      feedbackId: published.id,
      version: published.version,
      interviewId: published.interviewId,
      summary: "Updated after talking to the client again.",
      items: items.map((i) => ({
        ...i,
        detail: i.id === rated.id ? i.detail : `${i.detail} (clarified)`,
      })),
    });
    expect(result).toMatchObject({ status: "published", version: published.version + 1 });

    const revisions = await owner
      .select()
      .from(s.feedbackRevisions)
      .where(eq(s.feedbackRevisions.feedbackId, published.id));
    expect(revisions).toHaveLength(1);
    expect(revisions[0]).toMatchObject({
      version: published.version,
      summary: published.summary,
      editedById: f.users.consultant.id,
    });
    const responses = await owner
      .select()
      .from(s.itemResponses)
      .where(eq(s.itemResponses.feedbackItemId, rated.id));
    expect(responses).toHaveLength(1);
    expect((await notices(f.users.candidateA.id)).map((n) => n.kind)).toContain("feedback.revised");

    const view = await callerFor(app, f.users.candidateA).myFeedback.byId({ id: published.id });
    expect(view.summary).toBe("Updated after talking to the client again.");
    expect(view.revisedAt).toBeInstanceOf(Date);
    expect(view.previous?.summary).toBe(published.summary);
    expect(view.previous?.items.map((i) => i.detail).sort()).toEqual(
      items.map((i) => i.detail).sort(),
    );
    const inbox = await callerFor(app, f.users.candidateA).myFeedback.list();
    expect(inbox.find((e) => e.id === published.id)?.revisedAt).toBeInstanceOf(Date);
  });

  it("refuses a revision that breaks a publishing rule, and changes nothing", async () => {
    const f = await fixture();
    const published = await row(f.feedback.published.id);
    const err = await httpError(app, f.users.consultant, "feedback.revise", "mutation", {
      feedbackId: published.id,
      version: published.version,
      interviewId: published.interviewId,
      summary: "x",
      items: [
        { lens: "interview_style", kind: "gap", detail: "Too long.", reasonId: f.reasons[0]?.id },
      ],
    });
    expect(err).toMatchObject({ status: 400, code: "BAD_REQUEST" });
    expect(err.fieldErrors).toHaveProperty("items.0.nextStep");
    expect(await row(published.id)).toMatchObject({
      version: published.version,
      summary: published.summary,
    });
  });
});

describe("retracting", () => {
  it("needs a reason, hides the feedback from the candidate and records it", async () => {
    const f = await fixture();
    const published = await row(f.feedback.published.id);
    const empty = await httpError(app, f.users.consultant, "feedback.retract", "mutation", {
      feedbackId: published.id,
      version: published.version,
      reason: "   ",
    });
    expect(empty.fieldErrors).toHaveProperty("reason");
    expect((await row(published.id)).status).toBe("published");

    await callerFor(app, f.users.consultant).feedback.retract({
      feedbackId: published.id,
      version: published.version,
      reason: "Sent to the wrong candidate",
    });
    expect(await row(published.id)).toMatchObject({
      status: "retracted",
      publishedAt: null,
      retractionReason: "Sent to the wrong candidate",
    });
    expect(await actions(published.id)).toContain("feedback.retracted");
    const inbox = await callerFor(app, f.users.candidateA).myFeedback.list();
    expect(inbox.map((e) => e.id)).not.toContain(published.id);
    await expect(
      callerFor(app, f.users.candidateA).myFeedback.byId({ id: published.id }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("two consultants editing the same draft", () => {
  it("the later save conflicts, names who changed it, and nothing is overwritten", async () => {
    const f = await fixture();
    const draft = await row(f.feedback.draft.id);
    const base = { interviewId: draft.interviewId, version: draft.version, items: [] };
    await callerFor(app, f.users.consultant2).feedback.saveDraft({
      ...base,
      summary: "Tom's version",
    });
    const err = await httpError(app, f.users.consultant, "feedback.saveDraft", "mutation", {
      ...base,
      summary: "Priya's version",
    });
    expect(err).toMatchObject({ status: 409, code: "CONFLICT" });
    expect(err.message).toContain(f.users.consultant2.name);
    expect((await row(draft.id)).summary).toBe("Tom's version");
  });
});

describe("fairness", () => {
  const flagged = "The team felt she may be planning a family soon.";

  it("refuses to publish text about a protected characteristic without a recorded reason", async () => {
    const f = await fixture();
    const draft = await row(f.feedback.draft.id);
    const saved = await callerFor(app, f.users.consultant).feedback.saveDraft({
      interviewId: draft.interviewId,
      version: draft.version,
      summary: flagged,
      items: [
        {
          lens: "skills_experience",
          kind: "strength",
          detail: "Clear examples with numbers: cut costs by 12%.",
        },
      ],
    });
    const err = await httpError(app, f.users.consultant, "feedback.publish", "mutation", {
      feedbackId: draft.id,
      version: saved.version,
    });
    expect(err.fieldErrors).toHaveProperty("fairnessOverrideReason");
    expect((await row(draft.id)).status).toBe("draft");

    await callerFor(app, f.users.consultant).feedback.publish({
      feedbackId: draft.id,
      version: saved.version,
      fairnessOverrideReason: "Quoting the candidate's own question, at their request",
    });
    expect(await row(draft.id)).toMatchObject({
      status: "published",
      fairnessOverrideReason: "Quoting the candidate's own question, at their request",
    });
    const [audit] = await owner.execute<{ metadata: Record<string, unknown> }>(
      sql`select metadata from audit_events where entity_id = ${draft.id}::uuid and action = 'feedback.published'`,
    );
    expect(audit?.metadata).toMatchObject({ fairnessOverride: true });
    expect(JSON.stringify(audit?.metadata)).not.toContain("planning a family");
  });
});

describe("templates", () => {
  it("lists the agency's templates and returns their items for the editor", async () => {
    const f = await fixture();
    const list = await callerFor(app, f.users.consultant).template.list();
    expect(list.length).toBeGreaterThan(0);
    const first = list[0];
    if (!first) throw new Error("no template");
    const template = await callerFor(app, f.users.consultant).template.byId({ id: first.id });
    expect(template.items).toHaveLength(first.itemCount);
    expect(template.items.every((i) => i.kind === "strength" || i.reasonId)).toBe(true);
    const other = await fixture();
    await expect(
      callerFor(app, other.users.consultant).template.byId({ id: first.id }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
