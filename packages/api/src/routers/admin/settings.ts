import type { TRPCRouterRecord } from "@trpc/server";

export const adminSettingsRouter = {} satisfies TRPCRouterRecord;
