// Gives a fixture agency at least one row in every tenant table, so isolation tests cover them all.
import type { Database } from "../../src/client";
import { withTenant } from "../../src/client";
import * as s from "../../src/schema";
import type { AgencyFixture } from "../../src/seed/factories";

function first<T>(rows: T[]): T {
  const [row] = rows;
  if (!row) throw new Error("insert returned no row");
  return row;
}

/** Tables createAgencyFixture fills, plus the ones filled here; rls.test.ts checks this is all of them. */
export async function fillEveryTable(db: Database, f: AgencyFixture): Promise<void> {
  const { agencyId, users } = f;
  await withTenant(db, { agencyId, userId: users.admin.id, role: "admin" }, async (tx) => {
    const itemId = f.feedback.published.itemIds[0];
    if (!itemId) throw new Error("the fixture's published feedback has no items");
    await tx.insert(s.invitations).values({
      agencyId,
      userId: users.candidateB.id,
      invitedById: users.admin.id,
      tokenHash: `token-${crypto.randomUUID()}`,
      expiresAt: new Date(Date.now() + 86_400_000),
    });
    await tx.insert(s.clientFeedbackRequests).values({
      agencyId,
      interviewId: f.interviews.owed,
      requestedById: users.consultant.id,
      recipientEmail: "hiring.manager@client.test",
      tokenHash: `cfr-${crypto.randomUUID()}`,
      expiresAt: new Date(Date.now() + 86_400_000),
    });
    const template = first(
      await tx.insert(s.templates).values({ agencyId, name: "Engineering" }).returning(),
    );
    await tx
      .insert(s.templateItems)
      .values({ agencyId, templateId: template.id, lens: "skills_experience", kind: "strength" });
    await tx.insert(s.feedbackRevisions).values({
      agencyId,
      feedbackId: f.feedback.published.id,
      version: 1,
      summary: "Earlier summary",
      items: [],
      editedById: users.consultant.id,
    });
    await tx.insert(s.itemResponses).values({
      agencyId,
      feedbackItemId: itemId,
      candidateId: f.candidates.a,
      helpful: true,
    });
    await tx.insert(s.clarificationMessages).values({
      agencyId,
      feedbackId: f.feedback.published.id,
      authorId: users.candidateA.id,
      body: "Could you say more about the numbers?",
    });
    const plan = first(
      await tx
        .insert(s.actionPlans)
        .values({
          agencyId,
          candidateId: f.candidates.a,
          feedbackId: f.feedback.published.id,
          title: "After the PM interview",
        })
        .returning(),
    );
    const goal = first(
      await tx
        .insert(s.goals)
        .values({
          agencyId,
          actionPlanId: plan.id,
          title: "Quantify my stories",
          measure: "Three stories with numbers",
          targetDate: "2030-01-01",
        })
        .returning(),
    );
    await tx.insert(s.goalItems).values({ agencyId, goalId: goal.id, feedbackItemId: itemId });
    await tx.insert(s.goalSteps).values({ agencyId, goalId: goal.id, title: "Draft story one" });
    await tx
      .insert(s.goalComments)
      .values({ agencyId, goalId: goal.id, authorId: users.consultant.id, body: "Good start" });
    await tx.insert(s.journalEntries).values({
      agencyId,
      candidateId: f.candidates.a,
      kind: "win",
      title: "Reached a final",
      body: "First final round.",
      goalId: goal.id,
    });
    await tx
      .insert(s.notifications)
      .values({ agencyId, userId: users.candidateA.id, kind: "test", title: "Hello" });
    const message = first(
      await tx
        .insert(s.outbox)
        .values({ agencyId, topic: "test", payload: { ok: true } })
        .returning(),
    );
    await tx.insert(s.mailMessages).values({
      agencyId,
      outboxId: message.id,
      userId: users.candidateA.id,
      toAddress: users.candidateA.email,
      subject: "New feedback",
      textBody: "You have new feedback.",
      htmlBody: "<p>You have new feedback.</p>",
      transport: "dev",
    });
    await tx
      .insert(s.auditEvents)
      .values({ agencyId, actorId: users.admin.id, action: "test", entityType: "agency" });
    await tx.insert(s.dataRequests).values({
      agencyId,
      candidateId: f.candidates.a,
      kind: "export",
      requestedById: users.candidateA.id,
    });
    await tx.insert(s.idempotencyKeys).values({
      agencyId,
      userId: users.consultant.id,
      key: `key-${crypto.randomUUID()}`,
      path: "pipeline.createClient",
      requestHash: "0".repeat(64),
      response: { json: { id: "stored" } },
    });
  });
}
