// Deterministic demo data for two agencies (product.md §6). Runs only on an empty database.
import type { InterviewOutcome, InterviewStage, Seniority } from "@debrief/validators";
import { and, count, desc, eq, isNull } from "drizzle-orm";
import type { Database, Tx } from "../client";
import { withTenant } from "../client";
import { hashPassword } from "../password";
import * as s from "../schema";
import {
  createAgency,
  createCandidate,
  createClient,
  createFeedback,
  createInterview,
  createJob,
  createUser,
  type ItemInput,
} from "./factories";

export const DEMO_PASSWORD = "debrief-demo-2026";

/** A small seeded PRNG so every seed produces the same history. */
function prng(seed: number) {
  let a = seed;
  const next = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)] as T;
  return { next, pick };
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

type Person = { name: string; email: string; headline: string };
type AgencySpec = {
  name: string;
  slug: string;
  seed: number;
  requireApproval: boolean;
  staff: { email: string; name: string; role: "admin" | "consultant" }[];
  loginCandidates: Person[];
  otherCandidates: Person[];
  clients: { name: string; industry: string; jobs: [string, Seniority, string[]][] }[];
  interviewCount: number;
};

const strengths: ItemInput[] = [
  {
    lens: "skills_experience",
    kind: "strength",
    detail:
      "Your walkthrough of the payments migration was the clearest technical answer the panel heard: you named the trade-offs and why you chose each one.",
  },
  {
    lens: "skills_experience",
    kind: "strength",
    detail:
      "Strong, current hands-on experience with the exact stack the team uses; the panel had no doubts about your day-one productivity.",
  },
  {
    lens: "interview_style",
    kind: "strength",
    detail:
      "You were warm and confident, and you asked thoughtful questions about how the team measures success.",
  },
  {
    lens: "other_applicants",
    kind: "strength",
    detail:
      "You were one of two finalists; the panel rated your problem solving level with the successful candidate.",
  },
  {
    lens: "interview_style",
    kind: "strength",
    detail:
      "Your answers were concise and you checked whether the panel wanted more detail, which they appreciated.",
  },
];

const gaps: (ItemInput & { reason: string; competency: string })[] = [
  {
    lens: "skills_experience",
    kind: "gap",
    competency: "Measurable impact",
    reason: "Examples lacked measurable results",
    detail:
      "When asked about the onboarding redesign, you described what the team did but not what changed: no conversion, time or cost figures.",
    nextStep:
      "Rewrite your three strongest stories with a number in each result (before/after, % change or time saved) and practise them aloud.",
  },
  {
    lens: "skills_experience",
    kind: "gap",
    competency: "Stakeholder management",
    reason: "Key skill not demonstrated",
    detail:
      "The role reports to the COO; the panel wanted an example of managing a senior stakeholder who disagreed with you, and none came up.",
    nextStep:
      "Prepare one STAR story about changing a senior stakeholder's mind, including what you conceded.",
  },
  {
    lens: "other_applicants",
    kind: "gap",
    competency: "Domain knowledge",
    reason: "Less relevant experience than the successful candidate",
    detail:
      "The successful candidate had four years in regulated lending and could discuss affordability rules in depth.",
    nextStep:
      "Take the free FCA consumer credit module and follow two lending newsletters for a month.",
  },
  {
    lens: "other_applicants",
    kind: "gap",
    competency: "Leadership",
    reason: "Role scope mismatch",
    detail:
      "The successful candidate had already led a team of six; your leadership examples were of leading projects, not people.",
    nextStep:
      "Ask your manager for a mentoring or line-management responsibility and keep notes on what you learn.",
  },
  {
    lens: "interview_style",
    kind: "gap",
    competency: "Communication",
    reason: "Answers lacked structure",
    detail:
      "Two answers ran past five minutes and the panel lost the thread before you reached the outcome.",
    nextStep:
      "Practise answering in the STAR shape within two minutes; record yourself and cut anything that is not situation, action or result.",
  },
  {
    lens: "interview_style",
    kind: "gap",
    competency: "Motivation for the role",
    reason: "Limited knowledge of the company",
    detail:
      "When asked why this company, the answer was general; you had not looked at their recent product launch.",
    nextStep:
      "Before each interview, read the company's last three announcements and prepare one question about each.",
  },
  {
    lens: "skills_experience",
    kind: "gap",
    competency: "Technical depth",
    reason: "Technical assessment below the bar",
    detail:
      "The take-home solved the main case but had no tests and missed the pagination requirement.",
    nextStep:
      "Complete two timed practice exercises with tests first, and re-read the brief against your solution before submitting.",
  },
];

const summaries = [
  "Thank you for your time with the panel. They enjoyed meeting you and were close to a decision in your favour; here is what made the difference.",
  "The client was impressed by your experience but chose a candidate with a closer match on one key area. The detail below should help for the next one.",
  "A strong interview overall. These are the points the panel discussed when they made their decision.",
];

const stages: InterviewStage[] = ["screening", "first", "second", "final", "assessment"];

function outcomeFor(r: number): InterviewOutcome {
  if (r < 0.45) return "rejected";
  if (r < 0.7) return "progressed";
  if (r < 0.82) return "offered";
  if (r < 0.9) return "withdrawn";
  return "pending";
}

async function seedAgency(db: Database, spec: AgencySpec, passwordHash: string, now: number) {
  const rnd = prng(spec.seed);
  const { agencyId, competencies, reasons } = await createAgency(db, {
    name: spec.name,
    slug: spec.slug,
    requireApproval: spec.requireApproval,
  });
  const competencyId = new Map(competencies.map((c) => [c.name, c.id]));
  const reasonId = new Map(reasons.map((r) => [r.label, r.id]));

  await withTenant(db, { agencyId, userId: null, role: "admin" }, async (tx: Tx) => {
    const staff = [];
    for (const u of spec.staff) staff.push(await createUser(tx, agencyId, { ...u, passwordHash }));
    const consultants = staff.filter((u) => u.role === "consultant");
    const candidates = [];
    for (const [i, p] of spec.loginCandidates.entries()) {
      const user = await createUser(tx, agencyId, {
        email: p.email,
        name: p.name,
        role: "candidate",
        passwordHash,
      });
      const owner = consultants[i % consultants.length] ?? staff[0];
      if (!owner) throw new Error("an agency needs staff");
      candidates.push(
        await createCandidate(tx, agencyId, { ...p, ownerId: owner.id, userId: user.id }),
      );
    }
    for (const [i, p] of spec.otherCandidates.entries()) {
      const owner = consultants[i % consultants.length] ?? staff[0];
      if (!owner) throw new Error("an agency needs staff");
      candidates.push(await createCandidate(tx, agencyId, { ...p, ownerId: owner.id }));
    }
    const jobs = [];
    for (const c of spec.clients) {
      const client = await createClient(tx, agencyId, { name: c.name, industry: c.industry });
      for (const [title, seniority, comps] of c.jobs) {
        const ids = comps.map((n) => competencyId.get(n)).filter((x): x is string => !!x);
        jobs.push(
          await createJob(tx, agencyId, {
            clientId: client.id,
            title,
            seniority,
            competencyIds: ids,
          }),
        );
      }
    }

    // The history: interviews spread over the last six months, oldest first.
    for (let i = 0; i < spec.interviewCount; i++) {
      const candidate = candidates[i % candidates.length];
      const job = rnd.pick(jobs);
      if (!candidate || !job) continue;
      const consultantId = candidate.ownerId;
      const daysAgo =
        180 - Math.floor((i / spec.interviewCount) * 170) - Math.floor(rnd.next() * 5);
      const scheduledAt = new Date(now - daysAgo * DAY);
      const outcome = outcomeFor(rnd.next());
      const outcomeAt = new Date(scheduledAt.getTime() + (1 + Math.floor(rnd.next() * 4)) * DAY);
      const interview = await createInterview(tx, agencyId, {
        candidateId: candidate.id,
        jobId: job.id,
        consultantId,
        stage: rnd.pick(stages),
        scheduledAt,
        outcome: outcome === "pending" || outcomeAt.getTime() > now ? "pending" : outcome,
        outcomeAt,
      });
      if (interview.outcome !== "rejected") continue;
      // Older rejections all have feedback; a few recent ones stay owed (the dashboard's work).
      const recent = daysAgo < 30;
      if (recent && rnd.next() < 0.3) continue;
      const gapA = rnd.pick(gaps);
      const gapB = rnd.pick(gaps.filter((g) => g.lens !== gapA.lens));
      const items = [rnd.pick(strengths), gapA, gapB].map(
        ({
          reason,
          competency,
          ...item
        }: ItemInput & { reason?: string; competency?: string }) => ({
          ...item,
          competencyId: competency ? (competencyId.get(competency) ?? null) : null,
          reasonId: reason ? (reasonId.get(reason) ?? null) : null,
        }),
      );
      const publishedAt = new Date(outcomeAt.getTime() + (6 + Math.floor(rnd.next() * 90)) * HOUR);
      const draft = recent && rnd.next() < 0.3;
      const fb = await createFeedback(tx, agencyId, {
        interviewId: interview.id,
        authorId: consultantId,
        summary: rnd.pick(summaries),
        status: draft ? "draft" : "published",
        publishedAt: draft ? null : publishedAt,
        readAt: draft || rnd.next() < 0.25 ? null : new Date(publishedAt.getTime() + 5 * HOUR),
        acknowledgedAt:
          draft || rnd.next() < 0.45 ? null : new Date(publishedAt.getTime() + 8 * HOUR),
        items,
      });
      if (!draft && fb.readAt) {
        for (const item of fb.items) {
          if (rnd.next() < 0.6) {
            await tx.insert(s.itemResponses).values({
              agencyId,
              feedbackItemId: item.id,
              candidateId: candidate.id,
              helpful: rnd.next() < 0.8,
            });
          }
        }
        if (rnd.next() < 0.5) {
          const gap = fb.items.find((it) => it.kind === "gap");
          const [plan] = await tx
            .insert(s.actionPlans)
            .values({
              agencyId,
              candidateId: candidate.id,
              feedbackId: fb.id,
              title: `After ${job.title}`,
              // Dated in the history rather than at seeding time, like the goals' steps.
              createdAt: new Date(publishedAt.getTime() + 2 * DAY),
              updatedAt: new Date(publishedAt.getTime() + 2 * DAY),
            })
            .returning();
          if (plan && gap) {
            const done = rnd.next() < 0.4;
            const [goal] = await tx
              .insert(s.goals)
              .values({
                agencyId,
                actionPlanId: plan.id,
                title: gap.nextStep ?? "Close this gap",
                measure: "Every step below ticked, and the result shown to my consultant",
                targetDate: new Date(publishedAt.getTime() + 30 * DAY).toISOString().slice(0, 10),
                status: done ? "done" : "in_progress",
                completedAt: done ? new Date(publishedAt.getTime() + 20 * DAY) : null,
              })
              .returning();
            if (goal) {
              await tx
                .insert(s.goalItems)
                .values({ agencyId, goalId: goal.id, feedbackItemId: gap.id });
              await tx.insert(s.goalSteps).values(
                [
                  "Draft the first version",
                  "Get feedback from my consultant",
                  "Practise aloud twice",
                ].map((title, position) => ({
                  agencyId,
                  goalId: goal.id,
                  title,
                  position,
                  dueDate: new Date(publishedAt.getTime() + (7 + position * 7) * DAY)
                    .toISOString()
                    .slice(0, 10),
                  doneAt:
                    done || position === 0
                      ? new Date(publishedAt.getTime() + (5 + position * 6) * DAY)
                      : null,
                })),
              );
            }
          }
        }
      }
    }

    // Recent rejections still owed feedback: two overdue, two within the SLA, for the login candidates.
    const recent = [80, 100, 20, 5];
    for (const [i, hoursAgo] of recent.entries()) {
      const candidate = candidates[i % Math.max(1, spec.loginCandidates.length)];
      const job = jobs[i % jobs.length];
      if (!candidate || !job) continue;
      const interview = await createInterview(tx, agencyId, {
        candidateId: candidate.id,
        jobId: job.id,
        consultantId: candidate.ownerId,
        stage: stages[(i + 1) % stages.length] ?? "first",
        scheduledAt: new Date(now - (hoursAgo + 30) * HOUR),
        outcome: "rejected",
        outcomeAt: new Date(now - hoursAgo * HOUR),
      });
      // Where approval is required, one of them waits for a second consultant.
      if (spec.requireApproval && hoursAgo === 5) {
        const fb = await createFeedback(tx, agencyId, {
          interviewId: interview.id,
          authorId: candidate.ownerId,
          summary: rnd.pick(summaries),
          items: [strengths[0], gaps[0]].flatMap((item) =>
            item
              ? [
                  {
                    lens: item.lens,
                    kind: item.kind,
                    detail: item.detail,
                    nextStep: item.nextStep ?? null,
                    reasonId: item.kind === "gap" ? (reasons[0]?.id ?? null) : null,
                  },
                ]
              : [],
          ),
        });
        await tx
          .update(s.feedback)
          .set({ status: "in_review", submittedAt: new Date(now - 2 * HOUR) })
          .where(eq(s.feedback.id, fb.id));
      }
    }

    const first = candidates[0];
    if (first?.userId) {
      // A question from the candidate, still waiting for the consultant's answer.
      const [latest] = await tx
        .select({ id: s.feedback.id, publishedAt: s.feedback.publishedAt })
        .from(s.feedback)
        .innerJoin(s.interviews, eq(s.interviews.id, s.feedback.interviewId))
        .where(and(eq(s.interviews.candidateId, first.id), eq(s.feedback.status, "published")))
        .orderBy(desc(s.feedback.publishedAt))
        .limit(1);
      if (latest) {
        await tx.insert(s.clarificationMessages).values({
          agencyId,
          feedbackId: latest.id,
          authorId: first.userId,
          body: "Thank you for this. Could you say what a stronger answer on stakeholder management would have included?",
          createdAt: new Date(now - 6 * HOUR),
        });
        // Asking about it means they opened it.
        await tx
          .update(s.feedback)
          .set({
            readAt: new Date(Math.max(latest.publishedAt?.getTime() ?? 0, now - 7 * HOUR)),
          })
          .where(and(eq(s.feedback.id, latest.id), isNull(s.feedback.readAt)));
      }
      // An earlier question the consultant already answered, so a thread shows both sides.
      const [earlier] = await tx
        .select({ id: s.feedback.id, publishedAt: s.feedback.publishedAt })
        .from(s.feedback)
        .innerJoin(s.interviews, eq(s.interviews.id, s.feedback.interviewId))
        .where(and(eq(s.interviews.candidateId, first.id), eq(s.feedback.status, "published")))
        .orderBy(desc(s.feedback.publishedAt))
        .offset(1)
        .limit(1);
      if (earlier?.publishedAt) {
        const asked = Math.min(earlier.publishedAt.getTime() + 20 * HOUR, now - 4 * HOUR);
        await tx.insert(s.clarificationMessages).values([
          {
            agencyId,
            feedbackId: earlier.id,
            authorId: first.userId,
            body: "When you say two answers ran long, which ones were they? I thought most of mine were short.",
            createdAt: new Date(asked),
          },
          {
            agencyId,
            feedbackId: earlier.id,
            authorId: first.ownerId,
            body: "Just the two longest, both about the platform migration: the panel wanted the result sooner. The rest were a good length. Try the two-minute STAR drill on those two stories first.",
            createdAt: new Date(asked + 3 * HOUR),
          },
        ]);
      }
    }
    if (first) {
      // Encouragement from the owning consultant on the candidate's latest goal still in progress.
      const [goal] = await tx
        .select({ id: s.goals.id })
        .from(s.goals)
        .innerJoin(s.actionPlans, eq(s.actionPlans.id, s.goals.actionPlanId))
        .where(and(eq(s.actionPlans.candidateId, first.id), eq(s.goals.status, "in_progress")))
        .orderBy(desc(s.goals.targetDate), desc(s.goals.id))
        .limit(1);
      if (goal) {
        await tx.insert(s.goalComments).values({
          agencyId,
          goalId: goal.id,
          authorId: first.ownerId,
          body: "Good progress: the first step is done already. Tell me how the next one goes and we can go through it together before your next interview.",
          createdAt: new Date(now - 26 * HOUR),
        });
      }
    }
    if (first) {
      await tx.insert(s.journalEntries).values([
        {
          agencyId,
          candidateId: first.id,
          kind: "win",
          title: "Got through to the final round",
          body: "First time I've reached a final stage. The STAR practice is working.",
        },
        {
          agencyId,
          candidateId: first.id,
          kind: "reflection",
          title: "What I learned this month",
          body: "I talk too long when I'm nervous. Two-minute answers felt short but landed better.",
        },
        {
          agencyId,
          candidateId: first.id,
          kind: "preparation",
          title: "Questions to ask next time",
          body: "How does the team measure success in the first 90 days? What would make someone great here?",
        },
      ]);
    }
  });
  return agencyId;
}

const northwind: AgencySpec = {
  name: "Northwind Talent",
  slug: "northwind",
  seed: 20261126,
  requireApproval: false,
  staff: [
    { email: "admin@northwind.test", name: "Alex Morgan", role: "admin" },
    { email: "consultant@northwind.test", name: "Priya Shah", role: "consultant" },
    { email: "consultant2@northwind.test", name: "Tom Becker", role: "consultant" },
  ],
  loginCandidates: [
    { email: "candidate@northwind.test", name: "Jordan Lee", headline: "Product manager, fintech" },
    { email: "candidate2@northwind.test", name: "Sam Rivera", headline: "Senior backend engineer" },
  ],
  otherCandidates: [
    ["Amara Okafor", "Data analyst"],
    ["Ben Carter", "Engineering manager"],
    ["Chloé Martin", "UX designer"],
    ["Dev Patel", "DevOps engineer"],
    ["Elena Rossi", "Marketing lead"],
    ["Felix Wagner", "Frontend engineer"],
    ["Grace Kim", "Finance business partner"],
    ["Hugo Silva", "Customer success manager"],
    ["Isla Brown", "Product designer"],
    ["Jonas Berg", "Data engineer"],
    ["Kemi Adeyemi", "Head of marketing"],
    ["Liam O'Connor", "Site reliability engineer"],
    ["Maya Cohen", "Business analyst"],
    ["Nikhil Rao", "Backend engineer"],
    ["Olivia Grant", "Operations lead"],
    ["Pablo Ortega", "Mobile engineer"],
    ["Quinn Taylor", "Finance manager"],
    ["Rosa Martins", "QA engineer"],
    ["Sven Larsen", "Solutions architect"],
    ["Tara Walsh", "Programme manager"],
  ].map(([name = "", headline = ""]) => ({
    name,
    headline,
    email: `${name.toLowerCase().replace(/[^a-z]+/g, ".")}@example.test`,
  })),
  clients: [
    {
      name: "Aurora Fintech",
      industry: "Financial services",
      jobs: [
        ["Senior Product Manager", "senior", ["Stakeholder management", "Measurable impact"]],
        ["Backend Engineer", "mid", ["Technical depth", "Problem solving"]],
      ],
    },
    {
      name: "Helix Health",
      industry: "Healthcare",
      jobs: [
        ["Data Analyst", "mid", ["Technical depth", "Communication"]],
        ["Head of Engineering", "lead", ["Leadership", "Commercial awareness"]],
      ],
    },
    {
      name: "Brightline Logistics",
      industry: "Logistics",
      jobs: [
        ["Operations Manager", "senior", ["Leadership", "Stakeholder management"]],
        ["UX Designer", "mid", ["Collaboration", "Communication"]],
      ],
    },
    {
      name: "Cobalt Games",
      industry: "Entertainment",
      jobs: [["Frontend Engineer", "junior", ["Technical depth", "Collaboration"]]],
    },
  ],
  interviewCount: 260,
};

const globex: AgencySpec = {
  name: "Globex Recruiting",
  slug: "globex",
  seed: 4242,
  requireApproval: true,
  staff: [
    { email: "admin@globex.test", name: "Morgan Blake", role: "admin" },
    { email: "consultant@globex.test", name: "Riley Chen", role: "consultant" },
  ],
  loginCandidates: [
    { email: "candidate@globex.test", name: "Casey Nguyen", headline: "Account executive" },
  ],
  otherCandidates: [
    { name: "Drew Hall", headline: "Sales development rep", email: "drew.hall@example.test" },
    { name: "Jamie Fox", headline: "Business analyst", email: "jamie.fox@example.test" },
    { name: "Noor Haddad", headline: "Project manager", email: "noor.haddad@example.test" },
    { name: "Omar Farouk", headline: "Account manager", email: "omar.farouk@example.test" },
    { name: "Priya Nair", headline: "Sales engineer", email: "priya.nair@example.test" },
    { name: "Ruth Adams", headline: "Customer success lead", email: "ruth.adams@example.test" },
    { name: "Tomás Vega", headline: "Partnerships manager", email: "tomas.vega@example.test" },
  ],
  clients: [
    {
      name: "Initech",
      industry: "Software",
      jobs: [
        ["Account Executive", "mid", ["Commercial awareness", "Communication"]],
        ["Business Analyst", "mid", ["Problem solving", "Stakeholder management"]],
      ],
    },
    {
      name: "Umbrella Retail",
      industry: "Retail",
      jobs: [["Regional Sales Manager", "senior", ["Leadership", "Measurable impact"]]],
    },
  ],
  interviewCount: 130,
};

export type SeedResult = { seeded: boolean };

/** Seeds the demo agencies when the database holds none. */
export async function seedDemo(
  db: Database,
  { now = Date.now() }: { now?: number } = {},
): Promise<SeedResult> {
  // Runs as the owner (superuser or BYPASSRLS, see docs/architecture.md), which sees every agency.
  const [row] = await db.select({ n: count() }).from(s.agencies);
  if ((row?.n ?? 0) > 0) return { seeded: false };
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await seedAgency(db, northwind, passwordHash, now);
  await seedAgency(db, globex, passwordHash, now);
  return { seeded: true };
}

export const demoAccounts = [
  ...northwind.staff,
  ...northwind.loginCandidates.map((c) => ({ ...c, role: "candidate" })),
  ...globex.staff,
  ...globex.loginCandidates.map((c) => ({ ...c, role: "candidate" })),
].map((a) => ({
  agency: a.email.endsWith("@northwind.test") ? northwind.name : globex.name,
  email: a.email,
  role: a.role,
}));

/** The seed writes known passwords: it refuses any server that is not on this machine. */
export function assertLocal(url: string): void {
  const host = new URL(url).hostname;
  if (!["localhost", "127.0.0.1", "[::1]", "::1"].includes(host)) {
    throw new Error(
      `DATABASE_URL: refusing to seed demo accounts into a non-local server (${host})`,
    );
  }
}
