import {
  acknowledgedOutput,
  acknowledgeInput,
  askQuestionInput,
  byIdInput,
  inboxEntry,
  itemResponseOutput,
  myFeedbackView,
  postedOutput,
  respondToItemInput,
} from "@debrief/validators";
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
    .output(myFeedbackView)
    .query(({ ctx, input }) => myFeedback.getMine({ ctx, input })),
  markRead: candidateProcedure
    .input(byIdInput)
    .output(z.object({ id: z.uuid() }))
    .mutation(({ ctx, input }) => myFeedback.markRead({ ctx, input })),
  respond: candidateProcedure
    .input(respondToItemInput)
    .output(itemResponseOutput)
    .mutation(({ ctx, input }) => myFeedback.respond({ ctx, input })),
  acknowledge: candidateProcedure
    .input(acknowledgeInput)
    .output(acknowledgedOutput)
    .mutation(({ ctx, input }) => myFeedback.acknowledge({ ctx, input })),
  ask: candidateProcedure
    .input(askQuestionInput)
    .output(postedOutput)
    .mutation(({ ctx, input }) => myFeedback.ask({ ctx, input })),
} satisfies TRPCRouterRecord;
