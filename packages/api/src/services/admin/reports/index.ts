// The admin reports: each resolves the shared filters (checked against the caller's agency), runs
// its set-based SQL through ctx.tx (RLS applies), and returns figures only, never rows to count.
import { asc, eq, inArray, schema as s } from "@debrief/db";
import {
  type ColumnFormat,
  type CoverageOutput,
  coverageColumns,
  type coverageInput,
  type EngagementOutput,
  engagementColumns,
  type engagementInput,
  type GapDimension,
  MIN_OUTCOME_GROUP,
  type OutcomesOutput,
  outcomesColumns,
  type outcomesInput,
  type ReasonsOutput,
  type ReportColumn,
  type ReportFilterOptions,
  type ReportFilters,
  type ReportsOverviewOutput,
  reasonsColumns,
  type reasonsInput,
  type reportExportInput,
  reportViews,
  staffRoles,
  type TimeToFeedbackOutput,
  TOP_REASON_SLICES,
  timeToFeedbackColumns,
  type timeToFeedbackInput,
} from "@debrief/validators";
import type { z } from "zod";
import type { ProtectedContext } from "../../../trpc";
import { recordAudit } from "../../audit";
import { type CsvCell, toCsv } from "../csv";
import { coverage } from "./coverage";
import { engagement } from "./engagement";
import { filtersForAudit, type ResolvedFilters, resolveFilters } from "./filters";
import { outcomes } from "./outcomes";
import { reasons, toRanking } from "./reasons";
import { slaHours, timeToFeedback } from "./time-to-feedback";

type Args<T extends z.ZodType> = { ctx: ProtectedContext; input: z.output<T> };
const rangeOf = (f: ResolvedFilters) => ({ from: f.from, to: f.to });

/** The agency's own consultants (disabled ones too: their history counts), clients and jobs. */
export async function filterOptions({
  ctx,
}: {
  ctx: ProtectedContext;
}): Promise<ReportFilterOptions> {
  const [consultants, clients, jobs] = [
    await ctx.tx
      .select({ id: s.users.id, name: s.users.name, status: s.users.status })
      .from(s.users)
      .where(inArray(s.users.role, [...staffRoles]))
      .orderBy(asc(s.users.name), asc(s.users.id)),
    await ctx.tx
      .select({ id: s.clients.id, name: s.clients.name })
      .from(s.clients)
      .orderBy(asc(s.clients.name), asc(s.clients.id)),
    await ctx.tx
      .select({
        id: s.jobs.id,
        title: s.jobs.title,
        clientId: s.jobs.clientId,
        clientName: s.clients.name,
      })
      .from(s.jobs)
      .innerJoin(s.clients, eq(s.clients.id, s.jobs.clientId))
      .orderBy(asc(s.clients.name), asc(s.jobs.title), asc(s.jobs.id)),
  ];
  return {
    consultants: consultants.map((c) => ({
      id: c.id,
      name: c.name,
      active: c.status === "active",
    })),
    clients,
    jobs,
  };
}

type CoverageView = (typeof reportViews.coverage)[number];
type TimeView = (typeof reportViews)["time-to-feedback"][number];
type ReasonsView = (typeof reportViews.reasons)[number];
type EngagementView = (typeof reportViews.engagement)[number];
type OutcomesView = (typeof reportViews.outcomes)[number];

async function coverageFor(ctx: ProtectedContext, f: ResolvedFilters, view: CoverageView) {
  return { range: rangeOf(f), view, ...(await coverage(ctx, f, view)) };
}

export async function coverageReport({
  ctx,
  input,
}: Args<typeof coverageInput>): Promise<CoverageOutput> {
  return coverageFor(ctx, await resolveFilters(ctx, input), input.view);
}

async function timeToFeedbackFor(ctx: ProtectedContext, f: ResolvedFilters, view: TimeView) {
  const sla = await slaHours(ctx, f);
  return { range: rangeOf(f), view, slaHours: sla, ...(await timeToFeedback(ctx, f, view)) };
}

export async function timeToFeedbackReport({
  ctx,
  input,
}: Args<typeof timeToFeedbackInput>): Promise<TimeToFeedbackOutput> {
  return timeToFeedbackFor(ctx, await resolveFilters(ctx, input), input.view);
}

/** Months of the range, oldest first: the axis of a trend (no figure is computed here). */
function monthsOf(f: ResolvedFilters): string[] {
  const months: string[] = [];
  let y = Number(f.from.slice(0, 4));
  let m = Number(f.from.slice(5, 7));
  const last = f.to.slice(0, 7);
  for (;;) {
    const key = `${y}-${String(m).padStart(2, "0")}`;
    if (key > last) break;
    months.push(key);
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return months;
}

async function reasonsFor(
  ctx: ProtectedContext,
  f: ResolvedFilters,
  view: ReasonsView,
  of: GapDimension,
  top?: number,
): Promise<ReasonsOutput> {
  const { total, overall, rows, slices } = await reasons(ctx, f, view, of, top);
  return {
    range: rangeOf(f),
    view,
    of,
    total,
    ranking: toRanking(overall),
    months: monthsOf(f),
    rows,
    slices,
  };
}

export async function reasonsReport({
  ctx,
  input,
}: Args<typeof reasonsInput>): Promise<ReasonsOutput> {
  const f = await resolveFilters(ctx, input);
  return reasonsFor(ctx, f, input.view, input.of, TOP_REASON_SLICES);
}

async function engagementFor(ctx: ProtectedContext, f: ResolvedFilters, view: EngagementView) {
  return { range: rangeOf(f), view, ...(await engagement(ctx, f, view)) };
}

export async function engagementReport({
  ctx,
  input,
}: Args<typeof engagementInput>): Promise<EngagementOutput> {
  return engagementFor(ctx, await resolveFilters(ctx, input), input.view);
}

async function outcomesFor(ctx: ProtectedContext, f: ResolvedFilters, view: OutcomesView) {
  return {
    range: rangeOf(f),
    view,
    minGroup: MIN_OUTCOME_GROUP,
    ...(await outcomes(ctx, f, view)),
  };
}

export async function outcomesReport({
  ctx,
  input,
}: Args<typeof outcomesInput>): Promise<OutcomesOutput> {
  return outcomesFor(ctx, await resolveFilters(ctx, input), input.view);
}

/** The headline of every report for the same filters: totals only, one query each. */
export async function overview({
  ctx,
  input,
}: {
  ctx: ProtectedContext;
  input: ReportFilters;
}): Promise<ReportsOverviewOutput> {
  const f = await resolveFilters(ctx, input);
  const cov = await coverage(ctx, f, "total");
  const time = await timeToFeedback(ctx, f, "total");
  const sla = await slaHours(ctx, f);
  const gaps = await reasons(ctx, f, "overall", "reason");
  const [top] = gaps.overall;
  const eng = await engagement(ctx, f, "total");
  const out = await outcomes(ctx, f, "total");
  return {
    range: rangeOf(f),
    coverage: cov.total,
    timeToFeedback: { ...time.total, slaHours: sla },
    reasons: { gaps: gaps.total.gaps, top: top ? (toRanking([top])[0] ?? null) : null },
    engagement: eng.total,
    outcomes: { ...out.total, minGroup: MIN_OUTCOME_GROUP },
  };
}

/** A figure as the CSV writes it: shares as percentages with one decimal, the rest as they are. */
function csvValue(format: ColumnFormat, value: string | number | boolean | null): CsvCell {
  if (format === "share" && typeof value === "number") return Math.round(value * 1000) / 10;
  return value;
}

function table<Row>(columns: ReportColumn<Row>[], rows: Row[]) {
  return {
    header: columns.map((c) => (c.format === "share" ? `${c.header} (%)` : c.header)),
    rows: rows.map((row) => columns.map((c) => csvValue(c.format, c.value(row)))),
  };
}

/**
 * The CSV of one report's table for the given filters and breakdown: the same rows the page shows,
 * total last. Records report.exported with the report, breakdown and filter ids (no figures).
 */
export async function exportCsv({ ctx, input }: Args<typeof reportExportInput>) {
  const f = await resolveFilters(ctx, input);
  let built: { header: string[]; rows: CsvCell[][] };
  let view: string;
  let suffix = "";
  switch (input.report) {
    case "coverage": {
      const v = (input.view ?? reportViews.coverage[0]) as CoverageView;
      const out = await coverageFor(ctx, f, v);
      built = table(coverageColumns(v), [...out.rows, out.total]);
      view = v;
      break;
    }
    case "time-to-feedback": {
      const v = (input.view ?? reportViews["time-to-feedback"][0]) as TimeView;
      const out = await timeToFeedbackFor(ctx, f, v);
      built = table(timeToFeedbackColumns(v), [...out.rows, out.total]);
      view = v;
      break;
    }
    case "reasons": {
      const v = (input.view ?? reportViews.reasons[0]) as ReasonsView;
      const of = input.of ?? "reason";
      const out = await reasonsFor(ctx, f, v, of);
      built = table(reasonsColumns(v, of), out.rows);
      view = v;
      if (of === "competency") suffix = "-competencies";
      break;
    }
    case "engagement": {
      const v = (input.view ?? reportViews.engagement[0]) as EngagementView;
      const out = await engagementFor(ctx, f, v);
      built = table(engagementColumns(v), [...out.rows, out.total]);
      view = v;
      break;
    }
    case "outcomes": {
      const v = (input.view ?? reportViews.outcomes[0]) as OutcomesView;
      const out = await outcomesFor(ctx, f, v);
      built = table(outcomesColumns(v), [...out.rows, out.total]);
      view = v;
      break;
    }
  }
  await recordAudit(ctx, {
    action: "report.exported",
    entityType: "agency",
    entityId: ctx.user.agencyId,
    metadata: {
      report: input.report,
      view,
      ...(input.report === "reasons" ? { of: input.of ?? "reason" } : {}),
      filters: filtersForAudit(f),
      rows: built.rows.length,
    },
  });
  return {
    // e.g. coverage-by-client-2026-01-01-to-2026-11-26.csv; the overall reasons have no "by".
    filename: `${input.report}${suffix}${view === "overall" ? "" : `-by-${view}`}-${f.from}-to-${f.to}.csv`,
    csv: toCsv(built.header, built.rows),
    rows: built.rows.length,
  };
}
