// What the candidate learns across all their feedback (patterns), and what helps them prepare for
// the next interview: open goals, interview tips, and the agency's real outcome rates by stage.
import { z } from "zod";
import { goalStatuses, interviewStages, itemKinds } from "./enums";

/** Patterns look at this many of the candidate's most recent interviews with published feedback. */
export const PATTERN_WINDOW = 10;
/** A stage's outcome rates are shown only when at least this many of its interviews are decided. */
export const MIN_DECIDED_FOR_RATES = 20;

const patternSource = z.object({
  itemId: z.uuid(),
  feedbackId: z.uuid(),
  jobTitle: z.string(),
  clientName: z.string(),
  publishedAt: z.date(),
  detail: z.string(),
});

const pattern = z.object({
  /** The competency name or reason label. */
  label: z.string(),
  /** Interviews (of `window`) whose feedback mentions it. */
  count: z.int(),
  /** Newest first. */
  sources: z.array(patternSource),
});
export type Pattern = z.infer<typeof pattern>;

export const patternsOutput = z.object({
  /** How many recent interviews with published feedback were looked at. */
  window: z.int(),
  /** Rejection reasons on gaps, most frequent first. */
  reasons: z.array(pattern),
  /** Competencies on gaps, most frequent first. */
  gapCompetencies: z.array(pattern),
  /** Competencies on strengths, most frequent first. */
  strengths: z.array(pattern),
});
export type Patterns = z.infer<typeof patternsOutput>;

const prepareGoal = z.object({
  id: z.uuid(),
  title: z.string(),
  measure: z.string(),
  targetDate: z.iso.date(),
  status: z.enum(goalStatuses),
  stepsDone: z.int(),
  stepsTotal: z.int(),
  /** The first step not done yet, in order. */
  nextStep: z.object({ title: z.string(), dueDate: z.iso.date().nullable() }).nullable(),
});

const prepareTip = z.object({
  /** The newest feedback item carrying this tip: the checklist key. */
  id: z.uuid(),
  kind: z.enum(itemKinds),
  /** A gap's next step, or the strength itself. */
  text: z.string(),
  /** What the panel said (for a gap); null for a strength, whose text is the detail. */
  context: z.string().nullable(),
  competency: z.string().nullable(),
  /** Interviews whose feedback said this. */
  times: z.int(),
  feedbackId: z.uuid(),
  jobTitle: z.string(),
  publishedAt: z.date(),
});
export type PrepareTip = z.infer<typeof prepareTip>;

const stageRate = z.object({
  stage: z.enum(interviewStages),
  /** Null when the stage has fewer than MIN_DECIDED_FOR_RATES decided interviews. */
  rates: z
    .object({ decided: z.int(), offered: z.int(), progressed: z.int(), rejected: z.int() })
    .nullable(),
});
export type StageRate = z.infer<typeof stageRate>;

export const prepareOutput = z.object({
  goals: z.array(prepareGoal),
  tips: z.array(prepareTip),
  /** Every stage in interview order; aggregates of the agency's interviews, never rows. */
  stageRates: z.array(stageRate),
  minDecided: z.int(),
});
export type Prepare = z.infer<typeof prepareOutput>;

/**
 * Plain-language odds: "about 1 in 3", "about 7 in 10", "none so far", "all so far". Shares of
 * one half or more read better in tenths; smaller ones as "1 in N".
 */
export function oddsPhrase(count: number, total: number): string {
  if (total <= 0 || count <= 0) return "none so far";
  if (count >= total) return "all so far";
  const share = count / total;
  if (share >= 0.45) return `about ${Math.min(9, Math.max(1, Math.round(share * 10)))} in 10`;
  return `about 1 in ${Math.round(1 / share)}`;
}
