// The admin reports' facts: one narrow row per rejected interview and one per gap point of its
// published feedback, with everything the reports group, filter and count by already joined.
// PostgreSQL keeps them exact and current itself: statement-level triggers on the source tables
// call debrief_report_refresh() for the interviews a statement touched (migration
// 0009_report_facts.sql), in the writer's own transaction. Nothing in the app writes them.
import { sql } from "drizzle-orm";
import {
  boolean,
  doublePrecision,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  uuid,
} from "drizzle-orm/pg-core";
import { at } from "./columns";
import { lensEnum, stageEnum } from "./enums";
import { interviews } from "./pipeline";
import { agencies } from "./tenancy";

const agencyId = () =>
  uuid()
    .notNull()
    .references(() => agencies.id, { onDelete: "cascade" });

export const rejectionFacts = pgTable(
  "rejection_facts",
  {
    agencyId: agencyId(),
    interviewId: uuid().notNull(),
    candidateId: uuid().notNull(),
    consultantId: uuid().notNull(),
    jobId: uuid().notNull(),
    clientId: uuid().notNull(),
    stage: stageEnum().notNull(),
    outcomeAt: at().notNull(),
    /** The rejection's calendar month in UTC, YYYY-MM. */
    month: text().notNull(),
    feedbackId: uuid(),
    /** Feedback currently published (not a draft, not retracted). */
    published: boolean().notNull(),
    /** Hours from the rejection to the first publication, while published. */
    hoursToPublish: doublePrecision(),
    readAt: at(),
    acknowledgedAt: at(),
    /** Points of the published feedback, those the candidate rated, and those rated helpful. */
    items: integer().notNull(),
    rated: integer().notNull(),
    helpful: integer().notNull(),
    /** Gap points of the published feedback. */
    gaps: integer().notNull(),
    /** An action plan made from the published feedback, its goals and those done. */
    withPlan: boolean().notNull(),
    goals: integer().notNull(),
    goalsDone: integer().notNull(),
    /** The candidate made any action plan at or after the rejection. */
    plannedAfter: boolean().notNull(),
    /** The candidate was offered a job at a later interview. */
    offeredAfter: boolean().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.agencyId, t.interviewId] }),
    foreignKey({
      columns: [t.agencyId, t.interviewId],
      foreignColumns: [interviews.agencyId, interviews.id],
    }).onDelete("cascade"),
    index("rejection_facts_date_idx").on(t.agencyId, t.outcomeAt),
    index("rejection_facts_consultant_idx").on(t.agencyId, t.consultantId, t.outcomeAt),
    index("rejection_facts_client_idx").on(t.agencyId, t.clientId, t.outcomeAt),
    index("rejection_facts_job_idx").on(t.agencyId, t.jobId, t.outcomeAt),
    // Rejections still owed published feedback (the dashboard's list), oldest first: a busy
    // consultant has thousands of rejections and only a hundred or so owed.
    index("rejection_facts_owed_idx")
      .on(t.agencyId, t.consultantId, t.outcomeAt)
      .where(sql`not ${t.published}`),
    index("rejection_facts_agency_owed_idx")
      .on(t.agencyId, t.outcomeAt)
      .where(sql`not ${t.published}`),
  ],
);

export const gapFacts = pgTable(
  "gap_facts",
  {
    agencyId: agencyId(),
    itemId: uuid().notNull(),
    interviewId: uuid().notNull(),
    feedbackId: uuid().notNull(),
    consultantId: uuid().notNull(),
    jobId: uuid().notNull(),
    clientId: uuid().notNull(),
    stage: stageEnum().notNull(),
    outcomeAt: at().notNull(),
    month: text().notNull(),
    lens: lensEnum().notNull(),
    reasonId: uuid(),
    competencyId: uuid(),
  },
  (t) => [
    primaryKey({ columns: [t.agencyId, t.itemId] }),
    foreignKey({
      columns: [t.agencyId, t.interviewId],
      foreignColumns: [rejectionFacts.agencyId, rejectionFacts.interviewId],
    }).onDelete("cascade"),
    index("gap_facts_interview_idx").on(t.agencyId, t.interviewId),
    // By date, with every column the reasons report groups by: an index-only scan, about a third
    // of the rows' size, for the unfiltered report.
    index("gap_facts_date_idx").on(
      t.agencyId,
      t.outcomeAt,
      t.lens,
      t.stage,
      t.month,
      t.reasonId,
      t.competencyId,
      t.clientId,
      t.jobId,
    ),
    index("gap_facts_consultant_idx").on(t.agencyId, t.consultantId, t.outcomeAt),
    index("gap_facts_client_idx").on(t.agencyId, t.clientId, t.outcomeAt),
    index("gap_facts_job_idx").on(t.agencyId, t.jobId, t.outcomeAt),
  ],
);
