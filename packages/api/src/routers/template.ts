import { byIdInput, templateDetail, templateSummary } from "@debrief/validators";
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import * as templates from "../services/templates";
import { consultantProcedure } from "../trpc";

export const templateRouter = {
  list: consultantProcedure
    .output(z.array(templateSummary))
    .query(({ ctx }) => templates.listTemplates({ ctx })),
  byId: consultantProcedure
    .input(byIdInput)
    .output(templateDetail)
    .query(({ ctx, input }) => templates.getTemplate({ ctx, input })),
} satisfies TRPCRouterRecord;
