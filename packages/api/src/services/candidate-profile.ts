// The consultant's page for one candidate: interviews and feedback with the candidate's ratings
// and questions, and the action plans they built from it.
import { aliasedTable, and, asc, desc, eq, inArray, isNull, schema as s, sql } from "@debrief/db";
import type { CandidateProfile, ProfileFeedback, ProfilePlan } from "@debrief/validators";
import { notFound } from "../errors";
import type { ProtectedContext } from "../trpc";

// A candidate's whole history fits on one page; the cap only guards against a runaway record.
const MAX_INTERVIEWS = 200;
const MAX_PLANS = 50;

function groupBy<T, K>(rows: T[], key: (row: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const row of rows) {
    const k = key(row);
    const group = groups.get(k);
    if (group) group.push(row);
    else groups.set(k, [row]);
  }
  return groups;
}

export async function get({
  ctx,
  input,
}: {
  ctx: ProtectedContext;
  input: { id: string };
}): Promise<CandidateProfile> {
  const [candidate] = await ctx.tx
    .select({
      id: s.candidates.id,
      name: s.candidates.name,
      email: s.candidates.email,
      headline: s.candidates.headline,
      ownerName: s.users.name,
      hasLogin: sql<boolean>`${s.candidates.userId} is not null`,
    })
    .from(s.candidates)
    .innerJoin(s.users, eq(s.users.id, s.candidates.ownerId))
    .where(and(eq(s.candidates.id, input.id), isNull(s.candidates.erasedAt)));
  if (!candidate) throw notFound("Candidate");

  const [interviews, plans] = await Promise.all([
    loadInterviews(ctx, candidate.id),
    loadPlans(ctx, candidate.id),
  ]);
  return { candidate, interviews, plans };
}

async function loadInterviews(ctx: ProtectedContext, candidateId: string) {
  const consultant = aliasedTable(s.users, "consultant");
  const rows = await ctx.tx
    .select({
      id: s.interviews.id,
      jobTitle: s.jobs.title,
      clientName: s.clients.name,
      stage: s.interviews.stage,
      scheduledAt: s.interviews.scheduledAt,
      outcome: s.interviews.outcome,
      outcomeAt: s.interviews.outcomeAt,
      consultantName: consultant.name,
      feedbackId: s.feedback.id,
      feedbackStatus: s.feedback.status,
      publishedAt: s.feedback.publishedAt,
      readAt: s.feedback.readAt,
      acknowledgedAt: s.feedback.acknowledgedAt,
    })
    .from(s.interviews)
    .innerJoin(s.jobs, eq(s.jobs.id, s.interviews.jobId))
    .innerJoin(s.clients, eq(s.clients.id, s.jobs.clientId))
    .innerJoin(consultant, eq(consultant.id, s.interviews.consultantId))
    .leftJoin(s.feedback, eq(s.feedback.interviewId, s.interviews.id))
    .where(eq(s.interviews.candidateId, candidateId))
    .orderBy(desc(s.interviews.scheduledAt), desc(s.interviews.id))
    .limit(MAX_INTERVIEWS);

  const feedbackIds = rows.flatMap((r) => (r.feedbackId ? [r.feedbackId] : []));
  const feedback = await loadFeedbackDetails(ctx, candidateId, feedbackIds);

  return rows.map(
    ({ feedbackId, feedbackStatus, publishedAt, readAt, acknowledgedAt, ...interview }) => {
      const details = feedbackId ? feedback.get(feedbackId) : undefined;
      const thread = details?.thread ?? [];
      return {
        ...interview,
        feedback:
          feedbackId && feedbackStatus
            ? {
                id: feedbackId,
                status: feedbackStatus,
                publishedAt,
                readAt,
                acknowledgedAt,
                ratings: details?.ratings ?? { items: 0, helpful: 0, notHelpful: 0, comments: [] },
                thread,
                awaitingAnswer: thread.at(-1)?.authorRole === "candidate",
              }
            : null,
      };
    },
  );
}

/** Per feedback: how the candidate rated its points, and the clarification thread. */
async function loadFeedbackDetails(
  ctx: ProtectedContext,
  candidateId: string,
  feedbackIds: string[],
): Promise<Map<string, Pick<ProfileFeedback, "ratings" | "thread">>> {
  const details = new Map<string, Pick<ProfileFeedback, "ratings" | "thread">>();
  if (!feedbackIds.length) return details;

  const [items, responses, messages] = await Promise.all([
    ctx.tx
      .select({ feedbackId: s.feedbackItems.feedbackId, n: sql<number>`count(*)::int` })
      .from(s.feedbackItems)
      .where(inArray(s.feedbackItems.feedbackId, feedbackIds))
      .groupBy(s.feedbackItems.feedbackId),
    ctx.tx
      .select({
        feedbackId: s.feedbackItems.feedbackId,
        itemId: s.feedbackItems.id,
        kind: s.feedbackItems.kind,
        detail: s.feedbackItems.detail,
        helpful: s.itemResponses.helpful,
        comment: s.itemResponses.comment,
      })
      .from(s.itemResponses)
      .innerJoin(s.feedbackItems, eq(s.feedbackItems.id, s.itemResponses.feedbackItemId))
      .where(
        and(
          inArray(s.feedbackItems.feedbackId, feedbackIds),
          eq(s.itemResponses.candidateId, candidateId),
        ),
      )
      .orderBy(asc(s.feedbackItems.position), asc(s.feedbackItems.id)),
    ctx.tx
      .select({
        feedbackId: s.clarificationMessages.feedbackId,
        id: s.clarificationMessages.id,
        body: s.clarificationMessages.body,
        createdAt: s.clarificationMessages.createdAt,
        authorName: s.users.name,
        authorRole: s.users.role,
      })
      .from(s.clarificationMessages)
      .innerJoin(s.users, eq(s.users.id, s.clarificationMessages.authorId))
      .where(inArray(s.clarificationMessages.feedbackId, feedbackIds))
      .orderBy(asc(s.clarificationMessages.createdAt), asc(s.clarificationMessages.id)),
  ]);

  const itemCount = new Map(items.map((r) => [r.feedbackId, r.n]));
  const responsesOf = groupBy(responses, (r) => r.feedbackId);
  const messagesOf = groupBy(messages, (m) => m.feedbackId);
  for (const id of feedbackIds) {
    const rated = responsesOf.get(id) ?? [];
    details.set(id, {
      ratings: {
        items: itemCount.get(id) ?? 0,
        helpful: rated.filter((r) => r.helpful).length,
        notHelpful: rated.filter((r) => !r.helpful).length,
        comments: rated.flatMap(({ itemId, kind, detail, helpful, comment }) =>
          comment?.trim() ? [{ itemId, kind, detail, helpful, comment }] : [],
        ),
      },
      thread: (messagesOf.get(id) ?? []).map(({ feedbackId: _, ...m }) => m),
    });
  }
  return details;
}

async function loadPlans(ctx: ProtectedContext, candidateId: string): Promise<ProfilePlan[]> {
  const plans = await ctx.tx
    .select({
      id: s.actionPlans.id,
      title: s.actionPlans.title,
      createdAt: s.actionPlans.createdAt,
      interviewId: s.interviews.id,
      jobTitle: s.jobs.title,
    })
    .from(s.actionPlans)
    .leftJoin(s.feedback, eq(s.feedback.id, s.actionPlans.feedbackId))
    .leftJoin(s.interviews, eq(s.interviews.id, s.feedback.interviewId))
    .leftJoin(s.jobs, eq(s.jobs.id, s.interviews.jobId))
    .where(eq(s.actionPlans.candidateId, candidateId))
    .orderBy(desc(s.actionPlans.createdAt), desc(s.actionPlans.id))
    .limit(MAX_PLANS);
  if (!plans.length) return [];

  const goals = await ctx.tx
    .select({
      planId: s.goals.actionPlanId,
      id: s.goals.id,
      title: s.goals.title,
      measure: s.goals.measure,
      targetDate: s.goals.targetDate,
      status: s.goals.status,
      droppedReason: s.goals.droppedReason,
      completedAt: s.goals.completedAt,
    })
    .from(s.goals)
    .where(
      inArray(
        s.goals.actionPlanId,
        plans.map((p) => p.id),
      ),
    )
    .orderBy(asc(s.goals.position), asc(s.goals.createdAt), asc(s.goals.id));

  const goalIds = goals.map((g) => g.id);
  const [steps, items, comments] = goalIds.length
    ? await Promise.all([
        ctx.tx
          .select({
            goalId: s.goalSteps.goalId,
            total: sql<number>`count(*)::int`,
            done: sql<number>`count(${s.goalSteps.doneAt})::int`,
          })
          .from(s.goalSteps)
          .where(inArray(s.goalSteps.goalId, goalIds))
          .groupBy(s.goalSteps.goalId),
        ctx.tx
          .select({
            goalId: s.goalItems.goalId,
            id: s.feedbackItems.id,
            kind: s.feedbackItems.kind,
            detail: s.feedbackItems.detail,
          })
          .from(s.goalItems)
          .innerJoin(s.feedbackItems, eq(s.feedbackItems.id, s.goalItems.feedbackItemId))
          .where(inArray(s.goalItems.goalId, goalIds))
          .orderBy(asc(s.feedbackItems.position)),
        ctx.tx
          .select({
            goalId: s.goalComments.goalId,
            id: s.goalComments.id,
            body: s.goalComments.body,
            createdAt: s.goalComments.createdAt,
            authorName: s.users.name,
          })
          .from(s.goalComments)
          .innerJoin(s.users, eq(s.users.id, s.goalComments.authorId))
          .where(inArray(s.goalComments.goalId, goalIds))
          .orderBy(asc(s.goalComments.createdAt), asc(s.goalComments.id)),
      ])
    : [[], [], []];

  const stepsOf = new Map(steps.map((r) => [r.goalId, r]));
  const itemsOf = groupBy(items, (i) => i.goalId);
  const commentsOf = groupBy(comments, (c) => c.goalId);
  const goalsOf = groupBy(
    goals.map(({ planId, ...goal }) => ({
      planId,
      goal: {
        ...goal,
        stepsDone: stepsOf.get(goal.id)?.done ?? 0,
        stepsTotal: stepsOf.get(goal.id)?.total ?? 0,
        items: (itemsOf.get(goal.id) ?? []).map(({ goalId: _, ...i }) => i),
        comments: (commentsOf.get(goal.id) ?? []).map(({ goalId: _, ...c }) => c),
      },
    })),
    (g) => g.planId,
  );
  return plans.map((plan) => ({
    ...plan,
    goals: (goalsOf.get(plan.id) ?? []).map((g) => g.goal),
  }));
}
