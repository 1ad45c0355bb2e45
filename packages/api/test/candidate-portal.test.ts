// The candidate's side of published feedback: rating points, acknowledging, asking a question;
// and action plans: a gap turned into a goal in one step, steps and progress, done and dropped.
import { and, eq, schema as s, sql } from "@debrief/db";
import { type AgencyFixture, createAgencyFixture } from "@debrief/db/factories";
import { isoDateAfter, suggestGoal } from "@debrief/validators";
import { afterAll, describe, expect, it } from "vitest";
import { asAgency, callerFor, connect, httpError } from "./support";

const { app, owner, close } = connect();
afterAll(close);

const fixture = () => createAgencyFixture(app, { label: "Portal" });

/** The fixture's published feedback of candidate A: [gap, strength, gap, strength]. */
function itemsOf(f: AgencyFixture) {
  const [gap, strength, otherGap] = f.feedback.published.itemIds;
  if (!gap || !strength || !otherGap) throw new Error("fixture has too few items");
  return { gap, strength, otherGap };
}

async function itemOfB(f: AgencyFixture) {
  const [row] = await owner
    .select({ id: s.feedbackItems.id })
    .from(s.feedbackItems)
    .where(
      and(
        eq(s.feedbackItems.feedbackId, f.feedback.publishedB.id),
        eq(s.feedbackItems.kind, "gap"),
      ),
    );
  if (!row) throw new Error("fixture B has no gap");
  return row.id;
}

async function draftItem(f: AgencyFixture) {
  const [row] = await owner
    .select({ id: s.feedbackItems.id })
    .from(s.feedbackItems)
    .where(
      and(eq(s.feedbackItems.feedbackId, f.feedback.draft.id), eq(s.feedbackItems.kind, "gap")),
    );
  if (!row) throw new Error("fixture draft has no gap");
  return row.id;
}

const responses = (itemId: string) =>
  owner.select().from(s.itemResponses).where(eq(s.itemResponses.feedbackItemId, itemId));
const feedbackRow = async (id: string) => {
  const [r] = await owner.select().from(s.feedback).where(eq(s.feedback.id, id));
  if (!r) throw new Error("no feedback");
  return r;
};
const messages = (feedbackId: string) =>
  owner
    .select()
    .from(s.clarificationMessages)
    .where(eq(s.clarificationMessages.feedbackId, feedbackId));
const notices = (userId: string) =>
  owner.select().from(s.notifications).where(eq(s.notifications.userId, userId));
const outboxFor = async (userId: string) =>
  (await owner.select().from(s.outbox)).filter(
    (o) => (o.payload as Record<string, unknown>).userId === userId,
  );
const auditOf = (entityId: string) =>
  owner.select().from(s.auditEvents).where(eq(s.auditEvents.entityId, entityId));
const goalsOfCandidate = (candidateId: string) =>
  owner
    .select({ id: s.goals.id, planId: s.goals.actionPlanId, status: s.goals.status })
    .from(s.goals)
    .innerJoin(s.actionPlans, eq(s.actionPlans.id, s.goals.actionPlanId))
    .where(eq(s.actionPlans.candidateId, candidateId));
const plansOf = (candidateId: string) =>
  owner.select().from(s.actionPlans).where(eq(s.actionPlans.candidateId, candidateId));
const goalRow = async (id: string) => {
  const [r] = await owner.select().from(s.goals).where(eq(s.goals.id, id));
  if (!r) throw new Error("no goal");
  return r;
};
const stepsOf = (goalId: string) =>
  owner.select().from(s.goalSteps).where(eq(s.goalSteps.goalId, goalId));

describe("feedback page: what the candidate sees", () => {
  it("shows my own responses, the acknowledgement and the thread with names, oldest first", async () => {
    const f = await fixture();
    const { gap } = itemsOf(f);
    const a = callerFor(app, f.users.candidateA);
    const empty = await a.myFeedback.byId({ id: f.feedback.published.id });
    expect(empty).toMatchObject({ acknowledgedAt: null, responses: [], thread: [], goals: [] });

    await a.myFeedback.respond({ itemId: gap, helpful: true });
    await a.myFeedback.ask({ feedbackId: f.feedback.published.id, body: "Which examples?" });
    await callerFor(app, f.users.consultant).clarification.answer({
      feedbackId: f.feedback.published.id,
      body: "The payments story, mostly.",
    });
    const view = await a.myFeedback.byId({ id: f.feedback.published.id });
    expect(view.responses).toEqual([
      expect.objectContaining({ itemId: gap, helpful: true, comment: null }),
    ]);
    expect(view.thread.map((m) => [m.body, m.authorName, m.mine])).toEqual([
      ["Which examples?", f.users.candidateA.name, true],
      ["The payments story, mostly.", f.users.consultant.name, false],
    ]);
    expect(view.thread[0]?.createdAt).toBeInstanceOf(Date);
  });

  it("never shows another candidate's responses", async () => {
    const f = await fixture();
    const { gap } = itemsOf(f);
    // Candidate B cannot rate A's point; a row written behind the API still does not show to A
    // as A's own rating when it belongs to B.
    await asAgency(app, f.users.admin, (tx) =>
      tx.insert(s.itemResponses).values({
        agencyId: f.agencyId,
        feedbackItemId: gap,
        candidateId: f.candidates.b,
        helpful: false,
        comment: "B's canary",
      }),
    );
    const view = await callerFor(app, f.users.candidateA).myFeedback.byId({
      id: f.feedback.published.id,
    });
    expect(JSON.stringify(view)).not.toContain("B's canary");
  });
});

describe("was this helpful?", () => {
  it("keeps one answer per point, changed by answering again, with an optional comment", async () => {
    const f = await fixture();
    const { gap } = itemsOf(f);
    const a = callerFor(app, f.users.candidateA);
    await a.myFeedback.respond({ itemId: gap, helpful: true, comment: "  " });
    expect(await responses(gap)).toEqual([
      expect.objectContaining({ helpful: true, comment: null, candidateId: f.candidates.a }),
    ]);
    const changed = await a.myFeedback.respond({
      itemId: gap,
      helpful: false,
      comment: "I did give numbers in my second answer.",
    });
    expect(changed).toMatchObject({
      helpful: false,
      comment: "I did give numbers in my second answer.",
    });
    const rows = await responses(gap);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ helpful: false });
  });

  it("answers NOT_FOUND for another candidate's point, a draft's point or another agency's", async () => {
    const f = await fixture();
    const other = await fixture();
    const a = callerFor(app, f.users.candidateA);
    for (const itemId of [await itemOfB(f), await draftItem(f), itemsOf(other).gap]) {
      await expect(a.myFeedback.respond({ itemId, helpful: true })).rejects.toMatchObject({
        code: "NOT_FOUND",
      });
      expect(await responses(itemId)).toEqual([]);
    }
  });

  it("names the field of bad input and writes nothing", async () => {
    const f = await fixture();
    const { gap } = itemsOf(f);
    const err = await httpError(app, f.users.candidateA, "myFeedback.respond", "mutation", {
      itemId: gap,
      helpful: "maybe",
      comment: "x".repeat(1001),
    });
    expect(err).toMatchObject({ status: 400, code: "BAD_REQUEST" });
    expect(Object.keys(err.fieldErrors ?? {}).sort()).toEqual(["comment", "helpful"]);
    expect(await responses(gap)).toEqual([]);
  });
});

describe("acknowledging", () => {
  it("is recorded once: the first time is kept and audited", async () => {
    const f = await fixture();
    const id = f.feedback.published.id;
    const a = callerFor(app, f.users.candidateA);
    const first = await a.myFeedback.acknowledge({ feedbackId: id });
    expect(first.acknowledgedAt).toBeInstanceOf(Date);
    const row = await feedbackRow(id);
    expect(row.acknowledgedAt?.getTime()).toBe(first.acknowledgedAt.getTime());
    expect(row.readAt).toBeInstanceOf(Date);
    expect(row.version).toBe(f.feedback.published.version);

    const again = await a.myFeedback.acknowledge({ feedbackId: id });
    expect(again.acknowledgedAt.getTime()).toBe(first.acknowledgedAt.getTime());
    const acks = (await auditOf(id)).filter((e) => e.action === "feedback.acknowledged");
    expect(acks).toHaveLength(1);
    expect((await a.myFeedback.byId({ id })).acknowledgedAt).toEqual(first.acknowledgedAt);
  });

  it("answers NOT_FOUND for another candidate's feedback or a draft, and changes nothing", async () => {
    const f = await fixture();
    const a = callerFor(app, f.users.candidateA);
    for (const id of [f.feedback.publishedB.id, f.feedback.draft.id]) {
      await expect(a.myFeedback.acknowledge({ feedbackId: id })).rejects.toMatchObject({
        code: "NOT_FOUND",
      });
      expect((await feedbackRow(id)).acknowledgedAt).toBeNull();
    }
  });
});

describe("asking a question", () => {
  it("adds to the thread, tells the interview's consultant in-app and by outbox, audits without the text", async () => {
    const f = await fixture();
    const id = f.feedback.published.id;
    const body = "Could you say more about the lending experience? canary-question-text";
    const posted = await callerFor(app, f.users.candidateA, "req-ask").myFeedback.ask({
      feedbackId: id,
      body,
    });
    const rows = await messages(id);
    expect(rows).toEqual([
      expect.objectContaining({ id: posted.id, body, authorId: f.users.candidateA.id }),
    ]);
    const notes = await notices(f.users.consultant.id);
    expect(notes).toEqual([
      expect.objectContaining({
        kind: "clarification.asked",
        link: `/candidates/${f.candidates.a}#thread-${id}`,
      }),
    ]);
    const out = await outboxFor(f.users.consultant.id);
    expect(out).toEqual([expect.objectContaining({ topic: "clarification.asked" })]);
    expect(JSON.stringify(out)).not.toContain("canary-question-text");
    const events = (await auditOf(id)).filter((e) => e.action === "clarification.asked");
    expect(events).toEqual([
      expect.objectContaining({ actorId: f.users.candidateA.id, requestId: "req-ask" }),
    ]);
    expect(JSON.stringify(events)).not.toContain("canary-question-text");
  });

  it("refuses an empty or overlong question with the field named, and writes nothing", async () => {
    const f = await fixture();
    const id = f.feedback.published.id;
    for (const body of ["   ", "x".repeat(2001)]) {
      const err = await httpError(app, f.users.candidateA, "myFeedback.ask", "mutation", {
        feedbackId: id,
        body,
      });
      expect(err).toMatchObject({ status: 400, code: "BAD_REQUEST" });
      expect(err.fieldErrors).toHaveProperty("body");
    }
    expect(await messages(id)).toEqual([]);
    expect(await notices(f.users.consultant.id)).toEqual([]);
  });

  it("answers NOT_FOUND on someone else's feedback, a draft, or another agency's", async () => {
    const f = await fixture();
    const other = await fixture();
    const a = callerFor(app, f.users.candidateA);
    for (const id of [f.feedback.publishedB.id, f.feedback.draft.id, other.feedback.published.id]) {
      await expect(a.myFeedback.ask({ feedbackId: id, body: "Hello?" })).rejects.toMatchObject({
        code: "NOT_FOUND",
      });
      expect(await messages(id)).toEqual([]);
    }
  });
});

describe("a gap becomes a goal", () => {
  it("in one step: pre-filled from the item, a plan for the feedback, linked to the item", async () => {
    const f = await fixture();
    const { gap } = itemsOf(f);
    const a = callerFor(app, f.users.candidateA);
    const created = await a.plan.createGoalFromItem({ itemId: gap });
    expect(created.status).toBe("not_started");

    const [plan] = await plansOf(f.candidates.a);
    expect(plan).toMatchObject({ id: created.planId, feedbackId: f.feedback.published.id });
    expect(plan?.title).toMatch(/^After Senior Product Manager at /);
    const goal = await goalRow(created.id);
    expect(goal).toMatchObject({
      title: "Rewrite your three strongest stories with a measurable result in each.",
      measure: suggestGoal({ lens: "skills_experience", detail: "", nextStep: null }).measure,
      targetDate: isoDateAfter(new Date(), 30),
    });
    const links = await owner.select().from(s.goalItems).where(eq(s.goalItems.goalId, created.id));
    expect(links.map((l) => l.feedbackItemId)).toEqual([gap]);
    expect((await auditOf(created.id)).map((e) => e.action)).toContain("goal.created");

    const view = await a.myFeedback.byId({ id: f.feedback.published.id });
    expect(view.goals).toEqual([
      expect.objectContaining({ itemId: gap, goalId: created.id, status: "not_started" }),
    ]);
  });

  it("takes the candidate's own SMART fields, and reuses the feedback's plan for a second gap", async () => {
    const f = await fixture();
    const { gap, otherGap } = itemsOf(f);
    const a = callerFor(app, f.users.candidateA);
    const first = await a.plan.createGoalFromItem({ itemId: gap });
    const second = await a.plan.createGoalFromItem({
      itemId: otherGap,
      title: "Finish the consumer-credit course",
      measure: "Certificate in hand",
      targetDate: "2031-03-01",
    });
    expect(second.planId).toBe(first.planId);
    expect(await plansOf(f.candidates.a)).toHaveLength(1);
    expect(await goalRow(second.id)).toMatchObject({
      title: "Finish the consumer-credit course",
      measure: "Certificate in hand",
      targetDate: "2031-03-01",
      position: 1,
    });
  });

  it("refuses a second open goal for the same point, and a strength", async () => {
    const f = await fixture();
    const { gap, strength } = itemsOf(f);
    const a = callerFor(app, f.users.candidateA);
    await a.plan.createGoalFromItem({ itemId: gap });
    await expect(a.plan.createGoalFromItem({ itemId: gap })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    const err = await httpError(app, f.users.candidateA, "plan.createGoalFromItem", "mutation", {
      itemId: strength,
    });
    expect(err).toMatchObject({ code: "BAD_REQUEST" });
    expect(err.fieldErrors).toHaveProperty("itemId");
    expect(await goalsOfCandidate(f.candidates.a)).toHaveLength(1);
  });

  it("links only to my own published items: others are NOT_FOUND and nothing is created", async () => {
    const f = await fixture();
    const other = await fixture();
    const a = callerFor(app, f.users.candidateA);
    for (const itemId of [await itemOfB(f), await draftItem(f), itemsOf(other).gap]) {
      await expect(a.plan.createGoalFromItem({ itemId })).rejects.toMatchObject({
        code: "NOT_FOUND",
      });
    }
    expect(await plansOf(f.candidates.a)).toEqual([]);
  });

  it("names the fields of bad input (a date that is not a date, empty or overlong text) and writes nothing", async () => {
    const f = await fixture();
    const { gap } = itemsOf(f);
    const err = await httpError(app, f.users.candidateA, "plan.createGoalFromItem", "mutation", {
      itemId: gap,
      title: "",
      measure: "m".repeat(501),
      targetDate: "next Tuesday",
    });
    expect(err).toMatchObject({ status: 400, code: "BAD_REQUEST" });
    expect(Object.keys(err.fieldErrors ?? {}).sort()).toEqual(["measure", "targetDate", "title"]);
    expect(err.message).toMatch(/targetDate must be a date/);
    expect(await plansOf(f.candidates.a)).toEqual([]);
  });
});

describe("goals: steps, progress and status", () => {
  async function goalOfA(f: AgencyFixture) {
    return callerFor(app, f.users.candidateA).plan.createGoalFromItem({ itemId: itemsOf(f).gap });
  }

  it("adds steps with due dates; ticking counts towards progress, unticking takes it back", async () => {
    const f = await fixture();
    const a = callerFor(app, f.users.candidateA);
    const goal = await goalOfA(f);
    const one = await a.plan.addStep({
      goalId: goal.id,
      title: "Draft story one",
      dueDate: "2030-01-10",
    });
    await a.plan.addStep({ goalId: goal.id, title: "Practise aloud", dueDate: null });
    const [listed] = await a.plan.list();
    const g = listed?.goals[0];
    expect(g).toMatchObject({ stepsDone: 0, stepsTotal: 2, progress: 0, status: "not_started" });
    expect(g?.steps.map((st) => [st.title, st.dueDate])).toEqual([
      ["Draft story one", "2030-01-10"],
      ["Practise aloud", null],
    ]);

    await a.plan.toggleStep({ stepId: one.id, done: true });
    const [after] = await a.plan.list();
    expect(after?.goals[0]).toMatchObject({ stepsDone: 1, stepsTotal: 2, progress: 50 });
    // The first tick starts the goal.
    expect((await goalRow(goal.id)).status).toBe("in_progress");
    const doneAt = (await stepsOf(goal.id)).find((st) => st.id === one.id)?.doneAt;
    expect(doneAt).toBeInstanceOf(Date);
    // Ticking again keeps the first time.
    await a.plan.toggleStep({ stepId: one.id, done: true });
    expect((await stepsOf(goal.id)).find((st) => st.id === one.id)?.doneAt).toEqual(doneAt);

    await a.plan.toggleStep({ stepId: one.id, done: false });
    expect((await a.plan.list())[0]?.goals[0]).toMatchObject({ stepsDone: 0, progress: 0 });
    await a.plan.removeStep({ stepId: one.id });
    expect(await stepsOf(goal.id)).toHaveLength(1);
  });

  it("shows the plan with its goals, linked points and the consultant's comments", async () => {
    const f = await fixture();
    const goal = await goalOfA(f);
    await callerFor(app, f.users.consultant).goal.comment({
      goalId: goal.id,
      body: "Great start, keep going!",
    });
    const plans = await callerFor(app, f.users.candidateA).plan.list();
    expect(plans).toHaveLength(1);
    expect(plans[0]).toMatchObject({
      feedbackId: f.feedback.published.id,
      jobTitle: "Senior Product Manager",
    });
    expect(plans[0]?.goals[0]?.items.map((i) => i.id)).toEqual([itemsOf(f).gap]);
    expect(plans[0]?.goals[0]?.comments).toEqual([
      expect.objectContaining({
        body: "Great start, keep going!",
        authorName: f.users.consultant.name,
      }),
    ]);
    // Candidate B has no plans, and sees none of A's.
    expect(await callerFor(app, f.users.candidateB).plan.list()).toEqual([]);
  });

  it("updates the SMART fields", async () => {
    const f = await fixture();
    const goal = await goalOfA(f);
    await callerFor(app, f.users.candidateA).plan.updateGoal({
      goalId: goal.id,
      title: "Three stories with numbers",
      measure: "Checked by my consultant",
      targetDate: "2030-06-30",
    });
    expect(await goalRow(goal.id)).toMatchObject({
      title: "Three stories with numbers",
      measure: "Checked by my consultant",
      targetDate: "2030-06-30",
    });
  });

  it("marks done (and tells the owning consultant); reopening clears it", async () => {
    const f = await fixture();
    const a = callerFor(app, f.users.candidateA);
    const goal = await goalOfA(f);
    await a.plan.setGoalStatus({ goalId: goal.id, status: "done" });
    const done = await goalRow(goal.id);
    expect(done).toMatchObject({ status: "done", droppedReason: null });
    expect(done.completedAt).toBeInstanceOf(Date);
    expect((await notices(f.users.consultant.id)).map((n) => n.kind)).toEqual(["goal.done"]);
    expect((await outboxFor(f.users.consultant.id)).map((o) => o.topic)).toEqual(["goal.done"]);

    await a.plan.setGoalStatus({ goalId: goal.id, status: "in_progress" });
    expect(await goalRow(goal.id)).toMatchObject({ status: "in_progress", completedAt: null });
    expect(await notices(f.users.consultant.id)).toHaveLength(1);
  });

  it("drops only with a reason: without one the field is named and nothing changes", async () => {
    const f = await fixture();
    const goal = await goalOfA(f);
    for (const droppedReason of [undefined, "   "]) {
      const err = await httpError(app, f.users.candidateA, "plan.setGoalStatus", "mutation", {
        goalId: goal.id,
        status: "dropped",
        droppedReason,
      });
      expect(err).toMatchObject({ status: 400, code: "BAD_REQUEST" });
      expect(err.fieldErrors).toHaveProperty("droppedReason");
    }
    expect((await goalRow(goal.id)).status).toBe("not_started");

    await callerFor(app, f.users.candidateA).plan.setGoalStatus({
      goalId: goal.id,
      status: "dropped",
      droppedReason: "I am no longer applying for lending roles.",
    });
    expect(await goalRow(goal.id)).toMatchObject({
      status: "dropped",
      droppedReason: "I am no longer applying for lending roles.",
    });
    expect((await notices(f.users.consultant.id)).map((n) => n.kind)).toEqual(["goal.dropped"]);
    // A dropped goal frees the point for a new one.
    await expect(
      callerFor(app, f.users.candidateA).plan.createGoalFromItem({ itemId: itemsOf(f).gap }),
    ).resolves.toMatchObject({ status: "not_started" });
  });

  it("another candidate's or agency's goal and steps are NOT_FOUND, and nothing changes", async () => {
    const f = await fixture();
    const other = await fixture();
    const goal = await goalOfA(f);
    const step = await callerFor(app, f.users.candidateA).plan.addStep({
      goalId: goal.id,
      title: "Mine",
    });
    for (const user of [f.users.candidateB, other.users.candidateA]) {
      const c = callerFor(app, user);
      const calls = [
        () =>
          c.plan.updateGoal({
            goalId: goal.id,
            title: "x",
            measure: "y",
            targetDate: "2030-01-01",
          }),
        () => c.plan.setGoalStatus({ goalId: goal.id, status: "done" }),
        () => c.plan.addStep({ goalId: goal.id, title: "Theirs" }),
        () => c.plan.toggleStep({ stepId: step.id, done: true }),
        () => c.plan.removeStep({ stepId: step.id }),
      ];
      for (const call of calls) await expect(call()).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
    expect(await goalRow(goal.id)).toMatchObject({
      status: "not_started",
      title: expect.any(String),
    });
    expect((await goalRow(goal.id)).title).not.toBe("x");
    const steps = await stepsOf(goal.id);
    expect(steps.map((st) => [st.title, st.doneAt])).toEqual([["Mine", null]]);
  });

  it("refuses a step without a title or with a bad due date, naming the field", async () => {
    const f = await fixture();
    const goal = await goalOfA(f);
    const err = await httpError(app, f.users.candidateA, "plan.addStep", "mutation", {
      goalId: goal.id,
      title: " ",
      dueDate: "2030-13-45",
    });
    expect(err).toMatchObject({ status: 400, code: "BAD_REQUEST" });
    expect(Object.keys(err.fieldErrors ?? {}).sort()).toEqual(["dueDate", "title"]);
    expect(await stepsOf(goal.id)).toEqual([]);
  });

  it("keeps a retracted feedback's points out of the plan", async () => {
    const f = await fixture();
    await goalOfA(f);
    await owner.execute(
      sql`update feedback set status = 'retracted', published_at = null, retracted_at = now(),
          retraction_reason = 'test' where id = ${f.feedback.published.id}::uuid`,
    );
    const [plan] = await callerFor(app, f.users.candidateA).plan.list();
    expect(plan).toMatchObject({ feedbackId: null, jobTitle: null });
    expect(plan?.goals[0]?.items).toEqual([]);
  });
});
