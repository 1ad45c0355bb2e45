// Outcomes: each candidate rejected in range counts once, from their first rejection in range.
// Those who created an action plan after that rejection are compared with those who did not, by
// the share offered a job at any later interview. A comparison, not proof the plan caused it.
import { sql } from "@debrief/db";
import { MIN_OUTCOME_GROUP, type OutcomesRow } from "@debrief/validators";
import type { ProtectedContext } from "../../../trpc";
import type { ResolvedFilters } from "./filters";
import { type Breakdown, grouped, groupedSql } from "./grouped";

export function outcomesSql(f: ResolvedFilters, by: Breakdown) {
  return groupedSql(f, by, {
    // The first rejection in range of each candidate, with its facts: planned_after (any
    // action plan made at or after it) and offered_after (an offer at a later interview).
    ctes: sql`x as (
      select distinct on (r.candidate_id) r.candidate_id as id, r.month, r.consultant_id,
             r.client_id, r.planned_after as planned, r.offered_after as offered
      from r
      order by r.candidate_id, r.outcome_at, r.interview_id
    )`,
    measures: sql`count(x.id)::int as candidates,
      count(x.id) filter (where x.planned)::int as with_plan,
      count(x.id) filter (where x.planned and x.offered)::int as with_plan_offered,
      count(x.id) filter (where not x.planned)::int as without_plan,
      count(x.id) filter (where not x.planned and x.offered)::int as without_plan_offered`,
    derived: sql`round(g.with_plan_offered::numeric / nullif(g.with_plan, 0), 4)::float8 as with_plan_share,
      round(g.without_plan_offered::numeric / nullif(g.without_plan, 0), 4)::float8 as without_plan_share,
      (g.with_plan >= ${MIN_OUTCOME_GROUP}::int and g.without_plan >= ${MIN_OUTCOME_GROUP}::int) as comparable,
      case when g.with_plan >= ${MIN_OUTCOME_GROUP}::int and g.without_plan >= ${MIN_OUTCOME_GROUP}::int
           then round(100 * (g.with_plan_offered::numeric / g.with_plan
                             - g.without_plan_offered::numeric / g.without_plan), 1)::float8
      end as difference`,
    rank: sql`g.candidates desc`,
  });
}

export async function outcomes(ctx: ProtectedContext, f: ResolvedFilters, by: Breakdown) {
  return grouped<OutcomesRow>(ctx, outcomesSql(f, by));
}
