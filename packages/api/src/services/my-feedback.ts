// The candidate's view: only their own records, only feedback that has been published to them.
import { aliasedTable, and, asc, desc, eq, inArray, isNull, schema as s, sql } from "@debrief/db";
import {
  type AcknowledgeInput,
  type AskQuestionInput,
  type InboxEntry,
  type ItemResponse,
  lenses,
  type MyFeedbackView,
  type RespondToItemInput,
} from "@debrief/validators";
import { DomainError, notFound } from "../errors";
import type { ProtectedContext } from "../trpc";
import { recordAudit } from "./audit";
import { notifyUser } from "./notify";

/** The candidate record of the signed-in candidate user; null if the agency has none for them. */
export async function myCandidateId(ctx: ProtectedContext): Promise<string | null> {
  const [row] = await ctx.tx
    .select({ id: s.candidates.id })
    .from(s.candidates)
    .where(eq(s.candidates.userId, ctx.user.id));
  return row?.id ?? null;
}

const mine = (candidateId: string) =>
  and(eq(s.interviews.candidateId, candidateId), eq(s.feedback.status, "published"));

/**
 * The signed-in user's candidate record joined in (candidates.user_id is unique), rather than
 * looked up first: the inbox and the feedback page are one round trip shorter. No candidate record
 * means no rows.
 */
const myCandidate = (ctx: ProtectedContext) =>
  and(eq(s.candidates.id, s.interviews.candidateId), eq(s.candidates.userId, ctx.user.id));

export async function listMine({ ctx }: { ctx: ProtectedContext }): Promise<InboxEntry[]> {
  const rows = await ctx.tx
    .select({
      id: s.feedback.id,
      jobTitle: s.jobs.title,
      clientName: s.clients.name,
      stage: s.interviews.stage,
      publishedAt: s.feedback.publishedAt,
      readAt: s.feedback.readAt,
      revisedAt:
        sql<Date | null>`(select max(r.created_at) from ${s.feedbackRevisions} r where r.feedback_id = ${s.feedback.id})`.mapWith(
          (v: string | null) => (v ? new Date(v) : null),
        ),
      strengths: sql<number>`(select count(*)::int from ${s.feedbackItems} fi where fi.feedback_id = ${s.feedback.id} and fi.kind = 'strength')`,
      gaps: sql<number>`(select count(*)::int from ${s.feedbackItems} fi where fi.feedback_id = ${s.feedback.id} and fi.kind = 'gap')`,
    })
    .from(s.feedback)
    .innerJoin(s.interviews, eq(s.interviews.id, s.feedback.interviewId))
    .innerJoin(s.jobs, eq(s.jobs.id, s.interviews.jobId))
    .innerJoin(s.clients, eq(s.clients.id, s.jobs.clientId))
    .innerJoin(s.candidates, myCandidate(ctx))
    .where(eq(s.feedback.status, "published"))
    .orderBy(desc(s.feedback.publishedAt))
    .limit(100);
  return rows.map(({ readAt, publishedAt, ...row }) => ({
    ...row,
    publishedAt: publishedAt ?? new Date(0),
    read: readAt !== null,
  }));
}

const lensOrder = new Map(lenses.map((l, i) => [l, i]));

export async function getMine({
  ctx,
  input,
}: {
  ctx: ProtectedContext;
  input: { id: string };
}): Promise<MyFeedbackView> {
  const author = aliasedTable(s.users, "author");
  const [fb] = await ctx.tx
    .select({
      id: s.feedback.id,
      candidateId: s.candidates.id,
      summary: s.feedback.summary,
      publishedAt: s.feedback.publishedAt,
      revisedAt:
        sql<Date | null>`(select max(r.created_at) from ${s.feedbackRevisions} r where r.feedback_id = ${s.feedback.id})`.mapWith(
          (v: string | null) => (v ? new Date(v) : null),
        ),
      consultantName: author.name,
      jobTitle: s.jobs.title,
      clientName: s.clients.name,
      stage: s.interviews.stage,
      interviewDate: s.interviews.scheduledAt,
      acknowledgedAt: s.feedback.acknowledgedAt,
    })
    .from(s.feedback)
    .innerJoin(s.interviews, eq(s.interviews.id, s.feedback.interviewId))
    .innerJoin(s.candidates, myCandidate(ctx))
    .innerJoin(s.jobs, eq(s.jobs.id, s.interviews.jobId))
    .innerJoin(s.clients, eq(s.clients.id, s.jobs.clientId))
    .innerJoin(author, eq(author.id, s.feedback.authorId))
    .where(and(eq(s.feedback.id, input.id), eq(s.feedback.status, "published")));
  if (!fb) throw notFound("Feedback");
  const { candidateId, ...view } = fb;
  // The rest depends only on the feedback id: issued together, postgres.js pipelines them on the
  // transaction's connection (one round trip instead of five).
  const itemsOfThis = ctx.tx
    .select({ id: s.feedbackItems.id })
    .from(s.feedbackItems)
    .where(eq(s.feedbackItems.feedbackId, fb.id));
  const [items, responses, goals, thread, previous] = await Promise.all([
    ctx.tx
      .select({
        id: s.feedbackItems.id,
        lens: s.feedbackItems.lens,
        kind: s.feedbackItems.kind,
        competency: s.competencies.name,
        reason: s.reasons.label,
        detail: s.feedbackItems.detail,
        nextStep: s.feedbackItems.nextStep,
        position: s.feedbackItems.position,
      })
      .from(s.feedbackItems)
      .leftJoin(s.competencies, eq(s.competencies.id, s.feedbackItems.competencyId))
      .leftJoin(s.reasons, eq(s.reasons.id, s.feedbackItems.reasonId))
      .where(eq(s.feedbackItems.feedbackId, fb.id)),
    ctx.tx
      .select({
        itemId: s.itemResponses.feedbackItemId,
        helpful: s.itemResponses.helpful,
        comment: s.itemResponses.comment,
        updatedAt: s.itemResponses.updatedAt,
      })
      .from(s.itemResponses)
      .where(
        and(
          eq(s.itemResponses.candidateId, candidateId),
          inArray(s.itemResponses.feedbackItemId, itemsOfThis),
        ),
      ),
    ctx.tx
      .select({
        itemId: s.goalItems.feedbackItemId,
        goalId: s.goals.id,
        title: s.goals.title,
        status: s.goals.status,
      })
      .from(s.goalItems)
      .innerJoin(s.goals, eq(s.goals.id, s.goalItems.goalId))
      .innerJoin(s.actionPlans, eq(s.actionPlans.id, s.goals.actionPlanId))
      .where(
        and(
          eq(s.actionPlans.candidateId, candidateId),
          inArray(s.goalItems.feedbackItemId, itemsOfThis),
        ),
      )
      .orderBy(asc(s.goals.createdAt)),
    threadOf(ctx, fb.id),
    previousVersion(ctx, fb.id),
  ]);
  items.sort(
    (a, b) =>
      (lensOrder.get(a.lens) ?? 0) - (lensOrder.get(b.lens) ?? 0) ||
      (a.kind === b.kind ? 0 : a.kind === "strength" ? -1 : 1) ||
      a.position - b.position,
  );
  return {
    ...view,
    items: items.map(({ position: _, ...item }) => item),
    responses,
    thread,
    previous,
    goals,
  };
}

/** The text as it stood before the latest revision (what the candidate first read), if any. */
async function previousVersion(ctx: ProtectedContext, feedbackId: string) {
  const [revision] = await ctx.tx
    .select({ summary: s.feedbackRevisions.summary, items: s.feedbackRevisions.items })
    .from(s.feedbackRevisions)
    .where(eq(s.feedbackRevisions.feedbackId, feedbackId))
    .orderBy(desc(s.feedbackRevisions.version))
    .limit(1);
  if (!revision) return null;
  const items = (revision.items as { detail: string; nextStep: string | null }[]).map((i) => ({
    detail: i.detail,
    nextStep: i.nextStep ?? null,
  }));
  return { summary: revision.summary, items };
}

async function threadOf(ctx: ProtectedContext, feedbackId: string) {
  const rows = await ctx.tx
    .select({
      id: s.clarificationMessages.id,
      body: s.clarificationMessages.body,
      createdAt: s.clarificationMessages.createdAt,
      authorId: s.clarificationMessages.authorId,
      authorName: s.users.name,
    })
    .from(s.clarificationMessages)
    .innerJoin(s.users, eq(s.users.id, s.clarificationMessages.authorId))
    .where(eq(s.clarificationMessages.feedbackId, feedbackId))
    .orderBy(asc(s.clarificationMessages.createdAt), asc(s.clarificationMessages.id));
  return rows.map(({ authorId, ...m }) => ({ ...m, mine: authorId === ctx.user.id }));
}

/** One of my published feedback, with what a response needs to know; NOT_FOUND otherwise. */
async function myPublishedFeedback(ctx: ProtectedContext, feedbackId: string) {
  const candidateId = await myCandidateId(ctx);
  if (!candidateId) throw notFound("Feedback");
  const [fb] = await ctx.tx
    .select({
      id: s.feedback.id,
      acknowledgedAt: s.feedback.acknowledgedAt,
      readAt: s.feedback.readAt,
      consultantId: s.interviews.consultantId,
      jobTitle: s.jobs.title,
      candidateId: s.interviews.candidateId,
    })
    .from(s.feedback)
    .innerJoin(s.interviews, eq(s.interviews.id, s.feedback.interviewId))
    .innerJoin(s.jobs, eq(s.jobs.id, s.interviews.jobId))
    .where(and(eq(s.feedback.id, feedbackId), mine(candidateId)));
  if (!fb) throw notFound("Feedback");
  return fb;
}

/** "Was this helpful?": one answer per item and candidate, changed by answering again. */
export async function respond({
  ctx,
  input,
}: {
  ctx: ProtectedContext;
  input: RespondToItemInput;
}): Promise<ItemResponse> {
  const candidateId = await myCandidateId(ctx);
  if (!candidateId) throw notFound("Feedback point");
  const [item] = await ctx.tx
    .select({ id: s.feedbackItems.id })
    .from(s.feedbackItems)
    .innerJoin(s.feedback, eq(s.feedback.id, s.feedbackItems.feedbackId))
    .innerJoin(s.interviews, eq(s.interviews.id, s.feedback.interviewId))
    .where(and(eq(s.feedbackItems.id, input.itemId), mine(candidateId)));
  if (!item) throw notFound("Feedback point");
  const values = { helpful: input.helpful, comment: input.comment ?? null };
  const [row] = await ctx.tx
    .insert(s.itemResponses)
    .values({ agencyId: ctx.user.agencyId, feedbackItemId: item.id, candidateId, ...values })
    .onConflictDoUpdate({
      target: [
        s.itemResponses.agencyId,
        s.itemResponses.feedbackItemId,
        s.itemResponses.candidateId,
      ],
      set: { ...values, updatedAt: new Date() },
    })
    .returning({
      itemId: s.itemResponses.feedbackItemId,
      helpful: s.itemResponses.helpful,
      comment: s.itemResponses.comment,
      updatedAt: s.itemResponses.updatedAt,
    });
  if (!row) throw new Error("upsert returned no row");
  return row;
}

/** Acknowledging happens once: the first time is kept, later ones change nothing. */
export async function acknowledge({
  ctx,
  input,
}: {
  ctx: ProtectedContext;
  input: AcknowledgeInput;
}) {
  const fb = await myPublishedFeedback(ctx, input.feedbackId);
  if (fb.acknowledgedAt) return { id: fb.id, acknowledgedAt: fb.acknowledgedAt };
  const now = new Date();
  const [row] = await ctx.tx
    .update(s.feedback)
    .set({ acknowledgedAt: now, readAt: fb.readAt ?? now })
    .where(and(eq(s.feedback.id, fb.id), isNull(s.feedback.acknowledgedAt)))
    .returning({ id: s.feedback.id, acknowledgedAt: s.feedback.acknowledgedAt });
  // A concurrent acknowledgement won the race: theirs is the one kept.
  if (!row?.acknowledgedAt) {
    const [kept] = await ctx.tx
      .select({ acknowledgedAt: s.feedback.acknowledgedAt })
      .from(s.feedback)
      .where(eq(s.feedback.id, fb.id));
    return { id: fb.id, acknowledgedAt: kept?.acknowledgedAt ?? now };
  }
  await recordAudit(ctx, {
    action: "feedback.acknowledged",
    entityType: "feedback",
    entityId: fb.id,
  });
  return { id: row.id, acknowledgedAt: row.acknowledgedAt };
}

/** A clarifying question: the interview's consultant is told in-app and through the outbox. */
export async function ask({ ctx, input }: { ctx: ProtectedContext; input: AskQuestionInput }) {
  const fb = await myPublishedFeedback(ctx, input.feedbackId);
  const [message] = await ctx.tx
    .insert(s.clarificationMessages)
    .values({
      agencyId: ctx.user.agencyId,
      feedbackId: fb.id,
      authorId: ctx.user.id,
      body: input.body,
    })
    .returning({ id: s.clarificationMessages.id, createdAt: s.clarificationMessages.createdAt });
  if (!message) throw new DomainError("CONFLICT", "Your question could not be saved");
  // Ids only: the question's text stays out of the audit trail and the outbox.
  await recordAudit(ctx, {
    action: "clarification.asked",
    entityType: "feedback",
    entityId: fb.id,
    metadata: { messageId: message.id },
  });
  await notifyUser(ctx, {
    userId: fb.consultantId,
    kind: "clarification.asked",
    title: `${ctx.user.name} asked a question about their ${fb.jobTitle} feedback`,
    link: `/candidates/${fb.candidateId}#thread-${fb.id}`,
  });
  return message;
}

/** First opening marks it read; later ones change nothing. */
export async function markRead({ ctx, input }: { ctx: ProtectedContext; input: { id: string } }) {
  const candidateId = await myCandidateId(ctx);
  if (!candidateId) throw notFound("Feedback");
  const [fb] = await ctx.tx
    .select({ id: s.feedback.id, readAt: s.feedback.readAt })
    .from(s.feedback)
    .innerJoin(s.interviews, eq(s.interviews.id, s.feedback.interviewId))
    .where(and(eq(s.feedback.id, input.id), mine(candidateId)));
  if (!fb) throw notFound("Feedback");
  if (!fb.readAt) {
    await ctx.tx
      .update(s.feedback)
      .set({ readAt: new Date() })
      .where(and(eq(s.feedback.id, fb.id), isNull(s.feedback.readAt)));
  }
  return { id: fb.id };
}
