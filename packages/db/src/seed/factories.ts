// Insert helpers shared by the demo seed and the tests. Each runs inside withTenant for its agency.
import type {
  FeedbackStatus,
  InterviewOutcome,
  InterviewStage,
  ItemKind,
  Lens,
  Role,
  Seniority,
  UserStatus,
} from "@debrief/validators";
import type { Database, Tx } from "../client";
import { withTenant } from "../client";
import * as s from "../schema";
import { defaultCompetencies, defaultReasons } from "./taxonomy";

function one<T>(rows: T[]): T {
  const [row] = rows;
  if (!row) throw new Error("insert returned no row");
  return row;
}

export type AgencyInput = { name: string; slug: string; feedbackSlaHours?: number; requireApproval?: boolean };

/** Creates an agency with the default taxonomy; returns its id and taxonomy ids. */
export async function createAgency(db: Database, input: AgencyInput) {
  const agencyId = crypto.randomUUID();
  return withTenant(db, { agencyId, userId: null, role: "admin" }, async (tx) => {
    await tx.insert(s.agencies).values({ id: agencyId, ...input });
    const competencies = await tx
      .insert(s.competencies)
      .values(defaultCompetencies.map(([name, description]) => ({ agencyId, name, description })))
      .returning({ id: s.competencies.id, name: s.competencies.name });
    const reasons = await tx
      .insert(s.reasons)
      .values(defaultReasons.map(([label, description]) => ({ agencyId, label, description })))
      .returning({ id: s.reasons.id, label: s.reasons.label });
    return { agencyId, competencies, reasons };
  });
}

export type UserInput = {
  email: string;
  name: string;
  role: Role;
  status?: UserStatus;
  passwordHash?: string | null;
};

export async function createUser(tx: Tx, agencyId: string, input: UserInput) {
  return one(
    await tx
      .insert(s.users)
      .values({ agencyId, status: "active", passwordHash: null, ...input })
      .returning(),
  );
}

export async function createCandidate(
  tx: Tx,
  agencyId: string,
  input: { name: string; email: string; ownerId: string; userId?: string | null; headline?: string },
) {
  return one(await tx.insert(s.candidates).values({ agencyId, ...input }).returning());
}

export async function createClient(tx: Tx, agencyId: string, input: { name: string; industry?: string }) {
  return one(await tx.insert(s.clients).values({ agencyId, ...input }).returning());
}

export async function createJob(
  tx: Tx,
  agencyId: string,
  input: { clientId: string; title: string; seniority: Seniority; competencyIds?: string[] },
) {
  const { competencyIds = [], ...values } = input;
  const job = one(await tx.insert(s.jobs).values({ agencyId, ...values }).returning());
  if (competencyIds.length) {
    await tx
      .insert(s.jobCompetencies)
      .values(competencyIds.map((competencyId) => ({ agencyId, jobId: job.id, competencyId })));
  }
  return job;
}

export async function createInterview(
  tx: Tx,
  agencyId: string,
  input: {
    candidateId: string;
    jobId: string;
    consultantId: string;
    stage: InterviewStage;
    scheduledAt: Date;
    outcome?: InterviewOutcome;
    outcomeAt?: Date | null;
  },
) {
  const outcome = input.outcome ?? "pending";
  const outcomeAt = outcome === "pending" ? null : (input.outcomeAt ?? input.scheduledAt);
  return one(await tx.insert(s.interviews).values({ agencyId, ...input, outcome, outcomeAt }).returning());
}

export type ItemInput = {
  lens: Lens;
  kind: ItemKind;
  competencyId?: string | null;
  reasonId?: string | null;
  detail: string;
  nextStep?: string | null;
};

export async function createFeedback(
  tx: Tx,
  agencyId: string,
  input: {
    interviewId: string;
    authorId: string;
    summary: string;
    status?: FeedbackStatus;
    publishedAt?: Date | null;
    readAt?: Date | null;
    acknowledgedAt?: Date | null;
    items: ItemInput[];
  },
) {
  const { items, status = "draft", publishedAt, ...values } = input;
  const published = status === "published" ? (publishedAt ?? new Date()) : null;
  const fb = one(
    await tx
      .insert(s.feedback)
      .values({ agencyId, ...values, status, publishedAt: published, firstPublishedAt: published })
      .returning(),
  );
  const rows = items.length
    ? await tx
        .insert(s.feedbackItems)
        .values(items.map((item, position) => ({ agencyId, feedbackId: fb.id, position, ...item })))
        .returning()
    : [];
  return { ...fb, items: rows };
}
