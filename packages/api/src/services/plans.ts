// The candidate's action plans: goals made from feedback gaps, their steps and status.
import { and, asc, desc, eq, inArray, ne, schema as s, sql } from "@debrief/db";
import {
  type AddStepInput,
  type CreateGoalFromItemInput,
  goalProgress,
  type PlanOutput,
  type RemoveStepInput,
  type SetGoalStatusInput,
  suggestGoal,
  type ToggleStepInput,
  type UpdateGoalInput,
} from "@debrief/validators";
import { DomainError, notFound } from "../errors";
import type { ProtectedContext } from "../trpc";
import { recordAudit } from "./audit";
import { myCandidateId } from "./my-feedback";
import { notifyUser } from "./notify";

/** Enough for a real plan; a bound so one goal cannot grow without limit. */
const MAX_STEPS = 30;

async function requireCandidateId(ctx: ProtectedContext, what: string) {
  const id = await myCandidateId(ctx);
  if (!id) throw notFound(what);
  return id;
}

export async function list({ ctx }: { ctx: ProtectedContext }): Promise<PlanOutput[]> {
  const candidateId = await myCandidateId(ctx);
  if (!candidateId) return [];
  const plans = await ctx.tx
    .select({
      id: s.actionPlans.id,
      title: s.actionPlans.title,
      createdAt: s.actionPlans.createdAt,
      feedbackId: s.feedback.id,
      jobTitle: s.jobs.title,
      clientName: s.clients.name,
    })
    .from(s.actionPlans)
    // Only feedback still published to the candidate is named; a retracted one is not.
    .leftJoin(
      s.feedback,
      and(eq(s.feedback.id, s.actionPlans.feedbackId), eq(s.feedback.status, "published")),
    )
    .leftJoin(s.interviews, eq(s.interviews.id, s.feedback.interviewId))
    .leftJoin(s.jobs, eq(s.jobs.id, s.interviews.jobId))
    .leftJoin(s.clients, eq(s.clients.id, s.jobs.clientId))
    .where(eq(s.actionPlans.candidateId, candidateId))
    .orderBy(desc(s.actionPlans.createdAt), desc(s.actionPlans.id))
    .limit(100);
  const planIds = plans.map((p) => p.id);
  if (planIds.length === 0) return [];

  const goals = await ctx.tx
    .select({
      id: s.goals.id,
      planId: s.goals.actionPlanId,
      title: s.goals.title,
      measure: s.goals.measure,
      targetDate: s.goals.targetDate,
      status: s.goals.status,
      droppedReason: s.goals.droppedReason,
      completedAt: s.goals.completedAt,
      createdAt: s.goals.createdAt,
    })
    .from(s.goals)
    .where(inArray(s.goals.actionPlanId, planIds))
    .orderBy(asc(s.goals.position), asc(s.goals.createdAt));
  const goalIds = goals.map((g) => g.id);

  const steps = goalIds.length
    ? await ctx.tx
        .select({
          id: s.goalSteps.id,
          goalId: s.goalSteps.goalId,
          title: s.goalSteps.title,
          dueDate: s.goalSteps.dueDate,
          doneAt: s.goalSteps.doneAt,
        })
        .from(s.goalSteps)
        .where(inArray(s.goalSteps.goalId, goalIds))
        .orderBy(asc(s.goalSteps.position), asc(s.goalSteps.createdAt))
    : [];
  const items = goalIds.length
    ? await ctx.tx
        .select({
          goalId: s.goalItems.goalId,
          id: s.feedbackItems.id,
          feedbackId: s.feedbackItems.feedbackId,
          kind: s.feedbackItems.kind,
          detail: s.feedbackItems.detail,
          nextStep: s.feedbackItems.nextStep,
        })
        .from(s.goalItems)
        .innerJoin(s.feedbackItems, eq(s.feedbackItems.id, s.goalItems.feedbackItemId))
        .innerJoin(s.feedback, eq(s.feedback.id, s.feedbackItems.feedbackId))
        .innerJoin(s.interviews, eq(s.interviews.id, s.feedback.interviewId))
        .where(
          and(
            inArray(s.goalItems.goalId, goalIds),
            eq(s.feedback.status, "published"),
            eq(s.interviews.candidateId, candidateId),
          ),
        )
        .orderBy(asc(s.feedbackItems.position))
    : [];
  const comments = goalIds.length
    ? await ctx.tx
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
        .orderBy(asc(s.goalComments.createdAt), asc(s.goalComments.id))
    : [];

  const byGoal = <T extends { goalId: string }>(rows: T[]) => {
    const map = new Map<string, Omit<T, "goalId">[]>();
    for (const { goalId, ...rest } of rows) {
      const list = map.get(goalId) ?? [];
      list.push(rest);
      map.set(goalId, list);
    }
    return map;
  };
  const stepsOf = byGoal(steps);
  const itemsOf = byGoal(items);
  const commentsOf = byGoal(comments);

  return plans.map((plan) => ({
    ...plan,
    goals: goals
      .filter((g) => g.planId === plan.id)
      .map(({ planId: _, ...goal }) => {
        const goalSteps = stepsOf.get(goal.id) ?? [];
        const progress = goalProgress(goalSteps);
        return {
          ...goal,
          steps: goalSteps,
          stepsDone: progress.done,
          stepsTotal: progress.total,
          progress: progress.percent,
          items: itemsOf.get(goal.id) ?? [],
          comments: commentsOf.get(goal.id) ?? [],
        };
      }),
  }));
}

/**
 * One step from a gap to a goal: the plan for that feedback is created if there is none, the goal
 * takes the item's suggestion for any field left out, and is linked to the item.
 */
export async function createGoalFromItem({
  ctx,
  input,
}: {
  ctx: ProtectedContext;
  input: CreateGoalFromItemInput;
}) {
  const candidateId = await requireCandidateId(ctx, "Feedback point");
  const [item] = await ctx.tx
    .select({
      id: s.feedbackItems.id,
      feedbackId: s.feedback.id,
      kind: s.feedbackItems.kind,
      lens: s.feedbackItems.lens,
      detail: s.feedbackItems.detail,
      nextStep: s.feedbackItems.nextStep,
      jobTitle: s.jobs.title,
      clientName: s.clients.name,
    })
    .from(s.feedbackItems)
    .innerJoin(s.feedback, eq(s.feedback.id, s.feedbackItems.feedbackId))
    .innerJoin(s.interviews, eq(s.interviews.id, s.feedback.interviewId))
    .innerJoin(s.jobs, eq(s.jobs.id, s.interviews.jobId))
    .innerJoin(s.clients, eq(s.clients.id, s.jobs.clientId))
    .where(
      and(
        eq(s.feedbackItems.id, input.itemId),
        eq(s.interviews.candidateId, candidateId),
        eq(s.feedback.status, "published"),
      ),
    );
  if (!item) throw notFound("Feedback point");
  if (item.kind !== "gap") {
    throw new DomainError("BAD_REQUEST", "Only a point to work on can become a goal", {
      itemId: ["only a point to work on can become a goal"],
    });
  }
  // One plan per feedback, and one open goal per point, even when two clicks race.
  await ctx.tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${item.feedbackId}, 0))`);
  const [existing] = await ctx.tx
    .select({ id: s.goals.id })
    .from(s.goalItems)
    .innerJoin(s.goals, eq(s.goals.id, s.goalItems.goalId))
    .innerJoin(s.actionPlans, eq(s.actionPlans.id, s.goals.actionPlanId))
    .where(
      and(
        eq(s.goalItems.feedbackItemId, item.id),
        eq(s.actionPlans.candidateId, candidateId),
        ne(s.goals.status, "dropped"),
      ),
    );
  if (existing) {
    throw new DomainError("CONFLICT", "You already have a goal for this point", {
      itemId: ["you already have a goal for this point"],
    });
  }

  let [plan] = await ctx.tx
    .select({ id: s.actionPlans.id })
    .from(s.actionPlans)
    .where(
      and(
        eq(s.actionPlans.candidateId, candidateId),
        eq(s.actionPlans.feedbackId, item.feedbackId),
      ),
    )
    .orderBy(asc(s.actionPlans.createdAt))
    .limit(1);
  if (!plan) {
    [plan] = await ctx.tx
      .insert(s.actionPlans)
      .values({
        agencyId: ctx.user.agencyId,
        candidateId,
        feedbackId: item.feedbackId,
        title: `After ${item.jobTitle} at ${item.clientName}`,
      })
      .returning({ id: s.actionPlans.id });
    if (!plan) throw new Error("insert returned no row");
  }
  const planId = plan.id;

  const suggestion = suggestGoal(item);
  const [{ next } = { next: 0 }] = await ctx.tx
    .select({ next: sql<number>`coalesce(max(${s.goals.position}) + 1, 0)::int` })
    .from(s.goals)
    .where(eq(s.goals.actionPlanId, planId));
  const [goal] = await ctx.tx
    .insert(s.goals)
    .values({
      agencyId: ctx.user.agencyId,
      actionPlanId: planId,
      title: input.title ?? suggestion.title,
      measure: input.measure ?? suggestion.measure,
      targetDate: input.targetDate ?? suggestion.targetDate,
      position: next,
    })
    .returning({ id: s.goals.id, status: s.goals.status });
  if (!goal) throw new Error("insert returned no row");
  await ctx.tx
    .insert(s.goalItems)
    .values({ agencyId: ctx.user.agencyId, goalId: goal.id, feedbackItemId: item.id });
  await recordAudit(ctx, {
    action: "goal.created",
    entityType: "goal",
    entityId: goal.id,
    metadata: { planId, feedbackItemId: item.id },
  });
  return { id: goal.id, planId, status: goal.status };
}

/** One of my goals, with who to tell about it; NOT_FOUND for anyone else's. */
async function myGoal(ctx: ProtectedContext, goalId: string) {
  const candidateId = await requireCandidateId(ctx, "Goal");
  const [goal] = await ctx.tx
    .select({
      id: s.goals.id,
      planId: s.goals.actionPlanId,
      title: s.goals.title,
      status: s.goals.status,
      droppedReason: s.goals.droppedReason,
      completedAt: s.goals.completedAt,
      candidateId: s.candidates.id,
      ownerId: s.candidates.ownerId,
    })
    .from(s.goals)
    .innerJoin(s.actionPlans, eq(s.actionPlans.id, s.goals.actionPlanId))
    .innerJoin(s.candidates, eq(s.candidates.id, s.actionPlans.candidateId))
    .where(and(eq(s.goals.id, goalId), eq(s.actionPlans.candidateId, candidateId)));
  if (!goal) throw notFound("Goal");
  return goal;
}

export async function updateGoal({
  ctx,
  input,
}: {
  ctx: ProtectedContext;
  input: UpdateGoalInput;
}) {
  const goal = await myGoal(ctx, input.goalId);
  await ctx.tx
    .update(s.goals)
    .set({ title: input.title, measure: input.measure, targetDate: input.targetDate })
    .where(eq(s.goals.id, goal.id));
  await recordAudit(ctx, { action: "goal.updated", entityType: "goal", entityId: goal.id });
  return { id: goal.id, planId: goal.planId, status: goal.status };
}

/** Done and dropped are news for the owning consultant; dropping needs a reason (the schema). */
export async function setGoalStatus({
  ctx,
  input,
}: {
  ctx: ProtectedContext;
  input: SetGoalStatusInput;
}) {
  const goal = await myGoal(ctx, input.goalId);
  const droppedReason = input.status === "dropped" ? (input.droppedReason ?? null) : null;
  if (goal.status === input.status && goal.droppedReason === droppedReason) {
    return { id: goal.id, planId: goal.planId, status: goal.status };
  }
  const completedAt =
    input.status === "done" ? (goal.status === "done" ? goal.completedAt : new Date()) : null;
  await ctx.tx
    .update(s.goals)
    .set({ status: input.status, droppedReason, completedAt })
    .where(eq(s.goals.id, goal.id));
  await recordAudit(ctx, {
    action: "goal.status_changed",
    entityType: "goal",
    entityId: goal.id,
    metadata: { from: goal.status, to: input.status },
  });
  if (goal.status !== input.status && (input.status === "done" || input.status === "dropped")) {
    await notifyUser(ctx, {
      userId: goal.ownerId,
      kind: input.status === "done" ? "goal.done" : "goal.dropped",
      title:
        input.status === "done"
          ? `${ctx.user.name} completed the goal “${goal.title}”`
          : `${ctx.user.name} dropped the goal “${goal.title}”`,
      link: `/candidates/${goal.candidateId}#goal-${goal.id}`,
    });
  }
  return { id: goal.id, planId: goal.planId, status: input.status };
}

export async function addStep({ ctx, input }: { ctx: ProtectedContext; input: AddStepInput }) {
  const goal = await myGoal(ctx, input.goalId);
  const [{ count, next } = { count: 0, next: 0 }] = await ctx.tx
    .select({
      count: sql<number>`count(*)::int`,
      next: sql<number>`coalesce(max(${s.goalSteps.position}) + 1, 0)::int`,
    })
    .from(s.goalSteps)
    .where(eq(s.goalSteps.goalId, goal.id));
  if (count >= MAX_STEPS) {
    throw new DomainError("BAD_REQUEST", `A goal can have at most ${MAX_STEPS} steps`, {
      title: [`a goal can have at most ${MAX_STEPS} steps`],
    });
  }
  const [step] = await ctx.tx
    .insert(s.goalSteps)
    .values({
      agencyId: ctx.user.agencyId,
      goalId: goal.id,
      title: input.title,
      dueDate: input.dueDate ?? null,
      position: next,
    })
    .returning({ id: s.goalSteps.id, goalId: s.goalSteps.goalId });
  if (!step) throw new Error("insert returned no row");
  return step;
}

/** One of my goals' steps; NOT_FOUND for anyone else's. */
async function myStep(ctx: ProtectedContext, stepId: string) {
  const candidateId = await requireCandidateId(ctx, "Step");
  const [step] = await ctx.tx
    .select({
      id: s.goalSteps.id,
      goalId: s.goalSteps.goalId,
      doneAt: s.goalSteps.doneAt,
      goalStatus: s.goals.status,
    })
    .from(s.goalSteps)
    .innerJoin(s.goals, eq(s.goals.id, s.goalSteps.goalId))
    .innerJoin(s.actionPlans, eq(s.actionPlans.id, s.goals.actionPlanId))
    .where(and(eq(s.goalSteps.id, stepId), eq(s.actionPlans.candidateId, candidateId)));
  if (!step) throw notFound("Step");
  return step;
}

/** Ticking keeps the first done time; unticking clears it. A first tick starts the goal. */
export async function toggleStep({
  ctx,
  input,
}: {
  ctx: ProtectedContext;
  input: ToggleStepInput;
}) {
  const step = await myStep(ctx, input.stepId);
  await ctx.tx
    .update(s.goalSteps)
    .set({ doneAt: input.done ? (step.doneAt ?? new Date()) : null })
    .where(eq(s.goalSteps.id, step.id));
  if (input.done && step.goalStatus === "not_started") {
    await ctx.tx
      .update(s.goals)
      .set({ status: "in_progress" })
      .where(and(eq(s.goals.id, step.goalId), eq(s.goals.status, "not_started")));
  }
  return { id: step.id, goalId: step.goalId };
}

export async function removeStep({
  ctx,
  input,
}: {
  ctx: ProtectedContext;
  input: RemoveStepInput;
}) {
  const step = await myStep(ctx, input.stepId);
  await ctx.tx.delete(s.goalSteps).where(eq(s.goalSteps.id, step.id));
  return { id: step.id, goalId: step.goalId };
}
