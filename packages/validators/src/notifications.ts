// In-app notifications: what the bell in both portals lists.
import { z } from "zod";
import { uuidSchema } from "./common";

export const notificationEntry = z.object({
  id: z.uuid(),
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  /** A path in the reader's own portal. */
  link: z.string().nullable(),
  readAt: z.date().nullable(),
  createdAt: z.date(),
});
export type NotificationEntry = z.infer<typeof notificationEntry>;

export const notificationListOutput = z.object({
  items: z.array(notificationEntry),
  unread: z.int(),
});
export type NotificationList = z.infer<typeof notificationListOutput>;

export const notificationRefInput = z.object({ id: uuidSchema });

/**
 * The notices a candidate can also get by email, in the order the settings page lists them. Each
 * is a `kind` the api sends to candidates through notifyUser; the worker skips the email of a kind
 * listed in users.email_muted (the in-app notice is always written).
 */
export const candidateEmailKinds = [
  {
    kind: "feedback.published",
    label: "New feedback",
    description: "When feedback on one of your interviews is shared with you.",
  },
  {
    kind: "feedback.revised",
    label: "Feedback updated",
    description: "When your consultant changes feedback you already have.",
  },
  {
    kind: "feedback.retracted",
    label: "Feedback withdrawn",
    description: "When feedback shared with you is taken back.",
  },
  {
    kind: "clarification.answered",
    label: "Answers to your questions",
    description: "When your consultant replies to a question you asked about your feedback.",
  },
  {
    kind: "goal.commented",
    label: "Comments on your goals",
    description: "When your consultant comments on a goal in your action plans.",
  },
  {
    kind: "data_request.rejected",
    label: "Decisions on your data requests",
    description: "When the agency declines a request about your data, with its reason.",
  },
] as const;
export type CandidateEmailKind = (typeof candidateEmailKinds)[number]["kind"];

export const candidateEmailKind = z.enum(
  candidateEmailKinds.map((k) => k.kind),
  {
    error: "must be one of the notifications a candidate can get by email",
  },
);

export const setEmailPreferenceInput = z.object({
  kind: candidateEmailKind,
  email: z.boolean({ error: "must be true or false" }),
});
export type SetEmailPreferenceInput = z.infer<typeof setEmailPreferenceInput>;

export const emailPreferencesOutput = z.object({
  kinds: z.array(
    z.object({
      kind: candidateEmailKind,
      label: z.string(),
      description: z.string(),
      email: z.boolean(),
    }),
  ),
});
export type EmailPreferences = z.infer<typeof emailPreferencesOutput>;
