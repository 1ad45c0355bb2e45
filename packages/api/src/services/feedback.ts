// The consultant's feedback work: what is owed, the editor's data, saving drafts and publishing.
import { and, asc, eq, isNull, ne, or, schema as s, sql } from "@debrief/db";
import type { FeedbackItemInput, OwedInterview, SaveDraftInput } from "@debrief/validators";
import { DomainError, type FieldErrors, notFound } from "../errors";
import type { ProtectedContext } from "../trpc";
import { recordAudit } from "./audit";

const HOUR = 3_600_000;

export async function listOwed({ ctx }: { ctx: ProtectedContext }): Promise<OwedInterview[]> {
  const rows = await ctx.tx
    .select({
      interviewId: s.interviews.id,
      candidateName: s.candidates.name,
      jobTitle: s.jobs.title,
      clientName: s.clients.name,
      stage: s.interviews.stage,
      rejectedAt: s.interviews.outcomeAt,
      slaHours: s.agencies.feedbackSlaHours,
      feedbackId: s.feedback.id,
      feedbackStatus: s.feedback.status,
    })
    .from(s.interviews)
    .innerJoin(s.agencies, eq(s.agencies.id, s.interviews.agencyId))
    .innerJoin(s.candidates, eq(s.candidates.id, s.interviews.candidateId))
    .innerJoin(s.jobs, eq(s.jobs.id, s.interviews.jobId))
    .innerJoin(s.clients, eq(s.clients.id, s.jobs.clientId))
    .leftJoin(s.feedback, eq(s.feedback.interviewId, s.interviews.id))
    .where(
      and(
        eq(s.interviews.outcome, "rejected"),
        or(isNull(s.feedback.id), ne(s.feedback.status, "published")),
        // Admins see the whole agency's backlog; consultants their own interviews.
        ctx.user.role === "admin" ? undefined : eq(s.interviews.consultantId, ctx.user.id),
      ),
    )
    .orderBy(asc(s.interviews.outcomeAt))
    .limit(200);
  const now = Date.now();
  return rows.map(({ rejectedAt, ...row }) => {
    const at = rejectedAt ?? new Date(now);
    const hours = Math.max(0, (now - at.getTime()) / HOUR);
    return {
      ...row,
      rejectedAt: at,
      hoursSinceRejection: Math.floor(hours),
      overdue: hours > row.slaHours,
    };
  });
}

async function loadRejectedInterview(ctx: ProtectedContext, interviewId: string) {
  const [row] = await ctx.tx
    .select({
      id: s.interviews.id,
      outcome: s.interviews.outcome,
      outcomeAt: s.interviews.outcomeAt,
      scheduledAt: s.interviews.scheduledAt,
      stage: s.interviews.stage,
      candidateName: s.candidates.name,
      candidateUserId: s.candidates.userId,
      jobTitle: s.jobs.title,
      clientName: s.clients.name,
      requireApproval: s.agencies.requireApproval,
    })
    .from(s.interviews)
    .innerJoin(s.agencies, eq(s.agencies.id, s.interviews.agencyId))
    .innerJoin(s.candidates, eq(s.candidates.id, s.interviews.candidateId))
    .innerJoin(s.jobs, eq(s.jobs.id, s.interviews.jobId))
    .innerJoin(s.clients, eq(s.clients.id, s.jobs.clientId))
    .where(eq(s.interviews.id, interviewId));
  if (!row) throw notFound("Interview");
  if (row.outcome !== "rejected" || !row.outcomeAt) {
    throw new DomainError("BAD_REQUEST", "Feedback is written for rejected interviews only");
  }
  return { ...row, rejectedAt: row.outcomeAt };
}

export async function getEditor({
  ctx,
  input,
}: {
  ctx: ProtectedContext;
  input: { interviewId: string };
}) {
  const interview = await loadRejectedInterview(ctx, input.interviewId);
  const fb = await ctx.tx.query.feedback.findFirst({
    where: eq(s.feedback.interviewId, interview.id),
    with: { items: { orderBy: [asc(s.feedbackItems.position)] } },
  });
  return {
    interview: {
      id: interview.id,
      candidateName: interview.candidateName,
      jobTitle: interview.jobTitle,
      clientName: interview.clientName,
      stage: interview.stage,
      scheduledAt: interview.scheduledAt,
      rejectedAt: interview.rejectedAt,
    },
    feedback: fb
      ? {
          id: fb.id,
          status: fb.status,
          version: fb.version,
          summary: fb.summary,
          publishedAt: fb.publishedAt,
          updatedAt: fb.updatedAt,
          items: fb.items.map((i) => ({
            lens: i.lens,
            kind: i.kind,
            competencyId: i.competencyId,
            reasonId: i.reasonId,
            detail: i.detail,
            nextStep: i.nextStep,
          })),
        }
      : null,
    requireApproval: interview.requireApproval,
    consultantName: ctx.user.name,
  };
}

const conflict = () =>
  new DomainError(
    "CONFLICT",
    "Someone else saved this feedback after you opened it. Your text is still in the editor: copy it, reload to see their version, then merge.",
  );

function itemRows(ctx: ProtectedContext, feedbackId: string, items: FeedbackItemInput[]) {
  return items.map((item, position) => ({
    agencyId: ctx.user.agencyId,
    feedbackId,
    position,
    lens: item.lens,
    kind: item.kind,
    competencyId: item.competencyId ?? null,
    reasonId: item.kind === "gap" ? (item.reasonId ?? null) : null,
    detail: item.detail,
    nextStep: item.nextStep ?? null,
  }));
}

/** Creates the draft (version null) or updates it, checking the version the editor loaded. */
export async function saveDraft({ ctx, input }: { ctx: ProtectedContext; input: SaveDraftInput }) {
  await loadRejectedInterview(ctx, input.interviewId);
  const [existing] = await ctx.tx
    .select({ id: s.feedback.id, status: s.feedback.status, version: s.feedback.version })
    .from(s.feedback)
    .where(eq(s.feedback.interviewId, input.interviewId));

  if (!existing) {
    if (input.version !== null) throw notFound("Feedback");
    const [created] = await ctx.tx
      .insert(s.feedback)
      .values({
        agencyId: ctx.user.agencyId,
        interviewId: input.interviewId,
        authorId: ctx.user.id,
        summary: input.summary,
      })
      .returning({
        id: s.feedback.id,
        version: s.feedback.version,
        updatedAt: s.feedback.updatedAt,
      });
    if (!created) throw new Error("insert returned no row");
    if (input.items.length)
      await ctx.tx.insert(s.feedbackItems).values(itemRows(ctx, created.id, input.items));
    await recordAudit(ctx, {
      action: "feedback.created",
      entityType: "feedback",
      entityId: created.id,
    });
    return created;
  }

  if (input.version === null || input.version !== existing.version) throw conflict();
  if (existing.status !== "draft") {
    throw new DomainError(
      "BAD_REQUEST",
      "Only a draft can be edited here; this feedback is already " +
        existing.status.replace("_", " "),
    );
  }
  const [updated] = await ctx.tx
    .update(s.feedback)
    .set({ summary: input.summary, version: sql`${s.feedback.version} + 1` })
    .where(and(eq(s.feedback.id, existing.id), eq(s.feedback.version, input.version)))
    .returning({ id: s.feedback.id, version: s.feedback.version, updatedAt: s.feedback.updatedAt });
  if (!updated) throw conflict();
  await ctx.tx.delete(s.feedbackItems).where(eq(s.feedbackItems.feedbackId, existing.id));
  if (input.items.length)
    await ctx.tx.insert(s.feedbackItems).values(itemRows(ctx, existing.id, input.items));
  return updated;
}

/** What must hold before a candidate sees feedback; each problem names its field. */
function publishProblems(
  items: { kind: string; reasonId: string | null; nextStep: string | null }[],
): FieldErrors {
  const errors: FieldErrors = {};
  if (items.length === 0) errors.items = ["add at least one point before publishing"];
  items.forEach((item, i) => {
    if (item.kind !== "gap") return;
    if (!item.reasonId) errors[`items.${i}.reasonId`] = ["a gap needs a rejection reason"];
    if (!item.nextStep) errors[`items.${i}.nextStep`] = ["a gap needs a suggested next step"];
  });
  return errors;
}

export async function publish({
  ctx,
  input,
}: {
  ctx: ProtectedContext;
  input: { feedbackId: string; version: number };
}) {
  const fb = await ctx.tx.query.feedback.findFirst({
    where: eq(s.feedback.id, input.feedbackId),
    with: { items: { orderBy: [asc(s.feedbackItems.position)] } },
  });
  if (!fb) throw notFound("Feedback");
  const interview = await loadRejectedInterview(ctx, fb.interviewId);
  if (fb.version !== input.version) throw conflict();
  if (fb.status !== "draft")
    throw new DomainError("BAD_REQUEST", `This feedback is already ${fb.status.replace("_", " ")}`);
  if (interview.requireApproval) {
    throw new DomainError(
      "BAD_REQUEST",
      "Your agency requires a second consultant to approve feedback before it is published",
    );
  }
  const problems = publishProblems(fb.items);
  if (Object.keys(problems).length) {
    throw new DomainError("BAD_REQUEST", "Some points need attention before publishing", problems);
  }
  const now = new Date();
  const [published] = await ctx.tx
    .update(s.feedback)
    .set({
      status: "published",
      publishedAt: now,
      // A raw Date in sql`` reaches the driver unserialised (drizzle maps only column values).
      firstPublishedAt: sql`coalesce(${s.feedback.firstPublishedAt}, ${now.toISOString()}::timestamptz)`,
      version: sql`${s.feedback.version} + 1`,
    })
    .where(and(eq(s.feedback.id, fb.id), eq(s.feedback.version, input.version)))
    .returning({
      id: s.feedback.id,
      version: s.feedback.version,
      publishedAt: s.feedback.publishedAt,
    });
  if (!published?.publishedAt) throw conflict();
  await recordAudit(ctx, { action: "feedback.published", entityType: "feedback", entityId: fb.id });
  if (interview.candidateUserId) {
    // In-app notice now; the outbox row lets the worker send email later, in the same transaction.
    await ctx.tx.insert(s.notifications).values({
      agencyId: ctx.user.agencyId,
      userId: interview.candidateUserId,
      kind: "feedback.published",
      title: `Feedback on your ${interview.jobTitle} interview`,
      link: `/feedback/${fb.id}`,
    });
    await ctx.tx.insert(s.outbox).values({
      agencyId: ctx.user.agencyId,
      topic: "feedback.published",
      payload: { feedbackId: fb.id, userId: interview.candidateUserId },
    });
  }
  return { id: published.id, version: published.version, publishedAt: published.publishedAt };
}

export async function listTaxonomy({ ctx }: { ctx: ProtectedContext }) {
  const [competencies, reasons] = await Promise.all([
    ctx.tx
      .select({ id: s.competencies.id, name: s.competencies.name })
      .from(s.competencies)
      .where(isNull(s.competencies.archivedAt))
      .orderBy(asc(s.competencies.name)),
    ctx.tx
      .select({ id: s.reasons.id, label: s.reasons.label })
      .from(s.reasons)
      .where(isNull(s.reasons.archivedAt))
      .orderBy(asc(s.reasons.label)),
  ]);
  return { competencies, reasons };
}
