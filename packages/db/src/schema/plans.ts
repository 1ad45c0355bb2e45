// The candidate's side: action plans, SMART goals with steps, and the journal.
import { relations, sql } from "drizzle-orm";
import {
  check,
  date,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import { at, createdAt, id, timestamps } from "./columns";
import { goalStatusEnum, journalKindEnum } from "./enums";
import { feedback, feedbackItems } from "./feedback";
import { candidates, interviews } from "./pipeline";
import { agencies, users } from "./tenancy";

const agencyId = () =>
  uuid()
    .notNull()
    .references(() => agencies.id, { onDelete: "cascade" });

export const actionPlans = pgTable(
  "action_plans",
  {
    id: id(),
    agencyId: agencyId(),
    candidateId: uuid().notNull(),
    feedbackId: uuid(),
    title: text().notNull(),
    ...timestamps(),
  },
  (t) => [
    unique("action_plans_agency_id_id_key").on(t.agencyId, t.id),
    foreignKey({
      columns: [t.agencyId, t.candidateId],
      foreignColumns: [candidates.agencyId, candidates.id],
    }).onDelete("cascade"),
    foreignKey({
      columns: [t.agencyId, t.feedbackId],
      foreignColumns: [feedback.agencyId, feedback.id],
    }),
    // The outcomes report asks whether a candidate made a plan after a given date.
    index("action_plans_candidate_created_idx").on(t.agencyId, t.candidateId, t.createdAt),
    index("action_plans_feedback_idx").on(t.agencyId, t.feedbackId),
  ],
);

export const goals = pgTable(
  "goals",
  {
    id: id(),
    agencyId: agencyId(),
    actionPlanId: uuid().notNull(),
    title: text().notNull(),
    measure: text().notNull(),
    targetDate: date({ mode: "string" }).notNull(),
    status: goalStatusEnum().notNull().default("not_started"),
    droppedReason: text(),
    completedAt: at(),
    position: integer().notNull().default(0),
    ...timestamps(),
  },
  (t) => [
    unique("goals_agency_id_id_key").on(t.agencyId, t.id),
    foreignKey({
      columns: [t.agencyId, t.actionPlanId],
      foreignColumns: [actionPlans.agencyId, actionPlans.id],
    }).onDelete("cascade"),
    check(
      "goals_dropped_has_reason",
      sql`${t.status} <> 'dropped' or ${t.droppedReason} is not null`,
    ),
    index("goals_plan_idx").on(t.agencyId, t.actionPlanId, t.position),
    index("goals_agency_status_idx").on(t.agencyId, t.status),
    index("goals_agency_updated_idx").on(t.agencyId, t.updatedAt),
  ],
);

// Which feedback items a goal answers.
export const goalItems = pgTable(
  "goal_items",
  {
    agencyId: agencyId(),
    goalId: uuid().notNull(),
    feedbackItemId: uuid().notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.agencyId, t.goalId, t.feedbackItemId] }),
    foreignKey({
      columns: [t.agencyId, t.goalId],
      foreignColumns: [goals.agencyId, goals.id],
    }).onDelete("cascade"),
    foreignKey({
      columns: [t.agencyId, t.feedbackItemId],
      foreignColumns: [feedbackItems.agencyId, feedbackItems.id],
    }).onDelete("cascade"),
    index("goal_items_item_idx").on(t.agencyId, t.feedbackItemId),
  ],
);

export const goalSteps = pgTable(
  "goal_steps",
  {
    id: id(),
    agencyId: agencyId(),
    goalId: uuid().notNull(),
    title: text().notNull(),
    dueDate: date({ mode: "string" }),
    doneAt: at(),
    position: integer().notNull().default(0),
    ...timestamps(),
  },
  (t) => [
    foreignKey({
      columns: [t.agencyId, t.goalId],
      foreignColumns: [goals.agencyId, goals.id],
    }).onDelete("cascade"),
    index("goal_steps_goal_idx").on(t.agencyId, t.goalId, t.position),
  ],
);

// Consultants' encouragement on a candidate's goal.
export const goalComments = pgTable(
  "goal_comments",
  {
    id: id(),
    agencyId: agencyId(),
    goalId: uuid().notNull(),
    authorId: uuid().notNull(),
    body: text().notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    foreignKey({
      columns: [t.agencyId, t.goalId],
      foreignColumns: [goals.agencyId, goals.id],
    }).onDelete("cascade"),
    foreignKey({ columns: [t.agencyId, t.authorId], foreignColumns: [users.agencyId, users.id] }),
    index("goal_comments_goal_idx").on(t.agencyId, t.goalId, t.createdAt),
    index("goal_comments_author_idx").on(t.agencyId, t.authorId),
  ],
);

export const journalEntries = pgTable(
  "journal_entries",
  {
    id: id(),
    agencyId: agencyId(),
    candidateId: uuid().notNull(),
    kind: journalKindEnum().notNull(),
    title: text().notNull(),
    body: text().notNull(),
    interviewId: uuid(),
    goalId: uuid(),
    ...timestamps(),
  },
  (t) => [
    foreignKey({
      columns: [t.agencyId, t.candidateId],
      foreignColumns: [candidates.agencyId, candidates.id],
    }).onDelete("cascade"),
    foreignKey({
      columns: [t.agencyId, t.interviewId],
      foreignColumns: [interviews.agencyId, interviews.id],
    }),
    foreignKey({ columns: [t.agencyId, t.goalId], foreignColumns: [goals.agencyId, goals.id] }),
    index("journal_entries_candidate_idx").on(t.agencyId, t.candidateId, t.createdAt),
    index("journal_entries_interview_idx").on(t.agencyId, t.interviewId),
    index("journal_entries_goal_idx").on(t.agencyId, t.goalId),
  ],
);

export const actionPlansRelations = relations(actionPlans, ({ one, many }) => ({
  candidate: one(candidates, { fields: [actionPlans.candidateId], references: [candidates.id] }),
  feedback: one(feedback, { fields: [actionPlans.feedbackId], references: [feedback.id] }),
  goals: many(goals),
}));
export const goalsRelations = relations(goals, ({ one, many }) => ({
  plan: one(actionPlans, { fields: [goals.actionPlanId], references: [actionPlans.id] }),
  steps: many(goalSteps),
  items: many(goalItems),
  comments: many(goalComments),
}));
export const goalStepsRelations = relations(goalSteps, ({ one }) => ({
  goal: one(goals, { fields: [goalSteps.goalId], references: [goals.id] }),
}));
export const goalItemsRelations = relations(goalItems, ({ one }) => ({
  goal: one(goals, { fields: [goalItems.goalId], references: [goals.id] }),
  item: one(feedbackItems, { fields: [goalItems.feedbackItemId], references: [feedbackItems.id] }),
}));
export const goalCommentsRelations = relations(goalComments, ({ one }) => ({
  goal: one(goals, { fields: [goalComments.goalId], references: [goals.id] }),
  author: one(users, { fields: [goalComments.authorId], references: [users.id] }),
}));
export const journalEntriesRelations = relations(journalEntries, ({ one }) => ({
  candidate: one(candidates, { fields: [journalEntries.candidateId], references: [candidates.id] }),
}));
