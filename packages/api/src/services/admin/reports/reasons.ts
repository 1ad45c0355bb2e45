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
import { factFilters, type ResolvedFilters } from "./filters";

export type Slice = "overall" | "lens" | "stage" | "client" | "job" | "month";

const sliceKey: Record<Slice, SQL> = {
  overall: sql`'all'::text`,
  lens: sql`x.lens`,
  stage: sql`x.stage`,
  client: sql`x.client_id`,
  job: sql`x.job_id`,
  month: sql`x.month`,
};

/**
 * The SQL, exported so the plan test can EXPLAIN exactly what the report runs. Lens, stage and
 * month: one scan of the gap facts in range, counted per entry overall and per slice and entry with
 * GROUPING SETS. Client and job, with `top`: one scan counts per entry and per slice, then only the
 * `top` slices with the most gaps are counted by entry, through the (agency, client | job, date)
 * index; an agency has thousands of jobs, and a table of every job times every reason helps nobody
 * on a page (the CSV export passes no `top` and gets them all). Each row comes with its slice's
 * total, share and rank, and `slices`: how many slices there are in all.
 */
export function reasonsSql(f: ResolvedFilters, slice: Slice, of: GapDimension, top?: number): SQL {
  const item = of === "reason" ? sql`x.reason_id` : sql`x.competency_id`;
  const key = sliceKey[slice];
  const limited = top !== undefined && (slice === "client" || slice === "job");
  // Client and job names joined once per result, not looked up per row.
  const sliceJoin = (slice_: SQL) =>
    slice === "client"
      ? sql`left join clients sc on sc.agency_id = ${f.agencyId}::uuid and sc.id = ${slice_}::uuid`
      : slice === "job"
        ? sql`left join jobs sj on sj.agency_id = ${f.agencyId}::uuid and sj.id = ${slice_}::uuid
              left join clients sc on sc.agency_id = sj.agency_id and sc.id = sj.client_id`
        : sql``;
  const sliceLabel =
    slice === "client"
      ? sql`coalesce(sc.name, 'Unknown')`
      : slice === "job"
        ? sql`coalesce(sj.title || ' · ' || sc.name, 'Unknown')`
        : sql`coalesce(s.slice, 'Unknown')`;
  const scanned = sql`x as (
      select r.reason_id, r.competency_id, r.lens, r.stage, r.client_id, r.job_id, r.month
      from gap_facts r
      where ${factFilters(f)}
    )`;
  const ctes = limited
    ? sql`${scanned},
      scan as (
        select ${key}::text as slice, ${item} as item, grouping(${key}) = 1 as by_item,
               count(*)::int as gaps
        from x group by grouping sets ((${key}), (${item}))
      ),
      -- Busiest first, then by name: the order the table shows them in.
      top as (
        select scan.slice from scan ${sliceJoin(sql`scan.slice`)}
        where not scan.by_item order by scan.gaps desc, ${sliceLabel}, scan.slice limit ${top}
      ),
      g as (
        select null::text as slice, scan.item, true as overall, scan.gaps from scan where scan.by_item
        union all
        select ${slice === "client" ? sql`r.client_id` : sql`r.job_id`}::text,
               ${of === "reason" ? sql`r.reason_id` : sql`r.competency_id`}, false, count(*)::int
        from gap_facts r
        where ${factFilters(f)}
          and ${slice === "client" ? sql`r.client_id` : sql`r.job_id`} = any (array(select top.slice::uuid from top))
        group by 1, 2
      )`
    : sql`${scanned},
      g as (${
        slice === "overall"
          ? sql`select 'all'::text as slice, ${item} as item, true as overall, count(*)::int as gaps
                from x group by ${item}`
          : sql`select ${key}::text as slice, ${item} as item, grouping(${key}) = 1 as overall,
                       count(*)::int as gaps
                from x group by grouping sets ((${item}), (${key}, ${item}))`
      })`;
  const slices = limited
    ? sql`(select count(*) from scan where not scan.by_item)::int`
    : sql`null::int`;
  const entry =
    of === "reason"
      ? sql`left join reasons t on t.agency_id = ${f.agencyId}::uuid and t.id = s.item`
      : sql`left join competencies t on t.agency_id = ${f.agencyId}::uuid and t.id = s.item`;
  const entryLabel =
    of === "reason"
      ? sql`coalesce(t.label, 'No reason given')`
      : sql`coalesce(t.name, 'No competency')`;
  // Lens and stage are enums: ordering by them follows the order the domain declares.
  const sliceOrder =
    slice === "client" || slice === "job"
      ? sql`s.slice_gaps desc, slice_label, s.slice`
      : slice === "lens"
        ? sql`s.slice::feedback_lens`
        : slice === "stage"
          ? sql`s.slice::interview_stage`
          : sql`s.slice`;
  return sql`with ${ctes},
    s as (
      select g.*, (sum(g.gaps) over (partition by g.overall, g.slice))::int as slice_gaps,
             (rank() over (partition by g.overall, g.slice order by g.gaps desc))::int as rank
      from g
    )
    select s.overall, s.slice as slice_key, ${sliceLabel} as slice_label,
           coalesce(s.item::text, 'none') as key, ${entryLabel} as label,
           coalesce(t.archived_at is not null, false) as retired,
           s.gaps, s.slice_gaps, round(s.gaps::numeric / nullif(s.slice_gaps, 0), 4)::float8 as share,
           s.rank, ${slices} as slices
    from s
    ${entry}
    ${sliceJoin(sql`s.slice`)}
    order by s.overall desc, ${sliceOrder}, s.rank, label`;
}

/**
 * The gap counts of the rejections in range, from their facts (each holds its published feedback's
 * number of gaps): gaps, feedback with at least one, published feedback, and gaps per feedback.
 */
export function reasonsTotalSql(f: ResolvedFilters): SQL {
  return sql`select coalesce(sum(r.gaps), 0)::int as gaps,
      (count(*) filter (where r.gaps > 0))::int as feedback,
      (count(*) filter (where r.published))::int as published_feedback,
      round(sum(r.gaps)::numeric / nullif(count(*) filter (where r.gaps > 0), 0), 1)::float8
        as gaps_per_feedback
    from rejection_facts r
    where ${factFilters(f)}`;
}

type RawRow = {
  overall: boolean;
  slice_key: string;
  slice_label: string;
  key: string;
  label: string;
  retired: boolean;
  gaps: number;
  slice_gaps: number;
  share: number | null;
  rank: number;
  slices: number | null;
};

function sliceName(slice: Slice, raw: RawRow): string {
  if (slice === "overall" || raw.overall) return "All feedback";
  if (slice === "lens") return lensInfo[raw.slice_key as Lens]?.title ?? raw.slice_label;
  if (slice === "stage") return stageLabels[raw.slice_key as InterviewStage] ?? raw.slice_label;
  return raw.slice_label;
}

/**
 * The report's figures: totals, the ranking of entries over all gaps in range (overall), and the
 * rows of the slice asked for (the ranking again when that is overall). Entries used and retired
 * are counted from the ranking, so the gap facts are read once.
 */
export async function reasons(
  ctx: ProtectedContext,
  f: ResolvedFilters,
  slice: Slice,
  of: GapDimension,
  top?: number,
) {
  const [totals] = await ctx.tx.execute<{
    gaps: number;
    feedback: number;
    published_feedback: number;
    gaps_per_feedback: number | null;
  }>(reasonsTotalSql(f));
  const raw = await ctx.tx.execute<RawRow>(reasonsSql(f, slice, of, top));
  const rows = [...raw].map((r) => ({
    overall: r.overall,
    row: {
      sliceKey: r.overall ? "all" : r.slice_key,
      sliceLabel: sliceName(slice, r),
      key: r.key,
      label: r.label,
      retired: r.retired,
      gaps: r.gaps,
      sliceGaps: r.slice_gaps,
      share: r.share,
      rank: r.rank,
    } satisfies ReasonsRow,
  }));
  const overall = rows.filter((r) => r.overall).map((r) => r.row);
  const sliced = slice === "overall" ? overall : rows.filter((r) => !r.overall).map((r) => r.row);
  const shown = new Set(sliced.map((r) => r.sliceKey)).size;
  const entries = overall.filter((e) => e.key !== "none");
  return {
    total: {
      gaps: totals?.gaps ?? 0,
      feedback: totals?.feedback ?? 0,
      publishedFeedback: totals?.published_feedback ?? 0,
      entries: entries.length,
      retiredEntries: entries.filter((e) => e.retired).length,
      gapsPerFeedback: totals?.gaps_per_feedback ?? null,
    },
    overall,
    rows: sliced,
    slices: { shown, total: raw[0]?.slices ?? shown },
  };
}

export const toRanking = (rows: ReasonsRow[]): GapCount[] =>
  rows.map(({ key, label, retired, gaps, share }) => ({ key, label, retired, gaps, share }));
