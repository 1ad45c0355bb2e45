// The admins' Email page: the messages the worker delivered (the dev mailbox when SMTP is not set
// up), and the outgoing messages still waiting, failing or parked, which an admin can retry.
import { z } from "zod";
import { uuidSchema } from "../common";

export const mailTransports = ["dev", "smtp"] as const;
export type MailTransport = (typeof mailTransports)[number];
export const mailTransportLabels: Record<MailTransport, string> = {
  dev: "Dev mailbox",
  smtp: "Sent by SMTP",
};

/** What each outbox topic is, in words an admin reads; anything else is spelled out. */
export const mailTopicLabels: Record<string, string> = {
  invitation: "Invitation",
  "feedback.published": "Feedback published",
  "feedback.revised": "Feedback revised",
  "feedback.retracted": "Feedback retracted",
  "feedback.sent_back": "Feedback sent back",
  "feedback.review_requested": "Feedback to review",
  "feedback.approved": "Feedback approved",
  "feedback.overdue": "Feedback overdue",
  "feedback.overdue_digest": "Overdue feedback digest",
  "clarification.asked": "Question about feedback",
  "clarification.answered": "Answer to a question",
  "goal.commented": "Comment on a goal",
  "goal.done": "Goal done",
  "goal.dropped": "Goal dropped",
  "invitation.accepted": "Invitation accepted",
  "data_request.erasure": "Erasure request",
  "data_request.rejected": "Data request declined",
};

/** "goal.renamed" → "Goal: renamed", for topics added after this list. */
export function mailTopicLabel(topic: string): string {
  const known = mailTopicLabels[topic];
  if (known) return known;
  const [head = topic, ...rest] = topic.split(".");
  const words = (s: string) => s.replaceAll("_", " ");
  const first = words(head).replace(/^./, (c) => c.toUpperCase());
  return rest.length ? `${first}: ${words(rest.join(" "))}` : first;
}

export const MAIL_PAGE_SIZE = 25;

export const mailListInput = z.object({
  /** Keyset cursor: the messages older than this one. */
  cursor: uuidSchema.optional(),
  limit: z
    .int({ error: "must be a whole number" })
    .min(1, { error: "must be at least 1" })
    .max(100, { error: "must be at most 100" })
    .default(MAIL_PAGE_SIZE),
});
export type MailListInput = z.input<typeof mailListInput>;

export const mailMessageRow = z.object({
  id: z.uuid(),
  toAddress: z.string(),
  /** The recipient's name while they are a user of the agency; null otherwise. */
  recipientName: z.string().nullable(),
  subject: z.string(),
  transport: z.enum(mailTransports),
  createdAt: z.date(),
});
export type MailMessageRow = z.infer<typeof mailMessageRow>;

export const mailListOutput = z.object({
  rows: z.array(mailMessageRow),
  /** Pass as `cursor` for the older page; null on the oldest. */
  nextCursor: z.uuid().nullable(),
});
export type MailListOutput = z.infer<typeof mailListOutput>;

export const mailGetInput = z.object({ id: uuidSchema });

export const mailMessageDetail = mailMessageRow.extend({
  textBody: z.string(),
  htmlBody: z.string(),
});
export type MailMessageDetail = z.infer<typeof mailMessageDetail>;

export const mailQueueStates = ["waiting", "failing", "parked"] as const;
export type MailQueueState = (typeof mailQueueStates)[number];

/** An outgoing message not yet delivered. Never its payload: an invitation's holds its link. */
export const mailQueueRow = z.object({
  id: z.uuid(),
  topic: z.string(),
  /** Waiting for its first attempt, failing (retried with backoff) or parked (retries ran out). */
  state: z.enum(mailQueueStates),
  recipient: z.object({ name: z.string(), email: z.string() }).nullable(),
  attempts: z.int(),
  lastError: z.string().nullable(),
  parkedAt: z.date().nullable(),
  createdAt: z.date(),
});
export type MailQueueRow = z.infer<typeof mailQueueRow>;

/** At most this many undelivered messages are listed; the counts cover them all. */
export const MAIL_QUEUE_LIMIT = 100;

export const mailQueueCounts = z.object({ waiting: z.int(), failing: z.int(), parked: z.int() });
export type MailQueueCounts = z.infer<typeof mailQueueCounts>;

export const mailQueueOutput = z.object({
  /** Parked first, then the oldest first. */
  rows: z.array(mailQueueRow),
  counts: mailQueueCounts,
});
export type MailQueueOutput = z.infer<typeof mailQueueOutput>;

export const mailRetryInput = z.object({ outboxId: uuidSchema });
export const mailRetryOutput = z.object({ outboxId: z.uuid() });
