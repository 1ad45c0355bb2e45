import { candidateProfileInput, candidateProfileOutput } from "@debrief/validators";
import type { TRPCRouterRecord } from "@trpc/server";
import * as profile from "../services/candidate-profile";
import { consultantProcedure } from "../trpc";

export const candidateProfileRouter = {
  get: consultantProcedure
    .input(candidateProfileInput)
    .output(candidateProfileOutput)
    .query(({ ctx, input }) => profile.get({ ctx, input })),
} satisfies TRPCRouterRecord;
