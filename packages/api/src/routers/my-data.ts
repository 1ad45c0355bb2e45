import { dataRequestOutput, myDataExportOutput, myDataRequestsOutput } from "@debrief/validators";
import type { TRPCRouterRecord } from "@trpc/server";
import * as myData from "../services/my-data";
import { candidateProcedure } from "../trpc";

export const myDataRouter = {
  /** Everything the agency holds about the caller; served as a file by the portal's /api/my-data. */
  export: candidateProcedure
    .output(myDataExportOutput)
    .query(({ ctx }) => myData.exportMine({ ctx })),
  requests: candidateProcedure
    .output(myDataRequestsOutput)
    .query(({ ctx }) => myData.requests({ ctx })),
  requestErasure: candidateProcedure
    .output(dataRequestOutput)
    .mutation(({ ctx }) => myData.requestErasure({ ctx })),
} satisfies TRPCRouterRecord;
