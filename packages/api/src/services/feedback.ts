// The consultant's feedback work: what is owed, the editor's data, saving drafts and publishing.
import { and, asc, desc, eq, inArray, ne, not, schema as s, sql } from "@debrief/db";
import type {
  FeedbackItemInput,
  OwedInterview,
  PublishInput,
  ReviseInput,
  SaveDraftInput,
} from "@debrief/validators";
import {
  checkFeedbackQuality,
  detectFairnessIssuesInFeedback,
  type ItemKind,
  type Lens,
} from "@debrief/validators";
import { DomainError, type FieldErrors, notFound } from "../errors";
import type { ProtectedContext } from "../trpc";
import { recordAudit } from "./audit";
import { notifyUser } from "./notify";

const HOUR = 3_600_000;

export async function listOwed({ ctx }: { ctx: ProtectedContext }): Promise<OwedInterview[]> {
  // The owed interviews come from the report facts (one row per rejected interview, with whether
  // its feedback is published now; kept exact by triggers in the writer's transaction), through
  // the partial index of those not published: a consultant with a big book has thousands of
  // rejections, nearly all answered, and only the owed ones are read. Then the 200 oldest are
  // joined to what the list shows.
  const f = s.rejectionFacts;
  const owed = ctx.tx
    .select({ id: f.interviewId, outcomeAt: f.outcomeAt })
    .from(f)
    .where(
      and(
        eq(f.agencyId, ctx.user.agencyId),
        not(f.published),
        // Admins see the whole agency's backlog; consultants their own interviews.
        ctx.user.role === "admin" ? undefined : eq(f.consultantId, ctx.user.id),
      ),
    )
    .orderBy(asc(f.outcomeAt))
    .limit(200)
    .as("owed");
  const rows = await ctx.tx
    .select({
      interviewId: s.interviews.id,
      candidateName: s.candidates.name,
      jobTitle: s.jobs.title,
      clientName: s.clients.name,
      stage: s.interviews.stage,
      rejectedAt: s.interviews.outcomeAt,
      slaHours: s.agencies.feedbackSlaHours,
      feedbackId: s.feedback.id,
      feedbackStatus: s.feedback.status,
    })
    .from(owed)
    .innerJoin(s.interviews, eq(s.interviews.id, owed.id))
    .innerJoin(s.agencies, eq(s.agencies.id, s.interviews.agencyId))
    .innerJoin(s.candidates, eq(s.candidates.id, s.interviews.candidateId))
    .innerJoin(s.jobs, eq(s.jobs.id, s.interviews.jobId))
    .innerJoin(s.clients, eq(s.clients.id, s.jobs.clientId))
    .leftJoin(s.feedback, eq(s.feedback.interviewId, s.interviews.id))
    .orderBy(asc(owed.outcomeAt));
  const now = Date.now();
  return rows.map(({ rejectedAt, ...row }) => {
    const at = rejectedAt ?? new Date(now);
    const hours = Math.max(0, (now - at.getTime()) / HOUR);
    return {
      ...row,
      rejectedAt: at,
      hoursSinceRejection: Math.floor(hours),
      overdue: hours > row.slaHours,
    };
  });
}

async function loadRejectedInterview(ctx: ProtectedContext, interviewId: string) {
  const [row] = await ctx.tx
    .select({
      id: s.interviews.id,
      outcome: s.interviews.outcome,
      outcomeAt: s.interviews.outcomeAt,
      scheduledAt: s.interviews.scheduledAt,
      stage: s.interviews.stage,
      candidateName: s.candidates.name,
      candidateUserId: s.candidates.userId,
      jobTitle: s.jobs.title,
      clientName: s.clients.name,
      requireApproval: s.agencies.requireApproval,
    })
    .from(s.interviews)
    .innerJoin(s.agencies, eq(s.agencies.id, s.interviews.agencyId))
    .innerJoin(s.candidates, eq(s.candidates.id, s.interviews.candidateId))
    .innerJoin(s.jobs, eq(s.jobs.id, s.interviews.jobId))
    .innerJoin(s.clients, eq(s.clients.id, s.jobs.clientId))
    .where(eq(s.interviews.id, interviewId));
  if (!row) throw notFound("Interview");
  if (row.outcome !== "rejected" || !row.outcomeAt) {
    throw new DomainError("BAD_REQUEST", "Feedback is written for rejected interviews only");
  }
  return { ...row, rejectedAt: row.outcomeAt };
}

export async function getEditor({
  ctx,
  input,
}: {
  ctx: ProtectedContext;
  input: { interviewId: string };
}) {
  const interview = await loadRejectedInterview(ctx, input.interviewId);
  const fb = await ctx.tx.query.feedback.findFirst({
    where: eq(s.feedback.interviewId, interview.id),
    with: {
      items: { orderBy: [asc(s.feedbackItems.position)] },
      author: { columns: { name: true } },
      lastEditedBy: { columns: { name: true } },
      approver: { columns: { name: true } },
      revisions: {
        columns: { version: true, createdAt: true },
        with: { editedBy: { columns: { name: true } } },
        orderBy: [desc(s.feedbackRevisions.version)],
      },
    },
  });
  return {
    interview: {
      id: interview.id,
      candidateName: interview.candidateName,
      jobTitle: interview.jobTitle,
      clientName: interview.clientName,
      stage: interview.stage,
      scheduledAt: interview.scheduledAt,
      rejectedAt: interview.rejectedAt,
    },
    feedback: fb
      ? {
          id: fb.id,
          status: fb.status,
          version: fb.version,
          summary: fb.summary,
          publishedAt: fb.publishedAt,
          updatedAt: fb.updatedAt,
          authorId: fb.authorId,
          authorName: fb.author.name,
          lastEditedById: fb.lastEditedById,
          lastEditedByName: fb.lastEditedBy?.name ?? null,
          approverName: fb.approver?.name ?? null,
          reviewComment: fb.reviewComment,
          submittedAt: fb.submittedAt,
          retractionReason: fb.retractionReason,
          fairnessOverrideReason: fb.fairnessOverrideReason,
          revisions: fb.revisions.map((r) => ({
            version: r.version,
            editedByName: r.editedBy.name,
            createdAt: r.createdAt,
          })),
          items: fb.items.map((i) => ({
            id: i.id,
            lens: i.lens,
            kind: i.kind,
            competencyId: i.competencyId,
            reasonId: i.reasonId,
            detail: i.detail,
            nextStep: i.nextStep,
          })),
        }
      : null,
    requireApproval: interview.requireApproval,
    consultantName: ctx.user.name,
    me: ctx.user.id,
  };
}

/** The later of two concurrent saves lands here: say who changed it; the editor keeps the text. */
async function conflict(ctx: ProtectedContext, feedbackId: string) {
  const [row] = await ctx.tx
    .select({ name: s.users.name })
    .from(s.feedback)
    .innerJoin(s.users, eq(s.users.id, s.feedback.lastEditedById))
    .where(eq(s.feedback.id, feedbackId));
  const who = row?.name ?? "Someone else";
  return new DomainError(
    "CONFLICT",
    `${who} changed this feedback after you opened it. Nothing of yours was saved or lost: reload their version, then re-apply your changes.`,
  );
}

/** Items are matched by id so ratings and goals that point at an item survive edits. */
async function syncItems(ctx: ProtectedContext, feedbackId: string, items: FeedbackItemInput[]) {
  const existing = await ctx.tx
    .select({ id: s.feedbackItems.id })
    .from(s.feedbackItems)
    .where(eq(s.feedbackItems.feedbackId, feedbackId));
  const known = new Set(existing.map((r) => r.id));
  const kept = new Set(items.map((i) => i.id).filter((id): id is string => !!id && known.has(id)));
  const removed = [...known].filter((id) => !kept.has(id));
  if (removed.length)
    await ctx.tx.delete(s.feedbackItems).where(inArray(s.feedbackItems.id, removed));
  for (const [position, item] of items.entries()) {
    const values = {
      position,
      lens: item.lens,
      kind: item.kind,
      competencyId: item.competencyId ?? null,
      reasonId: item.kind === "gap" ? (item.reasonId ?? null) : null,
      detail: item.detail,
      nextStep: item.nextStep ?? null,
    };
    if (item.id && kept.has(item.id)) {
      await ctx.tx.update(s.feedbackItems).set(values).where(eq(s.feedbackItems.id, item.id));
    } else {
      await ctx.tx
        .insert(s.feedbackItems)
        .values({ agencyId: ctx.user.agencyId, feedbackId, ...values });
    }
  }
}

type FeedbackRow = typeof s.feedback.$inferSelect;

/** Bumps the version only if nobody else did first; zero rows means a concurrent change. */
async function updateVersioned(
  ctx: ProtectedContext,
  feedbackId: string,
  version: number,
  set: Partial<Omit<FeedbackRow, "version">>,
) {
  const [row] = await ctx.tx
    .update(s.feedback)
    .set({ ...set, lastEditedById: ctx.user.id, version: sql`${s.feedback.version} + 1` })
    .where(and(eq(s.feedback.id, feedbackId), eq(s.feedback.version, version)))
    .returning({
      id: s.feedback.id,
      version: s.feedback.version,
      status: s.feedback.status,
      updatedAt: s.feedback.updatedAt,
    });
  if (!row) throw await conflict(ctx, feedbackId);
  return row;
}

const statusWord = (status: string) => status.replace("_", " ");

/** Creates the draft (version null) or updates it, checking the version the editor loaded. */
export async function saveDraft({ ctx, input }: { ctx: ProtectedContext; input: SaveDraftInput }) {
  await loadRejectedInterview(ctx, input.interviewId);
  const [existing] = await ctx.tx
    .select({ id: s.feedback.id, status: s.feedback.status, version: s.feedback.version })
    .from(s.feedback)
    .where(eq(s.feedback.interviewId, input.interviewId));

  if (!existing) {
    if (input.version !== null) throw notFound("Feedback");
    const [created] = await ctx.tx
      .insert(s.feedback)
      .values({
        agencyId: ctx.user.agencyId,
        interviewId: input.interviewId,
        authorId: ctx.user.id,
        lastEditedById: ctx.user.id,
        summary: input.summary,
      })
      .onConflictDoNothing()
      .returning({
        id: s.feedback.id,
        version: s.feedback.version,
        updatedAt: s.feedback.updatedAt,
      });
    // Two first saves at once: the later one conflicts instead of creating a second draft.
    if (!created)
      throw new DomainError(
        "CONFLICT",
        "Someone else started this feedback a moment ago. Reload to see their draft.",
      );
    await syncItems(ctx, created.id, input.items);
    await recordAudit(ctx, {
      action: "feedback.created",
      entityType: "feedback",
      entityId: created.id,
    });
    return created;
  }

  if (input.version === null || input.version !== existing.version)
    throw await conflict(ctx, existing.id);
  if (existing.status !== "draft") {
    throw new DomainError(
      "BAD_REQUEST",
      `This feedback is ${statusWord(existing.status)}; only a draft is saved this way`,
    );
  }
  const updated = await updateVersioned(ctx, existing.id, input.version, {
    summary: input.summary,
  });
  await syncItems(ctx, existing.id, input.items);
  return { id: updated.id, version: updated.version, updatedAt: updated.updatedAt };
}

/**
 * What must hold before a candidate sees feedback: the quality checks' blockers (the editor shows
 * the same ones as the consultant types), each naming its field.
 */
function publishProblems(fb: PublishableFeedback): FieldErrors {
  const errors: FieldErrors = {};
  if (fb.items.length === 0) errors.items = ["add at least one point before publishing"];
  for (const issue of checkFeedbackQuality(fb)) {
    if (issue.severity === "blocker") errors[issue.path ?? "items"] = [issue.message];
  }
  return errors;
}

type PublishableFeedback = {
  summary: string;
  items: {
    lens: Lens;
    kind: ItemKind;
    reasonId: string | null;
    nextStep: string | null;
    detail: string;
  }[];
};

function assertPublishable(fb: PublishableFeedback, overrideReason: string | null | undefined) {
  const problems = publishProblems(fb);
  if (Object.keys(problems).length) {
    throw new DomainError("BAD_REQUEST", "Some points need attention before publishing", problems);
  }
  const flags = fairnessFlagsOf(fb);
  if (flags.length && !overrideReason) {
    throw new DomainError(
      "BAD_REQUEST",
      `This feedback refers to a protected characteristic (${flags.join(", ")}). Reword it, or give a reason to publish anyway.`,
      { fairnessOverrideReason: ["a reason is required to publish despite a fairness warning"] },
    );
  }
  return flags;
}

async function loadFeedback(ctx: ProtectedContext, feedbackId: string) {
  const fb = await ctx.tx.query.feedback.findFirst({
    where: eq(s.feedback.id, feedbackId),
    with: { items: { orderBy: [asc(s.feedbackItems.position)] } },
  });
  if (!fb) throw notFound("Feedback");
  const interview = await loadRejectedInterview(ctx, fb.interviewId);
  return { fb, interview };
}

async function notifyCandidate(
  ctx: ProtectedContext,
  interview: { candidateUserId: string | null; jobTitle: string },
  feedbackId: string,
  topic: "feedback.published" | "feedback.revised" | "feedback.retracted",
) {
  if (!interview.candidateUserId) return;
  const titles = {
    "feedback.published": `Feedback on your ${interview.jobTitle} interview`,
    "feedback.revised": `Your feedback on the ${interview.jobTitle} interview was updated`,
    "feedback.retracted": `Feedback on your ${interview.jobTitle} interview was withdrawn`,
  } as const;
  await notifyUser(ctx, {
    userId: interview.candidateUserId,
    kind: topic,
    title: titles[topic],
    link: topic === "feedback.retracted" ? "/" : `/feedback/${feedbackId}`,
  });
}

async function stampPublished(
  ctx: ProtectedContext,
  fb: FeedbackRow,
  version: number,
  extra: Partial<Omit<FeedbackRow, "version">>,
) {
  const now = new Date();
  return updateVersioned(ctx, fb.id, version, {
    status: "published",
    publishedAt: now,
    firstPublishedAt:
      sql`coalesce(${s.feedback.firstPublishedAt}, ${now.toISOString()}::timestamptz)` as unknown as Date,
    ...extra,
  });
}

/** Straight to the candidate, where the agency does not require a second consultant's approval. */
export async function publish({ ctx, input }: { ctx: ProtectedContext; input: PublishInput }) {
  const { fb, interview } = await loadFeedback(ctx, input.feedbackId);
  if (fb.version !== input.version) throw await conflict(ctx, fb.id);
  if (fb.status !== "draft")
    throw new DomainError("BAD_REQUEST", `This feedback is already ${statusWord(fb.status)}`);
  if (interview.requireApproval) {
    throw new DomainError(
      "BAD_REQUEST",
      "Your agency requires a second consultant to approve feedback: submit it for review",
    );
  }
  const flags = assertPublishable(fb, input.fairnessOverrideReason);
  const row = await stampPublished(ctx, fb, input.version, {
    fairnessOverrideReason: flags.length ? (input.fairnessOverrideReason ?? null) : null,
  });
  await recordAudit(ctx, {
    action: "feedback.published",
    entityType: "feedback",
    entityId: fb.id,
    metadata: flags.length ? { fairnessOverride: true, fairnessCategories: flags } : {},
  });
  await notifyCandidate(ctx, interview, fb.id, "feedback.published");
  return row;
}

export async function submitForReview({
  ctx,
  input,
}: {
  ctx: ProtectedContext;
  input: PublishInput;
}) {
  const { fb, interview } = await loadFeedback(ctx, input.feedbackId);
  if (fb.version !== input.version) throw await conflict(ctx, fb.id);
  if (fb.status !== "draft")
    throw new DomainError("BAD_REQUEST", `This feedback is already ${statusWord(fb.status)}`);
  const flags = assertPublishable(fb, input.fairnessOverrideReason);
  const row = await updateVersioned(ctx, fb.id, input.version, {
    status: "in_review",
    submittedAt: new Date(),
    reviewComment: null,
    fairnessOverrideReason: flags.length ? (input.fairnessOverrideReason ?? null) : null,
  });
  await recordAudit(ctx, {
    action: "feedback.submitted",
    entityType: "feedback",
    entityId: fb.id,
    metadata: flags.length ? { fairnessOverride: true, fairnessCategories: flags } : {},
  });
  await notifyReviewers(ctx, {
    kind: "feedback.review_requested",
    title: `${ctx.user.name} asks you to approve feedback for ${interview.candidateName}`,
    link: `/interviews/${fb.interviewId}/feedback`,
  });
  return row;
}

/**
 * Who hears that feedback waits for approval: the agency's active admins, or, where the author is
 * its only admin, its other active consultants. Anyone but the author may approve; everyone sees
 * the request on their dashboard.
 */
async function notifyReviewers(
  ctx: ProtectedContext,
  notice: { kind: string; title: string; link: string },
) {
  const staff = await ctx.tx
    .select({ id: s.users.id, role: s.users.role })
    .from(s.users)
    .where(
      and(
        inArray(s.users.role, ["admin", "consultant"]),
        eq(s.users.status, "active"),
        ne(s.users.id, ctx.user.id),
      ),
    );
  const admins = staff.filter((u) => u.role === "admin");
  for (const reviewer of admins.length ? admins : staff) {
    await notifyUser(ctx, { ...notice, userId: reviewer.id });
  }
}

async function loadForReview(
  ctx: ProtectedContext,
  input: { feedbackId: string; version: number },
) {
  const loaded = await loadFeedback(ctx, input.feedbackId);
  const { fb } = loaded;
  if (fb.version !== input.version) throw await conflict(ctx, fb.id);
  if (fb.status !== "in_review")
    throw new DomainError("BAD_REQUEST", "This feedback is not waiting for approval");
  if (fb.authorId === ctx.user.id) {
    throw new DomainError(
      "FORBIDDEN",
      "You wrote this feedback: another consultant or an admin must review it",
    );
  }
  // Submitting stamps the submitter as its last editor, and nobody edits it while in review: who
  // sent it (someone else's draft, perhaps rewritten) is not the second person either.
  if (fb.lastEditedById === ctx.user.id) {
    throw new DomainError(
      "FORBIDDEN",
      "You submitted this feedback: another consultant or an admin must review it",
    );
  }
  return loaded;
}

export async function approve({
  ctx,
  input,
}: {
  ctx: ProtectedContext;
  input: { feedbackId: string; version: number };
}) {
  const { fb, interview } = await loadForReview(ctx, input);
  // The author's override (if any) was recorded at submission; the approver sees it before approving.
  const flags = assertPublishable(fb, fb.fairnessOverrideReason);
  const row = await stampPublished(ctx, fb, input.version, { approverId: ctx.user.id });
  await recordAudit(ctx, {
    action: "feedback.approved",
    entityType: "feedback",
    entityId: fb.id,
    metadata: flags.length ? { fairnessOverride: true, fairnessCategories: flags } : {},
  });
  await notifyUser(ctx, {
    userId: fb.authorId,
    kind: "feedback.approved",
    title: `${ctx.user.name} approved your feedback for ${interview.candidateName}: it is published`,
    link: `/interviews/${fb.interviewId}/feedback`,
  });
  await notifyCandidate(ctx, interview, fb.id, "feedback.published");
  return row;
}

export async function sendBack({
  ctx,
  input,
}: {
  ctx: ProtectedContext;
  input: { feedbackId: string; version: number; comment: string };
}) {
  const { fb, interview } = await loadForReview(ctx, input);
  const row = await updateVersioned(ctx, fb.id, input.version, {
    status: "draft",
    reviewComment: input.comment,
    submittedAt: null,
  });
  await recordAudit(ctx, { action: "feedback.sent_back", entityType: "feedback", entityId: fb.id });
  await notifyUser(ctx, {
    userId: fb.authorId,
    kind: "feedback.sent_back",
    title: `${ctx.user.name} sent your feedback on ${interview.candidateName} back with a comment`,
    body: input.comment,
    link: `/interviews/${fb.interviewId}/feedback`,
  });
  return row;
}

/** Editing what the candidate already has: the previous version is kept and they are told. */
export async function revise({ ctx, input }: { ctx: ProtectedContext; input: ReviseInput }) {
  const { fb, interview } = await loadFeedback(ctx, input.feedbackId);
  if (fb.version !== input.version) throw await conflict(ctx, fb.id);
  if (fb.status !== "published")
    throw new DomainError(
      "BAD_REQUEST",
      "Only published feedback is revised; save a draft instead",
    );
  const next = {
    summary: input.summary,
    items: input.items.map((i) => ({
      ...i,
      reasonId: i.reasonId ?? null,
      nextStep: i.nextStep ?? null,
    })),
  };
  const flags = assertPublishable(next, input.fairnessOverrideReason);
  await ctx.tx.insert(s.feedbackRevisions).values({
    agencyId: ctx.user.agencyId,
    feedbackId: fb.id,
    version: fb.version,
    summary: fb.summary,
    items: fb.items.map(({ lens, kind, competencyId, reasonId, detail, nextStep }) => ({
      lens,
      kind,
      competencyId,
      reasonId,
      detail,
      nextStep,
    })),
    editedById: ctx.user.id,
  });
  const row = await updateVersioned(ctx, fb.id, input.version, {
    summary: input.summary,
    fairnessOverrideReason: flags.length
      ? (input.fairnessOverrideReason ?? null)
      : fb.fairnessOverrideReason,
  });
  await syncItems(ctx, fb.id, input.items);
  await recordAudit(ctx, {
    action: "feedback.revised",
    entityType: "feedback",
    entityId: fb.id,
    metadata: {
      fromVersion: fb.version,
      ...(flags.length ? { fairnessOverride: true, fairnessCategories: flags } : {}),
    },
  });
  await notifyCandidate(ctx, interview, fb.id, "feedback.revised");
  return row;
}

export async function retract({
  ctx,
  input,
}: {
  ctx: ProtectedContext;
  input: { feedbackId: string; version: number; reason: string };
}) {
  const { fb, interview } = await loadFeedback(ctx, input.feedbackId);
  if (fb.version !== input.version) throw await conflict(ctx, fb.id);
  if (fb.status !== "published")
    throw new DomainError("BAD_REQUEST", "Only published feedback can be retracted");
  const row = await updateVersioned(ctx, fb.id, input.version, {
    status: "retracted",
    publishedAt: null,
    retractedAt: new Date(),
    retractionReason: input.reason,
  });
  await recordAudit(ctx, { action: "feedback.retracted", entityType: "feedback", entityId: fb.id });
  await notifyCandidate(ctx, interview, fb.id, "feedback.retracted");
  return row;
}

/**
 * The agency's whole taxonomy, retired entries flagged: the editor offers only active ones for new
 * points, but must still name a retired one that existing feedback already uses.
 */
export async function listTaxonomy({ ctx }: { ctx: ProtectedContext }) {
  const [competencies, reasons] = await Promise.all([
    ctx.tx
      .select({
        id: s.competencies.id,
        name: s.competencies.name,
        retired: sql<boolean>`${s.competencies.archivedAt} is not null`,
      })
      .from(s.competencies)
      .orderBy(asc(s.competencies.name)),
    ctx.tx
      .select({
        id: s.reasons.id,
        label: s.reasons.label,
        retired: sql<boolean>`${s.reasons.archivedAt} is not null`,
      })
      .from(s.reasons)
      .orderBy(asc(s.reasons.label)),
  ]);
  return { competencies, reasons };
}

/** Categories of protected characteristics the feedback's text refers to (empty when clean). */
function fairnessFlagsOf(fb: PublishableFeedback): string[] {
  return [...new Set(detectFairnessIssuesInFeedback(fb).map((f) => f.category))];
}
