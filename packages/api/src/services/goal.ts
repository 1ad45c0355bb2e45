// Consultants following a candidate's goals: a word of encouragement on one of them.
import { eq, schema as s } from "@debrief/db";
import type { GoalCommentInput } from "@debrief/validators";
import { notFound } from "../errors";
import type { ProtectedContext } from "../trpc";
import { recordAudit } from "./audit";
import { notifyUser } from "./notify";

export async function comment({ ctx, input }: { ctx: ProtectedContext; input: GoalCommentInput }) {
  const [goal] = await ctx.tx
    .select({
      id: s.goals.id,
      title: s.goals.title,
      planId: s.goals.actionPlanId,
      candidateUserId: s.candidates.userId,
    })
    .from(s.goals)
    .innerJoin(s.actionPlans, eq(s.actionPlans.id, s.goals.actionPlanId))
    .innerJoin(s.candidates, eq(s.candidates.id, s.actionPlans.candidateId))
    .where(eq(s.goals.id, input.goalId));
  if (!goal) throw notFound("Goal");
  const [row] = await ctx.tx
    .insert(s.goalComments)
    .values({
      agencyId: ctx.user.agencyId,
      goalId: goal.id,
      authorId: ctx.user.id,
      body: input.body,
    })
    .returning({ id: s.goalComments.id, createdAt: s.goalComments.createdAt });
  if (!row) throw new Error("insert returned no row");
  await recordAudit(ctx, {
    action: "goal.commented",
    entityType: "goal",
    entityId: goal.id,
    metadata: { commentId: row.id },
  });
  if (goal.candidateUserId) {
    await notifyUser(ctx, {
      userId: goal.candidateUserId,
      kind: "goal.commented",
      title: `${ctx.user.name} commented on your goal “${goal.title}”`,
      link: `/plans#goal-${goal.id}`,
    });
  }
  return row;
}
