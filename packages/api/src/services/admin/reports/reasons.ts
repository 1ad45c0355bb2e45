// Rejection reasons and competency gaps: every gap item of published feedback for the rejections in
// range, counted by reason (or competency), overall or sliced by lens, stage, client, job or month,
// with each entry's share and rank within its slice. Retired entries still count, marked retired.
import { type SQL, sql } from "@debrief/db";
import {
  type GapCount,
  type GapDimension,
  type InterviewStage,
  type Lens,
  lensInfo,
  type ReasonsRow,
  stageLabels,
} from "@debrief/validators";
import type { ProtectedContext } from "../../../trpc";
import { type ResolvedFilters, rejectedSql } from "./filters";

export type Slice = "overall" | "lens" | "stage" | "client" | "job" | "month";

/** The published feedback of the rejections in range (pf), and their gap items (x). */
function gapsCte(f: ResolvedFilters): SQL {
  return sql`r as (${rejectedSql(f)}),
    pf as (
      select f.id as feedback_id, r.stage, r.client_id, r.job_id, r.month
      from r
      join feedback f on f.interview_id = r.id
      where f.status = 'published'
    ),
    x as (
      select fi.id, pf.feedback_id, fi.reason_id, fi.competency_id, fi.lens, pf.stage,
             pf.client_id, pf.job_id, pf.month
      from pf
      join feedback_items fi on fi.feedback_id = pf.feedback_id
      where fi.kind = 'gap'
    )`;
}

const sliceKey: Record<Slice, SQL> = {
  overall: sql`'all'::text`,
  lens: sql`x.lens`,
  stage: sql`x.stage`,
  client: sql`x.client_id`,
  job: sql`x.job_id`,
  month: sql`x.month`,
};

/** The SQL, exported so the plan test can EXPLAIN exactly what the report runs. */
export function reasonsSql(f: ResolvedFilters, slice: Slice, of: GapDimension): SQL {
  const item = of === "reason" ? sql`x.reason_id` : sql`x.competency_id`;
  const entry =
    of === "reason"
      ? sql`left join reasons t on t.agency_id = ${f.agencyId}::uuid and t.id = s.item`
      : sql`left join competencies t on t.agency_id = ${f.agencyId}::uuid and t.id = s.item`;
  const entryLabel =
    of === "reason"
      ? sql`coalesce(t.label, 'No reason given')`
      : sql`coalesce(t.name, 'No competency')`;
  const sliceLabel =
    slice === "client"
      ? sql`(select c.name from clients c where c.agency_id = ${f.agencyId}::uuid and c.id = s.slice)`
      : slice === "job"
        ? sql`(select j.title || ' · ' || c.name from jobs j
               join clients c on c.agency_id = j.agency_id and c.id = j.client_id
               where j.agency_id = ${f.agencyId}::uuid and j.id = s.slice)`
        : sql`s.slice::text`;
  // Lens and stage are enums: ordering by them follows the order the domain declares.
  const order =
    slice === "client" || slice === "job"
      ? sql`s.slice_gaps desc, slice_label, s.slice`
      : sql`s.slice`;
  return sql`with ${gapsCte(f)},
    g as (
      select ${sliceKey[slice]} as slice, ${item} as item, count(*)::int as gaps
      from x
      group by 1, 2
    ),
    s as (
      select g.*, (sum(g.gaps) over (partition by g.slice))::int as slice_gaps,
             (rank() over (partition by g.slice order by g.gaps desc))::int as rank
      from g
    )
    select s.slice::text as slice_key, coalesce(${sliceLabel}, 'Unknown') as slice_label,
           coalesce(s.item::text, 'none') as key, ${entryLabel} as label,
           coalesce(t.archived_at is not null, false) as retired,
           s.gaps, s.slice_gaps, round(s.gaps::numeric / nullif(s.slice_gaps, 0), 4)::float8 as share,
           s.rank
    from s
    ${entry}
    order by ${order}, s.rank, label`;
}

export function reasonsTotalSql(f: ResolvedFilters, of: GapDimension): SQL {
  const item = of === "reason" ? sql`x.reason_id` : sql`x.competency_id`;
  const taxonomy = of === "reason" ? sql`reasons` : sql`competencies`;
  // Hash aggregates per feedback and per entry instead of count(distinct …) sorts; gaps with no
  // reason (or competency) are not an entry.
  return sql`with ${gapsCte(f)},
    per_feedback as (select x.feedback_id, count(*) as gaps from x group by x.feedback_id),
    per_entry as (select ${item} as item from x where ${item} is not null group by 1)
    select (select coalesce(sum(gaps), 0) from per_feedback)::int as gaps,
           (select count(*) from per_feedback)::int as feedback,
           (select count(*) from pf)::int as published_feedback,
           (select count(*) from per_entry)::int as entries,
           (select count(*) from per_entry e
            join ${taxonomy} t on t.agency_id = ${f.agencyId}::uuid and t.id = e.item
            where t.archived_at is not null)::int as retired_entries,
           (select round(sum(gaps)::numeric / nullif(count(*), 0), 1) from per_feedback)::float8
             as gaps_per_feedback`;
}

type RawRow = {
  slice_key: string;
  slice_label: string;
  key: string;
  label: string;
  retired: boolean;
  gaps: number;
  slice_gaps: number;
  share: number | null;
  rank: number;
};

function sliceName(slice: Slice, raw: RawRow): string {
  if (slice === "overall") return "All feedback";
  if (slice === "lens") return lensInfo[raw.slice_key as Lens]?.title ?? raw.slice_label;
  if (slice === "stage") return stageLabels[raw.slice_key as InterviewStage] ?? raw.slice_label;
  return raw.slice_label;
}

export async function reasonRows(
  ctx: ProtectedContext,
  f: ResolvedFilters,
  slice: Slice,
  of: GapDimension,
): Promise<ReasonsRow[]> {
  const rows = await ctx.tx.execute<RawRow>(reasonsSql(f, slice, of));
  return [...rows].map((raw) => ({
    sliceKey: raw.slice_key,
    sliceLabel: sliceName(slice, raw),
    key: raw.key,
    label: raw.label,
    retired: raw.retired,
    gaps: raw.gaps,
    sliceGaps: raw.slice_gaps,
    share: raw.share,
    rank: raw.rank,
  }));
}

export async function reasonTotals(ctx: ProtectedContext, f: ResolvedFilters, of: GapDimension) {
  const [row] = await ctx.tx.execute<{
    gaps: number;
    feedback: number;
    published_feedback: number;
    entries: number;
    retired_entries: number;
    gaps_per_feedback: number | null;
  }>(reasonsTotalSql(f, of));
  return {
    gaps: row?.gaps ?? 0,
    feedback: row?.feedback ?? 0,
    publishedFeedback: row?.published_feedback ?? 0,
    entries: row?.entries ?? 0,
    retiredEntries: row?.retired_entries ?? 0,
    gapsPerFeedback: row?.gaps_per_feedback ?? null,
  };
}

export const toRanking = (rows: ReasonsRow[]): GapCount[] =>
  rows.map(({ key, label, retired, gaps, share }) => ({ key, label, retired, gaps, share }));
