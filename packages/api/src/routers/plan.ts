import {
  addStepInput,
  createGoalFromItemInput,
  goalSavedOutput,
  planListOutput,
  removeStepInput,
  setGoalStatusInput,
  stepSavedOutput,
  toggleStepInput,
  updateGoalInput,
} from "@debrief/validators";
import type { TRPCRouterRecord } from "@trpc/server";
import * as plans from "../services/plans";
import { candidateProcedure } from "../trpc";

export const planRouter = {
  list: candidateProcedure.output(planListOutput).query(({ ctx }) => plans.list({ ctx })),
  createGoalFromItem: candidateProcedure
    .input(createGoalFromItemInput)
    .output(goalSavedOutput)
    .mutation(({ ctx, input }) => plans.createGoalFromItem({ ctx, input })),
  updateGoal: candidateProcedure
    .input(updateGoalInput)
    .output(goalSavedOutput)
    .mutation(({ ctx, input }) => plans.updateGoal({ ctx, input })),
  setGoalStatus: candidateProcedure
    .input(setGoalStatusInput)
    .output(goalSavedOutput)
    .mutation(({ ctx, input }) => plans.setGoalStatus({ ctx, input })),
  addStep: candidateProcedure
    .input(addStepInput)
    .output(stepSavedOutput)
    .mutation(({ ctx, input }) => plans.addStep({ ctx, input })),
  toggleStep: candidateProcedure
    .input(toggleStepInput)
    .output(stepSavedOutput)
    .mutation(({ ctx, input }) => plans.toggleStep({ ctx, input })),
  removeStep: candidateProcedure
    .input(removeStepInput)
    .output(stepSavedOutput)
    .mutation(({ ctx, input }) => plans.removeStep({ ctx, input })),
} satisfies TRPCRouterRecord;
