import {
  clientCreateInput,
  clientListInput,
  clientListOutput,
  clientOutput,
  clientUpdateInput,
  createdOutput,
  recordByIdInput,
} from "@debrief/validators";
import type { TRPCRouterRecord } from "@trpc/server";
import * as client from "../services/client";
import { consultantProcedure } from "../trpc";

export const clientRouter = {
  list: consultantProcedure
    .input(clientListInput)
    .output(clientListOutput)
    .query(({ ctx, input }) => client.list({ ctx, input })),
  byId: consultantProcedure
    .input(recordByIdInput)
    .output(clientOutput)
    .query(({ ctx, input }) => client.byId({ ctx, input })),
  create: consultantProcedure
    .input(clientCreateInput)
    .output(createdOutput)
    .mutation(({ ctx, input }) => client.create({ ctx, input })),
  update: consultantProcedure
    .input(clientUpdateInput)
    .output(createdOutput)
    .mutation(({ ctx, input }) => client.update({ ctx, input })),
} satisfies TRPCRouterRecord;
