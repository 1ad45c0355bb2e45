import {
  candidateCreateInput,
  candidateListInput,
  candidateListOutput,
  candidateOptionsInput,
  candidateOptionsOutput,
  candidateOutput,
  candidateUpdateInput,
  createdOutput,
  recordByIdInput,
  staffOptionsOutput,
} from "@debrief/validators";
import type { TRPCRouterRecord } from "@trpc/server";
import * as candidate from "../services/candidate";
import { consultantProcedure } from "../trpc";

export const candidateRouter = {
  list: consultantProcedure
    .input(candidateListInput)
    .output(candidateListOutput)
    .query(({ ctx, input }) => candidate.list({ ctx, input })),
  byId: consultantProcedure
    .input(recordByIdInput)
    .output(candidateOutput)
    .query(({ ctx, input }) => candidate.byId({ ctx, input })),
  create: consultantProcedure
    .input(candidateCreateInput)
    .output(createdOutput)
    .mutation(({ ctx, input }) => candidate.create({ ctx, input })),
  update: consultantProcedure
    .input(candidateUpdateInput)
    .output(createdOutput)
    .mutation(({ ctx, input }) => candidate.update({ ctx, input })),
  options: consultantProcedure
    .input(candidateOptionsInput)
    .output(candidateOptionsOutput)
    .query(({ ctx, input }) => candidate.options({ ctx, input })),
  formOptions: consultantProcedure
    .output(staffOptionsOutput)
    .query(({ ctx }) => candidate.formOptions({ ctx })),
} satisfies TRPCRouterRecord;
