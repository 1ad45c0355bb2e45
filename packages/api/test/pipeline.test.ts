// The pipeline procedures (candidates, clients, jobs, interviews) against PostgreSQL as the app
// role: paging, search and filters; create and edit; recording outcomes and their rules; bad input
// that names the field and writes nothing; and other agencies' ids reading as NOT_FOUND.
import { eq, schema as s, sql } from "@debrief/db";
import {
  type AgencyFixture,
  createAgencyFixture,
  createCandidate,
  createClient,
  createInterview,
  createJob,
} from "@debrief/db/factories";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asAgency, callerFor, connect, httpError } from "./support";

const { app, owner, close } = connect();
afterAll(close);

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const fixture = () => createAgencyFixture(app, { label: "Pipeline" });

async function auditEvents(agencyId: string) {
  return owner.execute<{ action: string; entity_id: string; metadata: Record<string, unknown> }>(
    sql`select action, entity_id, metadata from audit_events
        where agency_id = ${agencyId}::uuid order by created_at, id`,
  );
}
async function auditCount(agencyId: string) {
  return (await auditEvents(agencyId)).length;
}
async function countRows(
  table: "candidates" | "clients" | "jobs" | "interviews",
  agencyId: string,
) {
  const [row] = await owner.execute<{ n: number }>(
    sql`select count(*)::int as n from ${sql.identifier(table)} where agency_id = ${agencyId}::uuid`,
  );
  return row?.n ?? 0;
}
async function interviewRow(id: string) {
  const [row] = await owner.select().from(s.interviews).where(eq(s.interviews.id, id));
  return row;
}

/** Bad input: 400, the field named, no stack trace, and nothing written. */
async function expectFieldError(
  f: AgencyFixture,
  path: string,
  type: "query" | "mutation",
  input: unknown,
  field: string,
) {
  const before = await auditCount(f.agencyId);
  const error = await httpError(app, f.users.consultant, path, type, input);
  expect(error).toMatchObject({ status: 400, code: "BAD_REQUEST" });
  expect(Object.keys(error.fieldErrors ?? {})).toContain(field);
  expect(error.message.length).toBeGreaterThan(0);
  expect(error.message).not.toMatch(/\bat .*\.ts:\d+/);
  expect(await auditCount(f.agencyId)).toBe(before);
  return error;
}

describe("candidates", () => {
  let f: AgencyFixture;
  let foreign: AgencyFixture;
  beforeAll(async () => {
    [f, foreign] = await Promise.all([fixture(), fixture()]);
    // 23 more candidates: 12 owned by consultant 2, and two names with LIKE wildcards in them.
    await asAgency(app, f.users.admin, async (tx) => {
      for (let i = 1; i <= 21; i++) {
        await createCandidate(tx, f.agencyId, {
          name: `Zed Person ${String(i).padStart(2, "0")}`,
          email: `zed${i}@example.test`,
          ownerId: i <= 12 ? f.users.consultant2.id : f.users.consultant.id,
        });
      }
      await createCandidate(tx, f.agencyId, {
        name: "Percent 100% Candidate",
        email: "percent@example.test",
        ownerId: f.users.consultant.id,
      });
      await createCandidate(tx, f.agencyId, {
        name: "Under_score Candidate",
        email: "under@example.test",
        ownerId: f.users.consultant.id,
      });
    });
  });

  it("pages the agency's candidates by name, with the total", async () => {
    const caller = callerFor(app, f.users.consultant);
    const first = await caller.candidate.list({ page: 1, pageSize: 10 });
    expect(first).toMatchObject({ total: 25, page: 1, pageSize: 10 });
    expect(first.rows).toHaveLength(10);
    const names = first.rows.map((r) => r.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
    const last = await caller.candidate.list({ page: 3, pageSize: 10 });
    expect(last.rows).toHaveLength(5);
    const beyond = await caller.candidate.list({ page: 9, pageSize: 10 });
    expect(beyond).toMatchObject({ rows: [], total: 25 });

    const ari = (await caller.candidate.list({ q: "ari cand" })).rows;
    expect(ari).toEqual([
      expect.objectContaining({
        id: f.candidates.a,
        ownerName: "Cora Consultant",
        hasLogin: true,
        interviewCount: 3,
        lastInterviewAt: expect.any(Date),
      }),
    ]);
  });

  it("searches name and email case-insensitively, taking % and _ literally", async () => {
    const caller = callerFor(app, f.users.consultant);
    expect((await caller.candidate.list({ q: "ZED PERSON 1" })).total).toBe(10);
    expect((await caller.candidate.list({ q: "zed7@" })).rows.map((r) => r.name)).toEqual([
      "Zed Person 07",
    ]);
    expect((await caller.candidate.list({ q: "%" })).rows.map((r) => r.name)).toEqual([
      "Percent 100% Candidate",
    ]);
    expect((await caller.candidate.list({ q: "_" })).rows.map((r) => r.name)).toEqual([
      "Under_score Candidate",
    ]);
    expect((await caller.candidate.list({ q: "   " })).total).toBe(25);
  });

  it("filters by owning consultant", async () => {
    const caller = callerFor(app, f.users.consultant);
    const theirs = await caller.candidate.list({ ownerId: f.users.consultant2.id, pageSize: 50 });
    expect(theirs.total).toBe(12);
    expect(theirs.rows.every((r) => r.ownerId === f.users.consultant2.id)).toBe(true);
  });

  it("refuses a page size above 50, naming the field", async () => {
    await expectFieldError(f, "candidate.list", "query", { pageSize: 51 }, "pageSize");
  });

  it("creates and edits a candidate, with audit events that carry no personal text", async () => {
    const caller = callerFor(app, f.users.consultant);
    const { id } = await caller.candidate.create({
      name: "  Nia Newcomer ",
      email: "Nia@Example.TEST",
      headline: "",
      ownerId: f.users.consultant2.id,
    });
    expect(await caller.candidate.byId({ id })).toMatchObject({
      id,
      name: "Nia Newcomer",
      email: "nia@example.test",
      headline: null,
      ownerId: f.users.consultant2.id,
      ownerName: "Cal Consultant",
      hasLogin: false,
    });
    await caller.candidate.update({
      id,
      name: "Nia Newcomer",
      email: "nia@example.test",
      headline: "Data analyst",
      ownerId: f.users.consultant.id,
    });
    expect(await caller.candidate.byId({ id })).toMatchObject({
      headline: "Data analyst",
      ownerId: f.users.consultant.id,
    });
    const events = (await auditEvents(f.agencyId)).filter((e) => e.entity_id === id);
    expect(events.map((e) => [e.action, e.metadata])).toEqual([
      ["candidate.created", {}],
      ["candidate.updated", { fields: ["headline", "ownerId"] }],
    ]);
    expect(JSON.stringify(events)).not.toMatch(/Nia|analyst|example/);
  });

  it("bad input names the field and writes nothing", async () => {
    const before = await countRows("candidates", f.agencyId);
    const valid = { name: "Val Id", email: "val@example.test", ownerId: f.users.consultant.id };
    await expectFieldError(f, "candidate.create", "mutation", { ...valid, name: " " }, "name");
    await expectFieldError(f, "candidate.create", "mutation", { ...valid, email: "nope" }, "email");
    await expectFieldError(
      f,
      "candidate.create",
      "mutation",
      { ...valid, ownerId: "x" },
      "ownerId",
    );
    // A candidate cannot own candidates.
    const error = await httpError(app, f.users.consultant, "candidate.create", "mutation", {
      ...valid,
      ownerId: f.users.candidateA.id,
    });
    expect(error).toMatchObject({
      code: "BAD_REQUEST",
      fieldErrors: { ownerId: [expect.any(String)] },
    });
    // The email is taken (case-insensitively) by candidate A.
    const taken = await httpError(app, f.users.consultant, "candidate.create", "mutation", {
      ...valid,
      email: f.users.candidateA.email.toUpperCase(),
    });
    expect(taken).toMatchObject({ code: "CONFLICT", fieldErrors: { email: [expect.any(String)] } });
    expect(await countRows("candidates", f.agencyId)).toBe(before);
  });

  it("another agency's candidate or consultant is NOT_FOUND, and nothing changes", async () => {
    const caller = callerFor(app, f.users.consultant);
    await expect(caller.candidate.byId({ id: foreign.candidates.a })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(
      caller.candidate.update({
        id: foreign.candidates.a,
        name: "Hijacked",
        email: "hijack@example.test",
        ownerId: f.users.consultant.id,
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    const [row] = await owner
      .select({ name: s.candidates.name })
      .from(s.candidates)
      .where(eq(s.candidates.id, foreign.candidates.a));
    expect(row?.name).toBe("Ari Candidate");

    const before = await countRows("candidates", f.agencyId);
    const error = await httpError(app, f.users.consultant, "candidate.create", "mutation", {
      name: "Someone",
      email: "someone@example.test",
      ownerId: foreign.users.consultant.id,
    });
    expect(error).toMatchObject({
      code: "NOT_FOUND",
      fieldErrors: { ownerId: [expect.any(String)] },
    });
    expect(await countRows("candidates", f.agencyId)).toBe(before);
    expect(JSON.stringify(await caller.candidate.list({ q: "Ari" }))).not.toContain(
      foreign.candidates.a,
    );
  });

  it("offers candidates for a picker: matches plus the current choice", async () => {
    const caller = callerFor(app, f.users.consultant);
    const options = await caller.candidate.options({ q: "under", includeId: f.candidates.b });
    expect(options.map((o) => o.name)).toEqual(["Bo Candidate", "Under_score Candidate"]);
    const staff = await caller.candidate.formOptions();
    // Active consultants and admins only: no candidates, no disabled accounts.
    expect(staff.consultants.map((c) => c.name)).toEqual([
      "Ada Admin",
      "Cal Consultant",
      "Cora Consultant",
    ]);
  });
});

describe("clients and jobs", () => {
  let f: AgencyFixture;
  let foreign: AgencyFixture;
  beforeAll(async () => {
    [f, foreign] = await Promise.all([fixture(), fixture()]);
  });

  it("creates, lists, searches and edits clients", async () => {
    const caller = callerFor(app, f.users.consultant);
    const acme = await caller.client.create({ name: "Acme Robotics", industry: "Manufacturing" });
    await caller.client.create({ name: "Beta_Bank", industry: null });
    const all = await caller.client.list({});
    expect(all.total).toBe(3);
    expect(all.rows.find((r) => r.id === f.clientId)).toMatchObject({
      jobCount: 1,
      interviewCount: 4,
    });
    expect((await caller.client.list({ q: "manufact" })).rows.map((r) => r.id)).toEqual([acme.id]);
    expect((await caller.client.list({ q: "a_b" })).rows.map((r) => r.name)).toEqual(["Beta_Bank"]);
    expect((await caller.client.list({ q: "a_b" })).total).toBe(1);
    expect((await caller.client.list({ pageSize: 2, page: 2 })).rows).toHaveLength(1);

    await caller.client.update({ id: acme.id, name: "Acme Robotics Ltd", industry: "" });
    expect(await caller.client.byId({ id: acme.id })).toMatchObject({
      name: "Acme Robotics Ltd",
      industry: null,
    });
    await expectFieldError(f, "client.create", "mutation", { name: "" }, "name");
    await expectFieldError(
      f,
      "client.update",
      "mutation",
      { id: acme.id, name: "x".repeat(201) },
      "name",
    );
    await expect(caller.client.byId({ id: foreign.clientId })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(
      caller.client.update({ id: foreign.clientId, name: "Taken over" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("creates a job with competencies from the taxonomy, and edits them", async () => {
    const caller = callerFor(app, f.users.consultant);
    const [c0, c1, c2] = f.competencies;
    if (!c0 || !c1 || !c2) throw new Error("fixture has no competencies");
    const { id } = await caller.job.create({
      clientId: f.clientId,
      title: "Data Engineer",
      seniority: "mid",
      competencyIds: [c0.id, c1.id],
    });
    expect(await caller.job.byId({ id })).toMatchObject({
      title: "Data Engineer",
      seniority: "mid",
      clientId: f.clientId,
      competencyIds: expect.arrayContaining([c0.id, c1.id]),
    });
    await caller.job.update({
      id,
      clientId: f.clientId,
      title: "Senior Data Engineer",
      seniority: "senior",
      competencyIds: [c1.id, c2.id],
    });
    const job = await caller.job.byId({ id });
    expect(job.title).toBe("Senior Data Engineer");
    expect([...job.competencyIds].sort()).toEqual([c1.id, c2.id].sort());

    const list = await caller.job.list({ clientId: f.clientId });
    expect(list.total).toBe(2);
    expect(list.rows[0]).toMatchObject({ id, interviewCount: 0 });
    expect([...(list.rows[0]?.competencies ?? [])].sort()).toEqual([c1.name, c2.name].sort());
    expect((await caller.job.list({ q: "senior data" })).rows.map((r) => r.id)).toEqual([id]);
    // Search also finds jobs by their client's name.
    expect((await caller.job.list({ q: "client " })).total).toBe(2);

    const options = await caller.job.formOptions();
    expect(options.clients.map((c) => c.id)).toContain(f.clientId);
    expect(options.competencies.length).toBe(f.competencies.length);
  });

  it("refuses bad job input by field, and another agency's client or competency as NOT_FOUND", async () => {
    const valid = { clientId: f.clientId, title: "Analyst", seniority: "junior" };
    const before = await countRows("jobs", f.agencyId);
    await expectFieldError(
      f,
      "job.create",
      "mutation",
      { ...valid, seniority: "guru" },
      "seniority",
    );
    await expectFieldError(f, "job.create", "mutation", { ...valid, title: "" }, "title");
    const c0 = f.competencies[0]?.id;
    await expectFieldError(
      f,
      "job.create",
      "mutation",
      { ...valid, competencyIds: [c0, c0] },
      "competencyIds",
    );
    const foreignClient = await httpError(app, f.users.consultant, "job.create", "mutation", {
      ...valid,
      clientId: foreign.clientId,
    });
    expect(foreignClient).toMatchObject({
      code: "NOT_FOUND",
      fieldErrors: { clientId: [expect.any(String)] },
    });
    const foreignCompetency = await httpError(app, f.users.consultant, "job.create", "mutation", {
      ...valid,
      competencyIds: [foreign.competencies[0]?.id],
    });
    expect(foreignCompetency).toMatchObject({
      code: "NOT_FOUND",
      fieldErrors: { competencyIds: [expect.any(String)] },
    });
    expect(await countRows("jobs", f.agencyId)).toBe(before);
    await expect(
      callerFor(app, f.users.consultant).job.byId({ id: foreign.jobId }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("interview.list", () => {
  let f: AgencyFixture;
  let otherJob: string;
  let offered: string;
  let pending: string;
  beforeAll(async () => {
    f = await fixture();
    await asAgency(app, f.users.admin, async (tx) => {
      const client = await createClient(tx, f.agencyId, { name: "Other Client" });
      otherJob = (
        await createJob(tx, f.agencyId, {
          clientId: client.id,
          title: "Designer",
          seniority: "lead",
        })
      ).id;
      offered = (
        await createInterview(tx, f.agencyId, {
          candidateId: f.candidates.b,
          jobId: otherJob,
          consultantId: f.users.consultant2.id,
          stage: "final",
          scheduledAt: new Date("2026-01-10T10:00:00Z"),
          outcome: "offered",
          outcomeAt: new Date("2026-01-12T10:00:00Z"),
        })
      ).id;
      pending = (
        await createInterview(tx, f.agencyId, {
          candidateId: f.candidates.b,
          jobId: f.jobId,
          consultantId: f.users.consultant.id,
          stage: "screening",
          scheduledAt: new Date(Date.now() + 2 * DAY),
        })
      ).id;
    });
  });

  it("lists newest first with names, outcome and feedback status", async () => {
    const { rows, total } = await callerFor(app, f.users.consultant).interview.list({});
    expect(total).toBe(6);
    const times = rows.map((r) => r.scheduledAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(rows[0]).toMatchObject({ id: pending, outcome: "pending", outcomeAt: null });
    expect(rows.find((r) => r.id === f.interviews.published)).toMatchObject({
      candidateName: "Ari Candidate",
      jobTitle: "Senior Product Manager",
      consultantName: "Cora Consultant",
      stage: "second",
      outcome: "rejected",
      feedbackStatus: "published",
    });
    expect(rows.find((r) => r.id === f.interviews.owed)?.feedbackStatus).toBeNull();
    expect(rows.find((r) => r.id === offered)).toMatchObject({
      jobTitle: "Designer",
      clientName: "Other Client",
      consultantName: "Cal Consultant",
    });
  });

  it("filters by outcome, stage, consultant, candidate, job, date range and candidate name", async () => {
    const list = async (input: Record<string, unknown>) =>
      (await callerFor(app, f.users.consultant).interview.list(input)).rows.map((r) => r.id).sort();
    const sorted = (...ids: string[]) => [...ids].sort();
    expect(await list({ outcome: "offered" })).toEqual([offered]);
    expect(await list({ outcome: "pending" })).toEqual([pending]);
    expect(await list({ stage: "final" })).toEqual(sorted(offered, f.interviews.draft));
    expect(await list({ consultantId: f.users.consultant2.id })).toEqual([offered]);
    expect(await list({ candidateId: f.candidates.b })).toEqual(
      sorted(offered, pending, f.interviews.publishedB),
    );
    expect(await list({ jobId: otherJob })).toEqual([offered]);
    expect(await list({ from: "2026-01-10", to: "2026-01-10" })).toEqual([offered]);
    expect(await list({ to: "2026-01-09" })).toEqual([]);
    expect(await list({ q: "bo cand", outcome: "rejected" })).toEqual([f.interviews.publishedB]);
    const paged = await callerFor(app, f.users.consultant).interview.list({
      q: "ari",
      pageSize: 2,
      page: 2,
    });
    expect(paged).toMatchObject({ total: 3, page: 2 });
    expect(paged.rows).toHaveLength(1);
  });

  it("refuses malformed filters by field", async () => {
    await expectFieldError(f, "interview.list", "query", { outcome: "ghosted" }, "outcome");
    await expectFieldError(f, "interview.list", "query", { from: "10/01/2026" }, "from");
    await expectFieldError(
      f,
      "interview.list",
      "query",
      { from: "2026-02-01", to: "2026-01-01" },
      "to",
    );
    await expectFieldError(f, "interview.list", "query", { page: 0 }, "page");
  });
});

describe("interview create, update and recordOutcome", () => {
  let f: AgencyFixture;
  let foreign: AgencyFixture;
  beforeAll(async () => {
    [f, foreign] = await Promise.all([fixture(), fixture()]);
  });

  const scheduled = () => new Date(Date.now() - 3 * DAY);
  async function newInterview(input: Record<string, unknown> = {}) {
    return callerFor(app, f.users.consultant).interview.create({
      candidateId: f.candidates.b,
      jobId: f.jobId,
      stage: "first",
      scheduledAt: scheduled(),
      ...input,
    });
  }

  it("creates an interview for me by default, pending", async () => {
    const { id } = await newInterview();
    expect(await callerFor(app, f.users.consultant).interview.byId({ id })).toMatchObject({
      id,
      consultantId: f.users.consultant.id,
      consultantName: "Cora Consultant",
      candidateName: "Bo Candidate",
      outcome: "pending",
      outcomeAt: null,
      feedbackStatus: null,
    });
    const other = await newInterview({ consultantId: f.users.consultant2.id });
    expect((await interviewRow(other.id))?.consultantId).toBe(f.users.consultant2.id);
  });

  it("records a rejection dated now, which puts it on the consultant's feedback queue", async () => {
    const { id } = await newInterview();
    const caller = callerFor(app, f.users.consultant);
    const before = Date.now();
    const result = await caller.interview.recordOutcome({ id, outcome: "rejected" });
    expect(result).toMatchObject({ id, outcome: "rejected", feedbackOwed: true });
    expect(result.outcomeAt?.getTime()).toBeGreaterThanOrEqual(before - 1000);
    const owed = await caller.feedback.owed();
    expect(owed.map((o) => o.interviewId)).toContain(id);
    const events = (await auditEvents(f.agencyId)).filter((e) => e.entity_id === id);
    expect(events.at(-1)).toMatchObject({
      action: "interview.outcome_recorded",
      metadata: { outcome: "rejected", previousOutcome: "pending" },
    });
  });

  it("records other outcomes with a past date, and can change them", async () => {
    const { id } = await newInterview();
    const caller = callerFor(app, f.users.consultant);
    const at = new Date(Date.now() - DAY);
    await caller.interview.recordOutcome({ id, outcome: "progressed", outcomeAt: at });
    expect(await interviewRow(id)).toMatchObject({ outcome: "progressed", outcomeAt: at });
    await caller.interview.recordOutcome({ id, outcome: "withdrawn", outcomeAt: at });
    expect((await interviewRow(id))?.outcome).toBe("withdrawn");
    expect((await caller.feedback.owed()).map((o) => o.interviewId)).not.toContain(id);
  });

  it("refuses an outcome in the future, before the interview, or `pending`, by field", async () => {
    const { id } = await newInterview();
    await expectFieldError(
      f,
      "interview.recordOutcome",
      "mutation",
      { id, outcome: "rejected", outcomeAt: new Date(Date.now() + HOUR) },
      "outcomeAt",
    );
    await expectFieldError(
      f,
      "interview.recordOutcome",
      "mutation",
      { id, outcome: "rejected", outcomeAt: new Date(Date.now() - 4 * DAY) },
      "outcomeAt",
    );
    await expectFieldError(
      f,
      "interview.recordOutcome",
      "mutation",
      { id, outcome: "pending" },
      "outcome",
    );
    // An interview that has not happened yet has no outcome to record now.
    const future = await newInterview({ scheduledAt: new Date(Date.now() + DAY) });
    const error = await expectFieldError(
      f,
      "interview.recordOutcome",
      "mutation",
      { id: future.id, outcome: "offered" },
      "outcomeAt",
    );
    expect(error.message).toMatch(/not taken place yet/);
    expect(await interviewRow(id)).toMatchObject({ outcome: "pending", outcomeAt: null });
  });

  it("will not move a rejection with published feedback away from rejected", async () => {
    const caller = callerFor(app, f.users.consultant);
    const error = await httpError(app, f.users.consultant, "interview.recordOutcome", "mutation", {
      id: f.interviews.published,
      outcome: "offered",
    });
    expect(error).toMatchObject({ status: 409, code: "CONFLICT" });
    expect(error.message).toMatch(/published.*Retract/);
    expect(error.fieldErrors).toMatchObject({ outcome: [expect.any(String)] });
    const row = await interviewRow(f.interviews.published);
    expect(row?.outcome).toBe("rejected");
    // Nor its date; re-recording the same rejection is harmless.
    await expect(
      caller.interview.recordOutcome({
        id: f.interviews.published,
        outcome: "rejected",
        outcomeAt: new Date(Date.now() - HOUR),
      }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    if (!row?.outcomeAt) throw new Error("published interview has no outcome date");
    await caller.interview.recordOutcome({
      id: f.interviews.published,
      outcome: "rejected",
      outcomeAt: row.outcomeAt,
    });
    // A draft does not hold the outcome: the decision may still change, the draft is kept.
    const draft = await caller.interview.recordOutcome({
      id: f.interviews.draft,
      outcome: "progressed",
    });
    expect(draft.outcome).toBe("progressed");
    const [fb] = await owner
      .select({ id: s.feedback.id })
      .from(s.feedback)
      .where(eq(s.feedback.interviewId, f.interviews.draft));
    expect(fb?.id).toBe(f.feedback.draft.id);
  });

  it("edits an interview, keeping its dates and feedback consistent", async () => {
    const caller = callerFor(app, f.users.consultant);
    const { id } = await newInterview();
    const at = new Date(Date.now() - DAY);
    await caller.interview.recordOutcome({ id, outcome: "progressed", outcomeAt: at });
    const base = {
      id,
      candidateId: f.candidates.b,
      jobId: f.jobId,
      consultantId: f.users.consultant2.id,
      stage: "second" as const,
      scheduledAt: new Date(Date.now() - 2 * DAY),
    };
    await caller.interview.update(base);
    expect(await interviewRow(id)).toMatchObject({
      consultantId: f.users.consultant2.id,
      stage: "second",
      scheduledAt: base.scheduledAt,
    });
    await expectFieldError(
      f,
      "interview.update",
      "mutation",
      { ...base, scheduledAt: new Date() },
      "scheduledAt",
    );
    // The candidate of an interview with feedback stays put.
    await expectFieldError(
      f,
      "interview.update",
      "mutation",
      {
        id: f.interviews.published,
        candidateId: f.candidates.b,
        jobId: f.jobId,
        consultantId: f.users.consultant.id,
        stage: "second",
        scheduledAt: (await interviewRow(f.interviews.published))?.scheduledAt,
      },
      "candidateId",
    );
    await expectFieldError(
      f,
      "interview.update",
      "mutation",
      { ...base, consultantId: f.users.disabledConsultant.id },
      "consultantId",
    );
  });

  it("bad input names the field and writes nothing", async () => {
    const before = await countRows("interviews", f.agencyId);
    const valid = {
      candidateId: f.candidates.a,
      jobId: f.jobId,
      stage: "first",
      scheduledAt: scheduled(),
    };
    await expectFieldError(f, "interview.create", "mutation", { ...valid, stage: "tea" }, "stage");
    await expectFieldError(
      f,
      "interview.create",
      "mutation",
      { ...valid, scheduledAt: "tomorrow" },
      "scheduledAt",
    );
    await expectFieldError(f, "interview.create", "mutation", { ...valid, jobId: "1" }, "jobId");
    await expectFieldError(
      f,
      "interview.create",
      "mutation",
      { ...valid, consultantId: f.users.candidateA.id },
      "consultantId",
    );
    expect(await countRows("interviews", f.agencyId)).toBe(before);
  });

  it("another agency's candidate, job, consultant or interview is NOT_FOUND, and nothing changes", async () => {
    const before = await countRows("interviews", f.agencyId);
    const valid = {
      candidateId: f.candidates.a,
      jobId: f.jobId,
      stage: "first",
      scheduledAt: scheduled(),
    };
    for (const [field, value] of [
      ["candidateId", foreign.candidates.a],
      ["jobId", foreign.jobId],
      ["consultantId", foreign.users.consultant.id],
    ] as const) {
      const error = await httpError(app, f.users.consultant, "interview.create", "mutation", {
        ...valid,
        [field]: value,
      });
      expect(error).toMatchObject({ status: 404, code: "NOT_FOUND" });
      expect(Object.keys(error.fieldErrors ?? {})).toEqual([field]);
    }
    expect(await countRows("interviews", f.agencyId)).toBe(before);

    const caller = callerFor(app, f.users.consultant);
    await expect(caller.interview.byId({ id: foreign.interviews.owed })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(
      caller.interview.recordOutcome({ id: foreign.interviews.owed, outcome: "offered" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await interviewRow(foreign.interviews.owed))?.outcome).toBe("rejected");
    const list = await caller.interview.list({ pageSize: 50 });
    expect(JSON.stringify(list)).not.toContain(foreign.interviews.owed);
  });

  it("offers consultants and jobs for the form", async () => {
    const options = await callerFor(app, f.users.consultant).interview.formOptions();
    expect(options.consultants.map((c) => c.id)).toContain(f.users.admin.id);
    expect(options.consultants.map((c) => c.id)).not.toContain(f.users.disabledConsultant.id);
    expect(options.jobs).toEqual([
      { id: f.jobId, title: "Senior Product Manager", clientName: expect.any(String) },
    ]);
  });
});
