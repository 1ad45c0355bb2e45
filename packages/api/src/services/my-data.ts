// "My data": the candidate's export of everything the agency holds about them, and their request
// to be erased. Only their own rows; never drafts, internal notes or anyone else's records.
// `candidateExport` builds the file for one candidate; the candidate's own download and an
// admin's export (services/admin/data-requests.ts) are both that one function.
import { aliasedTable, and, asc, desc, eq, inArray, schema as s, sql, type Tx } from "@debrief/db";
import type {
  CandidateExport,
  DataRequest,
  FeedbackItemInput,
  MyDataExport,
} from "@debrief/validators";
import { DomainError, notFound } from "../errors";
import type { ProtectedContext } from "../trpc";
import { recordAudit } from "./audit";
import { myCandidateId } from "./my-feedback";
import { notifyUser } from "./notify";

async function requireCandidate(ctx: ProtectedContext) {
  const id = await myCandidateId(ctx);
  if (!id) throw notFound("Your candidate profile");
  return id;
}

const dataRequestColumns = {
  id: s.dataRequests.id,
  kind: s.dataRequests.kind,
  status: s.dataRequests.status,
  createdAt: s.dataRequests.createdAt,
  completedAt: s.dataRequests.completedAt,
};

function requestsOf(tx: Tx, candidateId: string): Promise<DataRequest[]> {
  return tx
    .select(dataRequestColumns)
    .from(s.dataRequests)
    .where(eq(s.dataRequests.candidateId, candidateId))
    .orderBy(desc(s.dataRequests.createdAt))
    .limit(50);
}

export async function requests({ ctx }: { ctx: ProtectedContext }): Promise<DataRequest[]> {
  const candidateId = await myCandidateId(ctx);
  if (!candidateId) return [];
  return requestsOf(ctx.tx, candidateId);
}

/**
 * One pending erasure request per candidate: a transaction-scoped advisory lock on the candidate
 * makes two simultaneous clicks one request. The agency's admins are told (notice + outbox).
 */
export async function requestErasure({ ctx }: { ctx: ProtectedContext }): Promise<DataRequest> {
  const candidateId = await requireCandidate(ctx);
  await ctx.tx.execute(
    sql`select pg_advisory_xact_lock(hashtextextended(${`data_request:${candidateId}`}, 0))`,
  );
  // The erasure itself takes the same lock: one that finished while we waited leaves nothing to ask.
  const [current] = await ctx.tx
    .select({ erasedAt: s.candidates.erasedAt })
    .from(s.candidates)
    .where(eq(s.candidates.id, candidateId));
  if (!current || current.erasedAt) throw notFound("Your candidate profile");
  const [pending] = await ctx.tx
    .select(dataRequestColumns)
    .from(s.dataRequests)
    .where(
      and(
        eq(s.dataRequests.candidateId, candidateId),
        eq(s.dataRequests.kind, "erasure"),
        eq(s.dataRequests.status, "pending"),
      ),
    );
  if (pending) {
    throw new DomainError(
      "CONFLICT",
      "You have already asked for your data to be erased; the agency is dealing with that request.",
    );
  }
  const [row] = await ctx.tx
    .insert(s.dataRequests)
    .values({
      agencyId: ctx.user.agencyId,
      candidateId,
      kind: "erasure",
      status: "pending",
      requestedById: ctx.user.id,
    })
    .returning(dataRequestColumns);
  if (!row) throw new Error("insert returned no row");
  await recordAudit(ctx, {
    action: "data_request.created",
    entityType: "data_request",
    entityId: row.id,
    metadata: { kind: "erasure", candidateId },
  });
  const admins = await ctx.tx
    .select({ id: s.users.id })
    .from(s.users)
    .where(and(eq(s.users.role, "admin"), eq(s.users.status, "active")));
  for (const admin of admins) {
    await notifyUser(ctx, {
      userId: admin.id,
      kind: "data_request.erasure",
      title: `${ctx.user.name} asked for their data to be erased`,
      link: `/admin/data-requests#request-${row.id}`,
    });
  }
  return row;
}

type StoredItem = Pick<
  FeedbackItemInput,
  "lens" | "kind" | "competencyId" | "reasonId" | "detail" | "nextStep"
>;

/** The candidate's own download: their export, recorded in the audit trail (ids only). */
export async function exportMine({ ctx }: { ctx: ProtectedContext }): Promise<MyDataExport> {
  const candidateId = await requireCandidate(ctx);
  const data = await candidateExport(ctx.tx, candidateId);
  if (!data.account) throw notFound("Your account");
  await recordAudit(ctx, {
    action: "candidate.exported",
    entityType: "candidate",
    entityId: candidateId,
    metadata: { by: "candidate" },
  });
  return { ...data, account: data.account };
}

/**
 * Everything the agency holds about one candidate, as the candidate downloads it: their profile
 * and account, interviews, published feedback with its earlier versions, responses, questions,
 * plans, journal, notifications and data requests. Runs in the caller's tenant transaction.
 */
export async function candidateExport(tx: Tx, candidateId: string): Promise<CandidateExport> {
  const owner = aliasedTable(s.users, "owner");
  const [profile] = await tx
    .select({
      id: s.candidates.id,
      userId: s.candidates.userId,
      name: s.candidates.name,
      email: s.candidates.email,
      headline: s.candidates.headline,
      consultantName: owner.name,
      createdAt: s.candidates.createdAt,
      updatedAt: s.candidates.updatedAt,
      agencyName: s.agencies.name,
    })
    .from(s.candidates)
    .innerJoin(owner, eq(owner.id, s.candidates.ownerId))
    .innerJoin(s.agencies, eq(s.agencies.id, s.candidates.agencyId))
    .where(eq(s.candidates.id, candidateId));
  if (!profile) throw notFound("Candidate");
  const userId = profile.userId;
  const [account] = userId
    ? await tx
        .select({ name: s.users.name, email: s.users.email, createdAt: s.users.createdAt })
        .from(s.users)
        .where(eq(s.users.id, userId))
    : [];

  const interviews = await tx
    .select({
      id: s.interviews.id,
      jobTitle: s.jobs.title,
      clientName: s.clients.name,
      stage: s.interviews.stage,
      scheduledAt: s.interviews.scheduledAt,
      outcome: s.interviews.outcome,
      outcomeAt: s.interviews.outcomeAt,
    })
    .from(s.interviews)
    .innerJoin(s.jobs, eq(s.jobs.id, s.interviews.jobId))
    .innerJoin(s.clients, eq(s.clients.id, s.jobs.clientId))
    .where(eq(s.interviews.candidateId, candidateId))
    .orderBy(desc(s.interviews.scheduledAt));

  // Only what was published to them: drafts and feedback awaiting approval are the agency's work.
  const author = aliasedTable(s.users, "author");
  const feedback = await tx
    .select({
      id: s.feedback.id,
      interviewId: s.feedback.interviewId,
      status: s.feedback.status,
      summary: s.feedback.summary,
      consultantName: author.name,
      publishedAt: s.feedback.publishedAt,
      readAt: s.feedback.readAt,
      acknowledgedAt: s.feedback.acknowledgedAt,
    })
    .from(s.feedback)
    .innerJoin(s.interviews, eq(s.interviews.id, s.feedback.interviewId))
    .innerJoin(author, eq(author.id, s.feedback.authorId))
    .where(and(eq(s.interviews.candidateId, candidateId), eq(s.feedback.status, "published")))
    .orderBy(desc(s.feedback.publishedAt));
  const feedbackIds = feedback.map((f) => f.id);
  const anyOf = <T>(ids: string[], query: (ids: string[]) => Promise<T[]>) =>
    ids.length ? query(ids) : Promise.resolve([] as T[]);

  const competencies = await tx
    .select({ id: s.competencies.id, name: s.competencies.name })
    .from(s.competencies);
  const reasons = await tx.select({ id: s.reasons.id, label: s.reasons.label }).from(s.reasons);
  const competencyName = new Map(competencies.map((c) => [c.id, c.name]));
  const reasonLabel = new Map(reasons.map((r) => [r.id, r.label]));
  const named = (item: StoredItem) => ({
    lens: item.lens,
    kind: item.kind,
    competency: item.competencyId ? (competencyName.get(item.competencyId) ?? null) : null,
    reason: item.reasonId ? (reasonLabel.get(item.reasonId) ?? null) : null,
    detail: item.detail,
    nextStep: item.nextStep ?? null,
  });

  const items = await anyOf(feedbackIds, (ids) =>
    tx
      .select({
        id: s.feedbackItems.id,
        feedbackId: s.feedbackItems.feedbackId,
        lens: s.feedbackItems.lens,
        kind: s.feedbackItems.kind,
        competencyId: s.feedbackItems.competencyId,
        reasonId: s.feedbackItems.reasonId,
        detail: s.feedbackItems.detail,
        nextStep: s.feedbackItems.nextStep,
      })
      .from(s.feedbackItems)
      .where(inArray(s.feedbackItems.feedbackId, ids))
      .orderBy(asc(s.feedbackItems.lens), asc(s.feedbackItems.position)),
  );
  const revisions = await anyOf(feedbackIds, (ids) =>
    tx
      .select({
        feedbackId: s.feedbackRevisions.feedbackId,
        version: s.feedbackRevisions.version,
        summary: s.feedbackRevisions.summary,
        items: s.feedbackRevisions.items,
        createdAt: s.feedbackRevisions.createdAt,
      })
      .from(s.feedbackRevisions)
      .where(inArray(s.feedbackRevisions.feedbackId, ids))
      .orderBy(asc(s.feedbackRevisions.version)),
  );
  const messageAuthor = aliasedTable(s.users, "message_author");
  const messages = await anyOf(feedbackIds, (ids) =>
    tx
      .select({
        id: s.clarificationMessages.id,
        feedbackId: s.clarificationMessages.feedbackId,
        authorId: s.clarificationMessages.authorId,
        authorName: messageAuthor.name,
        body: s.clarificationMessages.body,
        createdAt: s.clarificationMessages.createdAt,
      })
      .from(s.clarificationMessages)
      .innerJoin(messageAuthor, eq(messageAuthor.id, s.clarificationMessages.authorId))
      .where(inArray(s.clarificationMessages.feedbackId, ids))
      .orderBy(asc(s.clarificationMessages.createdAt)),
  );
  const responses = await tx
    .select({
      feedbackItemId: s.itemResponses.feedbackItemId,
      helpful: s.itemResponses.helpful,
      comment: s.itemResponses.comment,
      createdAt: s.itemResponses.createdAt,
      updatedAt: s.itemResponses.updatedAt,
    })
    .from(s.itemResponses)
    .where(eq(s.itemResponses.candidateId, candidateId))
    .orderBy(asc(s.itemResponses.createdAt));

  const plans = await tx
    .select({
      id: s.actionPlans.id,
      title: s.actionPlans.title,
      feedbackId: s.actionPlans.feedbackId,
      createdAt: s.actionPlans.createdAt,
    })
    .from(s.actionPlans)
    .where(eq(s.actionPlans.candidateId, candidateId))
    .orderBy(asc(s.actionPlans.createdAt));
  const goals = await anyOf(
    plans.map((p) => p.id),
    (ids) =>
      tx
        .select({
          id: s.goals.id,
          actionPlanId: s.goals.actionPlanId,
          title: s.goals.title,
          measure: s.goals.measure,
          targetDate: s.goals.targetDate,
          status: s.goals.status,
          droppedReason: s.goals.droppedReason,
          completedAt: s.goals.completedAt,
        })
        .from(s.goals)
        .where(inArray(s.goals.actionPlanId, ids))
        .orderBy(asc(s.goals.position), asc(s.goals.createdAt)),
  );
  const goalIds = goals.map((g) => g.id);
  const goalItems = await anyOf(goalIds, (ids) =>
    tx
      .select({ goalId: s.goalItems.goalId, feedbackItemId: s.goalItems.feedbackItemId })
      .from(s.goalItems)
      .where(inArray(s.goalItems.goalId, ids)),
  );
  const steps = await anyOf(goalIds, (ids) =>
    tx
      .select({
        id: s.goalSteps.id,
        goalId: s.goalSteps.goalId,
        title: s.goalSteps.title,
        dueDate: s.goalSteps.dueDate,
        doneAt: s.goalSteps.doneAt,
      })
      .from(s.goalSteps)
      .where(inArray(s.goalSteps.goalId, ids))
      .orderBy(asc(s.goalSteps.position), asc(s.goalSteps.createdAt)),
  );
  const commentAuthor = aliasedTable(s.users, "comment_author");
  const comments = await anyOf(goalIds, (ids) =>
    tx
      .select({
        id: s.goalComments.id,
        goalId: s.goalComments.goalId,
        authorName: commentAuthor.name,
        body: s.goalComments.body,
        createdAt: s.goalComments.createdAt,
      })
      .from(s.goalComments)
      .innerJoin(commentAuthor, eq(commentAuthor.id, s.goalComments.authorId))
      .where(inArray(s.goalComments.goalId, ids))
      .orderBy(asc(s.goalComments.createdAt)),
  );

  const journal = await tx
    .select({
      id: s.journalEntries.id,
      kind: s.journalEntries.kind,
      title: s.journalEntries.title,
      body: s.journalEntries.body,
      interviewId: s.journalEntries.interviewId,
      goalId: s.journalEntries.goalId,
      createdAt: s.journalEntries.createdAt,
      updatedAt: s.journalEntries.updatedAt,
    })
    .from(s.journalEntries)
    .where(eq(s.journalEntries.candidateId, candidateId))
    .orderBy(desc(s.journalEntries.createdAt));
  const notifications = userId
    ? await tx
        .select({
          id: s.notifications.id,
          kind: s.notifications.kind,
          title: s.notifications.title,
          body: s.notifications.body,
          link: s.notifications.link,
          readAt: s.notifications.readAt,
          createdAt: s.notifications.createdAt,
        })
        .from(s.notifications)
        .where(eq(s.notifications.userId, userId))
        .orderBy(desc(s.notifications.createdAt))
    : [];
  const dataRequests = await requestsOf(tx, candidateId);

  const { agencyName, userId: _, ...profileFields } = profile;
  return {
    exportedAt: new Date(),
    agency: { name: agencyName },
    account: account ?? null,
    profile: profileFields,
    interviews,
    feedback: feedback.map((fb) => ({
      ...fb,
      items: items.filter((i) => i.feedbackId === fb.id).map((i) => ({ id: i.id, ...named(i) })),
      revisions: revisions
        .filter((r) => r.feedbackId === fb.id)
        .map((r) => ({
          version: r.version,
          summary: r.summary,
          createdAt: r.createdAt,
          items: Array.isArray(r.items) ? (r.items as StoredItem[]).map(named) : [],
        })),
    })),
    responses,
    clarificationMessages: messages.map(({ authorId, ...m }) => ({
      ...m,
      fromMe: userId !== null && authorId === userId,
    })),
    actionPlans: plans.map((plan) => ({
      ...plan,
      goals: goals
        .filter((g) => g.actionPlanId === plan.id)
        .map(({ actionPlanId: _, ...goal }) => ({
          ...goal,
          feedbackItemIds: goalItems
            .filter((gi) => gi.goalId === goal.id)
            .map((gi) => gi.feedbackItemId),
          steps: steps.filter((st) => st.goalId === goal.id).map(({ goalId: __, ...st }) => st),
          comments: comments.filter((c) => c.goalId === goal.id).map(({ goalId: __, ...c }) => c),
        })),
    })),
    journal,
    notifications,
    dataRequests,
  };
}
