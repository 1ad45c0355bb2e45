import {
  dataRequestListInput,
  dataRequestListOutput,
  eraseCandidateInput,
  eraseCandidateOutput,
  exportCandidateInput,
  exportCandidateOutput,
  rejectDataRequestInput,
  rejectDataRequestOutput,
} from "@debrief/validators";
import type { TRPCRouterRecord } from "@trpc/server";
import * as dataRequests from "../../services/admin/data-requests";
import { adminProcedure } from "../../trpc";

export const adminDataRequestsRouter = {
  /** Pending requests first (oldest at the top), then the history, latest first. */
  list: adminProcedure
    .input(dataRequestListInput)
    .output(dataRequestListOutput)
    .query(({ ctx, input }) => dataRequests.list({ ctx, input })),
  /** The candidate's own export file, recorded as a completed export request. */
  exportCandidate: adminProcedure
    .input(exportCandidateInput)
    .output(exportCandidateOutput)
    .mutation(({ ctx, input }) => dataRequests.exportCandidate({ ctx, input })),
  /** Erases a candidate's personal data everywhere; the admin types their name to confirm. */
  erase: adminProcedure
    .input(eraseCandidateInput)
    .output(eraseCandidateOutput)
    .mutation(({ ctx, input }) => dataRequests.erase({ ctx, input })),
  /** Declines a pending request with a reason the candidate is told. */
  reject: adminProcedure
    .input(rejectDataRequestInput)
    .output(rejectDataRequestOutput)
    .mutation(({ ctx, input }) => dataRequests.reject({ ctx, input })),
} satisfies TRPCRouterRecord;
