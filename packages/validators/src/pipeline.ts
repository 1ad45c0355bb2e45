// Inputs and outputs of the pipeline procedures (candidates, clients, jobs, interviews); outputs
// are also the allowlist of what a consultant sees.
import { z } from "zod";
import { optionalText, text, uuidSchema } from "./common";
import {
  feedbackStatuses,
  type InterviewOutcome,
  interviewOutcomes,
  interviewStages,
  seniorities,
} from "./enums";

/** The outcomes a consultant records; `pending` is where every interview starts. */
export const recordableOutcomes = [
  "progressed",
  "offered",
  "rejected",
  "withdrawn",
] as const satisfies readonly InterviewOutcome[];
export type RecordableOutcome = (typeof recordableOutcomes)[number];

export const outcomeLabels: Record<InterviewOutcome, string> = {
  pending: "Pending",
  progressed: "Progressed",
  offered: "Offered",
  rejected: "Rejected",
  withdrawn: "Withdrawn",
};

export const seniorityLabels: Record<(typeof seniorities)[number], string> = {
  junior: "Junior",
  mid: "Mid-level",
  senior: "Senior",
  lead: "Lead",
  executive: "Executive",
};

export const MAX_PAGE_SIZE = 50;
export const DEFAULT_PAGE_SIZE = 20;

const paging = {
  page: z
    .int({ error: "must be a whole number" })
    .min(1, { error: "must be at least 1" })
    .max(100_000, { error: "is too large" })
    .default(1),
  pageSize: z
    .int({ error: "must be a whole number" })
    .min(1, { error: "must be at least 1" })
    .max(MAX_PAGE_SIZE, { error: `must be at most ${MAX_PAGE_SIZE}` })
    .default(DEFAULT_PAGE_SIZE),
};
/** Free-text search; empty means no search. */
const search = z
  .string({ error: "must be text" })
  .trim()
  .max(200, { error: "must be at most 200 characters" })
  .optional();
const isoDate = z.iso.date({ error: "must be a date (YYYY-MM-DD)" }).optional();
const email = z
  .string({ error: "must be text" })
  .trim()
  .toLowerCase()
  .max(320, { error: "must be at most 320 characters" })
  .pipe(z.email({ error: "must be a valid email address" }));

const pageOf = <T extends z.ZodType>(row: T) =>
  z.object({ rows: z.array(row), total: z.int(), page: z.int(), pageSize: z.int() });

/** One pipeline record by id. */
export const recordByIdInput = z.object({ id: uuidSchema });
const person = z.object({ id: z.uuid(), name: z.string() });

// Candidates

export const candidateListInput = z.object({
  q: search,
  ownerId: uuidSchema.optional(),
  ...paging,
});
export type CandidateListInput = z.input<typeof candidateListInput>;

export const candidateRow = z.object({
  id: z.uuid(),
  name: z.string(),
  email: z.string(),
  headline: z.string().nullable(),
  ownerId: z.uuid(),
  ownerName: z.string(),
  hasLogin: z.boolean(),
  interviewCount: z.int(),
  lastInterviewAt: z.date().nullable(),
});
export const candidateListOutput = pageOf(candidateRow);

export const candidateFields = z.object({
  name: text(200),
  email,
  headline: optionalText(200),
  ownerId: uuidSchema,
});
export const candidateCreateInput = candidateFields;
export const candidateUpdateInput = candidateFields.extend({ id: uuidSchema });
export type CandidateFieldsInput = z.infer<typeof candidateFields>;

export const candidateOutput = z.object({
  id: z.uuid(),
  name: z.string(),
  email: z.string(),
  headline: z.string().nullable(),
  ownerId: z.uuid(),
  ownerName: z.string(),
  hasLogin: z.boolean(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type CandidateOutput = z.infer<typeof candidateOutput>;

export const candidateOptionsInput = z.object({
  q: search,
  /** Always included when set, so a form's current choice stays in the list. */
  includeId: uuidSchema.optional(),
});
export const candidateOptionsOutput = z.array(
  z.object({ id: z.uuid(), name: z.string(), email: z.string() }),
);

export const staffOptionsOutput = z.object({ consultants: z.array(person) });

// Clients

export const clientListInput = z.object({ q: search, ...paging });
export type ClientListInput = z.input<typeof clientListInput>;

export const clientRow = z.object({
  id: z.uuid(),
  name: z.string(),
  industry: z.string().nullable(),
  jobCount: z.int(),
  interviewCount: z.int(),
});
export const clientListOutput = pageOf(clientRow);

export const clientFields = z.object({ name: text(200), industry: optionalText(120) });
export const clientCreateInput = clientFields;
export const clientUpdateInput = clientFields.extend({ id: uuidSchema });
export type ClientFieldsInput = z.infer<typeof clientFields>;

export const clientOutput = z.object({
  id: z.uuid(),
  name: z.string(),
  industry: z.string().nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type ClientOutput = z.infer<typeof clientOutput>;

// Jobs

export const jobListInput = z.object({ q: search, clientId: uuidSchema.optional(), ...paging });
export type JobListInput = z.input<typeof jobListInput>;

export const jobRow = z.object({
  id: z.uuid(),
  title: z.string(),
  seniority: z.enum(seniorities),
  clientId: z.uuid(),
  clientName: z.string(),
  competencies: z.array(z.string()),
  interviewCount: z.int(),
});
export const jobListOutput = pageOf(jobRow);

export const jobFields = z.object({
  clientId: uuidSchema,
  title: text(200),
  seniority: z.enum(seniorities, { error: `must be one of ${seniorities.join(", ")}` }),
  competencyIds: z
    .array(uuidSchema)
    .max(30, { error: "at most 30 competencies" })
    .refine((ids) => new Set(ids).size === ids.length, { error: "must not repeat a competency" })
    .default([]),
});
export const jobCreateInput = jobFields;
export const jobUpdateInput = jobFields.extend({ id: uuidSchema });
export type JobFieldsInput = z.infer<typeof jobFields>;

export const jobOutput = z.object({
  id: z.uuid(),
  title: z.string(),
  seniority: z.enum(seniorities),
  clientId: z.uuid(),
  clientName: z.string(),
  competencyIds: z.array(z.uuid()),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type JobOutput = z.infer<typeof jobOutput>;

export const jobFormOptionsOutput = z.object({
  clients: z.array(z.object({ id: z.uuid(), name: z.string() })),
  competencies: z.array(z.object({ id: z.uuid(), name: z.string(), archived: z.boolean() })),
});

// Interviews

export const interviewListInput = z
  .object({
    q: search,
    outcome: z
      .enum(interviewOutcomes, { error: `must be one of ${interviewOutcomes.join(", ")}` })
      .optional(),
    stage: z
      .enum(interviewStages, { error: `must be one of ${interviewStages.join(", ")}` })
      .optional(),
    consultantId: uuidSchema.optional(),
    candidateId: uuidSchema.optional(),
    jobId: uuidSchema.optional(),
    /** Scheduled on or after this day (UTC). */
    from: isoDate,
    /** Scheduled on or before this day (UTC). */
    to: isoDate,
    ...paging,
  })
  .refine((i) => !i.from || !i.to || i.from <= i.to, {
    path: ["to"],
    error: "must not be before the start date",
  });
export type InterviewListInput = z.input<typeof interviewListInput>;

export const interviewRow = z.object({
  id: z.uuid(),
  candidateId: z.uuid(),
  candidateName: z.string(),
  jobId: z.uuid(),
  jobTitle: z.string(),
  clientName: z.string(),
  consultantId: z.uuid(),
  consultantName: z.string(),
  stage: z.enum(interviewStages),
  scheduledAt: z.date(),
  outcome: z.enum(interviewOutcomes),
  outcomeAt: z.date().nullable(),
  feedbackStatus: z.enum(feedbackStatuses).nullable(),
});
export type InterviewRow = z.infer<typeof interviewRow>;
export const interviewListOutput = pageOf(interviewRow);

export const interviewFields = z.object({
  candidateId: uuidSchema,
  jobId: uuidSchema,
  stage: z.enum(interviewStages, { error: `must be one of ${interviewStages.join(", ")}` }),
  scheduledAt: z.date({ error: "must be a date and time" }),
});
export const interviewCreateInput = interviewFields.extend({
  /** Defaults to the signed-in consultant. */
  consultantId: uuidSchema.optional(),
});
export const interviewUpdateInput = interviewFields.extend({
  id: uuidSchema,
  consultantId: uuidSchema,
});
export type InterviewCreateInput = z.infer<typeof interviewCreateInput>;
export type InterviewUpdateInput = z.infer<typeof interviewUpdateInput>;

export const interviewOutput = interviewRow.extend({ createdAt: z.date(), updatedAt: z.date() });
export type InterviewOutput = z.infer<typeof interviewOutput>;

export const recordOutcomeInput = z.object({
  id: uuidSchema,
  outcome: z.enum(recordableOutcomes, {
    error: `must be one of ${recordableOutcomes.join(", ")}`,
  }),
  /** When the decision was made; now when left out. */
  outcomeAt: z.date({ error: "must be a date and time" }).optional(),
});
export type RecordOutcomeInput = z.infer<typeof recordOutcomeInput>;

export const recordOutcomeOutput = z.object({
  id: z.uuid(),
  outcome: z.enum(interviewOutcomes),
  outcomeAt: z.date().nullable(),
  /** True when this rejection now waits for feedback on the dashboard. */
  feedbackOwed: z.boolean(),
});

export const interviewFormOptionsOutput = z.object({
  consultants: z.array(person),
  jobs: z.array(z.object({ id: z.uuid(), title: z.string(), clientName: z.string() })),
});

export const createdOutput = z.object({ id: z.uuid() });

export type CandidateRow = z.infer<typeof candidateRow>;
export type ClientRow = z.infer<typeof clientRow>;
export type JobRow = z.infer<typeof jobRow>;
