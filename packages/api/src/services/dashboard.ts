// The consultant's day at a glance: drafts, approvals, candidates' questions, goal progress.
import { aliasedTable, and, desc, eq, gt, isNull, ne, or, schema as s, sql } from "@debrief/db";
import type { ProtectedContext } from "../trpc";

const DAY = 86_400_000;
// Erasure removes a candidate's records; this keeps a tombstone off the dashboard regardless.
const live = isNull(s.candidates.erasedAt);

export async function overview({ ctx }: { ctx: ProtectedContext }) {
  const me = ctx.user.id;
  const mine = ctx.user.role === "admin" ? undefined : eq(s.interviews.consultantId, me);
  const author = aliasedTable(s.users, "author");

  const drafts = await ctx.tx
    .select({
      interviewId: s.feedback.interviewId,
      candidateName: s.candidates.name,
      jobTitle: s.jobs.title,
      updatedAt: s.feedback.updatedAt,
      reviewComment: s.feedback.reviewComment,
    })
    .from(s.feedback)
    .innerJoin(s.interviews, eq(s.interviews.id, s.feedback.interviewId))
    .innerJoin(s.candidates, eq(s.candidates.id, s.interviews.candidateId))
    .innerJoin(s.jobs, eq(s.jobs.id, s.interviews.jobId))
    .where(and(eq(s.feedback.status, "draft"), eq(s.feedback.authorId, me), live))
    .orderBy(desc(s.feedback.updatedAt))
    .limit(10);

  const awaitingApproval = await ctx.tx
    .select({
      interviewId: s.feedback.interviewId,
      candidateName: s.candidates.name,
      jobTitle: s.jobs.title,
      authorName: author.name,
      submittedAt: s.feedback.submittedAt,
    })
    .from(s.feedback)
    .innerJoin(s.interviews, eq(s.interviews.id, s.feedback.interviewId))
    .innerJoin(s.candidates, eq(s.candidates.id, s.interviews.candidateId))
    .innerJoin(s.jobs, eq(s.jobs.id, s.interviews.jobId))
    .innerJoin(author, eq(author.id, s.feedback.authorId))
    .where(
      and(
        eq(s.feedback.status, "in_review"),
        ne(s.feedback.authorId, me),
        // Nor what I submitted myself: approval is for a second person (see feedback.approve).
        or(isNull(s.feedback.lastEditedById), ne(s.feedback.lastEditedById, me)),
        live,
      ),
    )
    .orderBy(s.feedback.submittedAt)
    .limit(10);

  // A question is waiting when the thread's latest message came from the candidate.
  const latest = ctx.tx
    .selectDistinctOn([s.clarificationMessages.feedbackId], {
      feedbackId: s.clarificationMessages.feedbackId,
      authorRole: s.users.role,
      body: s.clarificationMessages.body,
      createdAt: s.clarificationMessages.createdAt,
    })
    .from(s.clarificationMessages)
    .innerJoin(s.users, eq(s.users.id, s.clarificationMessages.authorId))
    .orderBy(s.clarificationMessages.feedbackId, desc(s.clarificationMessages.createdAt))
    .as("latest");
  const questions = await ctx.tx
    .select({
      interviewId: s.feedback.interviewId,
      feedbackId: s.feedback.id,
      candidateId: s.candidates.id,
      candidateName: s.candidates.name,
      jobTitle: s.jobs.title,
      question: latest.body,
      askedAt: latest.createdAt,
    })
    .from(latest)
    .innerJoin(s.feedback, eq(s.feedback.id, latest.feedbackId))
    .innerJoin(s.interviews, eq(s.interviews.id, s.feedback.interviewId))
    .innerJoin(s.candidates, eq(s.candidates.id, s.interviews.candidateId))
    .innerJoin(s.jobs, eq(s.jobs.id, s.interviews.jobId))
    .where(and(eq(latest.authorRole, "candidate"), mine, live))
    .orderBy(latest.createdAt)
    .limit(10);

  const goalProgress = await ctx.tx
    .select({
      candidateName: s.candidates.name,
      goal: s.goals.title,
      status: s.goals.status,
      updatedAt: s.goals.updatedAt,
      steps: sql<number>`(select count(*)::int from ${s.goalSteps} gs where gs.goal_id = ${s.goals.id})`,
      done: sql<number>`(select count(*)::int from ${s.goalSteps} gs where gs.goal_id = ${s.goals.id} and gs.done_at is not null)`,
    })
    .from(s.goals)
    .innerJoin(s.actionPlans, eq(s.actionPlans.id, s.goals.actionPlanId))
    .innerJoin(s.candidates, eq(s.candidates.id, s.actionPlans.candidateId))
    .where(
      and(
        live,
        gt(s.goals.updatedAt, new Date(Date.now() - 60 * DAY)),
        ctx.user.role === "admin" ? undefined : eq(s.candidates.ownerId, me),
      ),
    )
    .orderBy(desc(s.goals.updatedAt))
    .limit(8);

  return { drafts, awaitingApproval, questions, goalProgress };
}
