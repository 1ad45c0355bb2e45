// The reports' floor: each admin report's figures (same definitions as
// packages/api/src/services/admin/reports) as one hand-written statement, run as the owner with the
// agency as a plain parameter — no tRPC, no tenant transaction, no RLS, no output validation.
// Parameters: $1 agency id, $2 start (timestamptz, inclusive), $3 end (exclusive),
//             $4 first day (date), $5 last day (date).

export type ReportCase = {
  /** The tRPC procedure under admin.reports. */
  procedure: "overview" | "coverage" | "timeToFeedback" | "reasons" | "engagement" | "outcomes";
  view?: string;
  of?: "reason" | "competency";
};

/** Every report, in every breakdown it offers (packages/validators reportViews), plus the overview. */
export const reportCases: ReportCase[] = [
  { procedure: "overview" },
  ...["month", "consultant", "client"].map((view) => ({ procedure: "coverage" as const, view })),
  ...["month", "consultant", "client"].map((view) => ({
    procedure: "timeToFeedback" as const,
    view,
  })),
  ...["overall", "lens", "stage", "client", "job", "month"].map((view) => ({
    procedure: "reasons" as const,
    view,
    of: "reason" as const,
  })),
  { procedure: "reasons", view: "overall", of: "competency" },
  ...["month", "consultant", "client"].map((view) => ({ procedure: "engagement" as const, view })),
  ...["month", "consultant", "client"].map((view) => ({ procedure: "outcomes" as const, view })),
];

export const caseName = (c: ReportCase) =>
  [c.procedure, c.view, c.of && c.of !== "reason" ? c.of : undefined].filter(Boolean).join(" · ");

// The report facts (rejection_facts, gap_facts; packages/db/src/schema/reports.ts) are part of
// the schema, so the best hand-written SQL reads them too, as the reports do.
const rejected = `r as (
  select r.*, r.interview_id as id from rejection_facts r
  where r.agency_id = $1 and r.outcome_at >= $2 and r.outcome_at < $3)`;

const months = `months as (
  select to_char(m, 'YYYY-MM') as key
  from generate_series(date_trunc('month', $4::date::timestamp), date_trunc('month', $5::date::timestamp),
                       interval '1 month') m)`;

type Spec = { x: string; measures: string };

const specs: Record<"coverage" | "timeToFeedback" | "engagement" | "outcomes", Spec> = {
  coverage: {
    x: `x as (select r.id, r.month, r.consultant_id, r.client_id, r.published as covered from r)`,
    measures: `count(x.id)::int as rejected, count(x.id) filter (where x.covered)::int as published`,
  },
  timeToFeedback: {
    x: `x as (
      select r.id, r.month, r.consultant_id, r.client_id, r.published, r.hours_to_publish as hours,
             extract(epoch from now() - r.outcome_at) / 3600.0 as age_hours,
             (select feedback_sla_hours from agencies where id = $1) as sla
      from r)`,
    measures: `count(x.id)::int as rejected, count(x.id) filter (where x.published)::int as published,
      round((percentile_cont(0.5) within group (order by x.hours))::numeric, 1)::float8 as median_hours,
      round((percentile_cont(0.9) within group (order by x.hours))::numeric, 1)::float8 as p90_hours,
      count(x.id) filter (where x.published and x.hours <= x.sla)::int as within_sla,
      count(x.id) filter (where x.published and x.hours > x.sla)::int as published_late,
      count(x.id) filter (where not x.published and x.age_hours > x.sla)::int as open_overdue,
      count(x.id) filter (where not x.published and x.age_hours <= x.sla)::int as open_within_sla`,
  },
  engagement: {
    x: `x as (select * from r where r.published)`,
    measures: `count(x.id)::int as published,
      count(x.id) filter (where x.read_at is not null)::int as read,
      count(x.id) filter (where x.acknowledged_at is not null)::int as acknowledged,
      coalesce(sum(x.items), 0)::int as items, coalesce(sum(x.rated), 0)::int as rated,
      coalesce(sum(x.helpful), 0)::int as helpful,
      count(x.id) filter (where x.with_plan)::int as with_plan,
      coalesce(sum(x.goals), 0)::int as goals, coalesce(sum(x.goals_done), 0)::int as goals_done`,
  },
  outcomes: {
    x: `x as (
      select distinct on (r.candidate_id) r.candidate_id as id, r.month, r.consultant_id, r.client_id,
             r.planned_after as planned, r.offered_after as offered
      from r order by r.candidate_id, r.outcome_at, r.id)`,
    measures: `count(x.id)::int as candidates,
      count(x.id) filter (where x.planned)::int as with_plan,
      count(x.id) filter (where x.planned and x.offered)::int as with_plan_offered,
      count(x.id) filter (where not x.planned)::int as without_plan,
      count(x.id) filter (where not x.planned and x.offered)::int as without_plan_offered`,
  },
};

function groupedSql(spec: Spec, view: string): string {
  if (view === "month") {
    return `with ${rejected}, ${spec.x}, ${months}
      select m.key as group_key, grouping(m.key) = 1 as is_total, ${spec.measures}
      from months m left join x on x.month = m.key
      group by grouping sets ((), (m.key))
      order by is_total desc, group_key`;
  }
  const key = view === "consultant" ? "x.consultant_id" : "x.client_id";
  const names =
    view === "consultant"
      ? "left join users n on n.agency_id = $1 and n.id = g.group_key"
      : "left join clients n on n.agency_id = $1 and n.id = g.group_key";
  return `with ${rejected}, ${spec.x},
    g as (select ${key} as group_key, grouping(${key}) = 1 as is_total, ${spec.measures}
          from x group by grouping sets ((), (${key})))
    select g.*, case when g.is_total then 'Total' else coalesce(n.name, 'Unknown') end as label
    from g ${names}
    order by g.is_total desc, label, g.group_key`;
}

// Only the columns grouped by, all held by gap_facts_date_idx: an index-only scan.
const gaps = `x as (
    select reason_id, competency_id, lens, stage, month, client_id, job_id from gap_facts
    where agency_id = $1 and outcome_at >= $2 and outcome_at < $3)`;

function reasonsSql(view: string, of: "reason" | "competency"): string {
  const item = of === "reason" ? "x.reason_id" : "x.competency_id";
  const taxonomy = of === "reason" ? "reasons" : "competencies";
  const label = of === "reason" ? "t.label" : "t.name";
  const slice =
    view === "overall"
      ? "'all'::text"
      : view === "lens" || view === "stage"
        ? `x.${view}::text`
        : `x.${view}${view === "month" ? "" : "_id"}::text`;
  // By client or job, like the report: only the 25 with the most gaps (TOP_REASON_SLICES).
  const column = view === "client" || view === "job" ? `x.${view}_id` : null;
  const top = column
    ? `where ${column} in (select ${column} from x group by 1 order by count(*) desc, 1 limit 25)`
    : "";
  const ranked = (sliceExpr: string, name: string, where = "") => `${name} as (
      select s.*, sum(s.gaps) over (partition by s.slice)::int as slice_gaps,
             rank() over (partition by s.slice order by s.gaps desc)::int as rank
      from (select ${sliceExpr} as slice, ${item} as item, count(*)::int as gaps from x ${where}
            group by 1, 2) s)`;
  const rows = (name: string) => `(
      select coalesce(json_agg(json_build_object('slice', q.slice, 'key', q.item,
               'label', coalesce(${label}, 'none'), 'retired', coalesce(t.archived_at is not null, false),
               'gaps', q.gaps, 'sliceGaps', q.slice_gaps,
               'share', round(q.gaps::numeric / nullif(q.slice_gaps, 0), 4), 'rank', q.rank)
             order by q.slice, q.rank, ${label}), '[]')
      from ${name} q left join ${taxonomy} t on t.agency_id = $1 and t.id = q.item)`;
  return `with ${rejected}, ${gaps},
    ${ranked("'all'::text", "overall")}${view === "overall" ? "" : `, ${ranked(slice, "sliced", top)}`}
    select (select coalesce(sum(r.gaps), 0) from r)::int as gaps,
           (select count(*) from r where r.gaps > 0)::int as feedback,
           (select count(*) from r where r.published)::int as published_feedback,
           (select count(*) from overall o where o.item is not null)::int as entries,
           ${rows("overall")} as ranking
           ${view === "overall" ? "" : `, ${rows("sliced")} as rows`}`;
}

/** A report's total alone (what the overview shows of it). */
const totalSql = (spec: Spec) => `with ${rejected}, ${spec.x} select ${spec.measures} from x`;

/**
 * The hand-written statements for one report case, run one after the other. The overview is every
 * report's total: one statement each (a single statement joining all of them planned far worse).
 */
export function reportFloorSql(c: ReportCase): string[] {
  switch (c.procedure) {
    case "overview":
      return [
        totalSql(specs.coverage),
        totalSql(specs.timeToFeedback),
        reasonsSql("overall", "reason"),
        totalSql(specs.engagement),
        totalSql(specs.outcomes),
      ];
    case "reasons":
      return [reasonsSql(c.view ?? "overall", c.of ?? "reason")];
    default:
      return [groupedSql(specs[c.procedure], c.view ?? "month")];
  }
}

/** The parameters a statement uses ($1…$n): PostgreSQL refuses ones it cannot type. */
export function paramsFor(text: string, all: unknown[]): unknown[] {
  const used = [...text.matchAll(/\$(\d+)/g)].map((m) => Number(m[1]));
  return all.slice(0, Math.max(0, ...used));
}
