// Inputs and outputs of the consultant's page for one candidate: their interviews and feedback,
// the candidate's ratings and questions, action plans and goals; answering and encouraging.
import { z } from "zod";
import { text, uuidSchema } from "./common";
import {
  feedbackStatuses,
  goalStatuses,
  interviewOutcomes,
  interviewStages,
  itemKinds,
  roles,
} from "./enums";

export const candidateProfileInput = z.object({ id: uuidSchema });

export const clarificationAnswerInput = z.object({
  feedbackId: uuidSchema,
  body: text(2000),
});
export type ClarificationAnswerInput = z.infer<typeof clarificationAnswerInput>;

export const goalCommentInput = z.object({
  goalId: uuidSchema,
  body: text(1000),
});
export type GoalCommentInput = z.infer<typeof goalCommentInput>;

export const postedOutput = z.object({ id: z.uuid(), createdAt: z.date() });

const threadMessage = z.object({
  id: z.uuid(),
  body: z.string(),
  createdAt: z.date(),
  authorName: z.string(),
  authorRole: z.enum(roles),
});

const ratingComment = z.object({
  itemId: z.uuid(),
  kind: z.enum(itemKinds),
  detail: z.string(),
  helpful: z.boolean(),
  comment: z.string(),
});

const profileFeedback = z.object({
  id: z.uuid(),
  status: z.enum(feedbackStatuses),
  publishedAt: z.date().nullable(),
  readAt: z.date().nullable(),
  acknowledgedAt: z.date().nullable(),
  ratings: z.object({
    /** Points in the feedback: the denominator of "4 of 5 points rated helpful". */
    items: z.int(),
    helpful: z.int(),
    notHelpful: z.int(),
    comments: z.array(ratingComment),
  }),
  /** Oldest first. */
  thread: z.array(threadMessage),
  /** The latest message is the candidate's: they are waiting for an answer. */
  awaitingAnswer: z.boolean(),
});

const profileInterview = z.object({
  id: z.uuid(),
  jobTitle: z.string(),
  clientName: z.string(),
  stage: z.enum(interviewStages),
  scheduledAt: z.date(),
  outcome: z.enum(interviewOutcomes),
  outcomeAt: z.date().nullable(),
  consultantName: z.string(),
  feedback: profileFeedback.nullable(),
});

const profileGoal = z.object({
  id: z.uuid(),
  title: z.string(),
  measure: z.string(),
  targetDate: z.iso.date(),
  status: z.enum(goalStatuses),
  droppedReason: z.string().nullable(),
  completedAt: z.date().nullable(),
  stepsDone: z.int(),
  stepsTotal: z.int(),
  /** The feedback points this goal answers. */
  items: z.array(z.object({ id: z.uuid(), kind: z.enum(itemKinds), detail: z.string() })),
  /** Oldest first. */
  comments: z.array(
    z.object({ id: z.uuid(), body: z.string(), createdAt: z.date(), authorName: z.string() }),
  ),
});

const profilePlan = z.object({
  id: z.uuid(),
  title: z.string(),
  createdAt: z.date(),
  /** The interview whose feedback the plan was born from, if any. */
  interviewId: z.uuid().nullable(),
  jobTitle: z.string().nullable(),
  goals: z.array(profileGoal),
});

export const candidateProfileOutput = z.object({
  candidate: z.object({
    id: z.uuid(),
    name: z.string(),
    email: z.string(),
    headline: z.string().nullable(),
    ownerName: z.string(),
    hasLogin: z.boolean(),
  }),
  /** Newest first. */
  interviews: z.array(profileInterview),
  /** Newest first. */
  plans: z.array(profilePlan),
});
export type CandidateProfile = z.infer<typeof candidateProfileOutput>;
export type ProfileInterview = z.infer<typeof profileInterview>;
export type ProfileFeedback = z.infer<typeof profileFeedback>;
export type ProfilePlan = z.infer<typeof profilePlan>;
export type ProfileGoal = z.infer<typeof profileGoal>;
