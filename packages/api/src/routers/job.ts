import {
  createdOutput,
  jobCreateInput,
  jobFormOptionsOutput,
  jobListInput,
  jobListOutput,
  jobOutput,
  jobUpdateInput,
  recordByIdInput,
} from "@debrief/validators";
import type { TRPCRouterRecord } from "@trpc/server";
import * as job from "../services/job";
import { consultantProcedure } from "../trpc";

export const jobRouter = {
  list: consultantProcedure
    .input(jobListInput)
    .output(jobListOutput)
    .query(({ ctx, input }) => job.list({ ctx, input })),
  byId: consultantProcedure
    .input(recordByIdInput)
    .output(jobOutput)
    .query(({ ctx, input }) => job.byId({ ctx, input })),
  create: consultantProcedure
    .input(jobCreateInput)
    .output(createdOutput)
    .mutation(({ ctx, input }) => job.create({ ctx, input })),
  update: consultantProcedure
    .input(jobUpdateInput)
    .output(createdOutput)
    .mutation(({ ctx, input }) => job.update({ ctx, input })),
  formOptions: consultantProcedure
    .output(jobFormOptionsOutput)
    .query(({ ctx }) => job.formOptions({ ctx })),
} satisfies TRPCRouterRecord;
