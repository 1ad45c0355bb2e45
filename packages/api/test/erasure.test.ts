// Erasure leaves no trace: a canary string is written for one candidate into every text and JSON
// column that can hold their data (through the real procedures where one exists), and a second
// candidate gets their own. After the erasure a scan of every text, varchar and jsonb column of
// every table finds no trace of the first canary, and every row of the second candidate (and of
// another agency) is exactly as it was.
import { schema as s, sql } from "@debrief/db";
import { type AgencyFixture, createAgencyFixture, type FixtureUser } from "@debrief/db/factories";
import { afterAll, describe, expect, it } from "vitest";
import { asAgency, callerFor, connect } from "./support";

const { app, owner, close } = connect();
afterAll(close);

type Person = {
  user: FixtureUser;
  candidateId: string;
  feedbackId: string;
  gapItemId: string;
  strengthItemId: string;
  interviewId: string;
};

/** Writes `canary` into everything the agency can hold about one candidate. */
async function writeCanaries(f: AgencyFixture, who: Person, canary: string) {
  const name = `Kit ${canary}`;
  const email = `${canary}@mail.test`;
  // Their name and email on the candidate record and the account, as a real edit would leave them.
  await owner.execute(
    sql`update users set name = ${name}, email = ${email} where id = ${who.user.id}::uuid`,
  );
  await owner.execute(
    sql`update candidates set name = ${name}, email = ${email}, headline = ${`Headline ${canary}`}
        where id = ${who.candidateId}::uuid`,
  );
  const user: FixtureUser = { ...who.user, name, email };
  const candidate = callerFor(app, user);
  const consultant = callerFor(app, f.users.consultant);

  // Through the procedures: rating, question, goal with a step, done (the owner is told, by name),
  // journal, erasure request (the admins are told, by name), the consultant's answer and comment.
  await candidate.myFeedback.respond({
    itemId: who.gapItemId,
    helpful: true,
    comment: `Rating ${canary}`,
  });
  await candidate.myFeedback.ask({ feedbackId: who.feedbackId, body: `Question ${canary}` });
  const goal = await candidate.plan.createGoalFromItem({
    itemId: who.gapItemId,
    title: `Goal ${canary}`,
    measure: `Measure ${canary}`,
  });
  await candidate.plan.addStep({ goalId: goal.id, title: `Step ${canary}` });
  await candidate.plan.setGoalStatus({ goalId: goal.id, status: "done" });
  await candidate.journal.create({
    kind: "win",
    title: `Win ${canary}`,
    body: `Journal ${canary}`,
    goalId: goal.id,
  });
  await candidate.myData.requestErasure();
  await consultant.clarification.answer({ feedbackId: who.feedbackId, body: `Answer ${canary}` });
  await consultant.goal.comment({ goalId: goal.id, body: `Cheer ${canary}` });

  // What no procedure writes yet, or not with text we choose: straight into the tables.
  await asAgency(app, f.users.admin, async (tx) => {
    await tx.execute(sql`
      update feedback set summary = ${`Summary ${canary}`}, review_comment = ${`Review ${canary}`},
             fairness_override_reason = ${`Override ${canary}`}
      where interview_id in (select id from interviews where candidate_id = ${who.candidateId})`);
    await tx.execute(sql`
      update feedback_items set detail = ${`Detail ${canary}`}, next_step = ${`Next ${canary}`}
      where feedback_id in (select f.id from feedback f join interviews i on i.id = f.interview_id
                            where i.candidate_id = ${who.candidateId})`);
    await tx.insert(s.feedbackRevisions).values({
      agencyId: f.agencyId,
      feedbackId: who.feedbackId,
      version: 99,
      summary: `Old summary ${canary}`,
      items: [{ lens: "skills_experience", kind: "strength", detail: `Old detail ${canary}` }],
      editedById: f.users.consultant.id,
    });
    await tx.insert(s.itemResponses).values({
      agencyId: f.agencyId,
      feedbackItemId: who.strengthItemId,
      candidateId: who.candidateId,
      helpful: false,
      comment: `Second rating ${canary}`,
    });
    await tx.insert(s.clientFeedbackRequests).values({
      agencyId: f.agencyId,
      interviewId: who.interviewId,
      requestedById: f.users.consultant.id,
      recipientEmail: `hm-${canary}@client.test`,
      tokenHash: `cfr-${canary}`,
      expiresAt: new Date(Date.now() + 86_400_000),
      answers: { notes: `Client notes about ${canary}` },
    });
    await tx.execute(sql`
      update action_plans set title = ${`Plan ${canary}`} where candidate_id = ${who.candidateId}`);
    await tx.execute(sql`
      update goals set dropped_reason = ${`Dropped ${canary}`}
      where action_plan_id in (select id from action_plans where candidate_id = ${who.candidateId})`);
    await tx.insert(s.notifications).values({
      agencyId: f.agencyId,
      userId: who.user.id,
      kind: "test",
      title: `Notice ${canary}`,
      body: `Body ${canary}`,
      link: `/somewhere/${canary}`,
    });
    await tx.insert(s.outbox).values({
      agencyId: f.agencyId,
      topic: "invitation.sent",
      payload: { userId: who.user.id, email },
    });
    // Emails the worker delivered: one to them, one to staff about them (named, linking a record).
    await tx.insert(s.mailMessages).values([
      {
        agencyId: f.agencyId,
        outboxId: crypto.randomUUID(),
        userId: who.user.id,
        toAddress: email,
        subject: `Notice ${canary}`,
        textBody: `Body ${canary}`,
        htmlBody: `<p>Body ${canary}</p>`,
        transport: "dev",
      },
      {
        agencyId: f.agencyId,
        outboxId: crypto.randomUUID(),
        userId: f.users.consultant.id,
        toAddress: f.users.consultant.email,
        subject: `${name} asked a question`,
        textBody: `Open in Debrief: http://localhost:3000/feedback/${who.feedbackId}`,
        htmlBody: `<p>${name} asked a question</p>`,
        transport: "smtp",
      },
    ]);
    await tx.execute(sql`
      update data_requests set note = ${`Note ${canary}`} where candidate_id = ${who.candidateId}`);
    await tx.insert(s.invitations).values({
      agencyId: f.agencyId,
      userId: who.user.id,
      invitedById: f.users.admin.id,
      tokenHash: `invite-${canary}`,
      expiresAt: new Date(Date.now() + 86_400_000),
    });
  });
  await owner.insert(s.loginAttempts).values([
    { key: `account:${email}`, succeeded: false },
    { key: `account:${email}`, succeeded: true },
  ]);
  return { name, email, goalId: goal.id, planId: goal.planId };
}

type Column = { table: string; column: string };

async function textColumns(): Promise<Column[]> {
  return owner.execute<Column>(sql`
    select c.table_name as "table", c.column_name as "column"
    from information_schema.columns c
    join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
    where c.table_schema = 'public' and t.table_type = 'BASE TABLE'
      and c.data_type in ('text', 'character varying', 'character', 'jsonb', 'json')
    order by 1, 2`);
}

/** "table.column: n" for every column holding `needle`, as the owner (behind RLS). */
async function traces(needle: string): Promise<string[]> {
  const hits: string[] = [];
  for (const { table, column } of await textColumns()) {
    const [row] = await owner.execute<{ n: number }>(
      sql`select count(*)::int as n from ${sql.identifier(table)}
          where strpos(${sql.identifier(column)}::text, ${needle}) > 0`,
    );
    if (row?.n) hits.push(`${table}.${column}: ${row.n}`);
  }
  return hits;
}

/** Every row of every public table that mentions one of `needles`, as sorted JSON. */
async function rowsMentioning(needles: string[]): Promise<Record<string, string[]>> {
  const tables = await owner.execute<{ table: string }>(sql`
    select table_name as "table" from information_schema.tables
    where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`);
  const out: Record<string, string[]> = {};
  for (const { table } of tables) {
    const rows = await owner.execute<{ row: string }>(sql`
      select row_to_json(t)::text as row from ${sql.identifier(table)} t
      where exists (select 1 from unnest(${sql.raw(
        `array[${needles.map((n) => `'${n.replaceAll("'", "''")}'`).join(", ")}]::text[]`,
      )}) x(needle) where strpos(row_to_json(t)::text, x.needle) > 0)`);
    if (rows.length) out[table] = rows.map((r) => r.row).sort();
  }
  return out;
}

/** Rows per tenant table for one agency, to prove another agency is untouched. */
async function agencyCounts(agencyId: string): Promise<Record<string, number>> {
  const tables = await owner.execute<{ table: string }>(sql`
    select c.table_name as "table" from information_schema.columns c
    join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
    where c.table_schema = 'public' and c.column_name = 'agency_id' and t.table_type = 'BASE TABLE'
    order by 1`);
  const out: Record<string, number> = {};
  for (const { table } of tables) {
    const [row] = await owner.execute<{ n: number }>(
      sql`select count(*)::int as n from ${sql.identifier(table)} where agency_id = ${agencyId}::uuid`,
    );
    out[table] = row?.n ?? 0;
  }
  return out;
}

function personOf(f: AgencyFixture, which: "a" | "b"): Promise<Person> {
  const feedbackId = which === "a" ? f.feedback.published.id : f.feedback.publishedB.id;
  return (async () => {
    const items = await owner.execute<{ id: string; kind: string }>(
      sql`select id, kind::text as kind from feedback_items where feedback_id = ${feedbackId}::uuid
          order by position`,
    );
    const gap = items.find((i) => i.kind === "gap");
    const strength = items.find((i) => i.kind === "strength");
    if (!gap || !strength) throw new Error("the fixture's feedback needs a gap and a strength");
    return {
      user: which === "a" ? f.users.candidateA : f.users.candidateB,
      candidateId: which === "a" ? f.candidates.a : f.candidates.b,
      feedbackId,
      gapItemId: gap.id,
      strengthItemId: strength.id,
      interviewId: which === "a" ? f.interviews.published : f.interviews.publishedB,
    };
  })();
}

describe("erasure", () => {
  it("leaves no trace of the candidate in any table, and touches nobody else", async () => {
    const f = await createAgencyFixture(app, { label: "Erasure" });
    const other = await createAgencyFixture(app, { label: "Erasure Other" });
    const canaryA = `canaryA${crypto.randomUUID().replaceAll("-", "")}`;
    const canaryB = `canaryB${crypto.randomUUID().replaceAll("-", "")}`;
    const a = await personOf(f, "a");
    const b = await personOf(f, "b");
    const written = await writeCanaries(f, a, canaryA);
    await writeCanaries(f, b, canaryB);

    // The canary really is everywhere, so the scan below can fail.
    const before = await traces(canaryA);
    expect(before.map((h) => h.split(":")[0])).toEqual(
      expect.arrayContaining([
        "candidates.email",
        "candidates.headline",
        "candidates.name",
        "users.email",
        "users.name",
        "feedback.summary",
        "feedback.review_comment",
        "feedback.fairness_override_reason",
        "feedback_items.detail",
        "feedback_items.next_step",
        "feedback_revisions.summary",
        "feedback_revisions.items",
        "item_responses.comment",
        "clarification_messages.body",
        "client_feedback_requests.recipient_email",
        "client_feedback_requests.answers",
        "client_feedback_requests.token_hash",
        "action_plans.title",
        "goals.title",
        "goals.measure",
        "goals.dropped_reason",
        "goal_steps.title",
        "goal_comments.body",
        "journal_entries.title",
        "journal_entries.body",
        "notifications.title",
        "notifications.body",
        "notifications.link",
        "outbox.payload",
        "mail_messages.to_address",
        "mail_messages.subject",
        "mail_messages.text_body",
        "mail_messages.html_body",
        "data_requests.note",
        "invitations.token_hash",
        "login_attempts.key",
      ]),
    );
    const tracesB = await traces(canaryB);
    const [pendingB] = await owner.execute<{ id: string }>(
      sql`select id from data_requests where candidate_id = ${b.candidateId}::uuid`,
    );
    const idsOfB = [b.candidateId, b.user.id, b.feedbackId, b.interviewId, pendingB?.id ?? ""];
    const rowsOfB = await rowsMentioning([canaryB, ...idsOfB]);
    expect(Object.keys(rowsOfB).length).toBeGreaterThan(15);
    const countsOfOther = await agencyCounts(other.agencyId);

    const [request] = await owner.execute<{ id: string }>(
      sql`select id from data_requests where candidate_id = ${a.candidateId}::uuid`,
    );
    const result = await callerFor(app, f.users.admin).admin.dataRequests.erase({
      candidateId: a.candidateId,
      dataRequestId: request?.id,
      confirmation: written.name,
    });
    expect(result.alreadyErased).toBe(false);

    expect(await traces(canaryA)).toEqual([]);
    expect(await traces(canaryB)).toEqual(tracesB);
    expect(await rowsMentioning([canaryB, ...idsOfB])).toEqual(rowsOfB);
    expect(await agencyCounts(other.agencyId)).toEqual(countsOfOther);

    // What stays: a tombstone, the anonymised account, the completed request, the audit trail.
    const [tombstone] = await owner.execute<{ name: string; erased: boolean }>(
      sql`select name, erased_at is not null as erased from candidates where id = ${a.candidateId}::uuid`,
    );
    expect(tombstone).toEqual({ name: "Erased candidate", erased: true });
    const [requestRow] = await owner.execute<{ status: string; note: string | null }>(
      sql`select status::text as status, note from data_requests where id = ${request?.id}::uuid`,
    );
    expect(requestRow).toEqual({ status: "completed", note: null });
    for (const table of [
      "interviews",
      "action_plans",
      "journal_entries",
      "item_responses",
    ] as const) {
      const [row] = await owner.execute<{ n: number }>(
        sql`select count(*)::int as n from ${sql.identifier(table)} where candidate_id = ${a.candidateId}::uuid`,
      );
      expect({ table, n: row?.n }).toEqual({ table, n: 0 });
    }
    const [audits] = await owner.execute<{ n: number }>(
      sql`select count(*)::int as n from audit_events where entity_id = ${a.candidateId}::uuid
          and action = 'candidate.erased'`,
    );
    expect(audits?.n).toBe(1);
    expect(result.counts).toMatchObject({
      interviews: 3,
      feedback: 2,
      revisions: 1,
      responses: 2,
      messages: 2,
      clientFeedbackRequests: 1,
      actionPlans: 1,
      goals: 1,
      goalSteps: 1,
      goalComments: 1,
      journalEntries: 1,
      invitations: 1,
      loginAttempts: 2,
      accounts: 1,
    });
  });
});
