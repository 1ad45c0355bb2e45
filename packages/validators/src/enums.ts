// Domain enumerations: one `as const` list each, reused by pgEnum (db) and z.enum (validators).
export const roles = ["admin", "consultant", "candidate"] as const;
export type Role = (typeof roles)[number];
export const staffRoles = ["admin", "consultant"] as const satisfies readonly Role[];

export const userStatuses = ["invited", "active", "disabled"] as const;
export type UserStatus = (typeof userStatuses)[number];

export const interviewStages = ["screening", "first", "second", "final", "assessment"] as const;
export type InterviewStage = (typeof interviewStages)[number];

export const interviewOutcomes = [
  "pending",
  "progressed",
  "offered",
  "rejected",
  "withdrawn",
] as const;
export type InterviewOutcome = (typeof interviewOutcomes)[number];

export const seniorities = ["junior", "mid", "senior", "lead", "executive"] as const;
export type Seniority = (typeof seniorities)[number];

export const feedbackStatuses = ["draft", "in_review", "published", "retracted"] as const;
export type FeedbackStatus = (typeof feedbackStatuses)[number];

export const lenses = ["skills_experience", "other_applicants", "interview_style"] as const;
export type Lens = (typeof lenses)[number];

export const itemKinds = ["strength", "gap"] as const;
export type ItemKind = (typeof itemKinds)[number];

export const goalStatuses = ["not_started", "in_progress", "done", "dropped"] as const;
export type GoalStatus = (typeof goalStatuses)[number];

export const journalKinds = ["reflection", "win", "preparation"] as const;
export type JournalKind = (typeof journalKinds)[number];

export const dataRequestKinds = ["export", "erasure"] as const;
export const dataRequestStatuses = ["pending", "completed", "rejected"] as const;

export const lensInfo: Record<Lens, { title: string; hint: string }> = {
  skills_experience: {
    title: "Skills & experience",
    hint: "Were the examples and achievements strong enough; was a skill vital to the role missed or not shown?",
  },
  other_applicants: {
    title: "The other applicants",
    hint: "What the successful candidate had that you did not, and how to match it next time.",
  },
  interview_style: {
    title: "Interview style",
    hint: "How you came across, with concrete tips for your next interview.",
  },
};

export const stageLabels: Record<InterviewStage, string> = {
  screening: "Screening",
  first: "First interview",
  second: "Second interview",
  final: "Final interview",
  assessment: "Assessment",
};

export const goalStatusLabels: Record<GoalStatus, string> = {
  not_started: "Not started",
  in_progress: "In progress",
  done: "Done",
  dropped: "Dropped",
};
