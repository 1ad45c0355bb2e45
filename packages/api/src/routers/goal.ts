import { goalCommentInput, postedOutput } from "@debrief/validators";
import type { TRPCRouterRecord } from "@trpc/server";
import * as goal from "../services/goal";
import { consultantProcedure } from "../trpc";

export const goalRouter = {
  comment: consultantProcedure
    .input(goalCommentInput)
    .output(postedOutput)
    .mutation(({ ctx, input }) => goal.comment({ ctx, input })),
} satisfies TRPCRouterRecord;
