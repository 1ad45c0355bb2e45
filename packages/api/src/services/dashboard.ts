// The consultant's day at a glance: drafts, approvals, candidates' questions, goal progress.
import {
  aliasedTable,
  and,
  desc,
  eq,
  gt,
  isNull,
  ne,
  notInArray,
  or,
  schema as s,
  sql,
} from "@debrief/db";
import type { ProtectedContext } from "../trpc";

const DAY = 86_400_000;
// Erasure removes a candidate's records; this keeps a tombstone off the dashboard regardless.
const live = isNull(s.candidates.erasedAt);

export async function overview({ ctx }: { ctx: ProtectedContext }) {
  const me = ctx.user.id;
  const mine = ctx.user.role === "admin" ? undefined : eq(s.interviews.consultantId, me);
  const author = aliasedTable(s.users, "author");

  // Drafts, approvals and goals are read through partial indexes matching their filters
  // (feedback_draft_author_idx, feedback_in_review_idx, goals_agency_updated_idx): the enum tests
  // cannot be index conditions under row-level security (see docs/architecture.md), and they are
  // SQL literals, not parameters, so that a prepared statement's generic plan can use them too.
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
    .where(and(sql`${s.feedback.status} = 'draft'`, eq(s.feedback.authorId, me), live))
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
        sql`${s.feedback.status} = 'in_review'`,
        ne(s.feedback.authorId, me),
        // Nor what I submitted myself: approval is for a second person (see feedback.approve).
        or(isNull(s.feedback.lastEditedById), ne(s.feedback.lastEditedById, me)),
        live,
      ),
    )
    .orderBy(s.feedback.submittedAt)
    .limit(10);

  // A question is waiting when the thread's latest message came from the candidate. The latest
  // message of each thread comes from clarification_messages_latest_idx (index only, no sort);
  // "from the candidate" is tested as "not from staff" against the agency's few staff
  // (users_staff_idx) rather than looking up every author among all the agency's users — the
  // same thing, as every author is a user of the agency (composite foreign key). Ordered
  // oldest first before the joins, so the consultant's ten are found by walking the oldest
  // threads instead of joining every thread of the agency (measured on the large agency: 45 ms →
  // 12 ms).
  const m = s.clarificationMessages;
  const newest = ctx.tx
    .selectDistinctOn([m.feedbackId], {
      id: m.id,
      feedbackId: m.feedbackId,
      authorId: m.authorId,
      createdAt: m.createdAt,
    })
    .from(m)
    .orderBy(m.feedbackId, desc(m.createdAt))
    .as("newest");
  const staff = ctx.tx
    .select({ id: s.users.id })
    .from(s.users)
    .where(sql`${s.users.role} <> 'candidate'`);
  const waiting = ctx.tx
    .select({ id: newest.id, feedbackId: newest.feedbackId, createdAt: newest.createdAt })
    .from(newest)
    .where(notInArray(newest.authorId, staff))
    .orderBy(newest.createdAt)
    .as("waiting");
  const questions = await ctx.tx
    .select({
      interviewId: s.feedback.interviewId,
      feedbackId: s.feedback.id,
      candidateId: s.candidates.id,
      candidateName: s.candidates.name,
      jobTitle: s.jobs.title,
      question: m.body,
      askedAt: waiting.createdAt,
    })
    .from(waiting)
    .innerJoin(m, eq(m.id, waiting.id))
    .innerJoin(s.feedback, eq(s.feedback.id, waiting.feedbackId))
    .innerJoin(s.interviews, eq(s.interviews.id, s.feedback.interviewId))
    .innerJoin(s.candidates, eq(s.candidates.id, s.interviews.candidateId))
    .innerJoin(s.jobs, eq(s.jobs.id, s.interviews.jobId))
    .where(and(mine, live))
    .orderBy(waiting.createdAt)
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
