import { type ReportFilterOptions, type ReportKind, reportInfo } from "@debrief/validators";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireAdmin } from "~/auth";
import { fetchOrNotFound, HydrateClient, prefetch, trpc } from "~/trpc/server";
import { CoverageReport } from "../_components/coverage-report";
import { EngagementReport } from "../_components/engagement-report";
import { OutcomesReport } from "../_components/outcomes-report";
import { ReasonsReport } from "../_components/reasons-report";
import { ReportFrame, ReportSkeleton } from "../_components/report-page";
import {
  isReportKind,
  parseReport,
  type ReportInputs,
  type SearchParams,
} from "../_components/report-params";
import { TimeToFeedbackReport } from "../_components/time-report";

type Props = { params: Promise<{ report: string }>; searchParams: Promise<SearchParams> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { report } = await params;
  return { title: isReportKind(report) ? `${reportInfo[report].title} · Reports` : "Reports" };
}

/** Prefetches the report on the server and returns its client component. */
function reportFor<K extends ReportKind>(kind: K, input: ReportInputs[K]) {
  switch (kind) {
    case "coverage": {
      const i = input as ReportInputs["coverage"];
      prefetch(trpc.admin.reports.coverage.queryOptions(i));
      return <CoverageReport input={i} />;
    }
    case "time-to-feedback": {
      const i = input as ReportInputs["time-to-feedback"];
      prefetch(trpc.admin.reports.timeToFeedback.queryOptions(i));
      return <TimeToFeedbackReport input={i} />;
    }
    case "reasons": {
      const i = input as ReportInputs["reasons"];
      prefetch(trpc.admin.reports.reasons.queryOptions(i));
      return <ReasonsReport input={i} />;
    }
    case "engagement": {
      const i = input as ReportInputs["engagement"];
      prefetch(trpc.admin.reports.engagement.queryOptions(i));
      return <EngagementReport input={i} />;
    }
    default: {
      const i = input as ReportInputs["outcomes"];
      prefetch(trpc.admin.reports.outcomes.queryOptions(i));
      return <OutcomesReport input={i} />;
    }
  }
}

export default async function ReportPage({ params, searchParams }: Props) {
  await requireAdmin();
  const { report } = await params;
  if (!isReportKind(report)) notFound();
  const query = await searchParams;
  const options = await fetchOrNotFound<ReportFilterOptions>(
    trpc.admin.reports.filterOptions.queryOptions(),
  );
  const parsed = parseReport(report, query, options);
  const info = reportInfo[report];
  return (
    <HydrateClient>
      <ReportFrame
        title={info.title}
        definition={info.definition}
        options={options}
        range={parsed.range}
        errors={parsed.ok ? null : parsed.fieldErrors}
        skeleton={<ReportSkeleton />}
      >
        {parsed.ok ? reportFor(report, parsed.input) : null}
      </ReportFrame>
    </HydrateClient>
  );
}
