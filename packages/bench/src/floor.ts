// The floor: the same rows as the four measured tRPC reads, served by a bare node:http server and
// postgres.js running the best single statement we can write for each — no session, no tenant
// transaction, no row-level security, no validation, as the owner role. Whatever the portals do
// beyond this is overhead; the bench reports tRPC's requests/s as a fraction of this server's.
//
// Run as a child process (so it does not share the bench's event loop with autocannon):
//   FLOOR_DATABASE_URL=postgres://… FLOOR_PORT=3299 node --import tsx src/floor.ts
// Routes (identity in the query string, as the session would supply it):
//   GET /inbox?agency=&user=                 the candidate's inbox          (myFeedback.list)
//   GET /feedback?agency=&user=&id=          one published feedback         (myFeedback.byId)
//   GET /dashboard?agency=&user=&role=       owed feedback + overview       (feedback.owed, dashboard.overview)
//   GET /candidates?agency=&page=&size=      candidate list + staff options (candidate.list, candidate.formOptions)
import { createServer, type Server } from "node:http";
import { fileURLToPath } from "node:url";
import postgres from "postgres";

export type Sql = postgres.Sql;

/** The candidate's inbox: newest 100 published feedback with counts and the last revision. */
export const inboxSql = `
  select coalesce(json_agg(row_to_json(t) order by t."publishedAt" desc), '[]')::text as body
  from (
    select f.id, j.title as "jobTitle", c.name as "clientName", i.stage,
           f.published_at as "publishedAt", f.read_at is not null as read,
           (select max(r.created_at) from feedback_revisions r
             where r.agency_id = f.agency_id and r.feedback_id = f.id) as "revisedAt",
           n.strengths, n.gaps
    from candidates ca
    join interviews i on i.agency_id = ca.agency_id and i.candidate_id = ca.id
    join feedback f on f.agency_id = i.agency_id and f.interview_id = i.id and f.status = 'published'
    join jobs j on j.agency_id = i.agency_id and j.id = i.job_id
    join clients c on c.agency_id = j.agency_id and c.id = j.client_id
    cross join lateral (
      select count(*) filter (where fi.kind = 'strength')::int as strengths,
             count(*) filter (where fi.kind = 'gap')::int as gaps
      from feedback_items fi where fi.agency_id = f.agency_id and fi.feedback_id = f.id
    ) n
    where ca.agency_id = $1 and ca.user_id = $2
    order by f.published_at desc
    limit 100
  ) t`;

/** One published feedback of the candidate, with items, responses, goals, thread and previous text. */
export const feedbackSql = `
  with me as (select id from candidates where agency_id = $1 and user_id = $2),
  fb as (
    select f.id, f.agency_id, f.summary, f.published_at, f.acknowledged_at, u.name as consultant_name,
           j.title as job_title, c.name as client_name, i.stage, i.scheduled_at
    from feedback f
    join interviews i on i.agency_id = f.agency_id and i.id = f.interview_id
    join me on me.id = i.candidate_id
    join jobs j on j.agency_id = i.agency_id and j.id = i.job_id
    join clients c on c.agency_id = j.agency_id and c.id = j.client_id
    join users u on u.agency_id = f.agency_id and u.id = f.author_id
    where f.agency_id = $1 and f.id = $3 and f.status = 'published'
  )
  select json_build_object(
    'id', fb.id, 'summary', fb.summary, 'publishedAt', fb.published_at,
    'revisedAt', (select max(r.created_at) from feedback_revisions r
                  where r.agency_id = fb.agency_id and r.feedback_id = fb.id),
    'consultantName', fb.consultant_name, 'jobTitle', fb.job_title, 'clientName', fb.client_name,
    'stage', fb.stage, 'interviewDate', fb.scheduled_at, 'acknowledgedAt', fb.acknowledged_at,
    'items', (
      select coalesce(json_agg(json_build_object(
               'id', fi.id, 'lens', fi.lens, 'kind', fi.kind, 'competency', co.name,
               'reason', re.label, 'detail', fi.detail, 'nextStep', fi.next_step)
             order by fi.lens, fi.kind, fi.position), '[]')
      from feedback_items fi
      left join competencies co on co.agency_id = fi.agency_id and co.id = fi.competency_id
      left join reasons re on re.agency_id = fi.agency_id and re.id = fi.reason_id
      where fi.agency_id = fb.agency_id and fi.feedback_id = fb.id),
    'responses', (
      select coalesce(json_agg(json_build_object(
               'itemId', ir.feedback_item_id, 'helpful', ir.helpful, 'comment', ir.comment,
               'updatedAt', ir.updated_at)), '[]')
      from feedback_items fi
      join item_responses ir on ir.agency_id = fi.agency_id and ir.feedback_item_id = fi.id
      where fi.agency_id = fb.agency_id and fi.feedback_id = fb.id and ir.candidate_id = me.id),
    'thread', (
      select coalesce(json_agg(json_build_object(
               'id', m.id, 'body', m.body, 'createdAt', m.created_at, 'authorName', u.name,
               'mine', m.author_id = $2) order by m.created_at, m.id), '[]')
      from clarification_messages m
      join users u on u.agency_id = m.agency_id and u.id = m.author_id
      where m.agency_id = fb.agency_id and m.feedback_id = fb.id),
    'previous', (
      select json_build_object('summary', r.summary, 'items', (
               select coalesce(json_agg(json_build_object('detail', e->>'detail',
                                                          'nextStep', e->>'nextStep')), '[]')
               from jsonb_array_elements(r.items) e))
      from feedback_revisions r
      where r.agency_id = fb.agency_id and r.feedback_id = fb.id
      order by r.version desc limit 1),
    'goals', (
      select coalesce(json_agg(json_build_object(
               'itemId', gi.feedback_item_id, 'goalId', g.id, 'title', g.title, 'status', g.status)
             order by g.created_at), '[]')
      from feedback_items fi
      join goal_items gi on gi.agency_id = fi.agency_id and gi.feedback_item_id = fi.id
      join goals g on g.agency_id = gi.agency_id and g.id = gi.goal_id
      join action_plans ap on ap.agency_id = g.agency_id and ap.id = g.action_plan_id
      where fi.agency_id = fb.agency_id and fi.feedback_id = fb.id and ap.candidate_id = me.id)
  )::text as body
  from fb, me`;

/** The consultant dashboard's two reads in one statement: owed feedback and the overview. */
export const dashboardSql = `
  with a as (select id, feedback_sla_hours as sla from agencies where id = $1)
  select json_build_object(
    'owed', (
      select coalesce(json_agg(t order by t."rejectedAt"), '[]') from (
        select i.id as "interviewId", ca.name as "candidateName", j.title as "jobTitle",
               c.name as "clientName", i.stage, coalesce(i.outcome_at, now()) as "rejectedAt",
               a.sla as "slaHours", f.id as "feedbackId", f.status as "feedbackStatus",
               floor(greatest(0, extract(epoch from now() - coalesce(i.outcome_at, now())) / 3600))::int
                 as "hoursSinceRejection",
               extract(epoch from now() - coalesce(i.outcome_at, now())) / 3600 > a.sla as overdue
        from (
          -- The report facts' partial index of unpublished rejections, as the service reads it.
          select o.interview_id as id, o.outcome_at from rejection_facts o
          where o.agency_id = $1 and not o.published
            and ($3 = 'admin' or o.consultant_id = $2)
          order by o.outcome_at
          limit 200) owed
        join interviews i on i.agency_id = $1 and i.id = owed.id
        cross join a
        join candidates ca on ca.agency_id = i.agency_id and ca.id = i.candidate_id
        join jobs j on j.agency_id = i.agency_id and j.id = i.job_id
        join clients c on c.agency_id = j.agency_id and c.id = j.client_id
        left join feedback f on f.agency_id = i.agency_id and f.interview_id = i.id) t),
    'drafts', (
      select coalesce(json_agg(t order by t."updatedAt" desc), '[]') from (
        select f.interview_id as "interviewId", ca.name as "candidateName", j.title as "jobTitle",
               f.updated_at as "updatedAt", f.review_comment as "reviewComment"
        from feedback f
        join interviews i on i.agency_id = f.agency_id and i.id = f.interview_id
        join candidates ca on ca.agency_id = i.agency_id and ca.id = i.candidate_id
        join jobs j on j.agency_id = i.agency_id and j.id = i.job_id
        where f.agency_id = $1 and f.status = 'draft' and f.author_id = $2 and ca.erased_at is null
        order by f.updated_at desc limit 10) t),
    'awaitingApproval', (
      select coalesce(json_agg(t order by t."submittedAt"), '[]') from (
        select f.interview_id as "interviewId", ca.name as "candidateName", j.title as "jobTitle",
               au.name as "authorName", f.submitted_at as "submittedAt"
        from feedback f
        join interviews i on i.agency_id = f.agency_id and i.id = f.interview_id
        join candidates ca on ca.agency_id = i.agency_id and ca.id = i.candidate_id
        join jobs j on j.agency_id = i.agency_id and j.id = i.job_id
        join users au on au.agency_id = f.agency_id and au.id = f.author_id
        where f.agency_id = $1 and f.status = 'in_review' and f.author_id <> $2
          and (f.last_edited_by_id is null or f.last_edited_by_id <> $2) and ca.erased_at is null
        order by f.submitted_at limit 10) t),
    'questions', (
      select coalesce(json_agg(t order by t."askedAt"), '[]') from (
        select f.interview_id as "interviewId", f.id as "feedbackId", ca.id as "candidateId",
               ca.name as "candidateName", j.title as "jobTitle", m.body as question,
               l.created_at as "askedAt"
        from (
          -- Each thread's latest message whose author is not staff, oldest first.
          select n.id, n.feedback_id, n.created_at from (
            select distinct on (m.feedback_id) m.id, m.feedback_id, m.author_id, m.created_at
            from clarification_messages m
            where m.agency_id = $1
            order by m.feedback_id, m.created_at desc
          ) n
          where n.author_id not in (select u.id from users u
                                    where u.agency_id = $1 and u.role <> 'candidate')
          order by n.created_at
        ) l
        join clarification_messages m on m.agency_id = $1 and m.id = l.id
        join feedback f on f.agency_id = $1 and f.id = l.feedback_id
        join interviews i on i.agency_id = f.agency_id and i.id = f.interview_id
        join candidates ca on ca.agency_id = i.agency_id and ca.id = i.candidate_id
        join jobs j on j.agency_id = i.agency_id and j.id = i.job_id
        where ($3 = 'admin' or i.consultant_id = $2) and ca.erased_at is null
        order by l.created_at limit 10) t),
    'goalProgress', (
      select coalesce(json_agg(t order by t."updatedAt" desc), '[]') from (
        select ca.name as "candidateName", g.title as goal, g.status, g.updated_at as "updatedAt",
               n.steps, n.done
        from goals g
        join action_plans ap on ap.agency_id = g.agency_id and ap.id = g.action_plan_id
        join candidates ca on ca.agency_id = ap.agency_id and ca.id = ap.candidate_id
        cross join lateral (
          select count(*)::int as steps, count(*) filter (where gs.done_at is not null)::int as done
          from goal_steps gs where gs.agency_id = g.agency_id and gs.goal_id = g.id
        ) n
        where g.agency_id = $1 and ca.erased_at is null and g.updated_at > now() - interval '60 days'
          and ($3 = 'admin' or ca.owner_id = $2)
        order by g.updated_at desc limit 8) t)
  )::text as body`;

/** The candidate list's first page (with interview counts) and its total, plus the staff options. */
export const candidatesSql = `
  select json_build_object(
    'rows', (
      select coalesce(json_agg(t order by t.name, t.id), '[]') from (
        select ca.id, ca.name, ca.email, ca.headline, ca.owner_id as "ownerId", u.name as "ownerName",
               ca.user_id is not null as "hasLogin", n.interview_count as "interviewCount",
               n.last_interview_at as "lastInterviewAt"
        from candidates ca
        join users u on u.agency_id = ca.agency_id and u.id = ca.owner_id
        cross join lateral (
          select count(*)::int as interview_count, max(i.scheduled_at) as last_interview_at
          from interviews i where i.agency_id = ca.agency_id and i.candidate_id = ca.id
        ) n
        where ca.agency_id = $1 and ca.erased_at is null
        order by ca.name, ca.id
        limit $2 offset $3) t),
    'total', (select count(*)::int from candidates where agency_id = $1 and erased_at is null),
    'page', $4::int, 'pageSize', $2::int,
    'consultants', (
      select coalesce(json_agg(json_build_object('id', u.id, 'name', u.name) order by u.name, u.id), '[]')
      from users u
      where u.agency_id = $1 and u.role in ('consultant', 'admin') and u.status = 'active')
  )::text as body`;

type Handler = (sql: Sql, q: URLSearchParams) => Promise<string | null>;

const handlers: Record<string, Handler> = {
  "/inbox": async (sql, q) =>
    (await sql.unsafe(inboxSql, [q.get("agency"), q.get("user")], { prepare: true }))[0]?.body,
  "/feedback": async (sql, q) =>
    (
      await sql.unsafe(feedbackSql, [q.get("agency"), q.get("user"), q.get("id")], {
        prepare: true,
      })
    )[0]?.body ?? null,
  "/dashboard": async (sql, q) =>
    (
      await sql.unsafe(
        dashboardSql,
        [q.get("agency"), q.get("user"), q.get("role") ?? "consultant"],
        {
          prepare: true,
        },
      )
    )[0]?.body,
  "/candidates": async (sql, q) => {
    const page = Number(q.get("page") ?? 1);
    const size = Number(q.get("size") ?? 20);
    return (
      await sql.unsafe(candidatesSql, [q.get("agency"), size, (page - 1) * size, page], {
        prepare: true,
      })
    )[0]?.body;
  },
};

/** Starts the floor server; resolves once it listens. */
export async function startFloor(opts: { databaseUrl: string; port: number; poolSize?: number }) {
  // The same pool size as the portals' (packages/db createDb: max 10).
  const sql = postgres(opts.databaseUrl, { max: opts.poolSize ?? 10, onnotice: () => {} });
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://floor");
    const handler = handlers[url.pathname];
    if (!handler) {
      res.writeHead(404).end();
      return;
    }
    handler(sql, url.searchParams).then(
      (body) => {
        if (body == null) {
          res.writeHead(404, { "content-type": "application/json" }).end('{"error":"not found"}');
          return;
        }
        res.writeHead(200, { "content-type": "application/json" }).end(body);
      },
      (error: unknown) => {
        console.error(`[floor] ${(error as Error).message}`);
        res.writeHead(500).end();
      },
    );
  });
  await new Promise<void>((resolve) => server.listen(opts.port, "127.0.0.1", resolve));
  return {
    server,
    close: async () => {
      await new Promise((r) => server.close(r));
      await sql.end({ timeout: 1 });
    },
  };
}

// As a child process.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const databaseUrl = process.env.FLOOR_DATABASE_URL;
  const port = Number(process.env.FLOOR_PORT ?? 3299);
  if (!databaseUrl) throw new Error("FLOOR_DATABASE_URL is required");
  const floor = await startFloor({ databaseUrl, port });
  console.log(`floor listening on ${port}`);
  const stop = () => void floor.close().then(() => process.exit(0));
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}
