import {
  emailPreferencesOutput,
  notificationListOutput,
  notificationRefInput,
  setEmailPreferenceInput,
} from "@debrief/validators";
import type { TRPCRouterRecord } from "@trpc/server";
import * as notifications from "../services/notifications";
import { candidateProcedure, protectedProcedure } from "../trpc";

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
  /** Which notices the candidate also gets by email; staff have no choice to make here. */
  emailPreferences: candidateProcedure
    .output(emailPreferencesOutput)
    .query(({ ctx }) => notifications.emailPreferences({ ctx })),
  setEmailPreference: candidateProcedure
    .input(setEmailPreferenceInput)
    .output(emailPreferencesOutput)
    .mutation(({ ctx, input }) => notifications.setEmailPreference({ ctx, input })),
} satisfies TRPCRouterRecord;
