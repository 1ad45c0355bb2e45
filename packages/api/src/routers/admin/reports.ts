import type { TRPCRouterRecord } from "@trpc/server";

export const adminReportsRouter = {} satisfies TRPCRouterRecord;
