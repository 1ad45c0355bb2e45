// The retention job: for each agency, erase the candidates nobody has heard from for longer than
// the agency keeps data, and drop read notifications, delivered outbox rows and sent mail past that age.
// Every query runs inside withTenant for its agency, so row-level security holds; the clock is a
// parameter so tests (and a dry look at a future date) can move it.
import { type Database, sql, withTenant } from "@debrief/db";
import { audit, eraseCandidate } from "./erasure";

export type AgencyPurge = {
  agencyId: string;
  retentionMonths: number;
  cutoff: Date;
  candidatesErased: number;
  notifications: number;
  outbox: number;
  mail: number;
};

/**
 * The latest sign of life of each candidate: their record changing, their interviews (scheduled
 * or decided), feedback published to them, their responses and questions, their plans, goals,
 * steps and journal. A candidate whose latest is before the cutoff has gone quiet.
 */
const lastActivity = sql`greatest(
  c.updated_at,
  c.created_at,
  (select max(greatest(i.scheduled_at, i.outcome_at)) from interviews i where i.candidate_id = c.id),
  (select max(greatest(f.published_at, f.first_published_at)) from feedback f
     join interviews i on i.agency_id = f.agency_id and i.id = f.interview_id
     where i.candidate_id = c.id),
  (select max(j.updated_at) from journal_entries j where j.candidate_id = c.id),
  (select max(r.updated_at) from item_responses r where r.candidate_id = c.id),
  (select max(m.created_at) from clarification_messages m where m.author_id = c.user_id),
  (select max(p.updated_at) from action_plans p where p.candidate_id = c.id),
  (select max(greatest(g.updated_at, st.done_at)) from goals g
     join action_plans p on p.agency_id = g.agency_id and p.id = g.action_plan_id
     left join goal_steps st on st.agency_id = g.agency_id and st.goal_id = g.id
     where p.candidate_id = c.id)
)`;

const systemTenant = (agencyId: string) => ({ agencyId, userId: null, role: "admin" as const });

/**
 * Purges what each agency keeps past its retention period, as of `now`. Idempotent: a second run
 * at the same clock finds nothing. One transaction per candidate erased (a failure leaves the
 * others done), then one for the agency's notices, outbox and its audit row.
 */
export async function purgeExpired({
  db,
  now,
  agencyIds,
}: {
  /** Any connection; the app role is enough, since everything runs in the agency's tenant. */
  db: Database;
  now: Date;
  /** The agencies to purge (the CLI lists every agency as the database owner). */
  agencyIds: string[];
}): Promise<AgencyPurge[]> {
  const results: AgencyPurge[] = [];
  const requestId = `retention:${now.toISOString()}`;
  for (const agencyId of agencyIds) {
    const setting = await withTenant(db, systemTenant(agencyId), async (tx) => {
      const [row] = await tx.execute<{ months: number; cutoff: Date | string }>(
        sql`select retention_months as months,
                   ${now.toISOString()}::timestamptz - make_interval(months => retention_months) as cutoff
            from agencies where id = ${agencyId}`,
      );
      if (!row) return null;
      const cutoff = new Date(row.cutoff);
      const expired = await tx.execute<{ id: string }>(
        sql`select c.id from candidates c
            where c.erased_at is null and ${lastActivity} < ${cutoff.toISOString()}::timestamptz
            order by c.id`,
      );
      return { months: row.months, cutoff, expired: expired.map((r) => r.id) };
    });
    if (!setting) continue;

    let candidatesErased = 0;
    for (const candidateId of setting.expired) {
      const erased = await withTenant(db, systemTenant(agencyId), (tx) =>
        eraseCandidate(
          { tx, agencyId, actorId: null, requestId },
          { candidateId, trigger: "retention" },
        ),
      );
      if (!erased.alreadyErased) candidatesErased++;
    }

    const swept = await withTenant(db, systemTenant(agencyId), async (tx) => {
      const [counts] = await tx.execute<{
        notifications: number;
        outbox: number;
        mail: number;
      }>(sql`
        with n as (
          delete from notifications
          where read_at is not null and created_at < ${setting.cutoff.toISOString()}::timestamptz
          returning 1
        ), o as (
          delete from outbox
          where processed_at is not null and created_at < ${setting.cutoff.toISOString()}::timestamptz
          returning 1
        ), m as (
          delete from mail_messages where created_at < ${setting.cutoff.toISOString()}::timestamptz
          returning 1
        ), k as (
          -- Idempotency keys protect retries, which come within minutes: a day is plenty.
          delete from idempotency_keys
          where created_at < ${now.toISOString()}::timestamptz - interval '1 day'
        )
        select (select count(*) from n)::int as notifications, (select count(*) from o)::int as outbox,
               (select count(*) from m)::int as mail`);
      const result = {
        notifications: counts?.notifications ?? 0,
        outbox: counts?.outbox ?? 0,
        mail: counts?.mail ?? 0,
      };
      if (candidatesErased || result.notifications || result.outbox || result.mail) {
        await audit(
          { tx, agencyId, actorId: null, requestId },
          "retention.purged",
          "agency",
          agencyId,
          {
            retentionMonths: setting.months,
            cutoff: setting.cutoff.toISOString(),
            candidatesErased,
            notifications: result.notifications,
            outbox: result.outbox,
            mail: result.mail,
          },
        );
      }
      return result;
    });
    results.push({
      agencyId,
      retentionMonths: setting.months,
      cutoff: setting.cutoff,
      candidatesErased,
      ...swept,
    });
  }
  return results;
}
