import type { TRPCRouterRecord } from "@trpc/server";

export const adminDataRequestsRouter = {} satisfies TRPCRouterRecord;
