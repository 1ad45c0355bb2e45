// Structured rejection feedback, its items, revisions and the candidate's responses.
import { relations, sql } from "drizzle-orm";
import {
  boolean,
  check,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import { at, createdAt, id, timestamps } from "./columns";
import { feedbackStatusEnum, itemKindEnum, lensEnum } from "./enums";
import { candidates, interviews } from "./pipeline";
import { competencies, reasons } from "./taxonomy";
import { agencies, users } from "./tenancy";

const agencyId = () =>
  uuid()
    .notNull()
    .references(() => agencies.id, { onDelete: "cascade" });

export const feedback = pgTable(
  "feedback",
  {
    id: id(),
    agencyId: agencyId(),
    interviewId: uuid().notNull(),
    status: feedbackStatusEnum().notNull().default("draft"),
    summary: text().notNull().default(""),
    authorId: uuid().notNull(),
    lastEditedById: uuid(),
    approverId: uuid(),
    // The approver's note when sending a submitted feedback back to its author.
    reviewComment: text(),
    submittedAt: at(),
    publishedAt: at(),
    // First publication: what time-to-feedback reports measure.
    firstPublishedAt: at(),
    retractedAt: at(),
    retractionReason: text(),
    fairnessOverrideReason: text(),
    readAt: at(),
    acknowledgedAt: at(),
    version: integer().notNull().default(1),
    ...timestamps(),
  },
  (t) => [
    unique("feedback_agency_id_id_key").on(t.agencyId, t.id),
    unique("feedback_interview_key").on(t.agencyId, t.interviewId),
    foreignKey({
      columns: [t.agencyId, t.interviewId],
      foreignColumns: [interviews.agencyId, interviews.id],
    }).onDelete("cascade"),
    foreignKey({ columns: [t.agencyId, t.authorId], foreignColumns: [users.agencyId, users.id] }),
    foreignKey({
      columns: [t.agencyId, t.approverId],
      foreignColumns: [users.agencyId, users.id],
    }),
    foreignKey({
      columns: [t.agencyId, t.lastEditedById],
      foreignColumns: [users.agencyId, users.id],
    }),
    check(
      "feedback_published_at_iff_published",
      sql`(${t.status} = 'published') = (${t.publishedAt} is not null)`,
    ),
    check(
      "feedback_retracted_has_reason",
      sql`${t.status} <> 'retracted' or (${t.retractedAt} is not null and ${t.retractionReason} is not null)`,
    ),
    check("feedback_version_positive", sql`${t.version} > 0`),
    index("feedback_agency_status_idx").on(t.agencyId, t.status),
    index("feedback_agency_author_idx").on(t.agencyId, t.authorId),
    index("feedback_agency_approver_idx").on(t.agencyId, t.approverId),
    index("feedback_agency_last_edited_by_idx").on(t.agencyId, t.lastEditedById),
    index("feedback_agency_published_idx").on(t.agencyId, t.publishedAt),
    // The dashboard's status tests, as partial indexes: enum equality is not leakproof, so under
    // row-level security it can only be an index predicate.
    index("feedback_in_review_idx")
      .on(t.agencyId, t.submittedAt)
      .where(sql`${t.status} = 'in_review'`),
    index("feedback_draft_author_idx")
      .on(t.agencyId, t.authorId, t.updatedAt)
      .where(sql`${t.status} = 'draft'`),
  ],
);

export const feedbackItems = pgTable(
  "feedback_items",
  {
    id: id(),
    agencyId: agencyId(),
    feedbackId: uuid().notNull(),
    lens: lensEnum().notNull(),
    kind: itemKindEnum().notNull(),
    competencyId: uuid(),
    reasonId: uuid(),
    detail: text().notNull(),
    nextStep: text(),
    position: integer().notNull().default(0),
    ...timestamps(),
  },
  (t) => [
    unique("feedback_items_agency_id_id_key").on(t.agencyId, t.id),
    foreignKey({
      columns: [t.agencyId, t.feedbackId],
      foreignColumns: [feedback.agencyId, feedback.id],
    }).onDelete("cascade"),
    foreignKey({
      columns: [t.agencyId, t.competencyId],
      foreignColumns: [competencies.agencyId, competencies.id],
    }),
    foreignKey({
      columns: [t.agencyId, t.reasonId],
      foreignColumns: [reasons.agencyId, reasons.id],
    }),
    check("feedback_items_reason_on_gaps", sql`${t.kind} = 'gap' or ${t.reasonId} is null`),
    index("feedback_items_feedback_idx").on(t.agencyId, t.feedbackId, t.lens, t.position),
    index("feedback_items_competency_idx").on(t.agencyId, t.competencyId),
    index("feedback_items_reason_idx").on(t.agencyId, t.reasonId),
  ],
);

// The state a published feedback had before an edit; candidates see what changed and when.
export const feedbackRevisions = pgTable(
  "feedback_revisions",
  {
    id: id(),
    agencyId: agencyId(),
    feedbackId: uuid().notNull(),
    version: integer().notNull(),
    summary: text().notNull(),
    items: jsonb().notNull(),
    editedById: uuid().notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    unique("feedback_revisions_version_key").on(t.agencyId, t.feedbackId, t.version),
    foreignKey({
      columns: [t.agencyId, t.feedbackId],
      foreignColumns: [feedback.agencyId, feedback.id],
    }).onDelete("cascade"),
    foreignKey({
      columns: [t.agencyId, t.editedById],
      foreignColumns: [users.agencyId, users.id],
    }),
    index("feedback_revisions_edited_by_idx").on(t.agencyId, t.editedById),
  ],
);

export const itemResponses = pgTable(
  "item_responses",
  {
    id: id(),
    agencyId: agencyId(),
    feedbackItemId: uuid().notNull(),
    candidateId: uuid().notNull(),
    helpful: boolean().notNull(),
    comment: text(),
    ...timestamps(),
  },
  (t) => [
    unique("item_responses_item_candidate_key").on(t.agencyId, t.feedbackItemId, t.candidateId),
    foreignKey({
      columns: [t.agencyId, t.feedbackItemId],
      foreignColumns: [feedbackItems.agencyId, feedbackItems.id],
    }).onDelete("cascade"),
    foreignKey({
      columns: [t.agencyId, t.candidateId],
      foreignColumns: [candidates.agencyId, candidates.id],
    }).onDelete("cascade"),
    index("item_responses_candidate_idx").on(t.agencyId, t.candidateId),
  ],
);

export const clarificationMessages = pgTable(
  "clarification_messages",
  {
    id: id(),
    agencyId: agencyId(),
    feedbackId: uuid().notNull(),
    authorId: uuid().notNull(),
    body: text().notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    foreignKey({
      columns: [t.agencyId, t.feedbackId],
      foreignColumns: [feedback.agencyId, feedback.id],
    }).onDelete("cascade"),
    foreignKey({ columns: [t.agencyId, t.authorId], foreignColumns: [users.agencyId, users.id] }),
    // Newest first with the author and id: each thread's latest message from the index alone.
    index("clarification_messages_latest_idx").on(
      t.agencyId,
      t.feedbackId,
      t.createdAt.desc().nullsFirst(),
      t.authorId,
      t.id,
    ),
    index("clarification_messages_author_idx").on(t.agencyId, t.authorId),
  ],
);

export const feedbackRelations = relations(feedback, ({ one, many }) => ({
  interview: one(interviews, { fields: [feedback.interviewId], references: [interviews.id] }),
  author: one(users, { fields: [feedback.authorId], references: [users.id] }),
  lastEditedBy: one(users, { fields: [feedback.lastEditedById], references: [users.id] }),
  approver: one(users, { fields: [feedback.approverId], references: [users.id] }),
  items: many(feedbackItems),
  revisions: many(feedbackRevisions),
  messages: many(clarificationMessages),
}));
export const feedbackItemsRelations = relations(feedbackItems, ({ one, many }) => ({
  feedback: one(feedback, { fields: [feedbackItems.feedbackId], references: [feedback.id] }),
  competency: one(competencies, {
    fields: [feedbackItems.competencyId],
    references: [competencies.id],
  }),
  reason: one(reasons, { fields: [feedbackItems.reasonId], references: [reasons.id] }),
  responses: many(itemResponses),
}));
export const feedbackRevisionsRelations = relations(feedbackRevisions, ({ one }) => ({
  feedback: one(feedback, { fields: [feedbackRevisions.feedbackId], references: [feedback.id] }),
  editedBy: one(users, { fields: [feedbackRevisions.editedById], references: [users.id] }),
}));
export const itemResponsesRelations = relations(itemResponses, ({ one }) => ({
  item: one(feedbackItems, {
    fields: [itemResponses.feedbackItemId],
    references: [feedbackItems.id],
  }),
}));
export const clarificationMessagesRelations = relations(clarificationMessages, ({ one }) => ({
  feedback: one(feedback, {
    fields: [clarificationMessages.feedbackId],
    references: [feedback.id],
  }),
  author: one(users, { fields: [clarificationMessages.authorId], references: [users.id] }),
}));
