// Interviews: a candidate interviewed for a job, and its outcome. Recording `rejected` is what puts
// an interview on the dashboard's feedback queue (feedback.owed).
import {
  and,
  asc,
  desc,
  eq,
  gte,
  ilike,
  isNull,
  lt,
  type SQL,
  schema as s,
  sql,
} from "@debrief/db";
import type {
  InterviewCreateInput,
  InterviewListInput,
  InterviewUpdateInput,
  RecordOutcomeInput,
} from "@debrief/validators";
import { DomainError, notFound } from "../errors";
import type { ProtectedContext } from "../trpc";
import { recordAudit } from "./audit";
import {
  changedFields,
  containsPattern,
  invalid,
  listStaff,
  missing,
  offsetOf,
  requireStaff,
  searchText,
} from "./pipeline-support";

const DAY = 86_400_000;
/** Clocks differ a little between a browser and the server; a minute ahead is still "now". */
const CLOCK_SKEW = 60_000;

type ListInput = Omit<InterviewListInput, "page" | "pageSize"> & { page: number; pageSize: number };

function filters(input: ListInput): SQL | undefined {
  const q = searchText(input.q);
  const conditions: (SQL | undefined)[] = [
    q ? ilike(s.candidates.name, containsPattern(q)) : undefined,
    input.outcome ? eq(s.interviews.outcome, input.outcome) : undefined,
    input.stage ? eq(s.interviews.stage, input.stage) : undefined,
    input.consultantId ? eq(s.interviews.consultantId, input.consultantId) : undefined,
    input.candidateId ? eq(s.interviews.candidateId, input.candidateId) : undefined,
    input.jobId ? eq(s.interviews.jobId, input.jobId) : undefined,
    input.from ? gte(s.interviews.scheduledAt, new Date(`${input.from}T00:00:00Z`)) : undefined,
    input.to
      ? lt(s.interviews.scheduledAt, new Date(new Date(`${input.to}T00:00:00Z`).getTime() + DAY))
      : undefined,
  ];
  return and(...conditions);
}

/** Interviews with their candidate, job, client, consultant and feedback (if any). */
function selectInterviews(ctx: ProtectedContext) {
  return ctx.tx
    .select({
      id: s.interviews.id,
      candidateId: s.interviews.candidateId,
      candidateName: s.candidates.name,
      jobId: s.interviews.jobId,
      jobTitle: s.jobs.title,
      clientName: s.clients.name,
      consultantId: s.interviews.consultantId,
      consultantName: s.users.name,
      stage: s.interviews.stage,
      scheduledAt: s.interviews.scheduledAt,
      outcome: s.interviews.outcome,
      outcomeAt: s.interviews.outcomeAt,
      feedbackStatus: s.feedback.status,
      createdAt: s.interviews.createdAt,
      updatedAt: s.interviews.updatedAt,
    })
    .from(s.interviews)
    .innerJoin(s.candidates, eq(s.candidates.id, s.interviews.candidateId))
    .innerJoin(s.jobs, eq(s.jobs.id, s.interviews.jobId))
    .innerJoin(s.clients, eq(s.clients.id, s.jobs.clientId))
    .innerJoin(s.users, eq(s.users.id, s.interviews.consultantId))
    .leftJoin(s.feedback, eq(s.feedback.interviewId, s.interviews.id));
}

export async function list({ ctx, input }: { ctx: ProtectedContext; input: ListInput }) {
  const where = filters(input);
  // The count joins the candidate only when searching by name.
  const countQuery = searchText(input.q)
    ? ctx.tx
        .select({ n: sql<number>`count(*)::int` })
        .from(s.interviews)
        .innerJoin(s.candidates, eq(s.candidates.id, s.interviews.candidateId))
        .where(where)
    : ctx.tx.select({ n: sql<number>`count(*)::int` }).from(s.interviews).where(where);
  const [rows, [counted]] = await Promise.all([
    selectInterviews(ctx)
      .where(where)
      .orderBy(desc(s.interviews.scheduledAt), desc(s.interviews.id))
      .limit(input.pageSize)
      .offset(offsetOf(input)),
    countQuery,
  ]);
  return { rows, total: counted?.n ?? 0, page: input.page, pageSize: input.pageSize };
}

export async function byId({ ctx, input }: { ctx: ProtectedContext; input: { id: string } }) {
  const [row] = await selectInterviews(ctx).where(eq(s.interviews.id, input.id));
  if (!row) throw notFound("Interview");
  return row;
}

async function requireCandidate(ctx: ProtectedContext, id: string) {
  const [row] = await ctx.tx
    .select({ id: s.candidates.id })
    .from(s.candidates)
    .where(and(eq(s.candidates.id, id), isNull(s.candidates.erasedAt)));
  if (!row) throw missing("Candidate", "candidateId");
}

async function requireJob(ctx: ProtectedContext, id: string) {
  const [row] = await ctx.tx.select({ id: s.jobs.id }).from(s.jobs).where(eq(s.jobs.id, id));
  if (!row) throw missing("Job", "jobId");
}

export async function create({
  ctx,
  input,
}: {
  ctx: ProtectedContext;
  input: InterviewCreateInput;
}) {
  const consultantId = input.consultantId ?? ctx.user.id;
  await requireCandidate(ctx, input.candidateId);
  await requireJob(ctx, input.jobId);
  await requireStaff(ctx, consultantId, "consultantId");
  const [created] = await ctx.tx
    .insert(s.interviews)
    .values({
      agencyId: ctx.user.agencyId,
      candidateId: input.candidateId,
      jobId: input.jobId,
      consultantId,
      stage: input.stage,
      scheduledAt: input.scheduledAt,
    })
    .returning({ id: s.interviews.id });
  if (!created) throw new Error("insert returned no row");
  await recordAudit(ctx, {
    action: "interview.created",
    entityType: "interview",
    entityId: created.id,
  });
  return created;
}

/** The interview as stored, with the status of its feedback (null when there is none). */
async function loadForWrite(ctx: ProtectedContext, id: string) {
  const [row] = await ctx.tx
    .select({
      candidateId: s.interviews.candidateId,
      jobId: s.interviews.jobId,
      consultantId: s.interviews.consultantId,
      stage: s.interviews.stage,
      scheduledAt: s.interviews.scheduledAt,
      outcome: s.interviews.outcome,
      outcomeAt: s.interviews.outcomeAt,
      feedbackStatus: s.feedback.status,
    })
    .from(s.interviews)
    .leftJoin(s.feedback, eq(s.feedback.interviewId, s.interviews.id))
    .where(eq(s.interviews.id, id))
    .for("update", { of: s.interviews });
  if (!row) throw notFound("Interview");
  return row;
}

const formatDate = (d: Date) => d.toISOString().slice(0, 16).replace("T", " ");

export async function update({
  ctx,
  input,
}: {
  ctx: ProtectedContext;
  input: InterviewUpdateInput;
}) {
  const existing = await loadForWrite(ctx, input.id);
  if (input.candidateId !== existing.candidateId) {
    if (existing.feedbackStatus) {
      throw invalid(
        "candidateId",
        "cannot change: this interview already has feedback written for its candidate",
        "This interview already has feedback, so its candidate cannot change",
      );
    }
    await requireCandidate(ctx, input.candidateId);
  }
  if (input.jobId !== existing.jobId) {
    if (existing.feedbackStatus) {
      throw invalid(
        "jobId",
        "cannot change: this interview already has feedback written about this job",
        "This interview already has feedback, so its job cannot change",
      );
    }
    await requireJob(ctx, input.jobId);
  }
  await requireStaff(ctx, input.consultantId, "consultantId", existing.consultantId);
  if (existing.outcomeAt && input.scheduledAt > existing.outcomeAt) {
    throw invalid(
      "scheduledAt",
      `must not be after the recorded outcome (${formatDate(existing.outcomeAt)} UTC)`,
    );
  }
  const values = {
    candidateId: input.candidateId,
    jobId: input.jobId,
    consultantId: input.consultantId,
    stage: input.stage,
    scheduledAt: input.scheduledAt,
  };
  const fields = changedFields(existing, values);
  if (fields.length) {
    await ctx.tx.update(s.interviews).set(values).where(eq(s.interviews.id, input.id));
    await recordAudit(ctx, {
      action: "interview.updated",
      entityType: "interview",
      entityId: input.id,
      metadata: { fields },
    });
  }
  return { id: input.id };
}

/** Feedback the candidate has seen, or is about to: the rejection behind it must stand. */
const lockedStatuses = new Set(["published", "in_review"]);

export async function recordOutcome({
  ctx,
  input,
}: {
  ctx: ProtectedContext;
  input: RecordOutcomeInput;
}) {
  const existing = await loadForWrite(ctx, input.id);
  const now = new Date();
  const outcomeAt = input.outcomeAt ?? now;

  if (outcomeAt.getTime() > now.getTime() + CLOCK_SKEW) {
    throw invalid("outcomeAt", "must not be in the future");
  }
  if (outcomeAt < existing.scheduledAt) {
    throw invalid(
      "outcomeAt",
      `must not be before the interview (${formatDate(existing.scheduledAt)} UTC)`,
      input.outcomeAt
        ? undefined
        : "This interview has not taken place yet; record its outcome once it has",
    );
  }
  if (existing.feedbackStatus && lockedStatuses.has(existing.feedbackStatus)) {
    const state = existing.feedbackStatus === "published" ? "published" : "awaiting approval";
    if (input.outcome !== "rejected") {
      throw new DomainError(
        "CONFLICT",
        `Feedback on this rejection is ${state}, so the outcome cannot change from rejected. Retract the feedback first if the decision really changed.`,
        { outcome: [`cannot change: feedback is ${state}`] },
      );
    }
    if (existing.outcomeAt && existing.outcomeAt.getTime() !== outcomeAt.getTime()) {
      throw new DomainError(
        "CONFLICT",
        `Feedback on this rejection is ${state}, so the rejection date cannot change.`,
        { outcomeAt: [`cannot change: feedback is ${state}`] },
      );
    }
  }

  const [updated] = await ctx.tx
    .update(s.interviews)
    .set({ outcome: input.outcome, outcomeAt })
    .where(eq(s.interviews.id, input.id))
    .returning({
      id: s.interviews.id,
      outcome: s.interviews.outcome,
      outcomeAt: s.interviews.outcomeAt,
    });
  if (!updated) throw notFound("Interview");
  await recordAudit(ctx, {
    action: "interview.outcome_recorded",
    entityType: "interview",
    entityId: input.id,
    metadata: { outcome: input.outcome, previousOutcome: existing.outcome },
  });
  return {
    ...updated,
    feedbackOwed: input.outcome === "rejected" && existing.feedbackStatus !== "published",
  };
}

/** Consultants and jobs for the interview form and the list's filters. */
export async function formOptions({ ctx }: { ctx: ProtectedContext }) {
  const [consultantOptions, jobs] = await Promise.all([
    listStaff(ctx),
    ctx.tx
      .select({ id: s.jobs.id, title: s.jobs.title, clientName: s.clients.name })
      .from(s.jobs)
      .innerJoin(s.clients, eq(s.clients.id, s.jobs.clientId))
      .orderBy(asc(s.clients.name), asc(s.jobs.title), asc(s.jobs.id))
      .limit(1000),
  ]);
  return { consultants: consultantOptions, jobs };
}
