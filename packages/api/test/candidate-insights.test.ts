// The candidate's journal, patterns, preparation (with the agency's outcome rates) and "my data"
// (export and erasure request), against PostgreSQL as the RLS-bound app role.
import { and, eq, schema as s, sql } from "@debrief/db";
import {
  type AgencyFixture,
  createAgencyFixture,
  createFeedback,
  createInterview,
} from "@debrief/db/factories";
import { oddsPhrase } from "@debrief/validators";
import { afterAll, describe, expect, it } from "vitest";
import { asAgency, callerFor, connect, deliveriesTo, httpError } from "./support";

const { app, owner, close } = connect();
afterAll(close);

const fixture = () => createAgencyFixture(app, { label: "Insights" });
const DAY = 86_400_000;

const journalRows = (candidateId: string) =>
  owner
    .select({ id: s.journalEntries.id, title: s.journalEntries.title })
    .from(s.journalEntries)
    .where(eq(s.journalEntries.candidateId, candidateId));

/** A published feedback for candidate A (or B) with the given items, published `daysAgo`. */
async function publishedFeedback(
  f: AgencyFixture,
  opts: {
    candidate?: "a" | "b";
    daysAgo: number;
    items: Parameters<typeof createFeedback>[2]["items"];
    status?: "published" | "draft";
  },
) {
  return asAgency(app, f.users.admin, async (tx) => {
    const interview = await createInterview(tx, f.agencyId, {
      candidateId: f.candidates[opts.candidate ?? "a"],
      jobId: f.jobId,
      consultantId: f.users.consultant.id,
      stage: "first",
      scheduledAt: new Date(Date.now() - (opts.daysAgo + 2) * DAY),
      outcome: "rejected",
      outcomeAt: new Date(Date.now() - (opts.daysAgo + 1) * DAY),
    });
    return createFeedback(tx, f.agencyId, {
      interviewId: interview.id,
      authorId: f.users.consultant.id,
      summary: "Insights feedback",
      status: opts.status ?? "published",
      publishedAt: opts.status === "draft" ? null : new Date(Date.now() - opts.daysAgo * DAY),
      items: opts.items,
    });
  });
}

describe("journal", () => {
  it("creates, lists newest first with a kind filter, edits and deletes only the candidate's own entries", async () => {
    const f = await fixture();
    const a = callerFor(app, f.users.candidateA);
    const b = callerFor(app, f.users.candidateB);
    const first = await a.journal.create({
      kind: "reflection",
      title: "After the panel",
      body: "I rushed the last answer.",
      interviewId: f.interviews.published,
    });
    const win = await a.journal.create({
      kind: "win",
      title: "Got a second interview",
      body: "Yes!",
    });
    await b.journal.create({ kind: "win", title: "B's win", body: "Mine." });

    const all = await a.journal.list({});
    expect(all.rows.map((r) => r.id)).toEqual([win.id, first.id]);
    expect(all.counts).toEqual({ reflection: 1, win: 1, preparation: 0 });
    expect(all.rows[1]?.interview?.id).toBe(f.interviews.published);
    expect(all.rows[1]?.interview?.label).toMatch(/Senior Product Manager/);
    const wins = await a.journal.list({ kind: "win" });
    expect(wins.rows.map((r) => r.title)).toEqual(["Got a second interview"]);
    expect(wins.total).toBe(1);

    await a.journal.update({ id: first.id, kind: "preparation", title: "Edited", body: "Better." });
    expect((await a.journal.list({ kind: "preparation" })).rows[0]).toMatchObject({
      id: first.id,
      title: "Edited",
      interview: null,
    });

    // Candidate B can neither see, edit nor delete A's entries.
    expect((await b.journal.list({})).rows.map((r) => r.title)).toEqual(["B's win"]);
    await expect(
      b.journal.update({ id: win.id, kind: "win", title: "Hijacked", body: "x" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(b.journal.remove({ id: win.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await journalRows(f.candidates.a)).map((r) => r.title).sort()).toEqual([
      "Edited",
      "Got a second interview",
    ]);

    await a.journal.remove({ id: win.id });
    expect((await journalRows(f.candidates.a)).map((r) => r.id)).toEqual([first.id]);
    const audit = await owner
      .select({ action: s.auditEvents.action })
      .from(s.auditEvents)
      .where(eq(s.auditEvents.entityId, win.id));
    expect(audit.map((e) => e.action).sort()).toEqual(["journal.created", "journal.deleted"]);
  });

  it("links only to the candidate's own interviews and goals; bad input names the field and writes nothing", async () => {
    const f = await fixture();
    const a = callerFor(app, f.users.candidateA);
    await expect(
      a.journal.create({
        kind: "reflection",
        title: "Someone else's interview",
        body: "x",
        interviewId: f.interviews.publishedB,
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });

    const empty = await httpError(app, f.users.candidateA, "journal.create", "mutation", {
      kind: "mood",
      title: "  ",
      body: "x".repeat(5001),
    });
    expect(empty.code).toBe("BAD_REQUEST");
    expect(Object.keys(empty.fieldErrors ?? {}).sort()).toEqual(["body", "kind", "title"]);
    expect(empty.fieldErrors?.title).toEqual(["must not be empty"]);

    const linked = await httpError(app, f.users.candidateA, "journal.create", "mutation", {
      kind: "win",
      title: "Both links",
      body: "x",
      interviewId: f.interviews.published,
      goalId: crypto.randomUUID(),
    });
    expect(linked.fieldErrors?.goalId?.[0]).toMatch(/not both/);

    const foreign = await httpError(app, f.users.candidateA, "journal.create", "mutation", {
      kind: "win",
      title: "Foreign",
      body: "x",
      interviewId: f.interviews.publishedB,
    });
    expect(foreign).toMatchObject({
      code: "NOT_FOUND",
      fieldErrors: { interviewId: [expect.any(String)] },
    });
    expect(await journalRows(f.candidates.a)).toEqual([]);
  });

  it("another agency's candidate cannot reach an entry", async () => {
    const f = await fixture();
    const other = await fixture();
    const entry = await callerFor(app, f.users.candidateA).journal.create({
      kind: "win",
      title: "Mine",
      body: "Mine.",
    });
    const stranger = callerFor(app, other.users.candidateA);
    await expect(stranger.journal.remove({ id: entry.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect((await stranger.journal.list({})).rows).toEqual([]);
    expect(await journalRows(f.candidates.a)).toHaveLength(1);
  });
});

describe("patterns", () => {
  it("counts gap reasons and competencies per interview, and recurring strengths, over published feedback only", async () => {
    const f = await fixture();
    const [reason, otherReason] = f.reasons;
    const [comp, otherComp, strengthComp] = f.competencies;
    if (!reason || !otherReason || !comp || !otherComp || !strengthComp)
      throw new Error("taxonomy");
    const gap = (reasonId: string, competencyId: string, detail = "No numbers.") => ({
      lens: "skills_experience" as const,
      kind: "gap" as const,
      reasonId,
      competencyId,
      detail,
      nextStep: "Add numbers.",
    });
    const strength = {
      lens: "interview_style" as const,
      kind: "strength" as const,
      competencyId: strengthComp.id,
      detail: "Warm.",
    };
    // Two more published (plus the fixture's one, whose first gap uses reason 0): reason 0 on gaps
    // in 3 interviews — counted once per interview even when two gaps share it.
    await publishedFeedback(f, {
      daysAgo: 3,
      items: [gap(reason.id, comp.id), gap(reason.id, otherComp.id), strength],
    });
    await publishedFeedback(f, { daysAgo: 2, items: [gap(reason.id, comp.id), strength] });
    await publishedFeedback(f, { daysAgo: 1, items: [gap(otherReason.id, comp.id)] });
    // A draft never counts.
    await publishedFeedback(f, {
      daysAgo: 0,
      status: "draft",
      items: [gap(otherReason.id, comp.id)],
    });

    const p = await callerFor(app, f.users.candidateA).insights.patterns();
    expect(p.window).toBe(4);
    const reasonCount = Object.fromEntries(p.reasons.map((r) => [r.label, r.count]));
    expect(reasonCount[reason.label]).toBe(3);
    expect(reasonCount[otherReason.label]).toBe(1);
    expect(p.reasons[0]?.label).toBe(reason.label);
    expect(p.gapCompetencies.find((c) => c.label === comp.name)?.count).toBe(3);
    // Two here, and the fixture's interview-style strength shares the competency.
    expect(p.strengths.find((c) => c.label === strengthComp.name)?.count).toBe(3);
    // Sources link back to the items, newest first.
    const sources = p.reasons[0]?.sources ?? [];
    expect(sources).toHaveLength(4);
    const times = sources.map((x) => x.publishedAt.getTime());
    expect([...times].sort((x, y) => y - x)).toEqual(times);
    // Nothing of candidate B's feedback.
    expect(JSON.stringify(p)).not.toContain(f.feedback.publishedB.id);

    const b = await callerFor(app, f.users.candidateB).insights.patterns();
    expect(b.window).toBe(1);
    expect(JSON.stringify(b)).not.toContain(f.feedback.published.id);
  });

  it("is empty, not an error, before any feedback", async () => {
    const f = await fixture();
    await owner.execute(sql`delete from feedback where id = ${f.feedback.publishedB.id}::uuid`);
    expect(await callerFor(app, f.users.candidateB).insights.patterns()).toEqual({
      window: 0,
      reasons: [],
      gapCompetencies: [],
      strengths: [],
    });
  });
});

describe("prepare", () => {
  async function interviews(
    f: AgencyFixture,
    stage: "final" | "screening" | "second",
    outcomes: Record<"offered" | "progressed" | "rejected" | "withdrawn" | "pending", number>,
  ) {
    await asAgency(app, f.users.admin, async (tx) => {
      for (const [outcome, n] of Object.entries(outcomes)) {
        for (let i = 0; i < n; i++) {
          await createInterview(tx, f.agencyId, {
            candidateId: i % 2 ? f.candidates.a : f.candidates.b,
            jobId: f.jobId,
            consultantId: f.users.consultant.id,
            stage,
            scheduledAt: new Date(Date.now() - (10 + i) * DAY),
            outcome: outcome as "offered",
            outcomeAt: outcome === "pending" ? null : new Date(Date.now() - (9 + i) * DAY),
          });
        }
      }
    });
  }

  it("gives the agency's outcome rates by stage as counts only, excluding withdrawn, hiding small stages", async () => {
    const f = await fixture();
    // Final: 6 offered, 4 progressed, 9 rejected (+ the fixture's 1 rejected draft interview) = 20
    // decided, just enough; 4 withdrawn and 2 pending are not decisions.
    await interviews(f, "final", {
      offered: 6,
      progressed: 4,
      rejected: 9,
      withdrawn: 4,
      pending: 2,
    });
    // Screening: 4 decided — below the threshold of 20, even with 6 withdrawn.
    await interviews(f, "screening", {
      offered: 1,
      progressed: 1,
      rejected: 2,
      withdrawn: 6,
      pending: 0,
    });
    // Another agency's interviews never count.
    const other = await fixture();
    await interviews(other, "final", {
      offered: 9,
      progressed: 0,
      rejected: 0,
      withdrawn: 0,
      pending: 0,
    });

    const p = await callerFor(app, f.users.candidateA).insights.prepare();
    const rates = Object.fromEntries(p.stageRates.map((r) => [r.stage, r.rates]));
    expect(rates.final).toEqual({ decided: 20, offered: 6, progressed: 4, rejected: 10 });
    expect(rates.screening).toBeNull();
    expect(p.stageRates.map((r) => r.stage)).toEqual([
      "screening",
      "first",
      "second",
      "final",
      "assessment",
    ]);
    expect(p.minDecided).toBe(20);
    // Aggregates only: no interview id of anyone appears in the answer.
    const answer = JSON.stringify(p);
    for (const id of Object.values(f.interviews)) expect(answer).not.toContain(id);
    expect(oddsPhrase(2, 7)).toBe("about 1 in 4");
    expect(oddsPhrase(1, 3)).toBe("about 1 in 3");
    expect(oddsPhrase(7, 10)).toBe("about 7 in 10");
    expect(oddsPhrase(0, 7)).toBe("none so far");
  });

  it("lists open goals with progress and interview-style tips from the candidate's own published feedback", async () => {
    const f = await fixture();
    await asAgency(app, f.users.admin, async (tx) => {
      const [plan] = await tx
        .insert(s.actionPlans)
        .values({ agencyId: f.agencyId, candidateId: f.candidates.a, title: "Plan" })
        .returning();
      if (!plan) throw new Error("plan");
      const goal = (title: string, status: "in_progress" | "done" | "dropped") => ({
        agencyId: f.agencyId,
        actionPlanId: plan.id,
        title,
        measure: "m",
        targetDate: "2030-01-01",
        status,
        droppedReason: status === "dropped" ? "No longer relevant" : null,
      });
      const [open] = await tx.insert(s.goals).values(goal("Open goal", "in_progress")).returning();
      await tx.insert(s.goals).values([goal("Done goal", "done"), goal("Dropped goal", "dropped")]);
      if (!open) throw new Error("goal");
      await tx.insert(s.goalSteps).values([
        { agencyId: f.agencyId, goalId: open.id, title: "One", position: 0, doneAt: new Date() },
        { agencyId: f.agencyId, goalId: open.id, title: "Two", position: 1, dueDate: "2030-01-01" },
      ]);
    });
    const tip = {
      lens: "interview_style" as const,
      kind: "gap" as const,
      reasonId: f.reasons[0]?.id,
      detail: "Answers ran long.",
      nextStep: "Practise two-minute answers.",
    };
    await publishedFeedback(f, { daysAgo: 2, items: [tip] });
    await publishedFeedback(f, { daysAgo: 1, items: [tip] });
    await publishedFeedback(f, {
      daysAgo: 0,
      status: "draft",
      items: [{ ...tip, nextStep: "Draft tip" }],
    });

    const p = await callerFor(app, f.users.candidateA).insights.prepare();
    expect(p.goals).toEqual([
      expect.objectContaining({
        title: "Open goal",
        stepsDone: 1,
        stepsTotal: 2,
        nextStep: { title: "Two", dueDate: "2030-01-01" },
      }),
    ]);
    const gaps = p.tips.filter((t) => t.kind === "gap");
    expect(gaps).toEqual([
      expect.objectContaining({
        text: "Practise two-minute answers.",
        times: 2,
        context: "Answers ran long.",
      }),
    ]);
    // The fixture's published feedback has one interview-style strength.
    expect(p.tips.filter((t) => t.kind === "strength").map((t) => t.text)).toEqual([
      "Warm and confident, with thoughtful questions for the panel.",
    ]);
    expect(JSON.stringify(p)).not.toContain("Draft tip");
    expect(JSON.stringify(p)).not.toContain("Two answers ran past five minutes"); // candidate B's
  });
});

describe("my data", () => {
  it("exports the candidate's own data: profile, interviews, published feedback, responses, plans, journal — nothing of anyone else's, no drafts", async () => {
    const f = await fixture();
    const a = callerFor(app, f.users.candidateA);
    const CANARY_A = `canary-a-${crypto.randomUUID()}`;
    const CANARY_B = `canary-b-${crypto.randomUUID()}`;
    await a.journal.create({ kind: "win", title: CANARY_A, body: "Mine." });
    await callerFor(app, f.users.candidateB).journal.create({
      kind: "win",
      title: CANARY_B,
      body: "B.",
    });
    const itemId = f.feedback.published.itemIds[0];
    if (!itemId) throw new Error("item");
    await asAgency(app, f.users.admin, async (tx) => {
      await tx.insert(s.itemResponses).values({
        agencyId: f.agencyId,
        feedbackItemId: itemId,
        candidateId: f.candidates.a,
        helpful: true,
        comment: "Useful",
      });
      await tx.insert(s.clarificationMessages).values({
        agencyId: f.agencyId,
        feedbackId: f.feedback.published.id,
        authorId: f.users.candidateA.id,
        body: "What would a stronger answer include?",
      });
      await tx.insert(s.notifications).values([
        { agencyId: f.agencyId, userId: f.users.candidateA.id, kind: "x", title: "For A" },
        { agencyId: f.agencyId, userId: f.users.candidateB.id, kind: "x", title: CANARY_B },
      ]);
    });

    const data = await a.myData.export();
    expect(data.profile.id).toBe(f.candidates.a);
    expect(data.account.email).toBe(f.users.candidateA.email);
    expect(data.interviews.map((i) => i.id).sort()).toEqual(
      [f.interviews.owed, f.interviews.published, f.interviews.draft].sort(),
    );
    expect(data.feedback.map((fb) => fb.id)).toEqual([f.feedback.published.id]);
    expect(data.feedback[0]?.items).toHaveLength(4);
    expect(data.responses).toEqual([
      expect.objectContaining({ feedbackItemId: itemId, comment: "Useful" }),
    ]);
    expect(data.clarificationMessages).toEqual([expect.objectContaining({ fromMe: true })]);
    expect(data.journal.map((j) => j.title)).toEqual([CANARY_A]);
    expect(data.notifications.map((n) => n.title)).toEqual(["For A"]);

    const text = JSON.stringify(data);
    for (const foreign of [
      CANARY_B,
      f.candidates.b,
      f.feedback.publishedB.id,
      f.interviews.publishedB,
      f.feedback.draft.id,
      "Draft: the panel liked your energy.",
      f.users.candidateB.email,
    ]) {
      expect(text).not.toContain(foreign);
    }
  });

  it("records an erasure request once, tells every active admin, and says so on a second request", async () => {
    const f = await fixture();
    const a = callerFor(app, f.users.candidateA);
    expect(await a.myData.requests()).toEqual([]);
    const request = await a.myData.requestErasure();
    expect(request).toMatchObject({ kind: "erasure", status: "pending", completedAt: null });

    const again = await httpError(
      app,
      f.users.candidateA,
      "myData.requestErasure",
      "mutation",
      undefined,
    );
    expect(again.code).toBe("CONFLICT");
    expect(again.message).toMatch(/already asked/);

    const rows = await owner
      .select()
      .from(s.dataRequests)
      .where(eq(s.dataRequests.candidateId, f.candidates.a));
    expect(rows).toEqual([
      expect.objectContaining({
        kind: "erasure",
        status: "pending",
        requestedById: f.users.candidateA.id,
      }),
    ]);
    expect(await a.myData.requests()).toEqual([expect.objectContaining({ id: request.id })]);

    const notices = await owner
      .select({ userId: s.notifications.userId })
      .from(s.notifications)
      .where(
        and(
          eq(s.notifications.kind, "data_request.erasure"),
          eq(s.notifications.agencyId, f.agencyId),
        ),
      );
    expect(notices.map((n) => n.userId)).toEqual([f.users.admin.id]);
    expect(await deliveriesTo(owner, f.users.admin.id)).toEqual([
      { topic: "data_request.erasure", notificationId: expect.any(String), jobs: 1 },
    ]);
    const audit = await owner
      .select({ action: s.auditEvents.action, actorId: s.auditEvents.actorId })
      .from(s.auditEvents)
      .where(eq(s.auditEvents.entityId, request.id));
    expect(audit).toEqual([{ action: "data_request.created", actorId: f.users.candidateA.id }]);

    // Candidate B's requests are their own.
    expect(await callerFor(app, f.users.candidateB).myData.requests()).toEqual([]);
  });

  it("concurrent erasure requests make one", async () => {
    const f = await fixture();
    const a = callerFor(app, f.users.candidateA);
    const results = await Promise.allSettled([
      a.myData.requestErasure(),
      a.myData.requestErasure(),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rows = await owner
      .select({ id: s.dataRequests.id })
      .from(s.dataRequests)
      .where(eq(s.dataRequests.candidateId, f.candidates.a));
    expect(rows).toHaveLength(1);
  });

  it("staff cannot use the candidate's procedures", async () => {
    const f = await fixture();
    await expect(callerFor(app, f.users.consultant).myData.export()).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(callerFor(app, f.users.admin).myData.requestErasure()).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });
});
