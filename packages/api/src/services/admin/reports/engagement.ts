// Engagement with published feedback: read, acknowledged, points rated helpful, feedback turned
// into an action plan, and the goals of those plans completed. Responses, plans and goals are
// aggregated per feedback first, so one feedback with many points or goals is never multiplied.
import { sql } from "@debrief/db";
import type { EngagementRow } from "@debrief/validators";
import type { ProtectedContext } from "../../../trpc";
import type { ResolvedFilters } from "./filters";
import { type Breakdown, grouped, groupedSql } from "./grouped";

const ratio = (part: string, whole: string) =>
  sql.raw(`round(g.${part}::numeric / nullif(g.${whole}, 0), 4)::float8`);

export function engagementSql(f: ResolvedFilters, by: Breakdown) {
  return groupedSql(f, by, {
    ctes: sql`pf as (
      select r.id, r.agency_id, r.candidate_id, r.month, r.consultant_id, r.client_id,
             f.id as feedback_id, f.read_at, f.acknowledged_at
      from r
      join feedback f on f.interview_id = r.id
      where f.status = 'published'
    ),
    responses as (
      -- The rating of the candidate the feedback is for: at most one per point (a unique key),
      -- so counting rows counts points, with no count(distinct …) sort.
      select fi.feedback_id, count(*)::int as items, count(ir.id)::int as rated,
             count(ir.id) filter (where ir.helpful)::int as helpful
      from pf
      join feedback_items fi on fi.feedback_id = pf.feedback_id
      left join item_responses ir
        on ir.agency_id = fi.agency_id and ir.feedback_item_id = fi.id
       and ir.candidate_id = pf.candidate_id
      group by fi.feedback_id
    ),
    plans as (
      select ap.feedback_id, count(gl.id)::int as goals,
             count(gl.id) filter (where gl.status = 'done')::int as goals_done
      from pf
      join action_plans ap on ap.feedback_id = pf.feedback_id
      left join goals gl on gl.agency_id = ap.agency_id and gl.action_plan_id = ap.id
      group by ap.feedback_id
    ),
    x as (
      select pf.id, pf.month, pf.consultant_id, pf.client_id, pf.read_at, pf.acknowledged_at,
             coalesce(responses.items, 0) as items, coalesce(responses.rated, 0) as rated,
             coalesce(responses.helpful, 0) as helpful, plans.feedback_id is not null as with_plan,
             coalesce(plans.goals, 0) as goals, coalesce(plans.goals_done, 0) as goals_done
      from pf
      left join responses on responses.feedback_id = pf.feedback_id
      left join plans on plans.feedback_id = pf.feedback_id
    )`,
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
