// Insert helpers shared by the demo seed and the tests. Each runs inside withTenant for its agency.
import { createHash, randomBytes } from "node:crypto";
import type {
  FeedbackStatus,
  InterviewOutcome,
  InterviewStage,
  ItemKind,
  Lens,
  Role,
  Seniority,
  UserStatus,
} from "@debrief/validators";
import type { Database, Tx } from "../client";
import { withTenant } from "../client";
import * as s from "../schema";
import { defaultCompetencies, defaultReasons, defaultTemplates } from "./taxonomy";

function one<T>(rows: T[]): T {
  const [row] = rows;
  if (!row) throw new Error("insert returned no row");
  return row;
}

export type AgencyInput = {
  name: string;
  slug: string;
  feedbackSlaHours?: number;
  requireApproval?: boolean;
};

/** Creates an agency with the default taxonomy; returns its id and taxonomy ids. */
export async function createAgency(db: Database, input: AgencyInput) {
  const agencyId = crypto.randomUUID();
  return withTenant(db, { agencyId, userId: null, role: "admin" }, async (tx) => {
    await tx.insert(s.agencies).values({ id: agencyId, ...input });
    const competencies = await tx
      .insert(s.competencies)
      .values(defaultCompetencies.map(([name, description]) => ({ agencyId, name, description })))
      .returning({ id: s.competencies.id, name: s.competencies.name });
    const reasons = await tx
      .insert(s.reasons)
      .values(defaultReasons.map(([label, description]) => ({ agencyId, label, description })))
      .returning({ id: s.reasons.id, label: s.reasons.label });
    const competencyId = new Map(competencies.map((c) => [c.name, c.id]));
    const reasonId = new Map(reasons.map((r) => [r.label, r.id]));
    for (const template of defaultTemplates) {
      const [row] = await tx
        .insert(s.templates)
        .values({ agencyId, name: template.name, description: template.description })
        .returning({ id: s.templates.id });
      if (!row) continue;
      await tx.insert(s.templateItems).values(
        template.items.map((item, position) => ({
          agencyId,
          templateId: row.id,
          position,
          lens: item.lens,
          kind: item.kind,
          competencyId: competencyId.get(item.competency) ?? null,
          reasonId: item.reason ? (reasonId.get(item.reason) ?? null) : null,
          detail: item.detail,
          nextStep: item.nextStep ?? null,
        })),
      );
    }
    return { agencyId, competencies, reasons };
  });
}

export type UserInput = {
  email: string;
  name: string;
  role: Role;
  status?: UserStatus;
  passwordHash?: string | null;
};

export async function createUser(tx: Tx, agencyId: string, input: UserInput) {
  return one(
    await tx
      .insert(s.users)
      .values({ agencyId, status: "active", passwordHash: null, ...input })
      .returning(),
  );
}

/**
 * Someone invited but not yet signed up: a users row (status invited, no password) and a pending
 * invitation whose token is returned (the database keeps only its SHA-256 hash, as the api does).
 */
export async function createInvitedUser(
  tx: Tx,
  agencyId: string,
  input: {
    email: string;
    name: string;
    role: Role;
    invitedById: string | null;
    /** Default: seven days from now. */
    expiresAt?: Date;
  },
) {
  const user = await createUser(tx, agencyId, {
    email: input.email,
    name: input.name,
    role: input.role,
    status: "invited",
    passwordHash: null,
  });
  const token = randomBytes(32).toString("base64url");
  const invitation = one(
    await tx
      .insert(s.invitations)
      .values({
        agencyId,
        userId: user.id,
        invitedById: input.invitedById,
        tokenHash: createHash("sha256").update(token).digest("hex"),
        expiresAt: input.expiresAt ?? new Date(Date.now() + 7 * 86_400_000),
      })
      .returning(),
  );
  return { user, invitation, token };
}

export async function createCandidate(
  tx: Tx,
  agencyId: string,
  input: {
    name: string;
    email: string;
    ownerId: string;
    userId?: string | null;
    headline?: string;
  },
) {
  return one(
    await tx
      .insert(s.candidates)
      .values({ agencyId, ...input })
      .returning(),
  );
}

export async function createClient(
  tx: Tx,
  agencyId: string,
  input: { name: string; industry?: string },
) {
  return one(
    await tx
      .insert(s.clients)
      .values({ agencyId, ...input })
      .returning(),
  );
}

export async function createJob(
  tx: Tx,
  agencyId: string,
  input: { clientId: string; title: string; seniority: Seniority; competencyIds?: string[] },
) {
  const { competencyIds = [], ...values } = input;
  const job = one(
    await tx
      .insert(s.jobs)
      .values({ agencyId, ...values })
      .returning(),
  );
  if (competencyIds.length) {
    await tx
      .insert(s.jobCompetencies)
      .values(competencyIds.map((competencyId) => ({ agencyId, jobId: job.id, competencyId })));
  }
  return job;
}

export async function createInterview(
  tx: Tx,
  agencyId: string,
  input: {
    candidateId: string;
    jobId: string;
    consultantId: string;
    stage: InterviewStage;
    scheduledAt: Date;
    outcome?: InterviewOutcome;
    outcomeAt?: Date | null;
  },
) {
  const outcome = input.outcome ?? "pending";
  const outcomeAt = outcome === "pending" ? null : (input.outcomeAt ?? input.scheduledAt);
  return one(
    await tx
      .insert(s.interviews)
      .values({ agencyId, ...input, outcome, outcomeAt })
      .returning(),
  );
}

export type ItemInput = {
  lens: Lens;
  kind: ItemKind;
  competencyId?: string | null;
  reasonId?: string | null;
  detail: string;
  nextStep?: string | null;
};

export async function createFeedback(
  tx: Tx,
  agencyId: string,
  input: {
    interviewId: string;
    authorId: string;
    summary: string;
    status?: FeedbackStatus;
    publishedAt?: Date | null;
    readAt?: Date | null;
    acknowledgedAt?: Date | null;
    items: ItemInput[];
  },
) {
  const { items, status = "draft", publishedAt, ...values } = input;
  const published = status === "published" ? (publishedAt ?? new Date()) : null;
  const fb = one(
    await tx
      .insert(s.feedback)
      .values({ agencyId, ...values, status, publishedAt: published, firstPublishedAt: published })
      .returning(),
  );
  const rows = items.length
    ? await tx
        .insert(s.feedbackItems)
        .values(items.map((item, position) => ({ agencyId, feedbackId: fb.id, position, ...item })))
        .returning()
    : [];
  return { ...fb, items: rows };
}

/** A signed-in user as the tRPC context sees one (the api package's SessionUser shape). */
export type FixtureUser = {
  id: string;
  role: Role;
  agencyId: string;
  name: string;
  email: string;
  agencyName: string;
};

export type AgencyFixtureOptions = {
  /** Names the agency; a random suffix keeps slugs and emails unique in a shared test database. */
  label?: string;
  requireApproval?: boolean;
  feedbackSlaHours?: number;
  /** Hash for every user; without one, nobody can sign in (the placeholder matches no password). */
  passwordHash?: string;
  now?: number;
};

const FIXTURE_HOUR = 3_600_000;
// Not an argon2 hash: verifyPassword rejects it, yet active users need a non-null hash.
const NO_LOGIN_HASH = "!fixture-user-cannot-sign-in";

/**
 * One complete agency for tests: an admin, two consultants, a disabled consultant, two candidates
 * with logins (both owned by consultant 1), a client and a job, and for candidate A a rejected
 * interview still owed feedback (overdue), one with published feedback and one with a draft;
 * for candidate B one published feedback. `db` may be the RLS-bound app role: every write runs
 * inside withTenant for the new agency.
 */
export async function createAgencyFixture(db: Database, opts: AgencyFixtureOptions = {}) {
  const suffix = crypto.randomUUID().slice(0, 8);
  const label = opts.label ?? "Fixture";
  const name = `${label} Agency ${suffix}`;
  const slug = `${label.toLowerCase().replace(/[^a-z0-9]+/g, "-")}-${suffix}`;
  const now = opts.now ?? Date.now();
  const passwordHash = opts.passwordHash ?? NO_LOGIN_HASH;
  const { agencyId, competencies, reasons } = await createAgency(db, {
    name,
    slug,
    requireApproval: opts.requireApproval ?? false,
    feedbackSlaHours: opts.feedbackSlaHours ?? 72,
  });
  const competency = (i: number) => competencies[i % competencies.length]?.id ?? null;
  const reason = (i: number) => reasons[i % reasons.length]?.id ?? null;
  const email = (local: string) => `${local}.${suffix}@${slug}.test`;
  const hoursAgo = (h: number) => new Date(now - h * FIXTURE_HOUR);

  return withTenant(db, { agencyId, userId: null, role: "admin" }, async (tx) => {
    const user = async (
      local: string,
      userName: string,
      role: Role,
      status: UserStatus = "active",
    ) => {
      const row = await createUser(tx, agencyId, {
        email: email(local),
        name: userName,
        role,
        status,
        passwordHash,
      });
      const session: FixtureUser = {
        id: row.id,
        role: row.role,
        agencyId,
        name: row.name,
        email: row.email,
        agencyName: name,
      };
      return session;
    };
    const admin = await user("admin", "Ada Admin", "admin");
    const consultant = await user("consultant", "Cora Consultant", "consultant");
    const consultant2 = await user("consultant2", "Cal Consultant", "consultant");
    const disabledConsultant = await user("disabled", "Dee Disabled", "consultant", "disabled");
    const candidateUserA = await user("candidate-a", "Ari Candidate", "candidate");
    const candidateUserB = await user("candidate-b", "Bo Candidate", "candidate");

    const candidateA = await createCandidate(tx, agencyId, {
      name: candidateUserA.name,
      email: candidateUserA.email,
      ownerId: consultant.id,
      userId: candidateUserA.id,
      headline: "Product manager",
    });
    const candidateB = await createCandidate(tx, agencyId, {
      name: candidateUserB.name,
      email: candidateUserB.email,
      ownerId: consultant.id,
      userId: candidateUserB.id,
      headline: "Backend engineer",
    });
    const client = await createClient(tx, agencyId, {
      name: `Client ${suffix}`,
      industry: "Software",
    });
    const job = await createJob(tx, agencyId, {
      clientId: client.id,
      title: "Senior Product Manager",
      seniority: "senior",
      competencyIds: [competency(0), competency(1)].filter((c): c is string => c !== null),
    });

    const rejected = (candidateId: string, rejectedHoursAgo: number, stage: InterviewStage) =>
      createInterview(tx, agencyId, {
        candidateId,
        jobId: job.id,
        consultantId: consultant.id,
        stage,
        scheduledAt: hoursAgo(rejectedHoursAgo + 48),
        outcome: "rejected",
        outcomeAt: hoursAgo(rejectedHoursAgo),
      });
    // Owed: rejected 100 hours ago, past the 72-hour SLA. Draft: rejected 20 hours ago, within it.
    const owedInterview = await rejected(candidateA.id, 100, "first");
    const publishedInterview = await rejected(candidateA.id, 240, "second");
    const draftInterview = await rejected(candidateA.id, 20, "final");
    const publishedInterviewB = await rejected(candidateB.id, 200, "first");

    // Stored with a gap before a strength in the same lens: readers must still put strengths first.
    const publishedItems: ItemInput[] = [
      {
        lens: "skills_experience",
        kind: "gap",
        competencyId: competency(7),
        reasonId: reason(0),
        detail: "Your examples described activity but gave no numbers for the results.",
        nextStep: "Rewrite your three strongest stories with a measurable result in each.",
      },
      {
        lens: "skills_experience",
        kind: "strength",
        competencyId: competency(0),
        detail: "A clear, well-reasoned walkthrough of the payments migration.",
      },
      {
        lens: "other_applicants",
        kind: "gap",
        competencyId: competency(6),
        reasonId: reason(2),
        detail: "The successful candidate had four years in regulated lending.",
        nextStep: "Take an introductory consumer-credit course.",
      },
      {
        lens: "interview_style",
        kind: "strength",
        competencyId: competency(2),
        detail: "Warm and confident, with thoughtful questions for the panel.",
      },
    ];
    const publishedFeedback = await createFeedback(tx, agencyId, {
      interviewId: publishedInterview.id,
      authorId: consultant.id,
      summary: "Close call: here is what made the difference.",
      status: "published",
      publishedAt: hoursAgo(200),
      items: publishedItems,
    });
    const draftFeedback = await createFeedback(tx, agencyId, {
      interviewId: draftInterview.id,
      authorId: consultant.id,
      summary: "Draft: the panel liked your energy.",
      items: [
        {
          lens: "interview_style",
          kind: "strength",
          competencyId: competency(2),
          detail: "Energetic and engaged throughout.",
        },
        {
          lens: "skills_experience",
          kind: "gap",
          competencyId: competency(3),
          reasonId: reason(1),
          detail: "No example of managing a senior stakeholder who disagreed.",
          nextStep: "Prepare one STAR story about changing a senior stakeholder's mind.",
        },
      ],
    });
    const publishedFeedbackB = await createFeedback(tx, agencyId, {
      interviewId: publishedInterviewB.id,
      authorId: consultant.id,
      summary: "Feedback for candidate B.",
      status: "published",
      publishedAt: hoursAgo(150),
      items: [
        {
          lens: "skills_experience",
          kind: "strength",
          competencyId: competency(0),
          detail: "Deep knowledge of the stack.",
        },
        {
          lens: "interview_style",
          kind: "gap",
          competencyId: competency(2),
          reasonId: reason(3),
          detail: "Two answers ran past five minutes.",
          nextStep: "Practise two-minute STAR answers.",
        },
      ],
    });

    return {
      agencyId,
      agencyName: name,
      slug,
      competencies,
      reasons,
      users: {
        admin,
        consultant,
        consultant2,
        disabledConsultant,
        candidateA: candidateUserA,
        candidateB: candidateUserB,
      },
      candidates: { a: candidateA.id, b: candidateB.id },
      clientId: client.id,
      jobId: job.id,
      interviews: {
        owed: owedInterview.id,
        published: publishedInterview.id,
        draft: draftInterview.id,
        publishedB: publishedInterviewB.id,
      },
      feedback: {
        published: {
          id: publishedFeedback.id,
          version: publishedFeedback.version,
          itemIds: publishedFeedback.items.map((i) => i.id),
        },
        draft: { id: draftFeedback.id, version: draftFeedback.version },
        publishedB: { id: publishedFeedbackB.id, version: publishedFeedbackB.version },
      },
    };
  });
}

export type AgencyFixture = Awaited<ReturnType<typeof createAgencyFixture>>;
