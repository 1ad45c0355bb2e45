import {
  createdOutput,
  interviewCreateInput,
  interviewFormOptionsOutput,
  interviewListInput,
  interviewListOutput,
  interviewOutput,
  interviewUpdateInput,
  recordByIdInput,
  recordOutcomeInput,
  recordOutcomeOutput,
} from "@debrief/validators";
import type { TRPCRouterRecord } from "@trpc/server";
import * as interview from "../services/interview";
import { consultantProcedure } from "../trpc";

export const interviewRouter = {
  list: consultantProcedure
    .input(interviewListInput)
    .output(interviewListOutput)
    .query(({ ctx, input }) => interview.list({ ctx, input })),
  byId: consultantProcedure
    .input(recordByIdInput)
    .output(interviewOutput)
    .query(({ ctx, input }) => interview.byId({ ctx, input })),
  create: consultantProcedure
    .input(interviewCreateInput)
    .output(createdOutput)
    .mutation(({ ctx, input }) => interview.create({ ctx, input })),
  update: consultantProcedure
    .input(interviewUpdateInput)
    .output(createdOutput)
    .mutation(({ ctx, input }) => interview.update({ ctx, input })),
  recordOutcome: consultantProcedure
    .input(recordOutcomeInput)
    .output(recordOutcomeOutput)
    .mutation(({ ctx, input }) => interview.recordOutcome({ ctx, input })),
  formOptions: consultantProcedure
    .output(interviewFormOptionsOutput)
    .query(({ ctx }) => interview.formOptions({ ctx })),
} satisfies TRPCRouterRecord;
