// Across the candidate's published feedback: what recurs (patterns), and what helps with the next
// interview (open goals, interview-style tips, the agency's outcome rates by stage).
import { and, asc, desc, eq, inArray, schema as s, sql } from "@debrief/db";
import {
  interviewStages,
  MIN_DECIDED_FOR_RATES,
  PATTERN_WINDOW,
  type Pattern,
  type Patterns,
  type Prepare,
  type PrepareTip,
  type StageRate,
} from "@debrief/validators";
import type { ProtectedContext } from "../trpc";
import { myCandidateId } from "./my-feedback";

const published = (candidateId: string) =>
  and(eq(s.interviews.candidateId, candidateId), eq(s.feedback.status, "published"));

/** The candidate's published feedback, newest first, with its job; at most `limit`. */
async function recentFeedback(ctx: ProtectedContext, candidateId: string, limit: number) {
  return ctx.tx
    .select({
      id: s.feedback.id,
      publishedAt: s.feedback.publishedAt,
      jobTitle: s.jobs.title,
      clientName: s.clients.name,
    })
    .from(s.feedback)
    .innerJoin(s.interviews, eq(s.interviews.id, s.feedback.interviewId))
    .innerJoin(s.jobs, eq(s.jobs.id, s.interviews.jobId))
    .innerJoin(s.clients, eq(s.clients.id, s.jobs.clientId))
    .where(published(candidateId))
    .orderBy(desc(s.feedback.publishedAt), desc(s.feedback.id))
    .limit(limit);
}

type Source = Pattern["sources"][number];

/** Groups sources by label; a label's count is the number of distinct interviews mentioning it. */
function tally(entries: { label: string | null; source: Source }[]): Pattern[] {
  const groups = new Map<string, { feedback: Set<string>; sources: Source[] }>();
  for (const { label, source } of entries) {
    if (!label) continue;
    const group = groups.get(label) ?? { feedback: new Set(), sources: [] };
    group.feedback.add(source.feedbackId);
    group.sources.push(source);
    groups.set(label, group);
  }
  return [...groups.entries()]
    .map(([label, g]) => ({
      label,
      count: g.feedback.size,
      sources: g.sources.sort((a, b) => b.publishedAt.getTime() - a.publishedAt.getTime()),
    }))
    .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
}

export async function patterns({ ctx }: { ctx: ProtectedContext }): Promise<Patterns> {
  const none: Patterns = { window: 0, reasons: [], gapCompetencies: [], strengths: [] };
  const candidateId = await myCandidateId(ctx);
  if (!candidateId) return none;
  const feedback = await recentFeedback(ctx, candidateId, PATTERN_WINDOW);
  if (feedback.length === 0) return none;
  const byId = new Map(feedback.map((f) => [f.id, f]));
  const items = await ctx.tx
    .select({
      id: s.feedbackItems.id,
      feedbackId: s.feedbackItems.feedbackId,
      kind: s.feedbackItems.kind,
      detail: s.feedbackItems.detail,
      competency: s.competencies.name,
      reason: s.reasons.label,
    })
    .from(s.feedbackItems)
    .leftJoin(s.competencies, eq(s.competencies.id, s.feedbackItems.competencyId))
    .leftJoin(s.reasons, eq(s.reasons.id, s.feedbackItems.reasonId))
    .where(
      inArray(
        s.feedbackItems.feedbackId,
        feedback.map((f) => f.id),
      ),
    );
  const sourced = items.flatMap((item) => {
    const fb = byId.get(item.feedbackId);
    if (!fb) return [];
    const source: Source = {
      itemId: item.id,
      feedbackId: fb.id,
      jobTitle: fb.jobTitle,
      clientName: fb.clientName,
      publishedAt: fb.publishedAt ?? new Date(0),
      detail: item.detail,
    };
    return [{ ...item, source }];
  });
  const gaps = sourced.filter((i) => i.kind === "gap");
  return {
    window: feedback.length,
    reasons: tally(gaps.map((i) => ({ label: i.reason, source: i.source }))),
    gapCompetencies: tally(gaps.map((i) => ({ label: i.competency, source: i.source }))),
    strengths: tally(
      sourced
        .filter((i) => i.kind === "strength")
        .map((i) => ({ label: i.competency, source: i.source })),
    ),
  };
}

const MAX_TIPS = 12;
/** Interview-style tips come from this many of the most recent published feedbacks. */
const TIP_WINDOW = 20;

async function openGoals(ctx: ProtectedContext, candidateId: string): Promise<Prepare["goals"]> {
  const goals = await ctx.tx
    .select({
      id: s.goals.id,
      title: s.goals.title,
      measure: s.goals.measure,
      targetDate: s.goals.targetDate,
      status: s.goals.status,
    })
    .from(s.goals)
    .innerJoin(s.actionPlans, eq(s.actionPlans.id, s.goals.actionPlanId))
    .where(
      and(
        eq(s.actionPlans.candidateId, candidateId),
        inArray(s.goals.status, ["not_started", "in_progress"]),
      ),
    )
    .orderBy(asc(s.goals.targetDate), asc(s.goals.id))
    .limit(50);
  if (goals.length === 0) return [];
  const steps = await ctx.tx
    .select({
      goalId: s.goalSteps.goalId,
      title: s.goalSteps.title,
      dueDate: s.goalSteps.dueDate,
      doneAt: s.goalSteps.doneAt,
    })
    .from(s.goalSteps)
    .where(
      inArray(
        s.goalSteps.goalId,
        goals.map((g) => g.id),
      ),
    )
    .orderBy(asc(s.goalSteps.position), asc(s.goalSteps.createdAt));
  return goals.map((goal) => {
    const own = steps.filter((st) => st.goalId === goal.id);
    const next = own.find((st) => !st.doneAt);
    return {
      ...goal,
      stepsDone: own.filter((st) => st.doneAt).length,
      stepsTotal: own.length,
      nextStep: next ? { title: next.title, dueDate: next.dueDate } : null,
    };
  });
}

/** Interview-style points, newest first, one per distinct tip (the same advice twice counts twice). */
async function interviewTips(ctx: ProtectedContext, candidateId: string): Promise<PrepareTip[]> {
  const feedback = await recentFeedback(ctx, candidateId, TIP_WINDOW);
  if (feedback.length === 0) return [];
  const byId = new Map(feedback.map((f) => [f.id, f]));
  const items = await ctx.tx
    .select({
      id: s.feedbackItems.id,
      feedbackId: s.feedbackItems.feedbackId,
      kind: s.feedbackItems.kind,
      detail: s.feedbackItems.detail,
      nextStep: s.feedbackItems.nextStep,
      competency: s.competencies.name,
    })
    .from(s.feedbackItems)
    .leftJoin(s.competencies, eq(s.competencies.id, s.feedbackItems.competencyId))
    .where(
      and(
        inArray(
          s.feedbackItems.feedbackId,
          feedback.map((f) => f.id),
        ),
        eq(s.feedbackItems.lens, "interview_style"),
      ),
    );
  const tips = new Map<string, PrepareTip>();
  const newestFirst = items
    .flatMap((item) => {
      const fb = byId.get(item.feedbackId);
      return fb ? [{ ...item, fb, at: fb.publishedAt ?? new Date(0) }] : [];
    })
    .sort((a, b) => b.at.getTime() - a.at.getTime() || a.id.localeCompare(b.id));
  for (const item of newestFirst) {
    // A gap's tip is its next step; a strength is something to keep doing.
    const text = item.kind === "gap" ? (item.nextStep ?? item.detail) : item.detail;
    const key = `${item.kind}:${text.trim().toLowerCase()}`;
    const seen = tips.get(key);
    if (seen) {
      seen.times += 1;
      continue;
    }
    tips.set(key, {
      id: item.id,
      kind: item.kind,
      text,
      context: item.kind === "gap" && item.nextStep ? item.detail : null,
      competency: item.competency,
      times: 1,
      feedbackId: item.fb.id,
      jobTitle: item.fb.jobTitle,
      publishedAt: item.at,
    });
  }
  // Gaps to work on first, then strengths to keep; each newest first.
  const all = [...tips.values()];
  return [
    ...all.filter((t) => t.kind === "gap"),
    ...all.filter((t) => t.kind === "strength"),
  ].slice(0, MAX_TIPS);
}

/**
 * The agency's outcome rates by stage: counts only, never rows. Row-level security scopes the
 * query to the caller's agency; withdrawn and pending interviews are not decisions.
 */
export async function stageRates(ctx: ProtectedContext): Promise<StageRate[]> {
  const rows = await ctx.tx
    .select({
      stage: s.interviews.stage,
      offered: sql<number>`count(*) filter (where ${s.interviews.outcome} = 'offered')::int`,
      progressed: sql<number>`count(*) filter (where ${s.interviews.outcome} = 'progressed')::int`,
      rejected: sql<number>`count(*) filter (where ${s.interviews.outcome} = 'rejected')::int`,
    })
    .from(s.interviews)
    .where(inArray(s.interviews.outcome, ["offered", "progressed", "rejected"]))
    .groupBy(s.interviews.stage);
  const byStage = new Map(rows.map((r) => [r.stage, r]));
  return interviewStages.map((stage) => {
    const row = byStage.get(stage);
    const decided = row ? row.offered + row.progressed + row.rejected : 0;
    if (!row || decided < MIN_DECIDED_FOR_RATES) return { stage, rates: null };
    return {
      stage,
      rates: { decided, offered: row.offered, progressed: row.progressed, rejected: row.rejected },
    };
  });
}

export async function prepare({ ctx }: { ctx: ProtectedContext }): Promise<Prepare> {
  const candidateId = await myCandidateId(ctx);
  return {
    goals: candidateId ? await openGoals(ctx, candidateId) : [],
    tips: candidateId ? await interviewTips(ctx, candidateId) : [],
    stageRates: await stageRates(ctx),
    minDecided: MIN_DECIDED_FOR_RATES,
  };
}
