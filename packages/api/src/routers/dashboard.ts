import { dashboardOutput } from "@debrief/validators";
import type { TRPCRouterRecord } from "@trpc/server";
import * as dashboard from "../services/dashboard";
import { consultantProcedure } from "../trpc";

export const dashboardRouter = {
  overview: consultantProcedure
    .output(dashboardOutput)
    .query(({ ctx }) => dashboard.overview({ ctx })),
} satisfies TRPCRouterRecord;
