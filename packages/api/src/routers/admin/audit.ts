import type { TRPCRouterRecord } from "@trpc/server";

export const adminAuditRouter = {} satisfies TRPCRouterRecord;
