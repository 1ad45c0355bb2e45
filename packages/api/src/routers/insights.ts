import { patternsOutput, prepareOutput } from "@debrief/validators";
import type { TRPCRouterRecord } from "@trpc/server";
import * as insights from "../services/insights";
import { candidateProcedure } from "../trpc";

export const insightsRouter = {
  patterns: candidateProcedure
    .output(patternsOutput)
    .query(({ ctx }) => insights.patterns({ ctx })),
  prepare: candidateProcedure.output(prepareOutput).query(({ ctx }) => insights.prepare({ ctx })),
} satisfies TRPCRouterRecord;
