// The admin reports: the filters they share, the breakdowns each offers, and their outputs (which
// are also the allowlist of figures an admin receives). Every figure is computed in SQL on the server.
import { z } from "zod";
import { uuidSchema } from "../common";

export const reportKinds = [
  "coverage",
  "time-to-feedback",
  "reasons",
  "engagement",
  "outcomes",
] as const;
export type ReportKind = (typeof reportKinds)[number];

/** How each report's table (and chart) can be broken down; the first is the default. */
export const reportViews = {
  coverage: ["month", "consultant", "client"],
  "time-to-feedback": ["month", "consultant", "client"],
  reasons: ["overall", "lens", "stage", "client", "job", "month"],
  engagement: ["month", "consultant", "client"],
  outcomes: ["month", "consultant", "client"],
} as const satisfies Record<ReportKind, readonly string[]>;
export type ReportView<K extends ReportKind = ReportKind> = (typeof reportViews)[K][number];
export const allReportViews = [
  "month",
  "consultant",
  "client",
  "overall",
  "lens",
  "stage",
  "job",
] as const;
export type AnyReportView = (typeof allReportViews)[number];

export const viewLabels: Record<AnyReportView, string> = {
  month: "Month",
  consultant: "Consultant",
  client: "Client",
  overall: "Overall",
  lens: "Lens",
  stage: "Stage",
  job: "Job",
};

/** What the reasons report counts: the rejection reason of each gap, or its competency. */
export const gapDimensions = ["reason", "competency"] as const;
export type GapDimension = (typeof gapDimensions)[number];

/** Below this many candidates in either group, the outcomes report says "too few to compare". */
export const MIN_OUTCOME_GROUP = 10;
/** The reasons report by client or job shows the clients (or jobs) with the most gaps, this many. */
export const TOP_REASON_SLICES = 25;
/** The longest date range a report covers: ten years, the longest retention an agency can set. */
export const MAX_REPORT_DAYS = 3660;

/** Titles and the one-sentence definitions the pages show and the CSV export names. */
export const reportInfo: Record<ReportKind, { title: string; short: string; definition: string }> =
  {
    coverage: {
      title: "Feedback coverage",
      short: "Coverage",
      definition:
        "Coverage is the share of rejected interviews whose feedback is published to the candidate now; drafts, feedback in review and retracted feedback do not count.",
    },
    "time-to-feedback": {
      title: "Time to feedback",
      short: "Time to feedback",
      definition:
        "Time to feedback is the hours from the rejection to the feedback's first publication (median and 90th percentile), counted against the agency's SLA; rejections still without published feedback past the SLA are counted apart.",
    },
    reasons: {
      title: "Rejection reasons and competency gaps",
      short: "Reasons & gaps",
      definition:
        "Every gap in published feedback is counted once, under its rejection reason or its competency; retired taxonomy entries still count and are marked retired.",
    },
    engagement: {
      title: "Candidate engagement",
      short: "Engagement",
      definition:
        "Of the published feedback in range: how much candidates read and acknowledged, the share of rated points they found helpful, the share turned into an action plan, and the goals of those plans completed.",
    },
    outcomes: {
      title: "Outcomes after a plan",
      short: "Outcomes",
      definition:
        "Candidates rejected in range, split by whether they built an action plan after their first rejection in range, and the share of each group offered a job at a later interview.",
    },
  };

export const filterDefinition =
  "Filters select rejected interviews by their rejection date (UTC) and by the interview's consultant, client and job; with no dates the range is the last 12 calendar months up to today.";

const DAY_MS = 86_400_000;
const isoDay = (d: Date) => d.toISOString().slice(0, 10);
const utcDay = (date: string) => new Date(`${date}T00:00:00.000Z`);

/** The default start for an end date: the first day of the 12th calendar month back. */
export function defaultReportFrom(to: string): string {
  const end = utcDay(to);
  return isoDay(new Date(Date.UTC(end.getUTCFullYear(), end.getUTCMonth() - 11, 1)));
}

export type ResolvedRange =
  | { ok: true; from: string; to: string }
  | { ok: false; message: string; fieldErrors: Record<string, string[]> };

/**
 * The report's dates with the defaults filled in (no end: today, UTC; no start: 12 calendar months
 * back from the end), or why they cannot be used. The server and the pages share this rule.
 */
export function resolveReportRange(
  input: { from?: string; to?: string },
  today: Date = new Date(),
): ResolvedRange {
  const to = input.to ?? isoDay(today);
  const from = input.from ?? defaultReportFrom(to);
  if (to < from) {
    return {
      ok: false,
      message: "End date must be on or after the start date",
      fieldErrors: { to: ["must be on or after the start date"] },
    };
  }
  if ((utcDay(to).getTime() - utcDay(from).getTime()) / DAY_MS + 1 > MAX_REPORT_DAYS) {
    return {
      ok: false,
      message: "Start date must be at most 10 years before the end",
      fieldErrors: { from: ["must be at most 10 years before the end date"] },
    };
  }
  return { ok: true, from, to };
}

const reportDate = z.iso
  .date({ error: "must be a date (YYYY-MM-DD)" })
  .refine((d) => d >= "2000-01-01" && d <= "2100-12-31", {
    error: "must be between the years 2000 and 2100",
  });

/** The filters every report shares; they live in the URL as from, to, consultant, client, job. */
export const reportFilterShape = {
  from: reportDate.optional(),
  to: reportDate.optional(),
  consultantId: uuidSchema.optional(),
  clientId: uuidSchema.optional(),
  jobId: uuidSchema.optional(),
};

type RangeInput = { from?: string; to?: string };
/** A range that ends before it starts is refused on its end, where the person sees it. */
function checkRange(value: RangeInput, ctx: z.RefinementCtx) {
  if (value.from && value.to && value.to < value.from) {
    ctx.addIssue({ code: "custom", path: ["to"], message: "must be on or after the start date" });
  }
}

export const reportFiltersInput = z.object(reportFilterShape).superRefine(checkRange);
export type ReportFilters = z.infer<typeof reportFiltersInput>;

const viewOf = <K extends ReportKind>(kind: K) =>
  z
    .enum(reportViews[kind] as unknown as [ReportView<K>, ...ReportView<K>[]], {
      error: `must be one of: ${reportViews[kind].join(", ")}`,
    })
    .default(reportViews[kind][0] as ReportView<K>);

export const coverageInput = z
  .object({ ...reportFilterShape, view: viewOf("coverage") })
  .superRefine(checkRange);
export const timeToFeedbackInput = z
  .object({ ...reportFilterShape, view: viewOf("time-to-feedback") })
  .superRefine(checkRange);
export const reasonsInput = z
  .object({
    ...reportFilterShape,
    view: viewOf("reasons"),
    of: z
      .enum(gapDimensions, { error: "must be reason or competency" })
      .default("reason" as GapDimension),
  })
  .superRefine(checkRange);
export const engagementInput = z
  .object({ ...reportFilterShape, view: viewOf("engagement") })
  .superRefine(checkRange);
export const outcomesInput = z
  .object({ ...reportFilterShape, view: viewOf("outcomes") })
  .superRefine(checkRange);

export type CoverageInput = z.input<typeof coverageInput>;
export type TimeToFeedbackInput = z.input<typeof timeToFeedbackInput>;
export type ReasonsInput = z.input<typeof reasonsInput>;
export type EngagementInput = z.input<typeof engagementInput>;
export type OutcomesInput = z.input<typeof outcomesInput>;

/** The CSV download: one report's table, for the same filters and breakdown as on screen. */
export const reportExportInput = z
  .object({
    ...reportFilterShape,
    report: z.enum(reportKinds, { error: `must be one of: ${reportKinds.join(", ")}` }),
    view: z.enum(allReportViews, { error: "must be a breakdown the report offers" }).optional(),
    of: z.enum(gapDimensions, { error: "must be reason or competency" }).optional(),
  })
  .superRefine((value, ctx) => {
    checkRange(value, ctx);
    const views: readonly string[] = reportViews[value.report];
    if (value.view && !views.includes(value.view)) {
      ctx.addIssue({
        code: "custom",
        path: ["view"],
        message: `must be one of: ${views.join(", ")}`,
      });
    }
  });
export type ReportExportInput = z.input<typeof reportExportInput>;

// Outputs

const share = z.number().nullable();
const hours = z.number().nullable();
const count = z.int();

export const reportRange = z.object({ from: z.string(), to: z.string() });
export type ReportRange = z.infer<typeof reportRange>;

const keyed = { key: z.string(), label: z.string() };

export const coverageRow = z.object({
  ...keyed,
  rejected: count,
  published: count,
  unpublished: count,
  share,
});
export type CoverageRow = z.infer<typeof coverageRow>;
export const coverageOutput = z.object({
  range: reportRange,
  view: z.enum(reportViews.coverage),
  total: coverageRow,
  rows: z.array(coverageRow),
});
export type CoverageOutput = z.infer<typeof coverageOutput>;

export const timeToFeedbackRow = z.object({
  ...keyed,
  rejected: count,
  published: count,
  medianHours: hours,
  p90Hours: hours,
  withinSla: count,
  publishedLate: count,
  onTimeShare: share,
  openOverdue: count,
  openWithinSla: count,
});
export type TimeToFeedbackRow = z.infer<typeof timeToFeedbackRow>;
export const timeToFeedbackOutput = z.object({
  range: reportRange,
  view: z.enum(reportViews["time-to-feedback"]),
  slaHours: count,
  total: timeToFeedbackRow,
  rows: z.array(timeToFeedbackRow),
});
export type TimeToFeedbackOutput = z.infer<typeof timeToFeedbackOutput>;

export const gapCount = z.object({
  key: z.string(),
  label: z.string(),
  retired: z.boolean(),
  gaps: count,
  share,
});
export type GapCount = z.infer<typeof gapCount>;
export const reasonsRow = z.object({
  sliceKey: z.string(),
  sliceLabel: z.string(),
  key: z.string(),
  label: z.string(),
  retired: z.boolean(),
  gaps: count,
  sliceGaps: count,
  share,
  rank: count,
});
export type ReasonsRow = z.infer<typeof reasonsRow>;
export const reasonsOutput = z.object({
  range: reportRange,
  view: z.enum(reportViews.reasons),
  of: z.enum(gapDimensions),
  total: z.object({
    gaps: count,
    /** Published feedback with at least one gap, and all published feedback, in range. */
    feedback: count,
    publishedFeedback: count,
    /** Distinct reasons (or competencies) named, and how many of those are retired. */
    entries: count,
    retiredEntries: count,
    gapsPerFeedback: z.number().nullable(),
  }),
  /** Every reason (or competency) over the whole range, most frequent first. */
  ranking: z.array(gapCount),
  /** The months of the range, for a trend with no gap left out. */
  months: z.array(z.string()),
  rows: z.array(reasonsRow),
  /** Slices in the rows, and in all: by client or job, only the TOP_REASON_SLICES with most gaps. */
  slices: z.object({ shown: count, total: count }),
});
export type ReasonsOutput = z.infer<typeof reasonsOutput>;

export const engagementRow = z.object({
  ...keyed,
  published: count,
  read: count,
  readShare: share,
  acknowledged: count,
  acknowledgedShare: share,
  items: count,
  rated: count,
  helpful: count,
  helpfulShare: share,
  withPlan: count,
  planShare: share,
  goals: count,
  goalsDone: count,
  goalsDoneShare: share,
});
export type EngagementRow = z.infer<typeof engagementRow>;
export const engagementOutput = z.object({
  range: reportRange,
  view: z.enum(reportViews.engagement),
  total: engagementRow,
  rows: z.array(engagementRow),
});
export type EngagementOutput = z.infer<typeof engagementOutput>;

export const outcomesRow = z.object({
  ...keyed,
  candidates: count,
  withPlan: count,
  withPlanOffered: count,
  withPlanShare: share,
  withoutPlan: count,
  withoutPlanOffered: count,
  withoutPlanShare: share,
  /** Both groups have at least MIN_OUTCOME_GROUP candidates. */
  comparable: z.boolean(),
  /** Percentage points, with a plan minus without; null when the groups are too small. */
  difference: z.number().nullable(),
});
export type OutcomesRow = z.infer<typeof outcomesRow>;
export const outcomesOutput = z.object({
  range: reportRange,
  view: z.enum(reportViews.outcomes),
  minGroup: count,
  total: outcomesRow,
  rows: z.array(outcomesRow),
});
export type OutcomesOutput = z.infer<typeof outcomesOutput>;

export const reportsOverviewOutput = z.object({
  range: reportRange,
  coverage: coverageRow,
  timeToFeedback: timeToFeedbackRow.extend({ slaHours: count }),
  reasons: z.object({ gaps: count, top: gapCount.nullable() }),
  engagement: engagementRow,
  outcomes: outcomesRow.extend({ minGroup: count }),
});
export type ReportsOverviewOutput = z.infer<typeof reportsOverviewOutput>;

export const reportFilterOptionsOutput = z.object({
  consultants: z.array(z.object({ id: z.uuid(), name: z.string(), active: z.boolean() })),
  clients: z.array(z.object({ id: z.uuid(), name: z.string() })),
  jobs: z.array(
    z.object({ id: z.uuid(), title: z.string(), clientId: z.uuid(), clientName: z.string() }),
  ),
});
export type ReportFilterOptions = z.infer<typeof reportFilterOptionsOutput>;

export const reportExportOutput = z.object({
  filename: z.string(),
  csv: z.string(),
  rows: count,
});

// The columns of each report's table, shared by the page and the CSV download so the file holds
// exactly what the table shows. `value` is the raw figure; the page formats it, the CSV writes it
// plainly (shares as percentages with one decimal).

export type ColumnFormat = "text" | "month" | "count" | "share" | "hours" | "points" | "flag";
export type ReportColumn<Row> = {
  id: string;
  header: string;
  format: ColumnFormat;
  value: (row: Row) => string | number | boolean | null;
};

const labelColumn = <Row extends { label: string }>(view: AnyReportView): ReportColumn<Row> => ({
  id: "label",
  header: viewLabels[view],
  format: view === "month" ? "month" : "text",
  value: (row) => row.label,
});

export function coverageColumns(view: ReportView<"coverage">): ReportColumn<CoverageRow>[] {
  return [
    labelColumn(view),
    { id: "rejected", header: "Rejected", format: "count", value: (r) => r.rejected },
    { id: "published", header: "With feedback", format: "count", value: (r) => r.published },
    { id: "unpublished", header: "Without", format: "count", value: (r) => r.unpublished },
    { id: "share", header: "Coverage", format: "share", value: (r) => r.share },
  ];
}

export function timeToFeedbackColumns(
  view: ReportView<"time-to-feedback">,
): ReportColumn<TimeToFeedbackRow>[] {
  return [
    labelColumn(view),
    { id: "rejected", header: "Rejected", format: "count", value: (r) => r.rejected },
    { id: "published", header: "Published", format: "count", value: (r) => r.published },
    { id: "median", header: "Median hours", format: "hours", value: (r) => r.medianHours },
    { id: "p90", header: "90th percentile hours", format: "hours", value: (r) => r.p90Hours },
    { id: "onTime", header: "Within SLA", format: "share", value: (r) => r.onTimeShare },
    { id: "late", header: "Published late", format: "count", value: (r) => r.publishedLate },
    {
      id: "overdue",
      header: "Unpublished past SLA",
      format: "count",
      value: (r) => r.openOverdue,
    },
    {
      id: "open",
      header: "Unpublished within SLA",
      format: "count",
      value: (r) => r.openWithinSla,
    },
  ];
}

export function reasonsColumns(
  view: ReportView<"reasons">,
  of: GapDimension,
): ReportColumn<ReasonsRow>[] {
  const slice: ReportColumn<ReasonsRow>[] =
    view === "overall"
      ? []
      : [
          {
            id: "slice",
            header: viewLabels[view],
            format: view === "month" ? "month" : "text",
            value: (r) => r.sliceLabel,
          },
        ];
  return [
    ...slice,
    {
      id: "label",
      header: of === "reason" ? "Reason" : "Competency",
      format: "text",
      value: (r) => r.label,
    },
    { id: "retired", header: "Retired", format: "flag", value: (r) => r.retired },
    { id: "gaps", header: "Gaps", format: "count", value: (r) => r.gaps },
    {
      id: "share",
      header:
        view === "overall"
          ? "Share of gaps"
          : `Share of the ${viewLabels[view].toLowerCase()}'s gaps`,
      format: "share",
      value: (r) => r.share,
    },
    { id: "rank", header: "Rank", format: "count", value: (r) => r.rank },
  ];
}

export function engagementColumns(view: ReportView<"engagement">): ReportColumn<EngagementRow>[] {
  return [
    labelColumn(view),
    { id: "published", header: "Published", format: "count", value: (r) => r.published },
    { id: "read", header: "Read", format: "count", value: (r) => r.read },
    { id: "readShare", header: "Read share", format: "share", value: (r) => r.readShare },
    { id: "ack", header: "Acknowledged", format: "count", value: (r) => r.acknowledged },
    {
      id: "ackShare",
      header: "Acknowledged share",
      format: "share",
      value: (r) => r.acknowledgedShare,
    },
    { id: "rated", header: "Points rated", format: "count", value: (r) => r.rated },
    { id: "helpful", header: "Rated helpful", format: "count", value: (r) => r.helpful },
    { id: "helpfulShare", header: "Helpful share", format: "share", value: (r) => r.helpfulShare },
    { id: "withPlan", header: "Turned into a plan", format: "count", value: (r) => r.withPlan },
    { id: "planShare", header: "Plan share", format: "share", value: (r) => r.planShare },
    { id: "goals", header: "Goals", format: "count", value: (r) => r.goals },
    { id: "goalsDone", header: "Goals done", format: "count", value: (r) => r.goalsDone },
    {
      id: "goalsDoneShare",
      header: "Goals done share",
      format: "share",
      value: (r) => r.goalsDoneShare,
    },
  ];
}

export function outcomesColumns(view: ReportView<"outcomes">): ReportColumn<OutcomesRow>[] {
  return [
    labelColumn(view),
    { id: "candidates", header: "Candidates", format: "count", value: (r) => r.candidates },
    { id: "withPlan", header: "Built a plan", format: "count", value: (r) => r.withPlan },
    {
      id: "withPlanOffered",
      header: "Plan: offered later",
      format: "count",
      value: (r) => r.withPlanOffered,
    },
    {
      id: "withPlanShare",
      header: "Plan: offered share",
      format: "share",
      value: (r) => r.withPlanShare,
    },
    { id: "withoutPlan", header: "No plan", format: "count", value: (r) => r.withoutPlan },
    {
      id: "withoutPlanOffered",
      header: "No plan: offered later",
      format: "count",
      value: (r) => r.withoutPlanOffered,
    },
    {
      id: "withoutPlanShare",
      header: "No plan: offered share",
      format: "share",
      value: (r) => r.withoutPlanShare,
    },
    {
      id: "difference",
      header: "Difference (points)",
      format: "points",
      value: (r) => (r.comparable ? r.difference : "too few to compare"),
    },
  ];
}
