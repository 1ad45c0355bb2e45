// The filters every report shares: the date range (defaults, limits) and the consultant, client and
// job, each checked to belong to the caller's agency; and the SQL they select rejected interviews by.
import { and, eq, inArray, type SQL, schema as s, sql } from "@debrief/db";
import { type ReportFilters, resolveReportRange, staffRoles } from "@debrief/validators";
import { DomainError } from "../../../errors";
import type { ProtectedContext } from "../../../trpc";
import { invalid, missing } from "../../pipeline-support";

export type ResolvedFilters = {
  agencyId: string;
  /** Inclusive dates, YYYY-MM-DD, of the rejections counted (UTC days). */
  from: string;
  to: string;
  /** The same range as instants: [start, end). */
  start: string;
  end: string;
  consultantId?: string;
  clientId?: string;
  jobId?: string;
};

const DAY = 86_400_000;
const utc = (date: string) => new Date(`${date}T00:00:00.000Z`);

/** Fills in the default dates and refuses a range that is backwards or too long. */
export function resolveRange(input: { from?: string; to?: string }, today: Date = new Date()) {
  const range = resolveReportRange(input, today);
  if (!range.ok) throw new DomainError("BAD_REQUEST", range.message, range.fieldErrors);
  return { from: range.from, to: range.to };
}

/**
 * The filters as the report queries use them. A consultant, client or job that is not in the
 * caller's agency (another agency's is invisible through RLS) is NOT_FOUND on that field.
 */
export async function resolveFilters(
  ctx: ProtectedContext,
  input: ReportFilters,
): Promise<ResolvedFilters> {
  const { from, to } = resolveRange(input);
  if (input.consultantId) {
    const [staff] = await ctx.tx
      .select({ id: s.users.id })
      .from(s.users)
      .where(and(eq(s.users.id, input.consultantId), inArray(s.users.role, [...staffRoles])));
    if (!staff) throw missing("Consultant", "consultantId");
  }
  if (input.clientId) {
    const [client] = await ctx.tx
      .select({ id: s.clients.id })
      .from(s.clients)
      .where(eq(s.clients.id, input.clientId));
    if (!client) throw missing("Client", "clientId");
  }
  if (input.jobId) {
    const [job] = await ctx.tx
      .select({ clientId: s.jobs.clientId })
      .from(s.jobs)
      .where(eq(s.jobs.id, input.jobId));
    if (!job) throw missing("Job", "jobId");
    if (input.clientId && job.clientId !== input.clientId) {
      throw invalid("jobId", "is not a job of the chosen client", "Job is not one of the client's");
    }
  }
  return {
    agencyId: ctx.user.agencyId,
    from,
    to,
    start: utc(from).toISOString(),
    end: new Date(utc(to).getTime() + DAY).toISOString(),
    consultantId: input.consultantId,
    clientId: input.clientId,
    jobId: input.jobId,
  };
}

/**
 * The rejected interviews the filters select, with what the reports group by. Served by the
 * partial indexes on outcome = 'rejected': (agency, date), or (agency, consultant | job, date) when
 * filtered by them. `month` is the rejection's calendar month in UTC.
 *
 * The reports join this (and their other CTEs) to feedback, items and plans on the record's id
 * alone: the agency prefix of those composite indexes comes from the row-level-security policy,
 * which PostgreSQL uses as the index condition. Repeating `agency_id = r.agency_id` against a CTE
 * would add a filter the planner cannot estimate (it assumes 0.5% of rows pass), turning hash
 * joins over tens of thousands of rows into nested loops.
 */
export function rejectedSql(f: ResolvedFilters): SQL {
  return sql`
    select i.id, i.agency_id, i.candidate_id, i.consultant_id, i.job_id, j.client_id, i.stage,
           i.outcome_at, to_char(i.outcome_at at time zone 'UTC', 'YYYY-MM') as month
    from interviews i
    join jobs j on j.agency_id = i.agency_id and j.id = i.job_id
    where i.agency_id = ${f.agencyId}::uuid
      and i.outcome = 'rejected'
      and i.outcome_at >= ${f.start}::timestamptz
      and i.outcome_at < ${f.end}::timestamptz
      ${f.consultantId ? sql`and i.consultant_id = ${f.consultantId}::uuid` : sql``}
      ${f.jobId ? sql`and i.job_id = ${f.jobId}::uuid` : sql``}
      ${f.clientId ? sql`and j.client_id = ${f.clientId}::uuid` : sql``}`;
}

/** Every calendar month of the range, so a trend shows the empty months too. */
export function monthsSql(f: ResolvedFilters): SQL {
  return sql`
    select to_char(m, 'YYYY-MM') as key
    from generate_series(date_trunc('month', ${f.from}::date::timestamp),
                         date_trunc('month', ${f.to}::date::timestamp),
                         interval '1 month') as m`;
}

/** The filters as audit metadata: ids and dates only. */
export function filtersForAudit(f: ResolvedFilters) {
  return {
    from: f.from,
    to: f.to,
    consultantId: f.consultantId ?? null,
    clientId: f.clientId ?? null,
    jobId: f.jobId ?? null,
  };
}
