import { clarificationAnswerInput, postedOutput } from "@debrief/validators";
import type { TRPCRouterRecord } from "@trpc/server";
import * as clarification from "../services/clarification";
import { consultantProcedure } from "../trpc";

export const clarificationRouter = {
  answer: consultantProcedure
    .input(clarificationAnswerInput)
    .output(postedOutput)
    .mutation(({ ctx, input }) => clarification.answer({ ctx, input })),
} satisfies TRPCRouterRecord;
