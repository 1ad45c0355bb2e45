import type { ReportFilterOptions } from "@debrief/validators";
import type { Metadata } from "next";
import { requireAdmin } from "~/auth";
import { fetchOrNotFound, HydrateClient, prefetch, trpc } from "~/trpc/server";
import { ReportsOverview } from "./_components/overview";
import { ReportFrame, ReportSkeleton } from "./_components/report-page";
import { parseOverview, type SearchParams } from "./_components/report-params";

export const metadata: Metadata = { title: "Reports" };

export default async function ReportsPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  await requireAdmin();
  const options = await fetchOrNotFound<ReportFilterOptions>(
    trpc.admin.reports.filterOptions.queryOptions(),
  );
  const parsed = parseOverview(await searchParams, options);
  if (parsed.ok) prefetch(trpc.admin.reports.overview.queryOptions(parsed.input));
  return (
    <HydrateClient>
      <ReportFrame
        title="Reports"
        definition="How well the agency gives feedback, and what candidates make of it. Each report has a chart, a table and a CSV download."
        options={options}
        range={parsed.range}
        errors={parsed.ok ? null : parsed.fieldErrors}
        skeleton={<ReportSkeleton />}
      >
        {parsed.ok ? <ReportsOverview input={parsed.input} /> : null}
      </ReportFrame>
    </HydrateClient>
  );
}
