// Coverage: rejected interviews whose feedback is published now, out of all rejected in range.
import { sql } from "@debrief/db";
import type { CoverageRow } from "@debrief/validators";
import type { ProtectedContext } from "../../../trpc";
import type { ResolvedFilters } from "./filters";
import { type Breakdown, grouped, groupedSql } from "./grouped";

export function coverageSql(f: ResolvedFilters, by: Breakdown) {
  return groupedSql(f, by, {
    // Retracted feedback is no longer the candidate's, and drafts never were: only 'published' counts.
    ctes: sql`x as (select r.id, r.month, r.consultant_id, r.client_id, r.published as covered from r)`,
    measures: sql`count(x.id)::int as rejected,
                  count(x.id) filter (where x.covered)::int as published`,
    derived: sql`(g.rejected - g.published)::int as unpublished,
                 round(g.published::numeric / nullif(g.rejected, 0), 4)::float8 as share`,
    rank: sql`g.rejected desc`,
  });
}

export async function coverage(ctx: ProtectedContext, f: ResolvedFilters, by: Breakdown) {
  return grouped<CoverageRow>(ctx, coverageSql(f, by));
}
