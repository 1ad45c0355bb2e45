// The clarification thread on published feedback: the consultant's side of the conversation.
import { eq, schema as s } from "@debrief/db";
import type { ClarificationAnswerInput } from "@debrief/validators";
import { DomainError, notFound } from "../errors";
import type { ProtectedContext } from "../trpc";
import { recordAudit } from "./audit";
import { notifyUser } from "./notify";

export async function answer({
  ctx,
  input,
}: {
  ctx: ProtectedContext;
  input: ClarificationAnswerInput;
}) {
  const [fb] = await ctx.tx
    .select({
      id: s.feedback.id,
      status: s.feedback.status,
      candidateUserId: s.candidates.userId,
      jobTitle: s.jobs.title,
    })
    .from(s.feedback)
    .innerJoin(s.interviews, eq(s.interviews.id, s.feedback.interviewId))
    .innerJoin(s.candidates, eq(s.candidates.id, s.interviews.candidateId))
    .innerJoin(s.jobs, eq(s.jobs.id, s.interviews.jobId))
    .where(eq(s.feedback.id, input.feedbackId));
  if (!fb) throw notFound("Feedback");
  // The candidate reads the thread beside the feedback: where they cannot see it, nobody would
  // read the answer.
  if (fb.status !== "published") {
    throw new DomainError(
      "BAD_REQUEST",
      "Only published feedback has a conversation with the candidate",
    );
  }
  const [message] = await ctx.tx
    .insert(s.clarificationMessages)
    .values({
      agencyId: ctx.user.agencyId,
      feedbackId: fb.id,
      authorId: ctx.user.id,
      body: input.body,
    })
    .returning({ id: s.clarificationMessages.id, createdAt: s.clarificationMessages.createdAt });
  if (!message) throw new Error("insert returned no row");
  await recordAudit(ctx, {
    action: "clarification.answered",
    entityType: "feedback",
    entityId: fb.id,
    metadata: { messageId: message.id },
  });
  if (fb.candidateUserId) {
    await notifyUser(ctx, {
      userId: fb.candidateUserId,
      kind: "clarification.answered",
      title: `${ctx.user.name} answered your question about the ${fb.jobTitle} interview`,
      link: `/feedback/${fb.id}`,
    });
  }
  return message;
}
