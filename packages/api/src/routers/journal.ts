import {
  byIdInput,
  journalCreateInput,
  journalListInput,
  journalListOutput,
  journalOptionsOutput,
  journalSavedOutput,
  journalUpdateInput,
} from "@debrief/validators";
import type { TRPCRouterRecord } from "@trpc/server";
import * as journal from "../services/journal";
import { candidateProcedure } from "../trpc";

export const journalRouter = {
  list: candidateProcedure
    .input(journalListInput)
    .output(journalListOutput)
    .query(({ ctx, input }) => journal.list({ ctx, input })),
  options: candidateProcedure
    .output(journalOptionsOutput)
    .query(({ ctx }) => journal.options({ ctx })),
  create: candidateProcedure
    .input(journalCreateInput)
    .output(journalSavedOutput)
    .mutation(({ ctx, input }) => journal.create({ ctx, input })),
  update: candidateProcedure
    .input(journalUpdateInput)
    .output(journalSavedOutput)
    .mutation(({ ctx, input }) => journal.update({ ctx, input })),
  remove: candidateProcedure
    .input(byIdInput)
    .output(journalSavedOutput)
    .mutation(({ ctx, input }) => journal.remove({ ctx, input })),
} satisfies TRPCRouterRecord;
