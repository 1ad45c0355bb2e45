import { notificationListOutput, notificationRefInput } from "@debrief/validators";
import type { TRPCRouterRecord } from "@trpc/server";
import * as notifications from "../services/notifications";
import { protectedProcedure } from "../trpc";

export const notificationRouter = {
  list: protectedProcedure
    .output(notificationListOutput)
    .query(({ ctx }) => notifications.list({ ctx })),
  markRead: protectedProcedure
    .input(notificationRefInput)
    .output(notificationListOutput)
    .mutation(({ ctx, input }) => notifications.markRead({ ctx, input })),
  markAllRead: protectedProcedure
    .output(notificationListOutput)
    .mutation(({ ctx }) => notifications.markAllRead({ ctx })),
} satisfies TRPCRouterRecord;
