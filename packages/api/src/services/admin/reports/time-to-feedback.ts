// Time to feedback: hours from the rejection to the feedback's first publication (median and 90th
// percentile), and the SLA: published late, and still unpublished past it (or not yet).
import { sql } from "@debrief/db";
import type { TimeToFeedbackRow } from "@debrief/validators";
import type { ProtectedContext } from "../../../trpc";
import type { ResolvedFilters } from "./filters";
import { type Breakdown, grouped, groupedSql } from "./grouped";

export function timeToFeedbackSql(f: ResolvedFilters, by: Breakdown) {
  return groupedSql(f, by, {
    // Measured to first_published_at: a later revision does not reset the clock. "Unpublished"
    // is every rejection without currently published feedback, aged against now().
    ctes: sql`sla as (
      select a.feedback_sla_hours as hours from agencies a where a.id = ${f.agencyId}::uuid
    ),
    x as (
      select r.id, r.month, r.consultant_id, r.client_id, r.published, r.hours_to_publish as hours,
             extract(epoch from now() - r.outcome_at) / 3600.0 as age_hours,
             sla.hours as sla_hours
      from r
      cross join sla
    )`,
    measures: sql`count(x.id)::int as rejected,
      count(x.id) filter (where x.published)::int as published,
      percentile_cont(array[0.5, 0.9]) within group (order by x.hours)
        filter (where x.published) as _percentiles,
      count(x.id) filter (where x.published and x.hours <= x.sla_hours)::int as within_sla,
      count(x.id) filter (where x.published and x.hours > x.sla_hours)::int as published_late,
      count(x.id) filter (where not x.published and x.age_hours > x.sla_hours)::int as open_overdue,
      count(x.id) filter (where not x.published and x.age_hours <= x.sla_hours)::int as open_within_sla`,
    // Both percentiles from one sort of the published rows' hours.
    derived: sql`round(g._percentiles[1]::numeric, 1)::float8 as median_hours,
      round(g._percentiles[2]::numeric, 1)::float8 as p90_hours,
      round(g.within_sla::numeric / nullif(g.published, 0), 4)::float8 as on_time_share`,
    rank: sql`g.published desc, g.rejected desc`,
  });
}

export async function timeToFeedback(ctx: ProtectedContext, f: ResolvedFilters, by: Breakdown) {
  return grouped<TimeToFeedbackRow>(ctx, timeToFeedbackSql(f, by));
}

export async function slaHours(ctx: ProtectedContext, f: ResolvedFilters): Promise<number> {
  const [row] = await ctx.tx.execute<{ hours: number }>(
    sql`select feedback_sla_hours as hours from agencies where id = ${f.agencyId}::uuid`,
  );
  if (!row) throw new Error("agency not visible in its own transaction");
  return row.hours;
}
