// The scheduled SLA notices: a reminder to the consultant when a rejected interview's feedback
// becomes overdue, and a daily digest of the agency's whole overdue backlog to its admins. Both
// run in the agency's tenant as the worker's jobs, and both are idempotent: every notice carries a
// dedupe key (the interview, or the agency's day), so a second run writes nothing.
import { type Database, sql, withTenant } from "@debrief/db";
import { notifyUser } from "./notify";

const DAY = 24 * 60 * 60 * 1000;
/** An interview that went overdue longer ago than this is the digest's business, not a reminder's. */
export const REMINDER_WINDOW_DAYS = 30;

const systemTenant = (agencyId: string) => ({ agencyId, userId: null, role: "admin" as const });

type Overdue = {
  interviewId: string;
  consultantId: string;
  consultantName: string;
  consultantActive: boolean;
  candidateName: string;
  jobTitle: string;
  slaHours: number;
  dueAt: Date;
};

/** Rejected interviews whose feedback is not published and whose SLA ran out before `now`. */
async function overdueInterviews(tx: Parameters<Parameters<typeof withTenant>[2]>[0], now: Date) {
  const rows = await tx.execute<Overdue & { dueAt: string | Date }>(sql`
    select i.id as "interviewId", i.consultant_id as "consultantId", u.name as "consultantName",
           u.status = 'active' as "consultantActive", c.name as "candidateName",
           j.title as "jobTitle", a.feedback_sla_hours as "slaHours",
           i.outcome_at + make_interval(hours => a.feedback_sla_hours) as "dueAt"
    from interviews i
    join agencies a on a.id = i.agency_id
    join candidates c on c.agency_id = i.agency_id and c.id = i.candidate_id
    join jobs j on j.agency_id = i.agency_id and j.id = i.job_id
    join users u on u.agency_id = i.agency_id and u.id = i.consultant_id
    left join feedback f on f.agency_id = i.agency_id and f.interview_id = i.id
    where i.outcome = 'rejected' and c.erased_at is null
      and (f.id is null or f.status <> 'published')
      and i.outcome_at + make_interval(hours => a.feedback_sla_hours) < ${now.toISOString()}::timestamptz
    order by "dueAt", i.id`);
  return rows.map((r) => ({ ...r, dueAt: new Date(r.dueAt) }));
}

const days = (ms: number) => {
  const n = Math.max(1, Math.floor(ms / DAY));
  return `${n} day${n === 1 ? "" : "s"}`;
};

/** Reminds each consultant once per interview that went overdue within the reminder window. */
export async function remindOverdue({
  db,
  agencyId,
  now,
}: {
  db: Database;
  agencyId: string;
  now: Date;
}): Promise<{ reminded: number }> {
  return withTenant(db, systemTenant(agencyId), async (tx) => {
    const since = now.getTime() - REMINDER_WINDOW_DAYS * DAY;
    let reminded = 0;
    for (const row of await overdueInterviews(tx, now)) {
      if (!row.consultantActive || row.dueAt.getTime() < since) continue;
      const sent = await notifyUser(
        { tx, user: { agencyId } },
        {
          userId: row.consultantId,
          kind: "feedback.overdue",
          title: `Feedback for ${row.candidateName} (${row.jobTitle}) is overdue`,
          body: `Your agency aims to send feedback within ${row.slaHours} hours of a rejection; this one is ${days(now.getTime() - row.dueAt.getTime())} past that.`,
          link: `/interviews/${row.interviewId}/feedback`,
          dedupeKey: `sla:${row.interviewId}`,
        },
      );
      if (sent) reminded++;
    }
    return { reminded };
  });
}

const DIGEST_LINES = 10;

/** Tells the agency's active admins, once per UTC day, what is overdue across the agency. */
export async function digestOverdue({
  db,
  agencyId,
  now,
}: {
  db: Database;
  agencyId: string;
  now: Date;
}): Promise<{ admins: number; overdue: number }> {
  return withTenant(db, systemTenant(agencyId), async (tx) => {
    const overdue = await overdueInterviews(tx, now);
    if (!overdue.length) return { admins: 0, overdue: 0 };
    const admins = await tx.execute<{ id: string }>(
      sql`select id from users where role = 'admin' and status = 'active' order by id`,
    );
    const sla = overdue[0]?.slaHours ?? 0;
    const n = overdue.length;
    const lines = overdue
      .slice(0, DIGEST_LINES)
      .map(
        (r) =>
          `• ${r.candidateName} — ${r.jobTitle} (${r.consultantName}): ${days(now.getTime() - r.dueAt.getTime())} overdue`,
      );
    if (n > DIGEST_LINES) lines.push(`…and ${n - DIGEST_LINES} more.`);
    let sent = 0;
    for (const admin of admins) {
      const wrote = await notifyUser(
        { tx, user: { agencyId } },
        {
          userId: admin.id,
          kind: "feedback.overdue_digest",
          title: `${n} rejected interview${n === 1 ? "" : "s"} owe${n === 1 ? "s" : ""} feedback past the ${sla}-hour SLA`,
          body: lines.join("\n"),
          link: "/",
          dedupeKey: `sla-digest:${now.toISOString().slice(0, 10)}`,
        },
      );
      if (wrote) sent++;
    }
    return { admins: sent, overdue: n };
  });
}
