import type { TRPCRouterRecord } from "@trpc/server";

export const adminUsersRouter = {} satisfies TRPCRouterRecord;
