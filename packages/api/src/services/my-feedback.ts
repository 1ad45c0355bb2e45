// The candidate's view: only their own records, only feedback that has been published to them.
import { aliasedTable, and, desc, eq, isNull, schema as s, sql } from "@debrief/db";
import { type FeedbackView, type InboxEntry, lenses } from "@debrief/validators";
import { notFound } from "../errors";
import type { ProtectedContext } from "../trpc";

async function myCandidateId(ctx: ProtectedContext): Promise<string | null> {
  const [row] = await ctx.tx
    .select({ id: s.candidates.id })
    .from(s.candidates)
    .where(eq(s.candidates.userId, ctx.user.id));
  return row?.id ?? null;
}

const mine = (candidateId: string) =>
  and(eq(s.interviews.candidateId, candidateId), eq(s.feedback.status, "published"));

export async function listMine({ ctx }: { ctx: ProtectedContext }): Promise<InboxEntry[]> {
  const candidateId = await myCandidateId(ctx);
  if (!candidateId) return [];
  const rows = await ctx.tx
    .select({
      id: s.feedback.id,
      jobTitle: s.jobs.title,
      clientName: s.clients.name,
      stage: s.interviews.stage,
      publishedAt: s.feedback.publishedAt,
      readAt: s.feedback.readAt,
      strengths: sql<number>`(select count(*)::int from ${s.feedbackItems} fi where fi.feedback_id = ${s.feedback.id} and fi.kind = 'strength')`,
      gaps: sql<number>`(select count(*)::int from ${s.feedbackItems} fi where fi.feedback_id = ${s.feedback.id} and fi.kind = 'gap')`,
    })
    .from(s.feedback)
    .innerJoin(s.interviews, eq(s.interviews.id, s.feedback.interviewId))
    .innerJoin(s.jobs, eq(s.jobs.id, s.interviews.jobId))
    .innerJoin(s.clients, eq(s.clients.id, s.jobs.clientId))
    .where(mine(candidateId))
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
}): Promise<FeedbackView> {
  const candidateId = await myCandidateId(ctx);
  if (!candidateId) throw notFound("Feedback");
  const author = aliasedTable(s.users, "author");
  const [fb] = await ctx.tx
    .select({
      id: s.feedback.id,
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
    })
    .from(s.feedback)
    .innerJoin(s.interviews, eq(s.interviews.id, s.feedback.interviewId))
    .innerJoin(s.jobs, eq(s.jobs.id, s.interviews.jobId))
    .innerJoin(s.clients, eq(s.clients.id, s.jobs.clientId))
    .innerJoin(author, eq(author.id, s.feedback.authorId))
    .where(and(eq(s.feedback.id, input.id), mine(candidateId)));
  if (!fb) throw notFound("Feedback");
  const items = await ctx.tx
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
    .where(eq(s.feedbackItems.feedbackId, fb.id));
  items.sort(
    (a, b) =>
      (lensOrder.get(a.lens) ?? 0) - (lensOrder.get(b.lens) ?? 0) ||
      (a.kind === b.kind ? 0 : a.kind === "strength" ? -1 : 1) ||
      a.position - b.position,
  );
  return { ...fb, items: items.map(({ position: _, ...item }) => item) };
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
