// The recruitment pipeline: candidates, clients, jobs and interviews.
import { relations, sql } from "drizzle-orm";
import {
  check,
  foreignKey,
  index,
  jsonb,
  pgTable,
  primaryKey,
  text,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import { at, createdAt, id, timestamps } from "./columns";
import { outcomeEnum, seniorityEnum, stageEnum } from "./enums";
import { competencies } from "./taxonomy";
import { agencies, users } from "./tenancy";

const agencyId = () =>
  uuid()
    .notNull()
    .references(() => agencies.id, { onDelete: "cascade" });

export const candidates = pgTable(
  "candidates",
  {
    id: id(),
    agencyId: agencyId(),
    userId: uuid(),
    ownerId: uuid().notNull(),
    name: text().notNull(),
    email: text().notNull(),
    headline: text(),
    // Set when the candidate's personal data was erased: the row stays as a tombstone so the
    // erasure request and the audit trail still point somewhere, with nothing personal left in it.
    erasedAt: at(),
    ...timestamps(),
  },
  (t) => [
    unique("candidates_agency_id_id_key").on(t.agencyId, t.id),
    unique("candidates_user_key").on(t.userId),
    unique("candidates_agency_email_key").on(t.agencyId, t.email),
    foreignKey({ columns: [t.agencyId, t.userId], foreignColumns: [users.agencyId, users.id] }),
    foreignKey({ columns: [t.agencyId, t.ownerId], foreignColumns: [users.agencyId, users.id] }),
    index("candidates_agency_owner_idx").on(t.agencyId, t.ownerId),
    index("candidates_agency_name_idx").on(t.agencyId, t.name),
  ],
);

export const clients = pgTable(
  "clients",
  {
    id: id(),
    agencyId: agencyId(),
    name: text().notNull(),
    industry: text(),
    ...timestamps(),
  },
  (t) => [
    unique("clients_agency_id_id_key").on(t.agencyId, t.id),
    index("clients_agency_name_idx").on(t.agencyId, t.name),
  ],
);

export const jobs = pgTable(
  "jobs",
  {
    id: id(),
    agencyId: agencyId(),
    clientId: uuid().notNull(),
    title: text().notNull(),
    seniority: seniorityEnum().notNull(),
    ...timestamps(),
  },
  (t) => [
    unique("jobs_agency_id_id_key").on(t.agencyId, t.id),
    foreignKey({
      columns: [t.agencyId, t.clientId],
      foreignColumns: [clients.agencyId, clients.id],
    }),
    index("jobs_agency_client_idx").on(t.agencyId, t.clientId),
  ],
);

export const jobCompetencies = pgTable(
  "job_competencies",
  {
    agencyId: agencyId(),
    jobId: uuid().notNull(),
    competencyId: uuid().notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.agencyId, t.jobId, t.competencyId] }),
    foreignKey({
      columns: [t.agencyId, t.jobId],
      foreignColumns: [jobs.agencyId, jobs.id],
    }).onDelete("cascade"),
    foreignKey({
      columns: [t.agencyId, t.competencyId],
      foreignColumns: [competencies.agencyId, competencies.id],
    }),
    index("job_competencies_competency_idx").on(t.agencyId, t.competencyId),
  ],
);

export const interviews = pgTable(
  "interviews",
  {
    id: id(),
    agencyId: agencyId(),
    candidateId: uuid().notNull(),
    jobId: uuid().notNull(),
    consultantId: uuid().notNull(),
    stage: stageEnum().notNull(),
    scheduledAt: at().notNull(),
    outcome: outcomeEnum().notNull().default("pending"),
    outcomeAt: at(),
    ...timestamps(),
  },
  (t) => [
    unique("interviews_agency_id_id_key").on(t.agencyId, t.id),
    foreignKey({
      columns: [t.agencyId, t.candidateId],
      foreignColumns: [candidates.agencyId, candidates.id],
    }).onDelete("cascade"),
    foreignKey({ columns: [t.agencyId, t.jobId], foreignColumns: [jobs.agencyId, jobs.id] }),
    foreignKey({
      columns: [t.agencyId, t.consultantId],
      foreignColumns: [users.agencyId, users.id],
    }),
    check("interviews_outcome_dated", sql`(${t.outcome} = 'pending') = (${t.outcomeAt} is null)`),
    index("interviews_agency_candidate_idx").on(t.agencyId, t.candidateId),
    index("interviews_agency_job_idx").on(t.agencyId, t.jobId),
    index("interviews_agency_consultant_idx").on(t.agencyId, t.consultantId),
    index("interviews_agency_outcome_idx").on(t.agencyId, t.outcome, t.outcomeAt),
    index("interviews_agency_scheduled_idx").on(t.agencyId, t.scheduledAt),
    // The reports select rejections by date, alone or by consultant or job, and a candidate's
    // later offers. Partial indexes, because under row-level security `outcome = 'rejected'` can
    // never be an index condition: enum equality is not leakproof, so PostgreSQL filters it after
    // the policy. Outcome in the index predicate instead lets (agency, …, date) do all the work.
    index("interviews_rejected_idx")
      .on(t.agencyId, t.outcomeAt)
      .where(sql`${t.outcome} = 'rejected'`),
    index("interviews_rejected_consultant_idx")
      .on(t.agencyId, t.consultantId, t.outcomeAt)
      .where(sql`${t.outcome} = 'rejected'`),
    index("interviews_rejected_job_idx")
      .on(t.agencyId, t.jobId, t.outcomeAt)
      .where(sql`${t.outcome} = 'rejected'`),
    index("interviews_offered_candidate_idx")
      .on(t.agencyId, t.candidateId, t.outcomeAt)
      .where(sql`${t.outcome} = 'offered'`),
  ],
);

// A single-use link for the client's hiring manager; answers are raw notes, never shown to the candidate.
export const clientFeedbackRequests = pgTable(
  "client_feedback_requests",
  {
    id: id(),
    agencyId: agencyId(),
    interviewId: uuid().notNull(),
    requestedById: uuid().notNull(),
    recipientEmail: text().notNull(),
    tokenHash: text().notNull().unique(),
    expiresAt: at().notNull(),
    answeredAt: at(),
    answers: jsonb(),
    ...timestamps(),
  },
  (t) => [
    foreignKey({
      columns: [t.agencyId, t.interviewId],
      foreignColumns: [interviews.agencyId, interviews.id],
    }).onDelete("cascade"),
    foreignKey({
      columns: [t.agencyId, t.requestedById],
      foreignColumns: [users.agencyId, users.id],
    }),
    index("client_feedback_requests_interview_idx").on(t.agencyId, t.interviewId),
    index("client_feedback_requests_requested_by_idx").on(t.agencyId, t.requestedById),
  ],
);

export const candidatesRelations = relations(candidates, ({ one, many }) => ({
  user: one(users, { fields: [candidates.userId], references: [users.id] }),
  owner: one(users, { fields: [candidates.ownerId], references: [users.id] }),
  interviews: many(interviews),
}));
export const clientsRelations = relations(clients, ({ many }) => ({ jobs: many(jobs) }));
export const jobsRelations = relations(jobs, ({ one, many }) => ({
  client: one(clients, { fields: [jobs.clientId], references: [clients.id] }),
  interviews: many(interviews),
  competencies: many(jobCompetencies),
}));
export const jobCompetenciesRelations = relations(jobCompetencies, ({ one }) => ({
  job: one(jobs, { fields: [jobCompetencies.jobId], references: [jobs.id] }),
  competency: one(competencies, {
    fields: [jobCompetencies.competencyId],
    references: [competencies.id],
  }),
}));
export const interviewsRelations = relations(interviews, ({ one }) => ({
  candidate: one(candidates, { fields: [interviews.candidateId], references: [candidates.id] }),
  job: one(jobs, { fields: [interviews.jobId], references: [jobs.id] }),
  consultant: one(users, { fields: [interviews.consultantId], references: [users.id] }),
}));
