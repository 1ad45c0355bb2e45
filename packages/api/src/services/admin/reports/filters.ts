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
 * The filters as the report queries use them, and the memory their statements need. A consultant,
 * client or job that is not in the caller's agency (another agency's is invisible through RLS) is
 * NOT_FOUND on that field.
 */
export async function resolveFilters(
  ctx: ProtectedContext,
  input: ReportFilters,
): Promise<ResolvedFilters> {
  const { from, to } = resolveRange(input);
  // A year of a large agency's facts is sorted (percentiles, each candidate's first rejection) and
  // hashed (reasons by job) in one statement: ~10 MB, which the default 4 MB work_mem sends to
  // temporary files. Reports are admin-only and few at a time, so their transaction gets more.
  await ctx.tx.execute(sql`set local work_mem = '32MB'`);
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
 * The facts of the rejected interviews the filters select (rejection_facts: one row per rejected
 * interview with its feedback, engagement and outcome figures already joined; see
 * packages/db/src/schema/reports.ts). Served by (agency, date), or (agency, consultant | client |
 * job, date) when filtered by them; every condition is an index condition, since uuid and
 * timestamp comparisons are leakproof and so are not held back behind the RLS policy.
 */
export function rejectedSql(f: ResolvedFilters): SQL {
  return sql`
    select r.*, r.interview_id as id
    from rejection_facts r
    where ${factFilters(f)}`;
}

/** The filters as conditions on a fact table (rejection_facts or gap_facts), aliased r. */
export function factFilters(f: ResolvedFilters): SQL {
  return sql`r.agency_id = ${f.agencyId}::uuid
      and r.outcome_at >= ${f.start}::timestamptz
      and r.outcome_at < ${f.end}::timestamptz
      ${f.consultantId ? sql`and r.consultant_id = ${f.consultantId}::uuid` : sql``}
      ${f.jobId ? sql`and r.job_id = ${f.jobId}::uuid` : sql``}
      ${f.clientId ? sql`and r.client_id = ${f.clientId}::uuid` : sql``}`;
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
