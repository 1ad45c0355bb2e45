import {
  byInterviewInput,
  editorOutput,
  owedInterview,
  publishInput,
  retractInput,
  reviseInput,
  saveDraftInput,
  savedDraftOutput,
  sendBackInput,
  statusOutput,
  taxonomyOutput,
  versionedInput,
} from "@debrief/validators";
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import * as feedback from "../services/feedback";
import { consultantProcedure } from "../trpc";

export const feedbackRouter = {
  owed: consultantProcedure
    .output(z.array(owedInterview))
    .query(({ ctx }) => feedback.listOwed({ ctx })),
  editor: consultantProcedure
    .input(byInterviewInput)
    .output(editorOutput)
    .query(({ ctx, input }) => feedback.getEditor({ ctx, input })),
  saveDraft: consultantProcedure
    .input(saveDraftInput)
    .output(savedDraftOutput)
    .mutation(({ ctx, input }) => feedback.saveDraft({ ctx, input })),
  publish: consultantProcedure
    .input(publishInput)
    .output(statusOutput)
    .mutation(({ ctx, input }) => feedback.publish({ ctx, input })),
  submitForReview: consultantProcedure
    .input(publishInput)
    .output(statusOutput)
    .mutation(({ ctx, input }) => feedback.submitForReview({ ctx, input })),
  approve: consultantProcedure
    .input(versionedInput)
    .output(statusOutput)
    .mutation(({ ctx, input }) => feedback.approve({ ctx, input })),
  sendBack: consultantProcedure
    .input(sendBackInput)
    .output(statusOutput)
    .mutation(({ ctx, input }) => feedback.sendBack({ ctx, input })),
  revise: consultantProcedure
    .input(reviseInput)
    .output(statusOutput)
    .mutation(({ ctx, input }) => feedback.revise({ ctx, input })),
  retract: consultantProcedure
    .input(retractInput)
    .output(statusOutput)
    .mutation(({ ctx, input }) => feedback.retract({ ctx, input })),
  taxonomy: consultantProcedure
    .output(taxonomyOutput)
    .query(({ ctx }) => feedback.listTaxonomy({ ctx })),
} satisfies TRPCRouterRecord;
