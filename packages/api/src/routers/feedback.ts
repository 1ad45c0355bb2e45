import {
  byInterviewInput,
  editorOutput,
  owedInterview,
  publishedOutput,
  publishInput,
  saveDraftInput,
  savedDraftOutput,
  taxonomyOutput,
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
    .output(publishedOutput)
    .mutation(({ ctx, input }) => feedback.publish({ ctx, input })),
  taxonomy: consultantProcedure
    .output(taxonomyOutput)
    .query(({ ctx }) => feedback.listTaxonomy({ ctx })),
} satisfies TRPCRouterRecord;
