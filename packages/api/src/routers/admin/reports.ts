// Agency-wide reports for admins: each a chart's and a table's figures, computed in SQL, and the
// CSV export of a table (audited). The shared filters are checked against the caller's agency.
import {
  coverageInput,
  coverageOutput,
  engagementInput,
  engagementOutput,
  outcomesInput,
  outcomesOutput,
  reasonsInput,
  reasonsOutput,
  reportExportInput,
  reportExportOutput,
  reportFilterOptionsOutput,
  reportFiltersInput,
  reportsOverviewOutput,
  timeToFeedbackInput,
  timeToFeedbackOutput,
} from "@debrief/validators";
import type { TRPCRouterRecord } from "@trpc/server";
import * as reports from "../../services/admin/reports";
import { adminProcedure } from "../../trpc";

export const adminReportsRouter = {
  filterOptions: adminProcedure
    .output(reportFilterOptionsOutput)
    .query(({ ctx }) => reports.filterOptions({ ctx })),
  overview: adminProcedure
    .input(reportFiltersInput)
    .output(reportsOverviewOutput)
    .query(({ ctx, input }) => reports.overview({ ctx, input })),
  coverage: adminProcedure
    .input(coverageInput)
    .output(coverageOutput)
    .query(({ ctx, input }) => reports.coverageReport({ ctx, input })),
  timeToFeedback: adminProcedure
    .input(timeToFeedbackInput)
    .output(timeToFeedbackOutput)
    .query(({ ctx, input }) => reports.timeToFeedbackReport({ ctx, input })),
  reasons: adminProcedure
    .input(reasonsInput)
    .output(reasonsOutput)
    .query(({ ctx, input }) => reports.reasonsReport({ ctx, input })),
  engagement: adminProcedure
    .input(engagementInput)
    .output(engagementOutput)
    .query(({ ctx, input }) => reports.engagementReport({ ctx, input })),
  outcomes: adminProcedure
    .input(outcomesInput)
    .output(outcomesOutput)
    .query(({ ctx, input }) => reports.outcomesReport({ ctx, input })),
  /** A mutation: it writes the report.exported audit event. Called by the portal's CSV route. */
  exportCsv: adminProcedure
    .input(reportExportInput)
    .output(reportExportOutput)
    .mutation(({ ctx, input }) => reports.exportCsv({ ctx, input })),
} satisfies TRPCRouterRecord;
