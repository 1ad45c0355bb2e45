import {
  mailGetInput,
  mailListInput,
  mailListOutput,
  mailMessageDetail,
  mailQueueCounts,
  mailQueueOutput,
  mailRetryInput,
  mailRetryOutput,
} from "@debrief/validators";
import type { TRPCRouterRecord } from "@trpc/server";
import * as mail from "../../services/admin/mail";
import { adminProcedure } from "../../trpc";

export const adminMailRouter = {
  /** The messages the worker delivered (or kept in the dev mailbox), newest first, by keyset. */
  list: adminProcedure
    .input(mailListInput)
    .output(mailListOutput)
    .query(({ ctx, input }) => mail.list({ ctx, input })),
  /** One message with its text and HTML bodies. */
  get: adminProcedure
    .input(mailGetInput)
    .output(mailMessageDetail)
    .query(({ ctx, input }) => mail.get({ ctx, input })),
  /** Outgoing messages not yet delivered (never their payload), with counts by state. */
  queue: adminProcedure.output(mailQueueOutput).query(({ ctx }) => mail.queue({ ctx })),
  /** Just the counts, for the admin navigation's badge on every admin page. */
  counts: adminProcedure.output(mailQueueCounts).query(({ ctx }) => mail.counts({ ctx })),
  /** Unparks an undelivered message and queues a fresh delivery of it now. */
  retry: adminProcedure
    .input(mailRetryInput)
    .output(mailRetryOutput)
    .mutation(({ ctx, input }) => mail.retry({ ctx, input })),
} satisfies TRPCRouterRecord;
