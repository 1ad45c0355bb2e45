// Inputs and outputs of the feedback procedures; outputs are also the allowlist of what a role sees.
import { z } from "zod";
import { optionalText, text, uuidSchema } from "./common";
import { feedbackStatuses, goalStatuses, interviewStages, itemKinds, lenses } from "./enums";

export const feedbackItemInput = z
  .object({
    /** The stored item being edited; absent for a new one. Keeps the candidate's ratings attached. */
    id: uuidSchema.nullish(),
    lens: z.enum(lenses, { error: "must be one of the three lenses" }),
    kind: z.enum(itemKinds, { error: "must be strength or gap" }),
    competencyId: uuidSchema.nullish(),
    reasonId: uuidSchema.nullish(),
    detail: text(2000),
    nextStep: optionalText(1000),
  })
  .refine((item) => item.kind === "gap" || !item.reasonId, {
    path: ["reasonId"],
    error: "only gaps carry a rejection reason",
  });
export type FeedbackItemInput = z.infer<typeof feedbackItemInput>;

export const saveDraftInput = z.object({
  interviewId: uuidSchema,
  /** The version the editor loaded; null when creating the draft. */
  version: z.int({ error: "must be a whole number" }).positive().nullable(),
  summary: text(2000, { min: 0 }),
  items: z.array(feedbackItemInput).max(40, { error: "at most 40 items" }),
});
export type SaveDraftInput = z.infer<typeof saveDraftInput>;

const version = z.int({ error: "must be a whole number" }).positive();

/** Why the consultant publishes despite a fairness warning; recorded with the feedback. */
export const fairnessOverride = optionalText(500);

export const publishInput = z.object({
  feedbackId: uuidSchema,
  version,
  fairnessOverrideReason: fairnessOverride,
});
export type PublishInput = z.infer<typeof publishInput>;

export const reviseInput = saveDraftInput.omit({ version: true }).extend({
  feedbackId: uuidSchema,
  version,
  fairnessOverrideReason: fairnessOverride,
});
export type ReviseInput = z.infer<typeof reviseInput>;

export const sendBackInput = z.object({ feedbackId: uuidSchema, version, comment: text(1000) });
export const retractInput = z.object({ feedbackId: uuidSchema, version, reason: text(500) });
export const versionedInput = z.object({ feedbackId: uuidSchema, version });

export const byIdInput = z.object({ id: uuidSchema });
export const byInterviewInput = z.object({ interviewId: uuidSchema });

export const owedInterview = z.object({
  interviewId: z.uuid(),
  candidateName: z.string(),
  jobTitle: z.string(),
  clientName: z.string(),
  stage: z.enum(interviewStages),
  rejectedAt: z.date(),
  hoursSinceRejection: z.number(),
  slaHours: z.number(),
  overdue: z.boolean(),
  feedbackId: z.uuid().nullable(),
  feedbackStatus: z.enum(feedbackStatuses).nullable(),
});
export type OwedInterview = z.infer<typeof owedInterview>;

export const feedbackViewItem = z.object({
  id: z.string(),
  lens: z.enum(lenses),
  kind: z.enum(itemKinds),
  competency: z.string().nullable(),
  reason: z.string().nullable(),
  detail: z.string(),
  nextStep: z.string().nullable(),
});

/** What the candidate sees, and what the consultant previews: one shape, one component. */
export const feedbackView = z.object({
  id: z.string(),
  summary: z.string(),
  publishedAt: z.date().nullable(),
  /** When the consultant last changed it after publishing; null if never. */
  revisedAt: z.date().nullable(),
  consultantName: z.string(),
  jobTitle: z.string(),
  clientName: z.string(),
  stage: z.enum(interviewStages),
  interviewDate: z.date(),
  items: z.array(feedbackViewItem),
});
export type FeedbackView = z.infer<typeof feedbackView>;

export const taxonomyOutput = z.object({
  competencies: z.array(z.object({ id: z.uuid(), name: z.string(), retired: z.boolean() })),
  reasons: z.array(z.object({ id: z.uuid(), label: z.string(), retired: z.boolean() })),
});

export const editorOutput = z.object({
  interview: z.object({
    id: z.uuid(),
    candidateName: z.string(),
    jobTitle: z.string(),
    clientName: z.string(),
    stage: z.enum(interviewStages),
    scheduledAt: z.date(),
    rejectedAt: z.date(),
  }),
  feedback: z
    .object({
      id: z.uuid(),
      status: z.enum(feedbackStatuses),
      version: z.int(),
      summary: z.string(),
      publishedAt: z.date().nullable(),
      updatedAt: z.date(),
      authorId: z.uuid(),
      authorName: z.string(),
      /** Also who submitted it for review: neither author nor submitter may approve. */
      lastEditedById: z.uuid().nullable(),
      lastEditedByName: z.string().nullable(),
      approverName: z.string().nullable(),
      reviewComment: z.string().nullable(),
      submittedAt: z.date().nullable(),
      retractionReason: z.string().nullable(),
      fairnessOverrideReason: z.string().nullable(),
      revisions: z.array(
        z.object({ version: z.int(), editedByName: z.string(), createdAt: z.date() }),
      ),
      items: z.array(
        z.object({
          id: z.uuid(),
          lens: z.enum(lenses),
          kind: z.enum(itemKinds),
          competencyId: z.uuid().nullable(),
          reasonId: z.uuid().nullable(),
          detail: z.string(),
          nextStep: z.string().nullable(),
        }),
      ),
    })
    .nullable(),
  requireApproval: z.boolean(),
  consultantName: z.string(),
  me: z.uuid(),
});
export type EditorOutput = z.infer<typeof editorOutput>;

export const savedDraftOutput = z.object({ id: z.uuid(), version: z.int(), updatedAt: z.date() });
export const statusOutput = z.object({
  id: z.uuid(),
  version: z.int(),
  status: z.enum(feedbackStatuses),
});

export const inboxEntry = z.object({
  id: z.uuid(),
  jobTitle: z.string(),
  clientName: z.string(),
  stage: z.enum(interviewStages),
  publishedAt: z.date(),
  read: z.boolean(),
  /** Set when the consultant changed it after publishing. */
  revisedAt: z.date().nullable(),
  strengths: z.int(),
  gaps: z.int(),
});
export type InboxEntry = z.infer<typeof inboxEntry>;

export const templateSummary = z.object({
  id: z.uuid(),
  name: z.string(),
  description: z.string().nullable(),
  itemCount: z.int(),
});
/** One point of a template as it is stored (the consultant's loader and the admin's editor). */
export const templateItemOutput = z.object({
  lens: z.enum(lenses),
  kind: z.enum(itemKinds),
  competencyId: z.uuid().nullable(),
  reasonId: z.uuid().nullable(),
  detail: z.string(),
  nextStep: z.string().nullable(),
});
export const templateDetail = z.object({
  id: z.uuid(),
  name: z.string(),
  items: z.array(templateItemOutput),
});

export const dashboardOutput = z.object({
  drafts: z.array(
    z.object({
      interviewId: z.uuid(),
      candidateName: z.string(),
      jobTitle: z.string(),
      updatedAt: z.date(),
      reviewComment: z.string().nullable(),
    }),
  ),
  awaitingApproval: z.array(
    z.object({
      interviewId: z.uuid(),
      candidateName: z.string(),
      jobTitle: z.string(),
      authorName: z.string(),
      submittedAt: z.date().nullable(),
    }),
  ),
  questions: z.array(
    z.object({
      interviewId: z.uuid(),
      feedbackId: z.uuid(),
      candidateId: z.uuid(),
      candidateName: z.string(),
      jobTitle: z.string(),
      question: z.string(),
      askedAt: z.date(),
    }),
  ),
  goalProgress: z.array(
    z.object({
      candidateName: z.string(),
      goal: z.string(),
      status: z.enum(goalStatuses),
      updatedAt: z.date(),
      steps: z.int(),
      done: z.int(),
    }),
  ),
});
export type DashboardOutput = z.infer<typeof dashboardOutput>;

// The candidate's responses to published feedback: ratings, acknowledgement, questions.

export const respondToItemInput = z.object({
  itemId: uuidSchema,
  helpful: z.boolean({ error: "must be yes or no" }),
  comment: optionalText(1000),
});
export type RespondToItemInput = z.infer<typeof respondToItemInput>;

export const acknowledgeInput = z.object({ feedbackId: uuidSchema });
export type AcknowledgeInput = z.infer<typeof acknowledgeInput>;

export const askQuestionInput = z.object({ feedbackId: uuidSchema, body: text(2000) });
export type AskQuestionInput = z.infer<typeof askQuestionInput>;

export const itemResponseOutput = z.object({
  itemId: z.uuid(),
  helpful: z.boolean(),
  comment: z.string().nullable(),
  updatedAt: z.date(),
});
export type ItemResponse = z.infer<typeof itemResponseOutput>;

export const acknowledgedOutput = z.object({ id: z.uuid(), acknowledgedAt: z.date() });

export const myThreadMessage = z.object({
  id: z.uuid(),
  body: z.string(),
  createdAt: z.date(),
  authorName: z.string(),
  /** Written by the candidate reading it (otherwise by someone at the agency). */
  mine: z.boolean(),
});
export type MyThreadMessage = z.infer<typeof myThreadMessage>;

/** The candidate's feedback page: the shared view plus their own responses and the thread. */
export const myFeedbackView = feedbackView.extend({
  acknowledgedAt: z.date().nullable(),
  responses: z.array(itemResponseOutput),
  /** Oldest first: the newest message sits at the bottom, as in any conversation. */
  thread: z.array(myThreadMessage),
  /** What the points said before the latest revision, so the page can show what changed. */
  previous: z
    .object({
      summary: z.string(),
      items: z.array(z.object({ detail: z.string(), nextStep: z.string().nullable() })),
    })
    .nullable(),
  /** Goals the candidate already made from items of this feedback. */
  goals: z.array(
    z.object({
      itemId: z.uuid(),
      goalId: z.uuid(),
      title: z.string(),
      status: z.enum(goalStatuses),
    }),
  ),
});
export type MyFeedbackView = z.infer<typeof myFeedbackView>;
