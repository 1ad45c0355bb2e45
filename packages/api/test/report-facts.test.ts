// The report facts (rejection_facts, gap_facts) are kept by statement-level triggers on seven source
// tables. Each step below writes through the RLS-bound app role as a real user would, then checks
// that the facts equal a recomputation from the source tables (no drift) and that the fact the
// step should have moved did move.

import { sql } from "@debrief/db";
import { type AgencyFixture, createAgencyFixture } from "@debrief/db/factories";
import { reportFactsDrift } from "@debrief/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asAgency, connect } from "./support";

const { app, owner, close } = connect();
let x: AgencyFixture;

type Fact = {
  published: boolean;
  read_at: Date | null;
  items: number;
  rated: number;
  helpful: number;
  gaps: number;
  with_plan: boolean;
  goals: number;
  goals_done: number;
  planned_after: boolean;
  offered_after: boolean;
  client_id: string;
};

async function fact(interviewId: string): Promise<Fact | undefined> {
  const [row] = await owner.execute<Fact>(
    sql`select * from rejection_facts where agency_id = ${x.agencyId}::uuid and interview_id = ${interviewId}::uuid`,
  );
  return row;
}

const gapCount = async (interviewId: string) => {
  const [row] = await owner.execute<{ n: number }>(
    sql`select count(*)::int as n from gap_facts where agency_id = ${x.agencyId}::uuid and interview_id = ${interviewId}::uuid`,
  );
  return row?.n ?? -1;
};

const admin = <T>(fn: Parameters<typeof asAgency<T>>[2]) => asAgency(app, x.users.admin, fn);

beforeAll(async () => {
  x = await createAgencyFixture(app, { label: "Report facts" });
});
afterAll(close);

describe("the report facts", () => {
  it("hold one row per rejected interview of the fixture, exact", async () => {
    expect(await reportFactsDrift(owner)).toBe(0);
    for (const id of Object.values(x.interviews)) expect(await fact(id)).toBeDefined();
    expect((await fact(x.interviews.published))?.published).toBe(true);
    expect((await fact(x.interviews.draft))?.published).toBe(false);
    expect(await gapCount(x.interviews.draft)).toBe(0);
  });

  it("follow feedback published, read, rated, and points added, changed and removed", async () => {
    const before = await fact(x.interviews.published);
    await admin((tx) =>
      tx.execute(sql`update feedback set status = 'published', published_at = now(),
        first_published_at = now() where id = ${x.feedback.draft.id}::uuid`),
    );
    expect((await fact(x.interviews.draft))?.published).toBe(true);
    expect(await gapCount(x.interviews.draft)).toBe((await fact(x.interviews.draft))?.gaps);

    await asAgency(app, x.users.candidateA, (tx) =>
      tx.execute(
        sql`update feedback set read_at = now() where id = ${x.feedback.published.id}::uuid`,
      ),
    );
    expect((await fact(x.interviews.published))?.read_at).not.toBeNull();

    const [itemId] = x.feedback.published.itemIds;
    await asAgency(app, x.users.candidateA, (tx) =>
      tx.execute(sql`insert into item_responses (agency_id, feedback_item_id, candidate_id, helpful)
        values (${x.agencyId}::uuid, ${itemId}::uuid, ${x.candidates.a}::uuid, true)`),
    );
    expect(await fact(x.interviews.published)).toMatchObject({ rated: 1, helpful: 1 });

    const reason = x.reasons[0]?.id ?? null;
    await admin((tx) =>
      tx.execute(sql`insert into feedback_items (agency_id, feedback_id, lens, kind, reason_id, detail)
        values (${x.agencyId}::uuid, ${x.feedback.published.id}::uuid, 'interview_style', 'gap',
                ${reason}::uuid, 'Long answers'), (${x.agencyId}::uuid, ${x.feedback.published.id}::uuid,
                'skills_experience', 'gap', null, 'Depth in SQL')`),
    );
    const added = await fact(x.interviews.published);
    expect(added).toMatchObject({ items: (before?.items ?? 0) + 2, gaps: (before?.gaps ?? 0) + 2 });
    expect(await gapCount(x.interviews.published)).toBe(added?.gaps);
    await admin((tx) =>
      tx.execute(sql`update feedback_items set reason_id = null
        where feedback_id = ${x.feedback.published.id}::uuid and detail = 'Long answers'`),
    );
    await admin((tx) =>
      tx.execute(sql`delete from feedback_items
        where feedback_id = ${x.feedback.published.id}::uuid and detail = 'Depth in SQL'`),
    );
    expect((await fact(x.interviews.published))?.gaps).toBe((before?.gaps ?? 0) + 1);
    expect(await reportFactsDrift(owner)).toBe(0);
  });

  it("follow action plans and their goals, and plans made after a rejection", async () => {
    const [plan] = await asAgency(app, x.users.candidateA, (tx) =>
      tx.execute<{
        id: string;
      }>(sql`insert into action_plans (agency_id, candidate_id, feedback_id, title)
        values (${x.agencyId}::uuid, ${x.candidates.a}::uuid, ${x.feedback.published.id}::uuid, 'Plan')
        returning id`),
    );
    expect(await fact(x.interviews.published)).toMatchObject({ with_plan: true, goals: 0 });
    // Made now: after every one of candidate A's rejections.
    expect((await fact(x.interviews.owed))?.planned_after).toBe(true);
    expect((await fact(x.interviews.publishedB))?.planned_after).toBe(false);

    await asAgency(app, x.users.candidateA, async (tx) => {
      await tx.execute(sql`insert into goals (agency_id, action_plan_id, title, measure, target_date)
        values (${x.agencyId}::uuid, ${plan?.id}::uuid, 'Shorter answers', 'Two minutes', '2030-01-01'),
               (${x.agencyId}::uuid, ${plan?.id}::uuid, 'SQL course', 'Certificate', '2030-01-01')`);
      await tx.execute(sql`update goals set status = 'done', completed_at = now()
        where action_plan_id = ${plan?.id}::uuid and title = 'SQL course'`);
    });
    expect(await fact(x.interviews.published)).toMatchObject({ goals: 2, goals_done: 1 });
    expect(await reportFactsDrift(owner)).toBe(0);

    await asAgency(app, x.users.candidateA, (tx) =>
      tx.execute(sql`delete from action_plans where id = ${plan?.id}::uuid`),
    );
    expect(await fact(x.interviews.published)).toMatchObject({ with_plan: false, goals: 0 });
    expect((await fact(x.interviews.owed))?.planned_after).toBe(false);
    expect(await reportFactsDrift(owner)).toBe(0);
  });

  it("follow later offers, outcome changes, a job moved to another client, and retraction", async () => {
    const [offer] = await admin((tx) =>
      tx.execute<{ id: string }>(sql`insert into interviews
        (agency_id, candidate_id, job_id, consultant_id, stage, scheduled_at, outcome, outcome_at)
        values (${x.agencyId}::uuid, ${x.candidates.a}::uuid, ${x.jobId}::uuid,
                ${x.users.consultant.id}::uuid, 'final', now(), 'offered', now())
        returning id`),
    );
    expect((await fact(x.interviews.owed))?.offered_after).toBe(true);
    expect(await fact(offer?.id ?? "")).toBeUndefined();

    // Recorded as a rejection after all: it becomes a fact, and the offer is gone.
    await admin((tx) =>
      tx.execute(sql`update interviews set outcome = 'rejected' where id = ${offer?.id}::uuid`),
    );
    expect(await fact(offer?.id ?? "")).toBeDefined();
    expect((await fact(x.interviews.owed))?.offered_after).toBe(false);

    const [client] = await admin((tx) =>
      tx.execute<{ id: string }>(sql`insert into clients (agency_id, name)
        values (${x.agencyId}::uuid, 'Moved-to client') returning id`),
    );
    await admin((tx) =>
      tx.execute(sql`update jobs set client_id = ${client?.id}::uuid where id = ${x.jobId}::uuid`),
    );
    expect((await fact(x.interviews.owed))?.client_id).toBe(client?.id);

    await admin((tx) =>
      tx.execute(sql`update feedback set status = 'retracted', published_at = null,
        retracted_at = now(), retraction_reason = 'Sent to the wrong candidate'
        where id = ${x.feedback.published.id}::uuid`),
    );
    expect(await fact(x.interviews.published)).toMatchObject({ published: false, gaps: 0 });
    expect(await gapCount(x.interviews.published)).toBe(0);
    expect(await reportFactsDrift(owner)).toBe(0);
  });

  it("lose a candidate's rows when the candidate is deleted, and leave a rolled-back change unseen", async () => {
    const rolledBack = admin(async (tx) => {
      await tx.execute(
        sql`update feedback set read_at = now() where id = ${x.feedback.publishedB.id}::uuid`,
      );
      throw new Error("roll back");
    });
    await expect(rolledBack).rejects.toThrow("roll back");
    expect((await fact(x.interviews.publishedB))?.read_at).toBeNull();

    await admin((tx) => tx.execute(sql`delete from candidates where id = ${x.candidates.b}::uuid`));
    expect(await fact(x.interviews.publishedB)).toBeUndefined();
    expect(await gapCount(x.interviews.publishedB)).toBe(0);
    expect(await reportFactsDrift(owner)).toBe(0);
  });
});
