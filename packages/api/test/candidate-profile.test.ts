// The consultant's page for one candidate (interviews, feedback, the candidate's ratings and
// questions, action plans and goals), answering a question, and commenting on a goal.
import { and, eq, schema as s } from "@debrief/db";
import { type AgencyFixture, createAgencyFixture } from "@debrief/db/factories";
import { afterAll, describe, expect, it } from "vitest";
import { asAgency, callerFor, connect, deliveriesTo, httpError } from "./support";

const { app, owner, close } = connect();
afterAll(close);

const HOUR = 3_600_000;

const fixture = () => createAgencyFixture(app, { label: "Profile" });

function itemOf(f: AgencyFixture, index: number) {
  const id = f.feedback.published.itemIds[index];
  if (!id) throw new Error(`the fixture's published feedback has no item ${index}`);
  return id;
}

/** A candidate's question on their feedback, asked `hoursAgo`. */
function ask(f: AgencyFixture, feedbackId: string, authorId: string, body: string, hoursAgo = 2) {
  return asAgency(app, f.users.admin, (tx) =>
    tx.insert(s.clarificationMessages).values({
      agencyId: f.agencyId,
      feedbackId,
      authorId,
      body,
      createdAt: new Date(Date.now() - hoursAgo * HOUR),
    }),
  );
}

/** An action plan with one goal of three steps (one done), answering `itemId`. */
async function planWithGoal(
  f: AgencyFixture,
  candidateId: string,
  feedbackId: string,
  itemId: string,
) {
  return asAgency(app, f.users.admin, async (tx) => {
    const [plan] = await tx
      .insert(s.actionPlans)
      .values({ agencyId: f.agencyId, candidateId, feedbackId, title: "After the PM interview" })
      .returning();
    if (!plan) throw new Error("no plan");
    const [goal] = await tx
      .insert(s.goals)
      .values({
        agencyId: f.agencyId,
        actionPlanId: plan.id,
        title: "Put numbers in my stories",
        measure: "Three stories, each with a measurable result",
        targetDate: "2026-12-31",
        status: "in_progress",
      })
      .returning();
    if (!goal) throw new Error("no goal");
    await tx
      .insert(s.goalItems)
      .values({ agencyId: f.agencyId, goalId: goal.id, feedbackItemId: itemId });
    await tx.insert(s.goalSteps).values(
      ["Draft", "Review", "Practise"].map((title, position) => ({
        agencyId: f.agencyId,
        goalId: goal.id,
        title,
        position,
        doneAt: position === 0 ? new Date() : null,
      })),
    );
    return { planId: plan.id, goalId: goal.id };
  });
}

const notices = (userId: string) =>
  owner
    .select({
      kind: s.notifications.kind,
      title: s.notifications.title,
      link: s.notifications.link,
    })
    .from(s.notifications)
    .where(eq(s.notifications.userId, userId));
const auditsOf = (entityId: string, action: string) =>
  owner
    .select()
    .from(s.auditEvents)
    .where(and(eq(s.auditEvents.entityId, entityId), eq(s.auditEvents.action, action)));
const messagesOf = (feedbackId: string) =>
  owner
    .select({ body: s.clarificationMessages.body })
    .from(s.clarificationMessages)
    .where(eq(s.clarificationMessages.feedbackId, feedbackId));
const commentsOf = (goalId: string) =>
  owner
    .select({ body: s.goalComments.body })
    .from(s.goalComments)
    .where(eq(s.goalComments.goalId, goalId));

describe("a candidate's page", () => {
  it("shows one candidate's interviews, feedback, ratings, questions and plans, and nobody else's", async () => {
    const f = await fixture();
    const published = f.feedback.published.id;
    const gap = itemOf(f, 0);
    await asAgency(app, f.users.admin, async (tx) => {
      await tx.insert(s.itemResponses).values([
        { agencyId: f.agencyId, feedbackItemId: gap, candidateId: f.candidates.a, helpful: true },
        {
          agencyId: f.agencyId,
          feedbackItemId: itemOf(f, 1),
          candidateId: f.candidates.a,
          helpful: true,
        },
        {
          agencyId: f.agencyId,
          feedbackItemId: itemOf(f, 2),
          candidateId: f.candidates.a,
          helpful: false,
          comment: "I had three years in lending, it is on my CV.",
        },
      ]);
      // Candidate B's own rating of B's feedback: not part of A's page.
      const [bItem] = await tx
        .select({ id: s.feedbackItems.id })
        .from(s.feedbackItems)
        .where(eq(s.feedbackItems.feedbackId, f.feedback.publishedB.id))
        .limit(1);
      if (!bItem) throw new Error("B's feedback has no items");
      await tx.insert(s.itemResponses).values({
        agencyId: f.agencyId,
        feedbackItemId: bItem.id,
        candidateId: f.candidates.b,
        helpful: false,
        comment: "Candidate B's private comment",
      });
    });
    await ask(f, published, f.users.candidateA.id, "What would a stronger answer have had?", 5);
    await ask(f, f.feedback.publishedB.id, f.users.candidateB.id, "Candidate B's question");
    const { planId, goalId } = await planWithGoal(f, f.candidates.a, published, gap);
    const planB = await planWithGoal(f, f.candidates.b, f.feedback.publishedB.id, gap);
    await asAgency(app, f.users.admin, (tx) =>
      tx.insert(s.goalComments).values({
        agencyId: f.agencyId,
        goalId,
        authorId: f.users.consultant.id,
        body: "Great start on the first story!",
      }),
    );

    const page = await callerFor(app, f.users.consultant).candidateProfile.get({
      id: f.candidates.a,
    });

    expect(page.candidate).toEqual({
      id: f.candidates.a,
      name: "Ari Candidate",
      email: f.users.candidateA.email,
      headline: "Product manager",
      ownerName: "Cora Consultant",
      hasLogin: true,
    });
    // Newest first: the draft's interview (68 h ago), the owed one (148 h), the published (288 h).
    expect(page.interviews.map((i) => i.id)).toEqual([
      f.interviews.draft,
      f.interviews.owed,
      f.interviews.published,
    ]);
    const [draft, owed, done] = page.interviews;
    expect(owed).toMatchObject({ outcome: "rejected", stage: "first", feedback: null });
    expect(draft?.feedback).toMatchObject({
      id: f.feedback.draft.id,
      status: "draft",
      publishedAt: null,
      thread: [],
      awaitingAnswer: false,
    });
    expect(done).toMatchObject({
      jobTitle: "Senior Product Manager",
      clientName: expect.stringMatching(/^Client /),
      consultantName: "Cora Consultant",
    });
    expect(done?.feedback).toMatchObject({
      id: published,
      status: "published",
      publishedAt: expect.any(Date),
      ratings: {
        items: 4,
        helpful: 2,
        notHelpful: 1,
        comments: [
          {
            itemId: itemOf(f, 2),
            kind: "gap",
            detail: "The successful candidate had four years in regulated lending.",
            helpful: false,
            comment: "I had three years in lending, it is on my CV.",
          },
        ],
      },
      thread: [
        {
          body: "What would a stronger answer have had?",
          authorName: "Ari Candidate",
          authorRole: "candidate",
        },
      ],
      awaitingAnswer: true,
    });
    expect(page.plans).toHaveLength(1);
    expect(page.plans[0]).toMatchObject({
      id: planId,
      title: "After the PM interview",
      interviewId: f.interviews.published,
      jobTitle: "Senior Product Manager",
      goals: [
        {
          id: goalId,
          title: "Put numbers in my stories",
          measure: "Three stories, each with a measurable result",
          targetDate: "2026-12-31",
          status: "in_progress",
          stepsDone: 1,
          stepsTotal: 3,
          items: [{ id: gap, kind: "gap", detail: expect.stringMatching(/^Your examples/) }],
          comments: [{ body: "Great start on the first story!", authorName: "Cora Consultant" }],
        },
      ],
    });

    const answer = JSON.stringify(page);
    for (const other of [
      f.candidates.b,
      f.interviews.publishedB,
      f.feedback.publishedB.id,
      planB.planId,
      planB.goalId,
      "Candidate B's question",
      "Candidate B's private comment",
    ]) {
      expect(answer).not.toContain(other);
    }
  });

  it("is the same for an admin, NOT_FOUND for an unknown candidate, and names a malformed id", async () => {
    const f = await fixture();
    const page = await callerFor(app, f.users.admin).candidateProfile.get({ id: f.candidates.b });
    expect(page.interviews.map((i) => i.id)).toEqual([f.interviews.publishedB]);
    expect(page.plans).toEqual([]);
    await expect(
      callerFor(app, f.users.consultant).candidateProfile.get({ id: crypto.randomUUID() }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    const err = await httpError(app, f.users.consultant, "candidateProfile.get", "query", {
      id: "not-an-id",
    });
    expect(err).toMatchObject({ status: 400, code: "BAD_REQUEST" });
    expect(err.fieldErrors).toHaveProperty("id");
  });
});

describe("answering a question", () => {
  it("posts in the thread, tells the candidate in-app and through the outbox, and audits without the text", async () => {
    const f = await fixture();
    const published = f.feedback.published.id;
    await ask(f, published, f.users.candidateA.id, "Could you say more about the numbers?");
    const body = "Yes: a before/after figure in each story, e.g. onboarding time 14 → 6 days.";

    const posted = await callerFor(app, f.users.consultant2).clarification.answer({
      feedbackId: published,
      body: `  ${body}  `,
    });
    expect(posted).toMatchObject({ id: expect.any(String), createdAt: expect.any(Date) });
    expect((await messagesOf(published)).map((m) => m.body)).toEqual(
      expect.arrayContaining([body]),
    );

    expect(await notices(f.users.candidateA.id)).toEqual([
      {
        kind: "clarification.answered",
        title: "Cal Consultant answered your question about the Senior Product Manager interview",
        link: `/feedback/${published}`,
      },
    ]);
    expect(await deliveriesTo(owner, f.users.candidateA.id)).toEqual([
      { topic: "clarification.answered", notificationId: expect.any(String), jobs: 1 },
    ]);
    const audits = await auditsOf(published, "clarification.answered");
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ actorId: f.users.consultant2.id, entityType: "feedback" });
    expect(JSON.stringify(audits)).not.toContain("before/after");

    const page = await callerFor(app, f.users.consultant).candidateProfile.get({
      id: f.candidates.a,
    });
    const fb = page.interviews.find((i) => i.id === f.interviews.published)?.feedback;
    expect(fb?.thread.map((m) => [m.authorRole, m.authorName])).toEqual([
      ["candidate", "Ari Candidate"],
      ["consultant", "Cal Consultant"],
    ]);
    expect(fb?.awaitingAnswer).toBe(false);
  });

  it("refuses feedback the candidate cannot see, and empty or over-long text naming the field, writing nothing", async () => {
    const f = await fixture();
    const published = f.feedback.published.id;
    await expect(
      callerFor(app, f.users.consultant).clarification.answer({
        feedbackId: f.feedback.draft.id,
        body: "An answer on a draft",
      }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringMatching(/published feedback/),
    });
    expect(await messagesOf(f.feedback.draft.id)).toEqual([]);

    const empty = await httpError(app, f.users.consultant, "clarification.answer", "mutation", {
      feedbackId: published,
      body: "   ",
    });
    expect(empty).toMatchObject({ status: 400, code: "BAD_REQUEST" });
    expect(empty.fieldErrors?.body).toEqual(["must not be empty"]);
    const long = await httpError(app, f.users.consultant, "clarification.answer", "mutation", {
      feedbackId: published,
      body: "x".repeat(2001),
    });
    expect(long.fieldErrors?.body).toEqual(["must be at most 2000 characters"]);

    expect(await messagesOf(published)).toEqual([]);
    expect(await notices(f.users.candidateA.id)).toEqual([]);
    expect(await auditsOf(published, "clarification.answered")).toEqual([]);
  });
});

describe("commenting on a goal", () => {
  it("posts the comment, tells the candidate, and audits without the text", async () => {
    const f = await fixture();
    const { goalId } = await planWithGoal(f, f.candidates.a, f.feedback.published.id, itemOf(f, 0));

    const posted = await callerFor(app, f.users.consultant).goal.comment({
      goalId,
      body: "Two of three done — the lending story is your best yet.",
    });
    expect(await commentsOf(goalId)).toEqual([
      { body: "Two of three done — the lending story is your best yet." },
    ]);
    expect(await notices(f.users.candidateA.id)).toEqual([
      {
        kind: "goal.commented",
        title: "Cora Consultant commented on your goal “Put numbers in my stories”",
        link: `/plans#goal-${goalId}`,
      },
    ]);
    expect(await deliveriesTo(owner, f.users.candidateA.id)).toEqual([
      { topic: "goal.commented", notificationId: expect.any(String), jobs: 1 },
    ]);
    const audits = await auditsOf(goalId, "goal.commented");
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ actorId: f.users.consultant.id, entityType: "goal" });
    expect(JSON.stringify(audits)).not.toContain("lending story");

    const page = await callerFor(app, f.users.admin).candidateProfile.get({ id: f.candidates.a });
    expect(page.plans[0]?.goals[0]?.comments).toMatchObject([
      { id: posted.id, authorName: "Cora Consultant" },
    ]);
  });

  it("refuses empty or over-long text naming the field, and an unknown goal, writing nothing", async () => {
    const f = await fixture();
    const { goalId } = await planWithGoal(f, f.candidates.a, f.feedback.published.id, itemOf(f, 0));
    const empty = await httpError(app, f.users.consultant, "goal.comment", "mutation", {
      goalId,
      body: "",
    });
    expect(empty).toMatchObject({ status: 400, code: "BAD_REQUEST" });
    expect(empty.fieldErrors?.body).toEqual(["must not be empty"]);
    const long = await httpError(app, f.users.consultant, "goal.comment", "mutation", {
      goalId,
      body: "x".repeat(1001),
    });
    expect(long.fieldErrors?.body).toEqual(["must be at most 1000 characters"]);
    await expect(
      callerFor(app, f.users.consultant).goal.comment({ goalId: crypto.randomUUID(), body: "Hi" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await commentsOf(goalId)).toEqual([]);
    expect(await notices(f.users.candidateA.id)).toEqual([]);
  });
});

describe("another agency", () => {
  it("sees no candidate, cannot answer its questions nor comment on its goals", async () => {
    const home = await fixture();
    const foreign = await fixture();
    const published = home.feedback.published.id;
    const { goalId } = await planWithGoal(home, home.candidates.a, published, itemOf(home, 0));
    for (const user of [foreign.users.consultant, foreign.users.admin]) {
      const caller = callerFor(app, user);
      await expect(caller.candidateProfile.get({ id: home.candidates.a })).rejects.toMatchObject({
        code: "NOT_FOUND",
      });
      await expect(
        caller.clarification.answer({ feedbackId: published, body: "From elsewhere" }),
      ).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(caller.goal.comment({ goalId, body: "From elsewhere" })).rejects.toMatchObject({
        code: "NOT_FOUND",
      });
    }
    expect(await messagesOf(published)).toEqual([]);
    expect(await commentsOf(goalId)).toEqual([]);
    expect(await notices(home.users.candidateA.id)).toEqual([]);
  });

  it("a candidate cannot use the consultant's procedures", async () => {
    const f = await fixture();
    await expect(
      callerFor(app, f.users.candidateA).clarification.answer({
        feedbackId: f.feedback.published.id,
        body: "Answering myself",
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await messagesOf(f.feedback.published.id)).toEqual([]);
  });
});
