// The candidate's journal: only their own entries, linked only to their own interviews or goals.
import { and, count, desc, eq, schema as s } from "@debrief/db";
import {
  JOURNAL_PAGE_SIZE,
  type JournalCreateInput,
  type JournalEntry,
  type JournalKind,
  type JournalList,
  type JournalOptions,
  type JournalUpdateInput,
  stageLabels,
} from "@debrief/validators";
import { DomainError, notFound } from "../errors";
import type { ProtectedContext } from "../trpc";
import { recordAudit } from "./audit";
import { myCandidateId } from "./my-feedback";

async function requireCandidate(ctx: ProtectedContext) {
  const id = await myCandidateId(ctx);
  if (!id) throw notFound("Your candidate profile");
  return id;
}

const dateFormat = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  year: "numeric",
  timeZone: "UTC",
});

const interviewLabel = (i: { jobTitle: string; clientName: string; stage: string; at: Date }) =>
  `${i.jobTitle} at ${i.clientName} · ${stageLabels[i.stage as keyof typeof stageLabels] ?? i.stage} · ${dateFormat.format(i.at)}`;

export async function list({
  ctx,
  input,
}: {
  ctx: ProtectedContext;
  input: { kind?: JournalKind; page: number };
}): Promise<JournalList> {
  const counts = { reflection: 0, win: 0, preparation: 0 };
  const empty = { rows: [], total: 0, page: input.page, pageSize: JOURNAL_PAGE_SIZE, counts };
  const candidateId = await myCandidateId(ctx);
  if (!candidateId) return empty;
  const mine = eq(s.journalEntries.candidateId, candidateId);
  const perKind = await ctx.tx
    .select({ kind: s.journalEntries.kind, n: count() })
    .from(s.journalEntries)
    .where(mine)
    .groupBy(s.journalEntries.kind);
  for (const row of perKind) counts[row.kind] = row.n;
  const total = input.kind ? counts[input.kind] : perKind.reduce((sum, r) => sum + r.n, 0);
  const rows = await ctx.tx
    .select({
      id: s.journalEntries.id,
      kind: s.journalEntries.kind,
      title: s.journalEntries.title,
      body: s.journalEntries.body,
      createdAt: s.journalEntries.createdAt,
      updatedAt: s.journalEntries.updatedAt,
      interviewId: s.interviews.id,
      interviewStage: s.interviews.stage,
      interviewAt: s.interviews.scheduledAt,
      jobTitle: s.jobs.title,
      clientName: s.clients.name,
      goalId: s.goals.id,
      goalTitle: s.goals.title,
    })
    .from(s.journalEntries)
    .leftJoin(s.interviews, eq(s.interviews.id, s.journalEntries.interviewId))
    .leftJoin(s.jobs, eq(s.jobs.id, s.interviews.jobId))
    .leftJoin(s.clients, eq(s.clients.id, s.jobs.clientId))
    .leftJoin(s.goals, eq(s.goals.id, s.journalEntries.goalId))
    .where(input.kind ? and(mine, eq(s.journalEntries.kind, input.kind)) : mine)
    .orderBy(desc(s.journalEntries.createdAt), desc(s.journalEntries.id))
    .limit(JOURNAL_PAGE_SIZE)
    .offset((input.page - 1) * JOURNAL_PAGE_SIZE);
  return {
    ...empty,
    total,
    rows: rows.map(
      (r): JournalEntry => ({
        id: r.id,
        kind: r.kind,
        title: r.title,
        body: r.body,
        createdAt: r.createdAt,
        updatedAt: r.updatedAt,
        interview:
          r.interviewId && r.interviewStage && r.interviewAt
            ? {
                id: r.interviewId,
                label: interviewLabel({
                  jobTitle: r.jobTitle ?? "Interview",
                  clientName: r.clientName ?? "",
                  stage: r.interviewStage,
                  at: r.interviewAt,
                }),
              }
            : null,
        goal: r.goalId && r.goalTitle ? { id: r.goalId, title: r.goalTitle } : null,
      }),
    ),
  };
}

/** The candidate's interviews (newest first) and goals an entry may be linked to. */
export async function options({ ctx }: { ctx: ProtectedContext }): Promise<JournalOptions> {
  const candidateId = await myCandidateId(ctx);
  if (!candidateId) return { interviews: [], goals: [] };
  const interviews = await ctx.tx
    .select({
      id: s.interviews.id,
      jobTitle: s.jobs.title,
      clientName: s.clients.name,
      stage: s.interviews.stage,
      scheduledAt: s.interviews.scheduledAt,
    })
    .from(s.interviews)
    .innerJoin(s.jobs, eq(s.jobs.id, s.interviews.jobId))
    .innerJoin(s.clients, eq(s.clients.id, s.jobs.clientId))
    .where(eq(s.interviews.candidateId, candidateId))
    .orderBy(desc(s.interviews.scheduledAt))
    .limit(200);
  const goals = await ctx.tx
    .select({ id: s.goals.id, title: s.goals.title })
    .from(s.goals)
    .innerJoin(s.actionPlans, eq(s.actionPlans.id, s.goals.actionPlanId))
    .where(eq(s.actionPlans.candidateId, candidateId))
    .orderBy(desc(s.goals.createdAt))
    .limit(200);
  return { interviews, goals };
}

/** A link must point at one of the candidate's own interviews or goals; named by its field. */
async function checkLinks(
  ctx: ProtectedContext,
  candidateId: string,
  input: { interviewId?: string | null; goalId?: string | null },
) {
  if (input.interviewId) {
    const [row] = await ctx.tx
      .select({ id: s.interviews.id })
      .from(s.interviews)
      .where(
        and(eq(s.interviews.id, input.interviewId), eq(s.interviews.candidateId, candidateId)),
      );
    if (!row) {
      throw new DomainError("NOT_FOUND", "Interview not found", {
        interviewId: ["is not one of your interviews"],
      });
    }
  }
  if (input.goalId) {
    const [row] = await ctx.tx
      .select({ id: s.goals.id })
      .from(s.goals)
      .innerJoin(s.actionPlans, eq(s.actionPlans.id, s.goals.actionPlanId))
      .where(and(eq(s.goals.id, input.goalId), eq(s.actionPlans.candidateId, candidateId)));
    if (!row) {
      throw new DomainError("NOT_FOUND", "Goal not found", {
        goalId: ["is not one of your goals"],
      });
    }
  }
}

export async function create({ ctx, input }: { ctx: ProtectedContext; input: JournalCreateInput }) {
  const candidateId = await requireCandidate(ctx);
  await checkLinks(ctx, candidateId, input);
  const [row] = await ctx.tx
    .insert(s.journalEntries)
    .values({
      agencyId: ctx.user.agencyId,
      candidateId,
      kind: input.kind,
      title: input.title,
      body: input.body,
      interviewId: input.interviewId ?? null,
      goalId: input.goalId ?? null,
    })
    .returning({ id: s.journalEntries.id });
  if (!row) throw new Error("insert returned no row");
  await recordAudit(ctx, {
    action: "journal.created",
    entityType: "journal_entry",
    entityId: row.id,
    metadata: { kind: input.kind },
  });
  return row;
}

async function ownEntry(ctx: ProtectedContext, candidateId: string, id: string) {
  const [row] = await ctx.tx
    .select({ id: s.journalEntries.id })
    .from(s.journalEntries)
    .where(and(eq(s.journalEntries.id, id), eq(s.journalEntries.candidateId, candidateId)));
  if (!row) throw notFound("Journal entry");
  return row;
}

export async function update({ ctx, input }: { ctx: ProtectedContext; input: JournalUpdateInput }) {
  const candidateId = await requireCandidate(ctx);
  const entry = await ownEntry(ctx, candidateId, input.id);
  await checkLinks(ctx, candidateId, input);
  await ctx.tx
    .update(s.journalEntries)
    .set({
      kind: input.kind,
      title: input.title,
      body: input.body,
      interviewId: input.interviewId ?? null,
      goalId: input.goalId ?? null,
    })
    .where(eq(s.journalEntries.id, entry.id));
  await recordAudit(ctx, {
    action: "journal.updated",
    entityType: "journal_entry",
    entityId: entry.id,
    metadata: { kind: input.kind },
  });
  return { id: entry.id };
}

export async function remove({ ctx, input }: { ctx: ProtectedContext; input: { id: string } }) {
  const candidateId = await requireCandidate(ctx);
  const entry = await ownEntry(ctx, candidateId, input.id);
  await ctx.tx.delete(s.journalEntries).where(eq(s.journalEntries.id, entry.id));
  await recordAudit(ctx, {
    action: "journal.deleted",
    entityType: "journal_entry",
    entityId: entry.id,
  });
  return { id: entry.id };
}
