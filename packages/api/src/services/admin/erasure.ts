// Erasing a candidate: one function, used by an admin's erasure and by the retention job. In the
// caller's tenant transaction it removes the candidate's personal data from every table, keeps
// the candidate row as a tombstone (so data requests and the audit trail still point somewhere)
// and records what it removed as counts, never as content.
import { type SQL, schema as s, sql, type Tx } from "@debrief/db";
import type { ErasureCounts } from "@debrief/validators";
import { notFound } from "../../errors";

/** Who is erasing, in which agency: an admin (actorId) or the retention job (null). */
export type ErasureScope = {
  tx: Tx;
  agencyId: string;
  actorId: string | null;
  requestId: string | null;
};

export type ErasureTrigger = "request" | "admin" | "retention";

export type ErasureResult = {
  alreadyErased: boolean;
  /** Erasure requests this completed, including one created for an admin's own erasure. */
  dataRequestIds: string[];
  counts: ErasureCounts;
};

export const ERASED_NAME = "Erased candidate";
/** Anonymised accounts keep their row (data requests point at it) under this reserved domain. */
export const ERASED_EMAIL_PATTERN = "%@erased.invalid";
export const erasedEmail = (id: string) => `erased-${id}@erased.invalid`;

const zeroCounts: ErasureCounts = {
  interviews: 0,
  feedback: 0,
  feedbackItems: 0,
  revisions: 0,
  responses: 0,
  messages: 0,
  clientFeedbackRequests: 0,
  actionPlans: 0,
  goals: 0,
  goalSteps: 0,
  goalComments: 0,
  journalEntries: 0,
  notifications: 0,
  outbox: 0,
  mail: 0,
  invitations: 0,
  loginAttempts: 0,
  accounts: 0,
};

/** A text[] literal of bound parameters (an empty list is a typed empty array). */
function textArray(values: string[]): SQL {
  if (!values.length) return sql`array[]::text[]`;
  return sql`array[${sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  )}]::text[]`;
}

async function ids(tx: Tx, query: SQL): Promise<string[]> {
  const rows = await tx.execute<{ id: string }>(query);
  return rows.map((r) => r.id);
}

async function count(tx: Tx, statement: SQL): Promise<number> {
  const [row] = await tx.execute<{ n: number }>(
    sql`with changed as (${statement} returning 1) select count(*)::int as n from changed`,
  );
  return row?.n ?? 0;
}

/** The serialising lock shared with the candidate's own erasure request (services/my-data.ts). */
export async function lockCandidateRequests(tx: Tx, candidateId: string) {
  await tx.execute(
    sql`select pg_advisory_xact_lock(hashtextextended(${`data_request:${candidateId}`}, 0))`,
  );
}

/**
 * Erases one candidate of the scope's agency. Idempotent: a candidate already erased is left as
 * it is (any erasure request still pending for them is completed). NOT_FOUND for a candidate the
 * agency does not have.
 */
export async function eraseCandidate(
  scope: ErasureScope,
  opts: { candidateId: string; trigger: ErasureTrigger; dataRequestId?: string },
): Promise<ErasureResult> {
  const { tx } = scope;
  const { candidateId } = opts;
  await lockCandidateRequests(tx, candidateId);
  const [candidate] = await tx.execute<{
    name: string;
    email: string;
    user_id: string | null;
    erased_at: string | null;
  }>(
    sql`select name, email, user_id, erased_at from candidates where id = ${candidateId} for update`,
  );
  if (!candidate) throw notFound("Candidate");
  if (candidate.erased_at) {
    const dataRequestIds = await completePending(scope, candidateId);
    return { alreadyErased: true, dataRequestIds, counts: { ...zeroCounts } };
  }

  // Their sign-in: the linked account, or a candidate account invited under their email that no
  // other candidate record claims.
  const users = await tx.execute<{ id: string; name: string; email: string }>(sql`
    select u.id, u.name, u.email from users u
    where u.id = ${candidate.user_id}
       or (u.role = 'candidate' and lower(u.email) = lower(${candidate.email})
           and not exists (select 1 from candidates c where c.user_id = u.id and c.id <> ${candidateId}))`);
  const userIds = users.map((u) => u.id);
  const emails = [
    ...new Set([candidate.email, ...users.map((u) => u.email)].map((e) => e.toLowerCase())),
  ];
  const names = [...new Set([candidate.name, ...users.map((u) => u.name)].filter((n) => n.trim()))];

  const interviewIds = await ids(
    tx,
    sql`select id from interviews where candidate_id = ${candidateId}`,
  );
  const feedbackIds = await ids(
    tx,
    sql`select f.id from feedback f join interviews i on i.agency_id = f.agency_id and i.id = f.interview_id
        where i.candidate_id = ${candidateId}`,
  );
  const planIds = await ids(
    tx,
    sql`select id from action_plans where candidate_id = ${candidateId}`,
  );
  const goalIds = await ids(
    tx,
    sql`select g.id from goals g join action_plans p on p.agency_id = g.agency_id and p.id = g.action_plan_id
        where p.candidate_id = ${candidateId}`,
  );
  const requestIds = await ids(
    tx,
    sql`select id from data_requests where candidate_id = ${candidateId}`,
  );
  // Anything that names one of these records is about the candidate.
  const refs = [
    candidateId,
    ...userIds,
    ...interviewIds,
    ...feedbackIds,
    ...planIds,
    ...goalIds,
    ...requestIds,
  ];

  const [before] = await tx.execute<
    Omit<
      ErasureCounts,
      "notifications" | "outbox" | "mail" | "invitations" | "loginAttempts" | "accounts"
    >
  >(sql`
    with iv as (select id from interviews where candidate_id = ${candidateId}),
         fb as (select f.id from feedback f where f.interview_id in (select id from iv)),
         pl as (select id from action_plans where candidate_id = ${candidateId}),
         gl as (select g.id from goals g where g.action_plan_id in (select id from pl))
    select
      (select count(*) from iv)::int as "interviews",
      (select count(*) from fb)::int as "feedback",
      (select count(*) from feedback_items where feedback_id in (select id from fb))::int as "feedbackItems",
      (select count(*) from feedback_revisions where feedback_id in (select id from fb))::int as "revisions",
      (select count(*) from item_responses where candidate_id = ${candidateId}
          or feedback_item_id in (select id from feedback_items where feedback_id in (select id from fb)))::int as "responses",
      (select count(*) from clarification_messages where feedback_id in (select id from fb))::int as "messages",
      (select count(*) from client_feedback_requests where interview_id in (select id from iv))::int as "clientFeedbackRequests",
      (select count(*) from pl)::int as "actionPlans",
      (select count(*) from gl)::int as "goals",
      (select count(*) from goal_steps where goal_id in (select id from gl))::int as "goalSteps",
      (select count(*) from goal_comments where goal_id in (select id from gl))::int as "goalComments",
      (select count(*) from journal_entries where candidate_id = ${candidateId})::int as "journalEntries"`);

  // Notices to them; notices to staff about their records (by id in the link, or a title that
  // starts with their name: "Ari asked…"); outbox messages for those notices or that name them or
  // their records; and the emails sent to them or about them (their address, or a link to one of
  // their records in the body).
  const noticeIds = await ids(
    tx,
    sql`delete from notifications n
        where n.user_id::text = any(${textArray(userIds)})
           or (n.link is not null and exists (
                 select 1 from unnest(${textArray(refs)}) r(id) where position(r.id in n.link) > 0))
           or exists (select 1 from unnest(${textArray(names)}) x(name)
                      where starts_with(n.title, x.name || ' '))
           or exists (select 1 from unnest(${textArray(emails)}) x(email)
                      where position(x.email in lower(n.title || ' ' || n.body)) > 0)
        returning n.id`,
  );
  const outboxIds = await ids(
    tx,
    sql`delete from outbox o
        where o.payload->>'notificationId' = any(${textArray(noticeIds)})
           or case when jsonb_typeof(o.payload) = 'object' then exists (
                select 1 from jsonb_each_text(o.payload) e
                where e.value = any(${textArray(refs)}))
              else false end
           or exists (select 1 from unnest(${textArray(emails)}) x(email)
                      where position(x.email in lower(o.payload::text)) > 0)
        returning o.id`,
  );
  const mail = await count(
    tx,
    sql`delete from mail_messages m
        where m.outbox_id::text = any(${textArray(outboxIds)})
           or m.user_id::text = any(${textArray(userIds)})
           or lower(m.to_address) = any(${textArray(emails)})
           or exists (select 1 from unnest(${textArray(refs)}) r(id) where position(r.id in m.text_body) > 0)
           or exists (select 1 from unnest(${textArray(names)}) x(name)
                      where starts_with(m.subject, x.name || ' '))
           or exists (select 1 from unnest(${textArray(emails)}) x(email)
                      where position(x.email in lower(m.subject || ' ' || m.text_body)) > 0)`,
  );
  // Journal entries and plans point at interviews and feedback: they go first.
  await tx.execute(sql`delete from journal_entries where candidate_id = ${candidateId}`);
  await tx.execute(sql`delete from action_plans where candidate_id = ${candidateId}`);
  await tx.execute(sql`delete from item_responses where candidate_id = ${candidateId}`);
  // Feedback, items, revisions, responses, messages and client requests hang off the interviews.
  await tx.execute(sql`delete from interviews where candidate_id = ${candidateId}`);
  const invitations = await count(
    tx,
    sql`delete from invitations where user_id::text = any(${textArray(userIds)})`,
  );
  const loginAttempts = await count(
    tx,
    sql`delete from login_attempts
        where lower(key) = any(${textArray(emails.map((e) => `account:${e}`))})`,
  );
  const accounts = await count(
    tx,
    sql`update users set name = ${ERASED_NAME}, email = 'erased-' || id || '@erased.invalid',
               status = 'disabled', password_hash = null, updated_at = now()
        where id::text = any(${textArray(userIds)})`,
  );
  // Requests keep their kind and dates; a reason written about them goes.
  await tx.execute(sql`update data_requests set note = null where candidate_id = ${candidateId}`);
  await tx.execute(sql`
    update candidates set name = ${ERASED_NAME}, email = ${erasedEmail(candidateId)},
           headline = null, user_id = null, erased_at = now(), updated_at = now()
    where id = ${candidateId}`);

  const counts: ErasureCounts = {
    ...zeroCounts,
    ...before,
    notifications: noticeIds.length,
    outbox: outboxIds.length,
    mail,
    invitations,
    loginAttempts,
    accounts,
  };
  const dataRequestIds = await completePending(scope, candidateId);
  if (opts.trigger === "admin" && scope.actorId && !dataRequestIds.length) {
    // An admin acting on their own still leaves a request in the history.
    const [row] = await tx
      .insert(s.dataRequests)
      .values({
        agencyId: scope.agencyId,
        candidateId,
        kind: "erasure",
        status: "completed",
        requestedById: scope.actorId,
        completedAt: new Date(),
      })
      .returning({ id: s.dataRequests.id });
    if (row) {
      dataRequestIds.push(row.id);
      await audit(scope, "data_request.completed", "data_request", row.id, { kind: "erasure" });
    }
  }
  await audit(scope, "candidate.erased", "candidate", candidateId, {
    trigger: opts.trigger,
    ...(opts.dataRequestId ? { dataRequestId: opts.dataRequestId } : {}),
    counts,
  });
  return { alreadyErased: false, dataRequestIds, counts };
}

/** Completes the candidate's pending erasure requests, each with its own audit row. */
async function completePending(scope: ErasureScope, candidateId: string): Promise<string[]> {
  const done = await scope.tx.execute<{ id: string }>(sql`
    update data_requests set status = 'completed', completed_at = now(), updated_at = now()
    where candidate_id = ${candidateId} and kind = 'erasure' and status = 'pending'
    returning id`);
  for (const row of done) {
    await audit(scope, "data_request.completed", "data_request", row.id, { kind: "erasure" });
  }
  return done.map((r) => r.id);
}

export async function audit(
  scope: ErasureScope,
  action: string,
  entityType: string,
  entityId: string,
  metadata: Record<string, unknown>,
) {
  await scope.tx.insert(s.auditEvents).values({
    agencyId: scope.agencyId,
    actorId: scope.actorId,
    requestId: scope.requestId,
    action,
    entityType,
    entityId,
    metadata,
  });
}
