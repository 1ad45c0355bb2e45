import { byIdInput, feedbackView, inboxEntry } from "@debrief/validators";
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import * as myFeedback from "../services/my-feedback";
import { candidateProcedure } from "../trpc";

export const myFeedbackRouter = {
  list: candidateProcedure
    .output(z.array(inboxEntry))
    .query(({ ctx }) => myFeedback.listMine({ ctx })),
  byId: candidateProcedure
    .input(byIdInput)
    .output(feedbackView)
    .query(({ ctx, input }) => myFeedback.getMine({ ctx, input })),
  markRead: candidateProcedure
    .input(byIdInput)
    .output(z.object({ id: z.uuid() }))
    .mutation(({ ctx, input }) => myFeedback.markRead({ ctx, input })),
} satisfies TRPCRouterRecord;
