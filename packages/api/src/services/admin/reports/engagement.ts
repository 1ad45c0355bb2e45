// Engagement with published feedback: read, acknowledged, points rated helpful, feedback turned
// into an action plan, and the goals of those plans completed. The facts hold each rejection's
// counts of points, ratings and goals, so one feedback with many of them is never multiplied.
import { sql } from "@debrief/db";
import type { EngagementRow } from "@debrief/validators";
import type { ProtectedContext } from "../../../trpc";
import type { ResolvedFilters } from "./filters";
import { type Breakdown, grouped, groupedSql } from "./grouped";

const ratio = (part: string, whole: string) =>
  sql.raw(`round(g.${part}::numeric / nullif(g.${whole}, 0), 4)::float8`);

export function engagementSql(f: ResolvedFilters, by: Breakdown) {
  return groupedSql(f, by, {
    ctes: sql`x as (select * from r where r.published)`,
    measures: sql`count(x.id)::int as published,
      count(x.id) filter (where x.read_at is not null)::int as read,
      count(x.id) filter (where x.acknowledged_at is not null)::int as acknowledged,
      coalesce(sum(x.items), 0)::int as items,
      coalesce(sum(x.rated), 0)::int as rated,
      coalesce(sum(x.helpful), 0)::int as helpful,
      count(x.id) filter (where x.with_plan)::int as with_plan,
      coalesce(sum(x.goals), 0)::int as goals,
      coalesce(sum(x.goals_done), 0)::int as goals_done`,
    derived: sql`${ratio("read", "published")} as read_share,
      ${ratio("acknowledged", "published")} as acknowledged_share,
      ${ratio("helpful", "rated")} as helpful_share,
      ${ratio("with_plan", "published")} as plan_share,
      ${ratio("goals_done", "goals")} as goals_done_share`,
    rank: sql`g.published desc`,
  });
}

export async function engagement(ctx: ProtectedContext, f: ResolvedFilters, by: Breakdown) {
  return grouped<EngagementRow>(ctx, engagementSql(f, by));
}
