// Action plans and SMART goals: the candidate's procedures, and the goal a gap suggests.
import { z } from "zod";
import { text, uuidSchema } from "./common";
import { goalStatuses, itemKinds, type Lens } from "./enums";

const isoDate = z.iso.date({ error: "must be a date (YYYY-MM-DD)" });

export const goalFields = z.object({
  /** What: the goal in the candidate's words. */
  title: text(200),
  /** How it is measured: what done looks like. */
  measure: text(500),
  targetDate: isoDate,
});

export const createGoalFromItemInput = z.object({
  itemId: uuidSchema,
  /** Absent fields take the suggestion made from the item (one click is enough). */
  title: text(200).optional(),
  measure: text(500).optional(),
  targetDate: isoDate.optional(),
});
export type CreateGoalFromItemInput = z.infer<typeof createGoalFromItemInput>;

export const updateGoalInput = goalFields.extend({ goalId: uuidSchema });
export type UpdateGoalInput = z.infer<typeof updateGoalInput>;

export const setGoalStatusInput = z
  .object({
    goalId: uuidSchema,
    status: z.enum(goalStatuses, { error: "must be not started, in progress, done or dropped" }),
    droppedReason: z
      .string({ error: "must be text" })
      .trim()
      .max(500, { error: "must be at most 500 characters" })
      .nullish(),
  })
  .refine((v) => v.status !== "dropped" || (v.droppedReason ?? "").length > 0, {
    path: ["droppedReason"],
    error: "say why you are dropping this goal",
  });
export type SetGoalStatusInput = z.infer<typeof setGoalStatusInput>;

export const addStepInput = z.object({
  goalId: uuidSchema,
  title: text(200),
  dueDate: isoDate.nullish(),
});
export type AddStepInput = z.infer<typeof addStepInput>;

export const toggleStepInput = z.object({ stepId: uuidSchema, done: z.boolean() });
export type ToggleStepInput = z.infer<typeof toggleStepInput>;

export const removeStepInput = z.object({ stepId: uuidSchema });
export type RemoveStepInput = z.infer<typeof removeStepInput>;

export const goalSavedOutput = z.object({
  id: z.uuid(),
  planId: z.uuid(),
  status: z.enum(goalStatuses),
});
export const stepSavedOutput = z.object({ id: z.uuid(), goalId: z.uuid() });

const planStep = z.object({
  id: z.uuid(),
  title: z.string(),
  dueDate: z.iso.date().nullable(),
  doneAt: z.date().nullable(),
});

const planGoal = z.object({
  id: z.uuid(),
  title: z.string(),
  measure: z.string(),
  targetDate: z.iso.date(),
  status: z.enum(goalStatuses),
  droppedReason: z.string().nullable(),
  completedAt: z.date().nullable(),
  createdAt: z.date(),
  /** In the order they were added. */
  steps: z.array(planStep),
  stepsDone: z.int(),
  stepsTotal: z.int(),
  /** Done steps / steps, 0–100, rounded; 0 without steps. */
  progress: z.int(),
  /** The feedback points this goal answers (only from feedback still published to the candidate). */
  items: z.array(
    z.object({
      id: z.uuid(),
      feedbackId: z.uuid(),
      kind: z.enum(itemKinds),
      detail: z.string(),
      nextStep: z.string().nullable(),
    }),
  ),
  /** Encouragement from the agency, oldest first. */
  comments: z.array(
    z.object({ id: z.uuid(), body: z.string(), createdAt: z.date(), authorName: z.string() }),
  ),
});
export type PlanGoal = z.infer<typeof planGoal>;

export const planOutput = z.object({
  id: z.uuid(),
  title: z.string(),
  createdAt: z.date(),
  /** The feedback the plan was born from, while it is still published to the candidate. */
  feedbackId: z.uuid().nullable(),
  jobTitle: z.string().nullable(),
  clientName: z.string().nullable(),
  goals: z.array(planGoal),
});
export type PlanOutput = z.infer<typeof planOutput>;
export const planListOutput = z.array(planOutput);

/** Progress of a goal: done steps / steps, as a whole percentage. */
export function goalProgress(steps: { doneAt: Date | null }[]) {
  const total = steps.length;
  const done = steps.filter((s) => s.doneAt !== null).length;
  return { done, total, percent: total === 0 ? 0 : Math.round((done / total) * 100) };
}

const measureByLens: Record<Lens, string> = {
  skills_experience:
    "I can tell a specific example of this, with a measurable result, in under two minutes",
  other_applicants: "I have something concrete to show for this on my CV or in an interview",
  interview_style: "In a practice interview, someone I trust tells me this has improved",
};

/** Days from today to the suggested target date. */
export const suggestedGoalDays = 30;

/** ISO date (YYYY-MM-DD) `days` after `from`, in UTC. */
export function isoDateAfter(from: Date, days: number) {
  return new Date(from.getTime() + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The goal a gap suggests: its next step as the what, a measure that fits its lens, a month to do
 * it. Shared by the form that opens pre-filled and the server when a field is left out.
 */
export function suggestGoal(
  item: { lens: Lens; detail: string; nextStep: string | null },
  today: Date = new Date(),
) {
  const title = (item.nextStep ?? item.detail).trim().slice(0, 200);
  return {
    title,
    measure: measureByLens[item.lens],
    targetDate: isoDateAfter(today, suggestedGoalDays),
  };
}
