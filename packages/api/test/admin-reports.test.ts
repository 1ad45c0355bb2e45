// The admin reports against PostgreSQL as the app role, on a fixture built by hand: every figure
// below is worked out in the comments from the rows written here, then asserted exactly. Also: the
// filters (narrowing, errors naming the field, other agencies' ids), the CSV export and its audit
// event, and each report's query plan using the indexes it was written for.
import { type SQL, schema as s, sql } from "@debrief/db";
import {
  type AgencyFixture,
  createAgencyFixture,
  createCandidate,
  createClient,
  createFeedback,
  createInterview,
  createJob,
  type FixtureUser,
  type ItemInput,
} from "@debrief/db/factories";
import type { InterviewOutcome, InterviewStage } from "@debrief/validators";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { csvCell, toCsv } from "../src/services/admin/csv";
import { coverageSql } from "../src/services/admin/reports/coverage";
import { engagementSql } from "../src/services/admin/reports/engagement";
import type { ResolvedFilters } from "../src/services/admin/reports/filters";
import { outcomesSql } from "../src/services/admin/reports/outcomes";
import { reasonsSql, reasonsTotalSql } from "../src/services/admin/reports/reasons";
import { timeToFeedbackSql } from "../src/services/admin/reports/time-to-feedback";
import { asAgency, callerFor, connect, httpError } from "./support";

const { app, owner, close } = connect();
afterAll(close);

const HOUR = 3_600_000;
const Q1 = { from: "2025-01-01", to: "2025-03-31" };
// The fixture's own interviews are dated around mid-2023, outside every range used here.
const FIXTURE_NOW = Date.UTC(2023, 5, 1);

type Ids = {
  f: AgencyFixture;
  admin: FixtureUser;
  c1: string; // Cora Consultant
  c2: string; // Cal Consultant
  k1: string; // the fixture's client, "Client <suffix>", job J1
  k2: string; // "Zenith Labs", job J2
  j1: string;
  j2: string;
  r: string[]; // reasons R0, R1, R2 (R2 retired)
  p: string[]; // competencies P0, P1, P2
  cand: Record<"A" | "B" | "C" | "D" | "E" | "F", string>;
  i: Record<string, string>;
  fb: Record<string, string>;
};

let home: Ids;
let foreign: AgencyFixture;

const at = (iso: string) => new Date(iso);

async function interview(
  f: AgencyFixture,
  o: {
    candidate: string;
    job: string;
    consultant: string;
    stage: InterviewStage;
    outcome: InterviewOutcome;
    at?: string;
  },
) {
  return asAgency(app, f.users.admin, (tx) =>
    createInterview(tx, f.agencyId, {
      candidateId: o.candidate,
      jobId: o.job,
      consultantId: o.consultant,
      stage: o.stage,
      scheduledAt: o.at ? new Date(at(o.at).getTime() - 48 * HOUR) : new Date(),
      outcome: o.outcome,
      outcomeAt: o.at ? at(o.at) : null,
    }),
  );
}

async function feedback(
  f: AgencyFixture,
  interviewId: string,
  o: {
    status: "published" | "draft" | "retracted";
    publishedAt?: string;
    readAt?: string;
    acknowledgedAt?: string;
    items: ItemInput[];
  },
) {
  const created = await asAgency(app, f.users.admin, (tx) =>
    createFeedback(tx, f.agencyId, {
      interviewId,
      authorId: f.users.consultant.id,
      summary: "Report fixture feedback",
      status: o.status === "draft" ? "draft" : "published",
      publishedAt: o.publishedAt ? at(o.publishedAt) : null,
      readAt: o.readAt ? at(o.readAt) : null,
      acknowledgedAt: o.acknowledgedAt ? at(o.acknowledgedAt) : null,
      items: o.items,
    }),
  );
  if (o.status === "retracted") {
    // Published once (first_published_at stays), then retracted: no longer the candidate's.
    await owner.execute(
      sql`update feedback set status = 'retracted', published_at = null, retracted_at = now(),
                              retraction_reason = 'Sent to the wrong candidate'
          where id = ${created.id}::uuid`,
    );
  }
  const item = (detail: string) => {
    const found = created.items.find((i) => i.detail === detail);
    if (!found) throw new Error(`no item ${detail}`);
    return found.id;
  };
  return { id: created.id, item };
}

const gap = (
  detail: string,
  lens: ItemInput["lens"],
  reasonId: string | null,
  competencyId: string | null,
): ItemInput => ({
  lens,
  kind: "gap",
  reasonId,
  competencyId,
  detail,
  nextStep: "Practise it.",
});
const strength = (detail: string, competencyId: string | null): ItemInput => ({
  lens: "skills_experience",
  kind: "strength",
  competencyId,
  detail,
});

async function respond(f: AgencyFixture, candidateId: string, itemId: string, helpful: boolean) {
  await asAgency(app, f.users.admin, (tx) =>
    tx
      .insert(s.itemResponses)
      .values({ agencyId: f.agencyId, feedbackItemId: itemId, candidateId, helpful }),
  );
}

async function plan(
  f: AgencyFixture,
  candidateId: string,
  feedbackId: string | null,
  createdAt: string,
  goals: ("done" | "in_progress" | "dropped" | "not_started")[],
) {
  await asAgency(app, f.users.admin, async (tx) => {
    const [row] = await tx
      .insert(s.actionPlans)
      .values({
        agencyId: f.agencyId,
        candidateId,
        feedbackId,
        title: "Plan",
        createdAt: at(createdAt),
      })
      .returning({ id: s.actionPlans.id });
    if (!row) throw new Error("no plan");
    for (const [position, status] of goals.entries()) {
      await tx.insert(s.goals).values({
        agencyId: f.agencyId,
        actionPlanId: row.id,
        title: `Goal ${position}`,
        measure: "Measured",
        targetDate: "2025-12-31",
        status,
        droppedReason: status === "dropped" ? "No longer relevant" : null,
        position,
      });
    }
  });
}

/**
 * The home agency (SLA 72 hours). Rejections in Q1 2025 (from 2025-01-01 to 2025-03-31, UTC):
 *
 *   id  cand cons client job stage   rejected (UTC)     feedback                       hours
 *   I1  A    C1   K1     J1  first    2025-01-10 09:00   published 01-11 09:00          24
 *   I2  B    C1   K1     J1  second   2025-01-20 12:00   published 01-25 12:00         120 (late)
 *   I3  C    C2   K2     J2  final    2025-02-03 08:00   published 02-04 20:00          36
 *   I4  D    C2   K2     J2  first    2025-02-14 10:00   draft                           —
 *   I5  E    C2   K1     J1  screening 2025-02-20 00:00  none                            —
 *   I6  F    C1   K2     J2  second   2025-03-05 06:00   published 03-08 18:00          84 (late)
 *   I7  A    C1   K2     J2  final    2025-03-15 00:00   published 03-16, retracted      —
 *   I8  C    C1   K1     J1  first    2025-03-28 12:00   published 03-30 00:00          36
 *
 * Just outside: I9 (B, rejected 2024-12-31 23:00, published) and I10 (D, rejected 2025-04-01
 * 00:00, published). I11 (E, rejected 5 hours ago, no feedback) only counts in ranges with today.
 * Other outcomes: A offered 2025-05-01; C offered 2025-01-15 (before C's first rejection in Q1);
 * D offered 2025-04-20; F offered 2025-06-01; E progressed 2025-03-01 and withdrew 2025-02-01;
 * F has a pending interview.
 */
async function buildHome(): Promise<Ids> {
  const f = await createAgencyFixture(app, { label: "Reports", now: FIXTURE_NOW });
  const r = f.reasons.slice(0, 3).map((x) => x.id);
  const p = f.competencies.slice(0, 3).map((x) => x.id);
  const [r0, r1, r2] = r as [string, string, string];
  const [p0, p1, p2] = p as [string, string, string];
  const c1 = f.users.consultant.id;
  const c2 = f.users.consultant2.id;
  const { k2, j2, extra } = await asAgency(app, f.users.admin, async (tx) => {
    const client = await createClient(tx, f.agencyId, { name: "Zenith Labs" });
    // A job title a spreadsheet would run as a formula: the CSV must defuse it.
    const job = await createJob(tx, f.agencyId, {
      clientId: client.id,
      title: "=cmd|' /C calc'!A0",
      seniority: "mid",
    });
    const more: Record<string, string> = {};
    for (const name of ["C", "D", "E", "F"]) {
      const c = await createCandidate(tx, f.agencyId, {
        name: `Candidate ${name}`,
        email: `report-${name.toLowerCase()}-${f.slug}@example.test`,
        ownerId: c1,
      });
      more[name] = c.id;
    }
    return { k2: client.id, j2: job.id, extra: more };
  });
  // R2 is retired: it stays on old feedback and still counts.
  await owner.execute(sql`update reasons set archived_at = now() where id = ${r2}::uuid`);
  const j1 = f.jobId;
  const cand = {
    A: f.candidates.a,
    B: f.candidates.b,
    C: extra.C as string,
    D: extra.D as string,
    E: extra.E as string,
    F: extra.F as string,
  };
  const rej = (
    candidate: string,
    job: string,
    consultant: string,
    stage: InterviewStage,
    when: string,
  ) => interview(f, { candidate, job, consultant, stage, outcome: "rejected", at: when });

  const i: Record<string, string> = {};
  i.I1 = (await rej(cand.A, j1, c1, "first", "2025-01-10T09:00:00Z")).id;
  i.I2 = (await rej(cand.B, j1, c1, "second", "2025-01-20T12:00:00Z")).id;
  i.I3 = (await rej(cand.C, j2, c2, "final", "2025-02-03T08:00:00Z")).id;
  i.I4 = (await rej(cand.D, j2, c2, "first", "2025-02-14T10:00:00Z")).id;
  i.I5 = (await rej(cand.E, j1, c2, "screening", "2025-02-20T00:00:00Z")).id;
  i.I6 = (await rej(cand.F, j2, c1, "second", "2025-03-05T06:00:00Z")).id;
  i.I7 = (await rej(cand.A, j2, c1, "final", "2025-03-15T00:00:00Z")).id;
  i.I8 = (await rej(cand.C, j1, c1, "first", "2025-03-28T12:00:00Z")).id;
  i.I9 = (await rej(cand.B, j1, c1, "first", "2024-12-31T23:00:00Z")).id;
  i.I10 = (await rej(cand.D, j2, c2, "second", "2025-04-01T00:00:00Z")).id;
  i.I11 = (
    await interview(f, {
      candidate: cand.E,
      job: j1,
      consultant: c2,
      stage: "first",
      outcome: "rejected",
      at: new Date(Date.now() - 5 * HOUR).toISOString(),
    })
  ).id;
  const other = (candidate: string, job: string, outcome: InterviewOutcome, when?: string) =>
    interview(f, { candidate, job, consultant: c1, stage: "final", outcome, at: when });
  await other(cand.A, j1, "offered", "2025-05-01T10:00:00Z");
  await other(cand.C, j2, "offered", "2025-01-15T10:00:00Z");
  await other(cand.D, j1, "offered", "2025-04-20T10:00:00Z");
  await other(cand.F, j1, "offered", "2025-06-01T10:00:00Z");
  await other(cand.E, j2, "progressed", "2025-03-01T10:00:00Z");
  await other(cand.E, j1, "withdrawn", "2025-02-01T10:00:00Z");
  await other(cand.F, j1, "pending");

  // Gaps of published feedback (strengths and unpublished feedback never count):
  //   I1: skills R0/P0, style R1/P1 (+ a strength)   I2: skills R0/P0, other R2/P1
  //   I3: style R1/P2, other (no reason)/P0 (+ a strength)
  //   I6: skills R0/P1, other R2/P0, style R1/P1      I8: skills R0/P2
  //   I4 (draft): skills R0/P0 — not counted.       I7 (retracted): style R1/P1 — not counted.
  const fb: Record<string, string> = {};
  const f1 = await feedback(f, i.I1, {
    status: "published",
    publishedAt: "2025-01-11T09:00:00Z",
    readAt: "2025-01-11T10:00:00Z",
    acknowledgedAt: "2025-01-12T10:00:00Z",
    items: [
      gap("I1 skills", "skills_experience", r0, p0),
      gap("I1 style", "interview_style", r1, p1),
      strength("I1 strength", p2),
    ],
  });
  const f2 = await feedback(f, i.I2, {
    status: "published",
    publishedAt: "2025-01-25T12:00:00Z",
    readAt: "2025-01-26T12:00:00Z",
    items: [
      gap("I2 skills", "skills_experience", r0, p0),
      gap("I2 other", "other_applicants", r2, p1),
    ],
  });
  const f3 = await feedback(f, i.I3, {
    status: "published",
    publishedAt: "2025-02-04T20:00:00Z",
    readAt: "2025-02-05T08:00:00Z",
    items: [
      gap("I3 style", "interview_style", r1, p2),
      gap("I3 other", "other_applicants", null, p0),
      strength("I3 strength", p1),
    ],
  });
  const f4 = await feedback(f, i.I4, {
    status: "draft",
    items: [gap("I4 skills", "skills_experience", r0, p0)],
  });
  const f6 = await feedback(f, i.I6, {
    status: "published",
    publishedAt: "2025-03-08T18:00:00Z",
    readAt: "2025-03-09T08:00:00Z",
    acknowledgedAt: "2025-03-09T09:00:00Z",
    items: [
      gap("I6 skills", "skills_experience", r0, p1),
      gap("I6 other", "other_applicants", r2, p0),
      gap("I6 style", "interview_style", r1, p1),
    ],
  });
  const f7 = await feedback(f, i.I7, {
    status: "retracted",
    publishedAt: "2025-03-16T00:00:00Z",
    readAt: "2025-03-16T08:00:00Z",
    items: [gap("I7 style", "interview_style", r1, p1)],
  });
  const f8 = await feedback(f, i.I8, {
    status: "published",
    publishedAt: "2025-03-30T00:00:00Z",
    items: [gap("I8 skills", "skills_experience", r0, p2)],
  });
  await feedback(f, i.I9, {
    status: "published",
    publishedAt: "2025-01-01T01:00:00Z",
    readAt: "2025-01-01T02:00:00Z",
    items: [gap("I9 skills", "skills_experience", r1, p2)],
  });
  await feedback(f, i.I10, {
    status: "published",
    publishedAt: "2025-04-02T00:00:00Z",
    items: [gap("I10 skills", "skills_experience", r1, p2)],
  });
  Object.assign(fb, {
    F1: f1.id,
    F2: f2.id,
    F3: f3.id,
    F4: f4.id,
    F6: f6.id,
    F7: f7.id,
    F8: f8.id,
  });

  // Ratings: I1 three (2 helpful), I2 one (helpful), I6 two (both helpful); the retracted I7 one.
  await respond(f, cand.A, f1.item("I1 skills"), true);
  await respond(f, cand.A, f1.item("I1 style"), false);
  await respond(f, cand.A, f1.item("I1 strength"), true);
  await respond(f, cand.B, f2.item("I2 skills"), true);
  await respond(f, cand.F, f6.item("I6 skills"), true);
  await respond(f, cand.F, f6.item("I6 other"), true);
  await respond(f, cand.A, f7.item("I7 style"), true);

  // Plans: from I1 (2 goals, 1 done), I2 (no goals), I6 (3 goals, 2 done, 1 dropped); one from
  // the retracted I7 (not counted); E's plan of 2025-01-05 predates E's rejection (not "after").
  await plan(f, cand.A, f1.id, "2025-01-12T00:00:00Z", ["done", "in_progress"]);
  await plan(f, cand.B, f2.id, "2025-01-26T00:00:00Z", []);
  await plan(f, cand.F, f6.id, "2025-03-10T00:00:00Z", ["done", "done", "dropped"]);
  await plan(f, cand.A, f7.id, "2025-03-17T00:00:00Z", ["done"]);
  await plan(f, cand.E, null, "2025-01-05T00:00:00Z", ["done"]);

  return { f, admin: f.users.admin, c1, c2, k1: f.clientId, k2, j1, j2, r, p, cand, i, fb };
}

/** Another agency with its own Q1 rejections, feedback, ratings, plans and offers: never counted. */
async function buildForeign() {
  const g = await createAgencyFixture(app, { label: "Reports Foreign", now: FIXTURE_NOW });
  const rej = await interview(g, {
    candidate: g.candidates.a,
    job: g.jobId,
    consultant: g.users.consultant.id,
    stage: "final",
    outcome: "rejected",
    at: "2025-02-10T10:00:00Z",
  });
  const fb = await feedback(g, rej.id, {
    status: "published",
    publishedAt: "2025-02-10T12:00:00Z",
    readAt: "2025-02-10T13:00:00Z",
    acknowledgedAt: "2025-02-10T14:00:00Z",
    items: [
      gap("G gap", "skills_experience", g.reasons[0]?.id ?? null, g.competencies[0]?.id ?? null),
    ],
  });
  await respond(g, g.candidates.a, fb.item("G gap"), true);
  await plan(g, g.candidates.a, fb.id, "2025-02-11T00:00:00Z", ["done"]);
  await interview(g, {
    candidate: g.candidates.a,
    job: g.jobId,
    consultant: g.users.consultant.id,
    stage: "final",
    outcome: "offered",
    at: "2025-03-01T10:00:00Z",
  });
  return g;
}

beforeAll(async () => {
  [home, foreign] = await Promise.all([buildHome(), buildForeign()]);
});

const reports = () => callerFor(app, home.admin).admin.reports;
const byKey = <T extends { key: string }>(rows: T[]) =>
  Object.fromEntries(rows.map((r) => [r.key, r]));

describe("coverage", () => {
  it("counts rejections with feedback published now, overall and by month", async () => {
    const out = await reports().coverage({ ...Q1 });
    expect(out.range).toEqual(Q1);
    // 8 rejected (I1–I8); published now: I1, I2, I3, I6, I8 (I4 draft, I5 none, I7 retracted).
    expect(out.total).toMatchObject({ rejected: 8, published: 5, unpublished: 3, share: 0.625 });
    // Jan: I1, I2 both published. Feb: I3 of I3–I5. Mar: I6, I8 of I6–I8.
    expect(out.rows).toEqual([
      { key: "2025-01", label: "2025-01", rejected: 2, published: 2, unpublished: 0, share: 1 },
      {
        key: "2025-02",
        label: "2025-02",
        rejected: 3,
        published: 1,
        unpublished: 2,
        share: 0.3333,
      },
      {
        key: "2025-03",
        label: "2025-03",
        rejected: 3,
        published: 2,
        unpublished: 1,
        share: 0.6667,
      },
    ]);
  });

  it("shows a month with no rejections as zero, and keeps the range's edges exact", async () => {
    // Nov 2024: nothing. Dec 2024: I9 at 23:00 on the 31st. Jan 2025: I1, I2.
    const out = await reports().coverage({ from: "2024-11-01", to: "2025-01-31" });
    expect(out.rows.map((r) => [r.key, r.rejected, r.published, r.share])).toEqual([
      ["2024-11", 0, 0, null],
      ["2024-12", 1, 1, 1],
      ["2025-01", 2, 2, 1],
    ]);
    // I10 was rejected at 00:00 on 1 April: in a range ending 1 April, not in one ending 31 March.
    const april = await reports().coverage({ from: "2025-03-01", to: "2025-04-01" });
    expect(april.total.rejected).toBe(4);
  });

  it("by consultant and by client, busiest first", async () => {
    const byConsultant = await reports().coverage({ ...Q1, view: "consultant" });
    // C1: I1, I2, I6, I7, I8 — published all but I7. C2: I3, I4, I5 — published I3.
    expect(byConsultant.rows).toEqual([
      {
        key: home.c1,
        label: "Cora Consultant",
        rejected: 5,
        published: 4,
        unpublished: 1,
        share: 0.8,
      },
      {
        key: home.c2,
        label: "Cal Consultant",
        rejected: 3,
        published: 1,
        unpublished: 2,
        share: 0.3333,
      },
    ]);
    const byClient = await reports().coverage({ ...Q1, view: "client" });
    // K1: I1, I2, I5, I8 (3 published). K2: I3, I4, I6, I7 (2 published). Tie on 4: by name.
    expect(byClient.rows.map((r) => [r.key, r.rejected, r.published, r.share])).toEqual([
      [home.k1, 4, 3, 0.75],
      [home.k2, 4, 2, 0.5],
    ]);
    expect(byClient.rows[1]?.label).toBe("Zenith Labs");
  });

  it("narrows by consultant, client and job", async () => {
    expect((await reports().coverage({ ...Q1, consultantId: home.c2 })).total).toMatchObject({
      rejected: 3,
      published: 1,
    });
    expect((await reports().coverage({ ...Q1, clientId: home.k2 })).total).toMatchObject({
      rejected: 4,
      published: 2,
    });
    // J1 with C1: I1, I2, I8, all published.
    expect(
      (await reports().coverage({ ...Q1, jobId: home.j1, consultantId: home.c1 })).total,
    ).toMatchObject({ rejected: 3, published: 3, share: 1 });
  });

  it("defaults to the last 12 calendar months up to today", async () => {
    const out = await reports().coverage({});
    const today = new Date();
    const to = today.toISOString().slice(0, 10);
    const from = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - 11, 1))
      .toISOString()
      .slice(0, 10);
    expect(out.range).toEqual({ from, to });
    expect(out.rows).toHaveLength(12);
    // Only I11 (rejected 5 hours ago, no feedback) is that recent.
    expect(out.total).toMatchObject({ rejected: 1, published: 0 });
  });
});

describe("time to feedback", () => {
  it("median and 90th percentile hours, and the SLA both ways", async () => {
    const out = await reports().timeToFeedback({ ...Q1 });
    expect(out.slaHours).toBe(72);
    // Hours of the 5 published: 24, 36, 36, 84, 120. Median: the 3rd, 36. p90: position
    // 0.9 × 4 = 3.6 → 84 + 0.6 × (120 − 84) = 105.6. Within 72 h: 3; late: 2 (84, 120).
    // Unpublished past the SLA: I4, I5, I7 (all long ago); within it: none.
    expect(out.total).toEqual({
      key: "total",
      label: "Total",
      rejected: 8,
      published: 5,
      medianHours: 36,
      p90Hours: 105.6,
      withinSla: 3,
      publishedLate: 2,
      onTimeShare: 0.6,
      openOverdue: 3,
      openWithinSla: 0,
    });
    // Jan: 24, 120 → median 72, p90 24 + 0.9 × 96 = 110.4. Feb: 36; I4, I5 overdue.
    // Mar: 36, 84 → median 60, p90 36 + 0.9 × 48 = 79.2; I7 overdue.
    expect(
      out.rows.map((r) => [
        r.key,
        r.published,
        r.medianHours,
        r.p90Hours,
        r.publishedLate,
        r.openOverdue,
      ]),
    ).toEqual([
      ["2025-01", 2, 72, 110.4, 1, 0],
      ["2025-02", 1, 36, 36, 0, 2],
      ["2025-03", 2, 60, 79.2, 1, 1],
    ]);
  });

  it("per consultant and per client", async () => {
    const byConsultant = byKey(
      (await reports().timeToFeedback({ ...Q1, view: "consultant" })).rows,
    );
    // C1: 24, 36, 84, 120 → median 60; p90 at 2.7 → 84 + 0.7 × 36 = 109.2; 2 late; I7 overdue.
    expect(byConsultant[home.c1]).toMatchObject({
      published: 4,
      medianHours: 60,
      p90Hours: 109.2,
      withinSla: 2,
      publishedLate: 2,
      onTimeShare: 0.5,
      openOverdue: 1,
    });
    // C2: 36 only; I4 and I5 overdue.
    expect(byConsultant[home.c2]).toMatchObject({
      published: 1,
      medianHours: 36,
      p90Hours: 36,
      publishedLate: 0,
      openOverdue: 2,
    });
    const byClient = byKey((await reports().timeToFeedback({ ...Q1, view: "client" })).rows);
    // K1: 24, 36, 120 → median 36; p90 at 1.8 → 36 + 0.8 × 84 = 103.2; I5 overdue.
    expect(byClient[home.k1]).toMatchObject({
      published: 3,
      medianHours: 36,
      p90Hours: 103.2,
      publishedLate: 1,
      onTimeShare: 0.6667,
      openOverdue: 1,
    });
    // K2: 36, 84 → median 60, p90 79.2; I4 and I7 overdue.
    expect(byClient[home.k2]).toMatchObject({
      published: 2,
      medianHours: 60,
      p90Hours: 79.2,
      publishedLate: 1,
      openOverdue: 2,
    });
  });

  it("counts a recent rejection as still within the SLA", async () => {
    const today = new Date().toISOString().slice(0, 10);
    const out = await reports().timeToFeedback({ from: "2025-01-01", to: today });
    // I1–I8, I10 and I11 (I9 is from 2024): I11, 5 hours old, is the one unpublished rejection
    // still within 72 hours; I4, I5 and I7 are past it.
    expect(out.total).toMatchObject({ rejected: 10, openWithinSla: 1, openOverdue: 3 });
  });
});

describe("reasons and competency gaps", () => {
  it("counts the gaps of published feedback by reason, retired ones marked", async () => {
    const out = await reports().reasons({ ...Q1 });
    // 10 gaps in 5 published feedbacks (I4's draft and I7's retracted gaps do not count).
    // Reasons named: R0, R1, R2 (the gap without one is not a reason), one of them retired.
    expect(out.total).toEqual({
      gaps: 10,
      feedback: 5,
      publishedFeedback: 5,
      entries: 3,
      retiredEntries: 1,
      gapsPerFeedback: 2,
    });
    expect(out.months).toEqual(["2025-01", "2025-02", "2025-03"]);
    const [r0, r1, r2] = home.r;
    // R0: I1, I2, I6, I8 = 4. R1: I1, I3, I6 = 3. R2 (retired): I2, I6 = 2. No reason: I3 = 1.
    expect(out.ranking.map((x) => [x.key, x.gaps, x.share, x.retired])).toEqual([
      [r0, 4, 0.4, false],
      [r1, 3, 0.3, false],
      [r2, 2, 0.2, true],
      ["none", 1, 0.1, false],
    ]);
    expect(out.ranking[3]?.label).toBe("No reason given");
    expect(out.rows.map((x) => x.rank)).toEqual([1, 2, 3, 4]);
  });

  it("by competency", async () => {
    const out = await reports().reasons({ ...Q1, of: "competency" });
    const [p0, p1, p2] = home.p;
    // P0: I1, I2, I3, I6 = 4. P1: I1, I2, I6 ×2 = 4. P2: I3, I8 = 2. P0 and P1 share rank 1.
    expect(out.total).toMatchObject({ gaps: 10, entries: 3, retiredEntries: 0 });
    const counts = Object.fromEntries(out.ranking.map((x) => [x.key, [x.gaps, x.share]]));
    expect(counts).toEqual({
      [p0 as string]: [4, 0.4],
      [p1 as string]: [4, 0.4],
      [p2 as string]: [2, 0.2],
    });
    expect(out.rows.map((x) => x.rank)).toEqual([1, 1, 3]);
  });

  it("sliced by lens, stage, month and client, each with its own shares and ranks", async () => {
    const [r0, r1, r2] = home.r;
    const rowsOf = async (view: "lens" | "stage" | "month" | "client") =>
      (await reports().reasons({ ...Q1, view })).rows.map((x) => [
        x.sliceKey,
        x.key,
        x.gaps,
        x.sliceGaps,
        x.share,
        x.rank,
      ]);
    // Skills: R0 ×4 (I1, I2, I6, I8). Other applicants: R2 ×2 (I2, I6), none ×1 (I3).
    // Interview style: R1 ×3 (I1, I3, I6). In the order the lenses are declared.
    expect(await rowsOf("lens")).toEqual([
      ["skills_experience", r0, 4, 4, 1, 1],
      ["other_applicants", r2, 2, 3, 0.6667, 1],
      ["other_applicants", "none", 1, 3, 0.3333, 2],
      ["interview_style", r1, 3, 3, 1, 1],
    ]);
    // First: I1 (R0, R1), I8 (R0). Second: I2 (R0, R2), I6 (R0, R2, R1). Final: I3 (R1, none).
    const stage = await rowsOf("stage");
    expect(stage.slice(0, 2)).toEqual([
      ["first", r0, 2, 3, 0.6667, 1],
      ["first", r1, 1, 3, 0.3333, 2],
    ]);
    expect(stage.slice(2, 5).map((x) => [x[0], x[2], x[3], x[5]])).toEqual([
      ["second", 2, 5, 1],
      ["second", 2, 5, 1],
      ["second", 1, 5, 3],
    ]);
    expect(stage.slice(5).map((x) => [x[0], x[2], x[3]])).toEqual([
      ["final", 1, 2],
      ["final", 1, 2],
    ]);
    // Jan: I1, I2 → R0 2, R1 1, R2 1. Feb: I3 → R1 1, none 1. Mar: I6, I8 → R0 2, R1 1, R2 1.
    const month = await rowsOf("month");
    expect(month.map((x) => [x[0], x[2], x[3]])).toEqual([
      ["2025-01", 2, 4],
      ["2025-01", 1, 4],
      ["2025-01", 1, 4],
      ["2025-02", 1, 2],
      ["2025-02", 1, 2],
      ["2025-03", 2, 4],
      ["2025-03", 1, 4],
      ["2025-03", 1, 4],
    ]);
    expect(month[0]?.[1]).toBe(r0);
    expect(month[5]?.[1]).toBe(r0);
    // K1: I1, I2, I8 → R0 3, R1 1, R2 1. K2: I3, I6 → R1 2, then R0, R2 and none 1 each.
    const client = await rowsOf("client");
    expect(client.map((x) => [x[0], x[2], x[3], x[5]])).toEqual([
      [home.k1, 3, 5, 1],
      [home.k1, 1, 5, 2],
      [home.k1, 1, 5, 2],
      [home.k2, 2, 5, 1],
      [home.k2, 1, 5, 2],
      [home.k2, 1, 5, 2],
      [home.k2, 1, 5, 2],
    ]);
    expect(client[0]?.[1]).toBe(r0);
    expect(client[3]?.[1]).toBe(r1);
    expect(new Set(client.slice(4).map((x) => x[1]))).toEqual(new Set([r0, r2, "none"]));
  });

  it("narrows by job", async () => {
    const out = await reports().reasons({ ...Q1, jobId: home.j2 });
    // J2: I3 (R1, none), I6 (R0, R2, R1) → 5 gaps in 2 feedbacks; R1 leads with 2.
    expect(out.total).toEqual({
      gaps: 5,
      feedback: 2,
      publishedFeedback: 2,
      entries: 3,
      retiredEntries: 1,
      gapsPerFeedback: 2.5,
    });
    expect(out.ranking[0]).toMatchObject({ key: home.r[1], gaps: 2, share: 0.4 });
  });
});

describe("engagement", () => {
  it("read, acknowledged, rated helpful, plans and goals of published feedback", async () => {
    const out = await reports().engagement({ ...Q1 });
    // Published: I1, I2, I3, I6, I8. Read: all but I8 (4). Acknowledged: I1, I6 (2).
    // Points: 3 + 2 + 3 + 3 + 1 = 12; rated 3 + 1 + 2 = 6, helpful 2 + 1 + 2 = 5.
    // Plans from I1, I2, I6 (3 of 5); goals 2 + 0 + 3 = 5, done 1 + 2 = 3.
    expect(out.total).toEqual({
      key: "total",
      label: "Total",
      published: 5,
      read: 4,
      readShare: 0.8,
      acknowledged: 2,
      acknowledgedShare: 0.4,
      items: 12,
      rated: 6,
      helpful: 5,
      helpfulShare: 0.8333,
      withPlan: 3,
      planShare: 0.6,
      goals: 5,
      goalsDone: 3,
      goalsDoneShare: 0.6,
    });
    // Jan: I1, I2. Feb: I3 (nothing rated, no plan: shares with no denominator are empty).
    // Mar: I6, I8.
    expect(
      out.rows.map((r) => [
        r.key,
        r.published,
        r.read,
        r.acknowledged,
        r.rated,
        r.helpful,
        r.helpfulShare,
        r.withPlan,
        r.goals,
        r.goalsDone,
      ]),
    ).toEqual([
      ["2025-01", 2, 2, 1, 4, 3, 0.75, 2, 2, 1],
      ["2025-02", 1, 1, 0, 0, 0, null, 0, 0, 0],
      ["2025-03", 2, 1, 1, 2, 2, 1, 1, 3, 2],
    ]);
  });

  it("per client", async () => {
    const rows = byKey((await reports().engagement({ ...Q1, view: "client" })).rows);
    // K1: I1, I2, I8 → read 2, plans 2 (I1, I2), goals 2 (1 done). K2: I3, I6 → read 2, plan 1.
    expect(rows[home.k1]).toMatchObject({
      published: 3,
      read: 2,
      withPlan: 2,
      goals: 2,
      goalsDone: 1,
    });
    expect(rows[home.k2]).toMatchObject({
      published: 2,
      read: 2,
      withPlan: 1,
      goals: 3,
      goalsDone: 2,
    });
  });
});

describe("outcomes", () => {
  it("compares candidates who built a plan with those who did not", async () => {
    const out = await reports().outcomes({ ...Q1 });
    // First rejections in Q1: A (Jan 10), B (Jan 20), C (Feb 3), D (Feb 14), E (Feb 20), F (Mar 5).
    // A plan after it: A, B, F (E's plan is from January, before E's rejection).
    // Offered later: A (May), D (April 20), F (June); C's offer was before C's rejection.
    expect(out.minGroup).toBe(10);
    expect(out.total).toEqual({
      key: "total",
      label: "Total",
      candidates: 6,
      withPlan: 3,
      withPlanOffered: 2,
      withPlanShare: 0.6667,
      withoutPlan: 3,
      withoutPlanOffered: 1,
      withoutPlanShare: 0.3333,
      comparable: false,
      difference: null,
    });
    // By month of the first rejection: Jan A, B; Feb C, D, E; Mar F.
    expect(
      out.rows.map((r) => [
        r.key,
        r.candidates,
        r.withPlan,
        r.withPlanOffered,
        r.withoutPlan,
        r.withoutPlanOffered,
      ]),
    ).toEqual([
      ["2025-01", 2, 2, 1, 0, 0],
      ["2025-02", 3, 0, 0, 3, 1],
      ["2025-03", 1, 1, 1, 0, 0],
    ]);
    const byClient = byKey((await reports().outcomes({ ...Q1, view: "client" })).rows);
    // K1 (first rejections at J1): A, B, E. K2: C, D, F.
    expect(byClient[home.k1]).toMatchObject({
      candidates: 3,
      withPlan: 2,
      withPlanOffered: 1,
      withoutPlan: 1,
    });
    expect(byClient[home.k2]).toMatchObject({
      candidates: 3,
      withPlan: 1,
      withoutPlan: 2,
      withoutPlanOffered: 1,
    });
  });

  it("gives the difference once both groups are big enough", async () => {
    // 20 candidates rejected on 2025-02-01: 10 built a plan (6 then offered), 10 did not (3).
    const g = await createAgencyFixture(app, { label: "Reports Outcomes", now: FIXTURE_NOW });
    for (let n = 0; n < 20; n++) {
      const withPlan = n < 10;
      const offered = withPlan ? n < 6 : n < 13;
      const c = await asAgency(app, g.users.admin, (tx) =>
        createCandidate(tx, g.agencyId, {
          name: `Outcome ${n}`,
          email: `outcome-${n}-${g.slug}@example.test`,
          ownerId: g.users.consultant.id,
        }),
      );
      const base = {
        candidate: c.id,
        job: g.jobId,
        consultant: g.users.consultant.id,
        stage: "final" as const,
      };
      await interview(g, { ...base, outcome: "rejected", at: "2025-02-01T10:00:00Z" });
      if (withPlan) await plan(g, c.id, null, "2025-02-03T00:00:00Z", []);
      if (offered) await interview(g, { ...base, outcome: "offered", at: "2025-04-01T10:00:00Z" });
    }
    const out = await callerFor(app, g.users.admin).admin.reports.outcomes({ ...Q1 });
    // 6/10 = 0.6 against 3/10 = 0.3: 30 points.
    expect(out.total).toMatchObject({
      candidates: 20,
      withPlan: 10,
      withPlanShare: 0.6,
      withoutPlan: 10,
      withoutPlanShare: 0.3,
      comparable: true,
      difference: 30,
    });
  });
});

describe("the overview", () => {
  it("has each report's headline for the same filters", async () => {
    const out = await reports().overview({ ...Q1 });
    expect(out.coverage).toMatchObject({ rejected: 8, published: 5, share: 0.625 });
    expect(out.timeToFeedback).toMatchObject({
      medianHours: 36,
      p90Hours: 105.6,
      slaHours: 72,
      openOverdue: 3,
    });
    expect(out.reasons).toMatchObject({ gaps: 10, top: { key: home.r[0], gaps: 4, share: 0.4 } });
    expect(out.engagement).toMatchObject({ published: 5, readShare: 0.8, planShare: 0.6 });
    expect(out.outcomes).toMatchObject({ candidates: 6, comparable: false, minGroup: 10 });
  });
});

describe("another agency", () => {
  it("never counts the other agency's rows, and sees none of ours", async () => {
    const theirs = callerFor(app, foreign.users.admin).admin.reports;
    const out = await theirs.overview({ ...Q1 });
    // Theirs: one rejection (Feb 10) with published feedback, 1 gap, read, acknowledged, a plan.
    expect(out.coverage).toMatchObject({ rejected: 1, published: 1 });
    expect(out.reasons.gaps).toBe(1);
    expect(out.engagement).toMatchObject({ published: 1, read: 1, withPlan: 1, goals: 1 });
    expect(out.outcomes).toMatchObject({ candidates: 1, withPlan: 1, withPlanOffered: 1 });
    const options = await theirs.filterOptions();
    const text = JSON.stringify(options);
    for (const id of [home.c1, home.c2, home.k1, home.k2, home.j1, home.j2])
      expect(text).not.toContain(id);
  });
});

describe("filters", () => {
  it("lists the agency's consultants (disabled too), clients and jobs", async () => {
    const options = await reports().filterOptions();
    expect(options.consultants.map((c) => [c.name, c.active])).toEqual([
      ["Ada Admin", true],
      ["Cal Consultant", true],
      ["Cora Consultant", true],
      ["Dee Disabled", false],
    ]);
    expect(options.clients.map((c) => c.id)).toEqual([home.k1, home.k2]);
    expect(options.jobs.find((j) => j.id === home.j2)).toMatchObject({
      clientId: home.k2,
      clientName: "Zenith Labs",
    });
  });

  const bad = (input: unknown, path = "admin.reports.coverage") =>
    httpError(app, home.admin, path, "query", input);

  it("refuses a range that ends before it starts, naming the end", async () => {
    const error = await bad({ from: "2025-03-01", to: "2025-02-01" });
    expect(error).toMatchObject({ status: 400, code: "BAD_REQUEST" });
    expect(error.fieldErrors).toEqual({ to: ["must be on or after the start date"] });
    // Only a start, after today: the end defaults to today, which is before it.
    const future = await bad({ from: "2099-01-01" });
    expect(future).toMatchObject({
      status: 400,
      fieldErrors: { to: ["must be on or after the start date"] },
    });
  });

  it("refuses dates that are not dates, and ranges over ten years", async () => {
    expect((await bad({ from: "2025-02-30" })).fieldErrors).toHaveProperty("from");
    expect((await bad({ from: "yesterday" })).fieldErrors).toHaveProperty("from");
    const long = await bad({ from: "2010-01-01", to: "2025-01-01" });
    expect(long).toMatchObject({
      status: 400,
      fieldErrors: { from: ["must be at most 10 years before the end date"] },
    });
    expect((await bad({ ...Q1, view: "lens" })).fieldErrors).toHaveProperty("view");
  });

  it("reads another agency's consultant, client or job as not found on that field", async () => {
    const cases = [
      { consultantId: foreign.users.consultant.id, field: "consultantId" },
      { consultantId: crypto.randomUUID(), field: "consultantId" },
      // A candidate's user is not a consultant.
      { consultantId: home.f.users.candidateA.id, field: "consultantId" },
      { clientId: foreign.clientId, field: "clientId" },
      { jobId: foreign.jobId, field: "jobId" },
    ];
    for (const { field, ...filter } of cases) {
      for (const path of [
        "admin.reports.coverage",
        "admin.reports.outcomes",
        "admin.reports.overview",
      ]) {
        const error = await bad({ ...Q1, ...filter }, path);
        expect(error).toMatchObject({ status: 404, code: "NOT_FOUND" });
        expect(error.fieldErrors).toEqual({ [field]: ["was not found in your agency"] });
      }
    }
  });

  it("refuses a job of another client than the one chosen", async () => {
    const error = await bad({ ...Q1, clientId: home.k1, jobId: home.j2 });
    expect(error).toMatchObject({
      status: 400,
      fieldErrors: { jobId: ["is not a job of the chosen client"] },
    });
  });
});

async function exportEvents(agencyId: string) {
  return owner.execute<{
    action: string;
    entity_type: string;
    actor_id: string;
    metadata: Record<string, unknown>;
  }>(
    sql`select action, entity_type, actor_id, metadata from audit_events
        where agency_id = ${agencyId}::uuid and action = 'report.exported' order by created_at, id`,
  );
}

describe("the CSV writer", () => {
  it("quotes what needs quoting and doubles quotes inside", () => {
    expect(csvCell("Northwind Talent")).toBe("Northwind Talent");
    expect(csvCell("Acme, Inc.")).toBe('"Acme, Inc."');
    expect(csvCell('The "best" team')).toBe('"The ""best"" team"');
    expect(csvCell("two\nlines")).toBe('"two\nlines"');
    expect(csvCell(" padded ")).toBe('" padded "');
    expect(csvCell("")).toBe("");
  });

  it("defuses text a spreadsheet would run: = + - @ tab and carriage return", () => {
    expect(csvCell("=1+1")).toBe("'=1+1");
    expect(csvCell("+44 20 7946 0000")).toBe("'+44 20 7946 0000");
    expect(csvCell("-5")).toBe("'-5");
    expect(csvCell("@SUM(A1:A9)")).toBe("'@SUM(A1:A9)");
    expect(csvCell("\tnote")).toBe("'\tnote");
    expect(csvCell("\rnote")).toBe(`"'\rnote"`);
    expect(csvCell('=HYPERLINK("http://evil.test","Click")')).toBe(
      `"'=HYPERLINK(""http://evil.test"",""Click"")"`,
    );
    // Only at the start: a hyphen inside a name is just a hyphen.
    expect(csvCell("Smith-Jones")).toBe("Smith-Jones");
  });

  it("writes figures as numbers, and empty for nothing", () => {
    expect(csvCell(-12.5)).toBe("-12.5");
    expect(csvCell(0)).toBe("0");
    expect(csvCell(Number.NaN)).toBe("");
    expect(csvCell(null)).toBe("");
    expect(csvCell(undefined)).toBe("");
    expect(csvCell(true)).toBe("yes");
    expect(csvCell(false)).toBe("no");
  });

  it("writes a byte-order mark, the header and CRLF-ended rows", () => {
    expect(
      toCsv(
        ["Name", "Share (%)"],
        [
          ["=x", 12.5],
          ["A, B", null],
        ],
      ),
    ).toBe('\uFEFFName,Share (%)\r\n\'=x,12.5\r\n"A, B",\r\n');
  });
});

describe("CSV export", () => {
  const lines = (csv: string) =>
    csv
      .replace(/^\uFEFF/, "")
      .split("\r\n")
      .filter(Boolean);

  it("writes exactly the table's rows, total last, and audits the export with ids only", async () => {
    const before = (await exportEvents(home.f.agencyId)).length;
    const out = await reports().exportCsv({ report: "coverage", view: "consultant", ...Q1 });
    expect(out.filename).toBe("coverage-by-consultant-2025-01-01-to-2025-03-31.csv");
    expect(lines(out.csv)).toEqual([
      "Consultant,Rejected,With feedback,Without,Coverage (%)",
      "Cora Consultant,5,4,1,80",
      "Cal Consultant,3,1,2,33.3",
      "Total,8,5,3,62.5",
    ]);
    expect(out.rows).toBe(3);
    const events = await exportEvents(home.f.agencyId);
    expect(events).toHaveLength(before + 1);
    expect(events.at(-1)).toMatchObject({
      entity_type: "agency",
      actor_id: home.admin.id,
      metadata: {
        report: "coverage",
        view: "consultant",
        rows: 3,
        filters: { ...Q1, consultantId: null, clientId: null, jobId: null },
      },
    });
  });

  it("defuses a cell a spreadsheet would run as a formula", async () => {
    const out = await reports().exportCsv({ report: "reasons", view: "job", ...Q1 });
    expect(out.filename).toBe("reasons-by-job-2025-01-01-to-2025-03-31.csv");
    const rows = lines(out.csv);
    expect(rows[0]).toBe("Job,Reason,Retired,Gaps,Share of the job's gaps (%),Rank");
    // J2's title starts with "=": written as text ('=…). Its gaps: R1 ×2, R0, R2, none.
    expect(rows.filter((r) => r.startsWith("'=cmd|' /C calc'!A0 · Zenith Labs,"))).toHaveLength(4);
    expect(rows.some((r) => r.startsWith("=") || r.includes(",="))).toBe(false);
  });

  it("exports every report, with competencies and outcomes' small groups said plainly", async () => {
    for (const report of ["time-to-feedback", "engagement", "outcomes"] as const) {
      const out = await reports().exportCsv({ report, ...Q1 });
      expect(out.filename).toBe(`${report}-by-month-2025-01-01-to-2025-03-31.csv`);
      expect(lines(out.csv)).toHaveLength(1 + 3 + 1);
    }
    const outcomes = lines((await reports().exportCsv({ report: "outcomes", ...Q1 })).csv);
    expect(outcomes.at(-1)).toBe("Total,6,3,2,66.7,3,1,33.3,too few to compare");
    const competencies = await reports().exportCsv({ report: "reasons", of: "competency", ...Q1 });
    expect(competencies.filename).toBe("reasons-competencies-2025-01-01-to-2025-03-31.csv");
    expect(lines(competencies.csv)[0]).toBe("Competency,Retired,Gaps,Share of gaps (%),Rank");
  });

  it("refuses bad filters and a breakdown the report does not offer, and audits nothing", async () => {
    const before = (await exportEvents(home.f.agencyId)).length;
    const backwards = await httpError(app, home.admin, "admin.reports.exportCsv", "mutation", {
      report: "coverage",
      from: "2025-03-01",
      to: "2025-01-01",
    });
    expect(backwards).toMatchObject({
      status: 400,
      fieldErrors: { to: ["must be on or after the start date"] },
    });
    const view = await httpError(app, home.admin, "admin.reports.exportCsv", "mutation", {
      report: "coverage",
      view: "lens",
    });
    expect(view).toMatchObject({ status: 400 });
    expect(view.fieldErrors).toHaveProperty("view");
    const foreignJob = await httpError(app, home.admin, "admin.reports.exportCsv", "mutation", {
      report: "engagement",
      jobId: foreign.jobId,
    });
    expect(foreignJob).toMatchObject({
      status: 404,
      fieldErrors: { jobId: ["was not found in your agency"] },
    });
    expect(await exportEvents(home.f.agencyId)).toHaveLength(before);
  });
});

describe("query plans", () => {
  // A busier agency than the hand-built one, so the planner faces real choices: 4,000 interviews
  // over two years (3 in 4 rejected or offered), 10 consultants, 30 jobs at 6 clients, published
  // feedback with 3 gaps each, ratings, plans and goals. Statistics are gathered as production
  // has them, and sequential scans are switched off to show which index reaches each table.
  let plans: AgencyFixture;
  let pick: { consultant: string; client: string; job: string };

  beforeAll(async () => {
    plans = await createAgencyFixture(app, { label: "Reports Plans", now: FIXTURE_NOW });
    const a = plans.agencyId;
    const tag = plans.slug;
    await owner.execute(sql`
      insert into users (agency_id, email, name, role, status, password_hash)
      select ${a}::uuid, 'plan-c' || g || '-' || ${tag} || '@example.test', 'Plan Consultant ' || g,
             'consultant', 'active', '!no-login'
      from generate_series(1, 10) g`);
    await owner.execute(sql`
      insert into candidates (agency_id, owner_id, name, email)
      select ${a}::uuid, ${plans.users.consultant.id}::uuid, 'Plan Candidate ' || g,
             'plan-cand-' || g || '-' || ${tag} || '@example.test'
      from generate_series(1, 600) g`);
    await owner.execute(sql`
      insert into clients (agency_id, name)
      select ${a}::uuid, 'Plan Client ' || g from generate_series(1, 6) g`);
    await owner.execute(sql`
      insert into jobs (agency_id, client_id, title, seniority)
      select c.agency_id, c.id, 'Plan Job ' || g, 'mid'
      from clients c cross join generate_series(1, 5) g
      where c.agency_id = ${a}::uuid and c.name like 'Plan Client %'`);
    await owner.execute(sql`
      with c as (select id, row_number() over (order by id) as n from candidates
                 where agency_id = ${a}::uuid and name like 'Plan Candidate %'),
           j as (select id, row_number() over (order by id) as n from jobs
                 where agency_id = ${a}::uuid and title like 'Plan Job %'),
           u as (select id, row_number() over (order by id) as n from users
                 where agency_id = ${a}::uuid and name like 'Plan Consultant %')
      insert into interviews (agency_id, candidate_id, job_id, consultant_id, stage, scheduled_at,
                              outcome, outcome_at)
      select ${a}::uuid, c.id, j.id, u.id, 'first', t.at - interval '2 days',
             (case g % 4 when 0 then 'offered' when 1 then 'progressed' else 'rejected' end)::interview_outcome,
             t.at
      from generate_series(1, 4000) g
      cross join lateral (select timestamptz '2023-01-01' + g * interval '263 minutes' as at) t
      join c on c.n = 1 + g % 600
      join j on j.n = 1 + g % 30
      join u on u.n = 1 + g % 10`);
    await owner.execute(sql`
      insert into feedback (agency_id, interview_id, status, summary, author_id, published_at,
                            first_published_at, read_at)
      select i.agency_id, i.id, 'published', 'Plan', i.consultant_id,
             i.outcome_at + interval '30 hours', i.outcome_at + interval '30 hours',
             case when i.n % 2 = 0 then i.outcome_at + interval '40 hours' end
      from (select i.*, row_number() over (order by i.id) as n from interviews i
            where i.agency_id = ${a}::uuid and i.outcome = 'rejected'
              and not exists (select 1 from feedback x
                              where x.agency_id = i.agency_id and x.interview_id = i.id)) i
      where i.n % 10 < 7`);
    await owner.execute(sql`
      insert into feedback_items (agency_id, feedback_id, lens, kind, reason_id, detail, next_step,
                                  position)
      select f.agency_id, f.id,
             (array['skills_experience', 'other_applicants', 'interview_style'])[p]::feedback_lens,
             'gap', ${plans.reasons[0]?.id}::uuid, 'Plan gap', 'Plan step', p
      from feedback f cross join generate_series(1, 3) p
      where f.agency_id = ${a}::uuid`);
    await owner.execute(sql`
      insert into item_responses (agency_id, feedback_item_id, candidate_id, helpful)
      select fi.agency_id, fi.id, i.candidate_id, true
      from feedback_items fi
      join feedback f on f.agency_id = fi.agency_id and f.id = fi.feedback_id
      join interviews i on i.agency_id = f.agency_id and i.id = f.interview_id
      where fi.agency_id = ${a}::uuid and fi.position = 1`);
    await owner.execute(sql`
      insert into action_plans (agency_id, candidate_id, feedback_id, title, created_at)
      select f.agency_id, i.candidate_id, f.id, 'Plan', f.published_at + interval '1 day'
      from (select f.*, row_number() over (order by f.id) as n from feedback f
            where f.agency_id = ${a}::uuid and f.status = 'published') f
      join interviews i on i.agency_id = f.agency_id and i.id = f.interview_id
      where f.n % 10 < 3`);
    await owner.execute(sql`
      insert into goals (agency_id, action_plan_id, title, measure, target_date, status, position)
      select p.agency_id, p.id, 'Plan goal', 'Measured', '2025-12-31',
             (case when g = 1 then 'done' else 'in_progress' end)::goal_status, g
      from action_plans p cross join generate_series(1, 2) g
      where p.agency_id = ${a}::uuid`);
    await owner.execute(
      sql`analyze users, candidates, clients, jobs, interviews, feedback, feedback_items,
                  item_responses, action_plans, goals, rejection_facts, gap_facts`,
    );
    const [row] = await owner.execute<{ consultant: string; client: string; job: string }>(sql`
      select (select id::text from users where agency_id = ${a}::uuid and name = 'Plan Consultant 3') as consultant,
             (select id::text from clients where agency_id = ${a}::uuid and name = 'Plan Client 2') as client,
             (select j.id::text from jobs j join clients c on c.id = j.client_id
              where j.agency_id = ${a}::uuid and c.name = 'Plan Client 2' and j.title = 'Plan Job 4') as job`);
    if (!row) throw new Error("no plan fixture");
    pick = row;
  });

  /** The indexes the plan reads, by table, their conditions, and tables scanned without one. */
  async function planOf(query: SQL) {
    return asAgency(app, plans.users.admin, async (tx) => {
      await tx.execute(sql`set local enable_seqscan = off`);
      const [row] = await tx.execute<{ "QUERY PLAN": unknown }>(
        sql`explain (format json) ${query}`,
      );
      const catalog = await tx.execute<{ indexname: string; tablename: string }>(
        sql`select indexname, tablename from pg_indexes where schemaname = 'public'`,
      );
      const tableOf = new Map([...catalog].map((c) => [c.indexname, c.tablename]));
      const byTable: Record<string, string[]> = {};
      const conditions: string[] = [];
      const seqScans = new Set<string>();
      const walk = (node: unknown) => {
        if (!node || typeof node !== "object") return;
        const n = node as Record<string, unknown>;
        const index = n["Index Name"];
        if (typeof index === "string") {
          const table = tableOf.get(index) ?? "?";
          byTable[table] = [...new Set([...(byTable[table] ?? []), index])].sort();
          if (typeof n["Index Cond"] === "string") conditions.push(`${index}: ${n["Index Cond"]}`);
        }
        if (n["Node Type"] === "Seq Scan" && typeof n["Relation Name"] === "string") {
          seqScans.add(n["Relation Name"]);
        }
        for (const value of Object.values(n)) {
          if (Array.isArray(value)) value.forEach(walk);
          else if (value && typeof value === "object") walk(value);
        }
      };
      walk(row?.["QUERY PLAN"]);
      return { byTable, conditions, seqScans: [...seqScans].sort() };
    });
  }

  // June 2024: about 125 of the agency's 2,000 rejections.
  const filters = (extra: Partial<ResolvedFilters> = {}): ResolvedFilters => ({
    agencyId: plans.agencyId,
    from: "2024-06-01",
    to: "2024-06-30",
    start: "2024-06-01T00:00:00.000Z",
    end: "2024-07-01T00:00:00.000Z",
    ...extra,
  });

  /**
   * Every report reads the facts by index: (agency, date), or (agency, consultant | client | job,
   * date) when filtered, with the agency and the date range as the index condition. The source
   * tables are not read at all: the triggers have already joined them.
   */
  function expectFactsByIndex(
    plan: Awaited<ReturnType<typeof planOf>>,
    table: "rejection_facts" | "gap_facts",
    index: string,
  ) {
    expect(plan.byTable[table]).toContain(index);
    const condition = plan.conditions.find((c) => c.startsWith(`${index}:`)) ?? "";
    expect(condition).toMatch(/agency_id = /);
    expect(condition).toMatch(/outcome_at >= /);
    expect(condition).toMatch(/outcome_at < /);
    for (const source of ["interviews", "feedback", "feedback_items", "item_responses", "goals"]) {
      expect(plan.byTable[source], `${source} is not read`).toBeUndefined();
    }
    expect(plan.seqScans).toEqual([]);
  }

  it("selects rejections by (agency, date), or by consultant, client or job first when filtered", async () => {
    expectFactsByIndex(
      await planOf(coverageSql(filters(), "month")),
      "rejection_facts",
      "rejection_facts_date_idx",
    );
    for (const [key, index] of [
      ["consultantId", "rejection_facts_consultant_idx"],
      ["jobId", "rejection_facts_job_idx"],
      ["clientId", "rejection_facts_client_idx"],
    ] as const) {
      const id = { consultantId: pick.consultant, jobId: pick.job, clientId: pick.client }[key];
      const plan = await planOf(coverageSql(filters({ [key]: id }), "consultant"));
      expectFactsByIndex(plan, "rejection_facts", index);
      const gaps = await planOf(reasonsSql(filters({ [key]: id }), "stage", "reason"));
      expectFactsByIndex(gaps, "gap_facts", index.replace("rejection_", "gap_"));
    }
  });

  it("by client or job, counts entries only for the slices with the most gaps, and says how many", async () => {
    type Row = {
      overall: boolean;
      slice_key: string;
      key: string;
      gaps: number;
      slice_gaps: number;
      rank: number;
      slices: number | null;
    };
    const run = (top?: number) =>
      asAgency(app, plans.users.admin, async (tx) => [
        ...(await tx.execute<Row>(reasonsSql(filters(), "job", "reason", top))),
      ]);
    const all = await run();
    const three = await run(3);
    const jobs = (rows: Row[]) => [
      ...new Set(rows.filter((r) => !r.overall).map((r) => r.slice_key)),
    ];
    expect(jobs(all).length).toBeGreaterThan(3);
    // The three with the most gaps (rows come busiest first), each exactly as in the full table.
    expect(jobs(three)).toEqual(jobs(all).slice(0, 3));
    const strip = ({ slices: _, ...r }: Row) => r;
    expect(three.filter((r) => !r.overall).map(strip)).toEqual(
      all.filter((r) => !r.overall && jobs(three).includes(r.slice_key)).map(strip),
    );
    expect(three.filter((r) => r.overall).map(strip)).toEqual(
      all.filter((r) => r.overall).map(strip),
    );
    expect(three[0]?.slices).toBe(jobs(all).length);
    expectFactsByIndex(
      await planOf(reasonsSql(filters(), "job", "reason", 3)),
      "gap_facts",
      "gap_facts_job_idx",
    );
  });

  it("uses indexes for every report", async () => {
    const f = filters();
    const time = await planOf(timeToFeedbackSql(f, "consultant"));
    expectFactsByIndex(time, "rejection_facts", "rejection_facts_date_idx");
    expect(time.byTable.agencies).toEqual(["agencies_pkey"]);

    const reasons = await planOf(reasonsSql(f, "lens", "reason"));
    expectFactsByIndex(reasons, "gap_facts", "gap_facts_date_idx");
    const totals = await planOf(reasonsTotalSql(f));
    expectFactsByIndex(totals, "rejection_facts", "rejection_facts_date_idx");

    expectFactsByIndex(
      await planOf(engagementSql(f, "month")),
      "rejection_facts",
      "rejection_facts_date_idx",
    );
    const outcomes = await planOf(outcomesSql(f, "client"));
    expectFactsByIndex(outcomes, "rejection_facts", "rejection_facts_date_idx");
    expect(outcomes.byTable.action_plans).toBeUndefined();
  });
});
