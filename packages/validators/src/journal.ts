// The candidate's journal: reflections, wins and preparation notes, each optionally linked to one
// of their interviews or goals.
import { z } from "zod";
import { text, uuidSchema } from "./common";
import { interviewStages, type JournalKind, journalKinds } from "./enums";

export const journalKindLabels: Record<JournalKind, string> = {
  reflection: "Reflection",
  win: "Win",
  preparation: "Preparation",
};

export const JOURNAL_PAGE_SIZE = 20;

const kind = z.enum(journalKinds, { error: "must be a reflection, a win or a preparation note" });

const link = {
  interviewId: uuidSchema.nullish(),
  goalId: uuidSchema.nullish(),
};

const entryFields = z.object({
  kind,
  title: text(200),
  body: text(5000),
  ...link,
});

const oneLink = <T extends { interviewId?: string | null; goalId?: string | null }>(v: T) =>
  !(v.interviewId && v.goalId);
const oneLinkError = { path: ["goalId"], error: "link an interview or a goal, not both" };

export const journalCreateInput = entryFields.refine(oneLink, oneLinkError);
export type JournalCreateInput = z.infer<typeof journalCreateInput>;

export const journalUpdateInput = entryFields
  .extend({ id: uuidSchema })
  .refine(oneLink, oneLinkError);
export type JournalUpdateInput = z.infer<typeof journalUpdateInput>;

export const journalListInput = z
  .object({
    kind: kind.optional(),
    page: z
      .int({ error: "must be a whole number" })
      .min(1, { error: "must be at least 1" })
      .max(100_000, { error: "is too large" })
      .default(1),
  })
  .default({ page: 1 });
export type JournalListInput = z.input<typeof journalListInput>;

export const journalEntry = z.object({
  id: z.uuid(),
  kind: z.enum(journalKinds),
  title: z.string(),
  body: z.string(),
  createdAt: z.date(),
  updatedAt: z.date(),
  interview: z.object({ id: z.uuid(), label: z.string() }).nullable(),
  goal: z.object({ id: z.uuid(), title: z.string() }).nullable(),
});
export type JournalEntry = z.infer<typeof journalEntry>;

export const journalListOutput = z.object({
  rows: z.array(journalEntry),
  total: z.int(),
  page: z.int(),
  pageSize: z.int(),
  /** Entries of each kind, whatever the filter: for the filter's counts. */
  counts: z.object({ reflection: z.int(), win: z.int(), preparation: z.int() }),
});
export type JournalList = z.infer<typeof journalListOutput>;

/** What an entry may be linked to: the candidate's own interviews and goals. */
export const journalOptionsOutput = z.object({
  interviews: z.array(
    z.object({
      id: z.uuid(),
      jobTitle: z.string(),
      clientName: z.string(),
      stage: z.enum(interviewStages),
      scheduledAt: z.date(),
    }),
  ),
  goals: z.array(z.object({ id: z.uuid(), title: z.string() })),
});
export type JournalOptions = z.infer<typeof journalOptionsOutput>;

export const journalSavedOutput = z.object({ id: z.uuid() });
