// The authorization matrix, generated from the router: every procedure must have an entry, and
// every entry says, for every persona, whether the call is allowed or how it is denied. Each cell
// runs as its own test against PostgreSQL as the app role.
//
// The record: candidate A's interview and feedback in the home agency. Denials across agencies
// read NOT_FOUND for record-scoped procedures (the record does not exist for them), FORBIDDEN
// where the role is wrong, UNAUTHORIZED without a session.
//
// Disabled users: procedures trust ctx.session; they do not look at the user's status. In
// production the session comes from createAuth(portal).getSession (packages/auth), which
// re-reads the user through debrief_session_user on every request and returns null unless the
// status is active. The disabled persona is therefore the session that function produces for a
// disabled user, built below by `productionSession` (packages/auth's own sessionFor, the function
// getSession calls): none, so every call is UNAUTHORIZED. packages/auth/test/users.test.ts checks
// that the lookup reports the status, including right after a user is disabled.
//
// Sessions that predate a role change, built the same way. The cookie carries the user id only;
// role and agency are re-read on every request, and a role that does not belong to the portal
// gives no session. roleChangedUser: a candidate-portal cookie of a user who has since become a
// consultant → no session, UNAUTHORIZED everywhere. That persona cannot reach an admin procedure,
// so demotedAdmin covers the staff side: an admin's cookie after admin.users.changeRole made them
// a consultant → a consultant's session (the cookie's admin role counts for nothing), so every
// admin.* procedure is FORBIDDEN and the rest answer as for consultant2 (a consultant who is not
// the author).
import { schema as s, sql } from "@debrief/db";
import {
  type AgencyFixture,
  createAgencyFixture,
  createCandidate,
  createClient,
  createFeedback,
  createInterview,
  createJob,
  createUser,
  type FixtureUser,
} from "@debrief/db/factories";
import type { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
// The portals' own session lookup (packages/auth), not a copy of its rule.
import { type Portal, portalRoles } from "../../auth/src/portals";
import { sessionFor } from "../../auth/src/users";
import { appRouter } from "../src/root";
import { adminAuditMatrix } from "./authz/admin-audit";
import { adminDataRequestsMatrix } from "./authz/admin-data-requests";
import { adminMailMatrix } from "./authz/admin-mail";
import { adminReportsMatrix } from "./authz/admin-reports";
import { adminSettingsMatrix } from "./authz/admin-settings";
import { adminUsersMatrix } from "./authz/admin-users";
import { candidateCallable } from "./authz/candidate-callable";
import { notificationPreferencesMatrix } from "./authz/notification-preferences";
import {
  candidateList,
  candidateRecord,
  type Entry,
  ownRecordOfCandidate,
  type Persona,
  personas,
  type Scenario,
  signedIn,
  staffOnlyList,
  staffRecord,
} from "./authz/patterns";
import { asAgency, callerFor, connect } from "./support";

const { app, owner, close } = connect();
afterAll(close);

const HOUR = 3_600_000;

/** A new rejected interview of candidate A, for a cell that writes. */
async function freshRejectedInterview(f: AgencyFixture) {
  return asAgency(app, f.users.admin, (tx) =>
    createInterview(tx, f.agencyId, {
      candidateId: f.candidates.a,
      jobId: f.jobId,
      consultantId: f.users.consultant.id,
      stage: "second",
      scheduledAt: new Date(Date.now() - 60 * HOUR),
      outcome: "rejected",
      outcomeAt: new Date(Date.now() - 30 * HOUR),
    }),
  );
}

async function freshFeedback(f: AgencyFixture, status: "draft" | "published") {
  const interview = await freshRejectedInterview(f);
  return asAgency(app, f.users.admin, (tx) =>
    createFeedback(tx, f.agencyId, {
      interviewId: interview.id,
      authorId: f.users.consultant.id,
      summary: "Matrix feedback",
      status,
      items: [
        { lens: "skills_experience", kind: "strength", detail: "Strong examples." },
        {
          lens: "interview_style",
          kind: "gap",
          reasonId: f.reasons[0]?.id,
          detail: "Long answers.",
          nextStep: "Practise short answers.",
        },
      ],
    }),
  );
}

/** Draft feedback by the consultant, submitted for approval. */
async function freshInReview(f: AgencyFixture) {
  const draft = await freshFeedback(f, "draft");
  await owner.execute(
    sql`update feedback set status = 'in_review', submitted_at = now() where id = ${draft.id}::uuid`,
  );
  return draft;
}

async function feedbackState(id: string) {
  const [row] = await owner.execute<{ status: string; version: number; read: boolean }>(
    sql`select status::text as status, version, read_at is not null as read
        from feedback where id = ${id}::uuid`,
  );
  return row;
}

const idOf = (input: unknown, key: string) => {
  const value = (input as Record<string, unknown>)[key];
  if (typeof value !== "string") throw new Error(`input has no ${key}`);
  return value;
};

// Pipeline cells that write get a record of their own; `unique` keeps their inputs apart.
const unique = () => crypto.randomUUID().slice(0, 8);

async function freshCandidate(f: AgencyFixture) {
  const tag = unique();
  return asAgency(app, f.users.admin, (tx) =>
    createCandidate(tx, f.agencyId, {
      name: `Matrix Candidate ${tag}`,
      email: `matrix-${tag}@example.test`,
      ownerId: f.users.consultant.id,
    }),
  );
}

async function freshClient(f: AgencyFixture) {
  return asAgency(app, f.users.admin, (tx) =>
    createClient(tx, f.agencyId, { name: `Matrix Client ${unique()}` }),
  );
}

async function freshJob(f: AgencyFixture) {
  return asAgency(app, f.users.admin, (tx) =>
    createJob(tx, f.agencyId, {
      clientId: f.clientId,
      title: `Matrix Job ${unique()}`,
      seniority: "mid",
    }),
  );
}

async function freshPendingInterview(f: AgencyFixture) {
  return asAgency(app, f.users.admin, (tx) =>
    createInterview(tx, f.agencyId, {
      candidateId: f.candidates.b,
      jobId: f.jobId,
      consultantId: f.users.consultant.id,
      stage: "first",
      scheduledAt: new Date(Date.now() - 30 * HOUR),
    }),
  );
}

/** An action plan of candidate A with one goal, for a cell that comments on it. */
async function freshGoal(f: AgencyFixture) {
  return asAgency(app, f.users.admin, async (tx) => {
    const [plan] = await tx
      .insert(s.actionPlans)
      .values({ agencyId: f.agencyId, candidateId: f.candidates.a, title: "Matrix plan" })
      .returning({ id: s.actionPlans.id });
    if (!plan) throw new Error("no plan");
    const [goal] = await tx
      .insert(s.goals)
      .values({
        agencyId: f.agencyId,
        actionPlanId: plan.id,
        title: "Matrix goal",
        measure: "Measured by the matrix",
        targetDate: "2030-01-01",
      })
      .returning({ id: s.goals.id });
    if (!goal) throw new Error("no goal");
    return goal;
  });
}

/** A journal entry of candidate A, for a cell that edits or deletes it. */
async function freshJournalEntry(f: AgencyFixture) {
  return asAgency(app, f.users.admin, async (tx) => {
    const [entry] = await tx
      .insert(s.journalEntries)
      .values({
        agencyId: f.agencyId,
        candidateId: f.candidates.a,
        kind: "reflection",
        title: "Matrix entry",
        body: "Written by the matrix",
      })
      .returning({ id: s.journalEntries.id });
    if (!entry) throw new Error("no journal entry");
    return entry;
  });
}

/** The named column of one row, read as the owner (behind RLS). */
async function columnOf(table: string, column: string, where: string, value: unknown) {
  const rows = await owner.execute<{ value: unknown }>(
    sql`select ${sql.identifier(column)}::text as value from ${sql.identifier(table)}
        where ${sql.identifier(where)} = ${value}`,
  );
  return rows.map((r) => r.value);
}

/** A step, not done, on a new goal of candidate A. */
async function freshStep(f: AgencyFixture) {
  const goal = await freshGoal(f);
  return asAgency(app, f.users.admin, async (tx) => {
    const [step] = await tx
      .insert(s.goalSteps)
      .values({ agencyId: f.agencyId, goalId: goal.id, title: "Matrix step" })
      .returning({ id: s.goalSteps.id });
    if (!step) throw new Error("no step");
    return step.id;
  });
}

const matrix: Record<string, Entry> = {
  ...adminAuditMatrix({ app, owner }),
  ...adminDataRequestsMatrix({ app, owner }),
  ...adminMailMatrix({ app, owner }),
  ...adminReportsMatrix({ app, owner }),
  ...adminSettingsMatrix({ app, owner }),
  ...adminUsersMatrix({ app, owner }),
  ...notificationPreferencesMatrix({ app, owner }),
  "dashboard.overview": { input: async () => undefined, expect: staffOnlyList },
  "feedback.owed": { input: async () => undefined, expect: staffOnlyList },
  "feedback.taxonomy": { input: async () => undefined, expect: staffOnlyList },
  "feedback.editor": {
    input: async ({ home }) => ({ interviewId: home.interviews.draft }),
    expect: staffRecord,
  },
  "feedback.saveDraft": {
    input: async ({ home }) => ({
      interviewId: (await freshRejectedInterview(home)).id,
      version: null,
      summary: "Written by the matrix",
      items: [],
    }),
    expect: staffRecord,
    unchanged: async (_, input) => {
      const rows = await owner
        .select({ id: s.feedback.id })
        .from(s.feedback)
        .where(sql`${s.feedback.interviewId} = ${idOf(input, "interviewId")}::uuid`);
      expect(rows).toEqual([]);
    },
  },
  "feedback.publish": {
    input: async ({ home }) => {
      const draft = await freshFeedback(home, "draft");
      return { feedbackId: draft.id, version: draft.version };
    },
    expect: staffRecord,
    unchanged: async (_, input) => {
      expect(await feedbackState(idOf(input, "feedbackId"))).toMatchObject({
        status: "draft",
        version: 1,
      });
    },
  },
  "candidateProfile.get": {
    input: async ({ home }) => ({ id: home.candidates.a }),
    expect: staffRecord,
  },
  "clarification.answer": {
    input: async ({ home }) => ({
      feedbackId: (await freshFeedback(home, "published")).id,
      body: "Answered by the matrix",
    }),
    expect: staffRecord,
    unchanged: async (_, input) => {
      expect(
        await columnOf("clarification_messages", "id", "feedback_id", idOf(input, "feedbackId")),
      ).toEqual([]);
    },
  },
  "goal.comment": {
    input: async ({ home }) => ({
      goalId: (await freshGoal(home)).id,
      body: "Encouraged by the matrix",
    }),
    expect: staffRecord,
    unchanged: async (_, input) => {
      expect(await columnOf("goal_comments", "id", "goal_id", idOf(input, "goalId"))).toEqual([]);
    },
  },
  // The candidate portal: responses to published feedback, and action plans. Each writing cell
  // gets a feedback, goal or step of candidate A's own.
  "myFeedback.respond": {
    input: async ({ home }) => {
      const fb = await freshFeedback(home, "published");
      return { itemId: fb.items[0]?.id, helpful: true, comment: "Rated by the matrix" };
    },
    expect: candidateRecord,
    unchanged: async (_, input) => {
      expect(
        await columnOf("item_responses", "id", "feedback_item_id", idOf(input, "itemId")),
      ).toEqual([]);
    },
  },
  "myFeedback.acknowledge": {
    input: async ({ home }) => ({ feedbackId: (await freshFeedback(home, "published")).id }),
    expect: candidateRecord,
    unchanged: async (_, input) => {
      expect(
        await columnOf("feedback", "acknowledged_at", "id", idOf(input, "feedbackId")),
      ).toEqual([null]);
    },
  },
  "myFeedback.ask": {
    input: async ({ home }) => ({
      feedbackId: (await freshFeedback(home, "published")).id,
      body: "Asked by the matrix",
    }),
    expect: candidateRecord,
    unchanged: async (_, input) => {
      expect(
        await columnOf("clarification_messages", "id", "feedback_id", idOf(input, "feedbackId")),
      ).toEqual([]);
    },
  },
  "plan.list": { input: async () => undefined, expect: candidateList },
  "plan.createGoalFromItem": {
    input: async ({ home }) => {
      const fb = await freshFeedback(home, "published");
      return { itemId: fb.items.find((i) => i.kind === "gap")?.id };
    },
    expect: candidateRecord,
    unchanged: async (_, input) => {
      expect(
        await columnOf("goal_items", "goal_id", "feedback_item_id", idOf(input, "itemId")),
      ).toEqual([]);
    },
  },
  "plan.updateGoal": {
    input: async ({ home }) => ({
      goalId: (await freshGoal(home)).id,
      title: "Retitled by the matrix",
      measure: "Measured again",
      targetDate: "2031-01-01",
    }),
    expect: candidateRecord,
    unchanged: async (_, input) => {
      expect(await columnOf("goals", "title", "id", idOf(input, "goalId"))).toEqual([
        "Matrix goal",
      ]);
    },
  },
  "plan.setGoalStatus": {
    input: async ({ home }) => ({ goalId: (await freshGoal(home)).id, status: "done" }),
    expect: candidateRecord,
    unchanged: async (_, input) => {
      expect(await columnOf("goals", "status", "id", idOf(input, "goalId"))).toEqual([
        "not_started",
      ]);
    },
  },
  "plan.addStep": {
    input: async ({ home }) => ({
      goalId: (await freshGoal(home)).id,
      title: "Step by the matrix",
    }),
    expect: candidateRecord,
    unchanged: async (_, input) => {
      expect(await columnOf("goal_steps", "id", "goal_id", idOf(input, "goalId"))).toEqual([]);
    },
  },
  "plan.toggleStep": {
    input: async ({ home }) => ({ stepId: await freshStep(home), done: true }),
    expect: candidateRecord,
    unchanged: async (_, input) => {
      expect(await columnOf("goal_steps", "done_at", "id", idOf(input, "stepId"))).toEqual([null]);
    },
  },
  "plan.removeStep": {
    input: async ({ home }) => ({ stepId: await freshStep(home) }),
    expect: candidateRecord,
    unchanged: async (_, input) => {
      expect(await columnOf("goal_steps", "id", "id", idOf(input, "stepId"))).toHaveLength(1);
    },
  },
  "journal.list": { input: async () => ({}), expect: candidateList },
  "journal.options": { input: async () => undefined, expect: candidateList },
  "journal.create": {
    // Linked to candidate A's interview: another candidate cannot link to it.
    input: async ({ home }) => ({
      kind: "win",
      title: `Matrix win ${unique()}`,
      body: "Written by the matrix",
      interviewId: home.interviews.published,
    }),
    expect: candidateRecord,
    unchanged: async (_, input) => {
      expect(await columnOf("journal_entries", "id", "title", idOf(input, "title"))).toEqual([]);
    },
  },
  "journal.update": {
    input: async ({ home }) => ({
      id: (await freshJournalEntry(home)).id,
      kind: "win",
      title: "Edited by the matrix",
      body: "Edited by the matrix",
    }),
    expect: candidateRecord,
    unchanged: async (_, input) => {
      expect(await columnOf("journal_entries", "title", "id", idOf(input, "id"))).toEqual([
        "Matrix entry",
      ]);
    },
  },
  "journal.remove": {
    input: async ({ home }) => ({ id: (await freshJournalEntry(home)).id }),
    expect: candidateRecord,
    unchanged: async (_, input) => {
      expect(await columnOf("journal_entries", "id", "id", idOf(input, "id"))).toHaveLength(1);
    },
  },
  "insights.patterns": { input: async () => undefined, expect: candidateList },
  "insights.prepare": { input: async () => undefined, expect: candidateList },
  "myData.export": { input: async () => undefined, expect: candidateList },
  "myData.requests": { input: async () => undefined, expect: candidateList },
  "myData.requestErasure": {
    // Each candidate asks about their own data; staff have no data of their own to erase here.
    input: async () => undefined,
    expect: candidateList,
    unchanged: async () => {
      const [row] = await owner.execute<{ n: number }>(
        sql`select count(*)::int as n from data_requests d join users u on u.id = d.requested_by_id
            where u.role <> 'candidate' and d.status = 'pending'`,
      );
      expect(row?.n).toBe(0);
    },
  },
  "myFeedback.list": { input: async () => undefined, expect: candidateList },
  "notification.list": { input: async () => undefined, expect: signedIn },
  "notification.markAllRead": { input: async () => undefined, expect: signedIn },
  "notification.markRead": {
    input: async ({ home }) => {
      const user = home.users.candidateA;
      const [row] = await asAgency(app, user, (tx) =>
        tx
          .insert(s.notifications)
          .values({ agencyId: home.agencyId, userId: user.id, kind: "test", title: "Matrix" })
          .returning({ id: s.notifications.id }),
      );
      return { id: row?.id };
    },
    expect: ownRecordOfCandidate,
    unchanged: async (_, input) => {
      expect(await columnOf("notifications", "read_at", "id", idOf(input, "id"))).toEqual([null]);
    },
  },
  "myFeedback.byId": {
    input: async ({ home }) => ({ id: home.feedback.published.id }),
    expect: candidateRecord,
  },
  "myFeedback.markRead": {
    input: async ({ home }) => ({ id: (await freshFeedback(home, "published")).id }),
    expect: candidateRecord,
    unchanged: async (_, input) => {
      expect(await feedbackState(idOf(input, "id"))).toMatchObject({ read: false });
    },
  },
  "feedback.submitForReview": {
    input: async ({ home }) => {
      const draft = await freshFeedback(home, "draft");
      return { feedbackId: draft.id, version: draft.version };
    },
    expect: staffRecord,
    unchanged: async (_, input) => {
      expect(await feedbackState(idOf(input, "feedbackId"))).toMatchObject({
        status: "draft",
        version: 1,
      });
    },
  },
  "feedback.approve": {
    input: async ({ home }) => {
      const submitted = await freshInReview(home);
      return { feedbackId: submitted.id, version: submitted.version };
    },
    // The consultant wrote it: approving needs somebody else.
    expect: {
      ...staffRecord,
      consultant: "FORBIDDEN",
      consultant2: "allow", // not the author: anyone but the author may approve
      demotedAdmin: "allow", // a consultant now, and not the author
    },
    unchanged: async (_, input) => {
      expect(await feedbackState(idOf(input, "feedbackId"))).toMatchObject({
        status: "in_review",
        version: 1,
      });
    },
  },
  "feedback.sendBack": {
    input: async ({ home }) => {
      const submitted = await freshInReview(home);
      return {
        feedbackId: submitted.id,
        version: submitted.version,
        comment: "Please add an example.",
      };
    },
    expect: {
      ...staffRecord,
      consultant: "FORBIDDEN",
      consultant2: "allow", // not the author: any other reviewer may send it back
      demotedAdmin: "allow", // a consultant now, and not the author
    },
    unchanged: async (_, input) => {
      expect(await feedbackState(idOf(input, "feedbackId"))).toMatchObject({
        status: "in_review",
        version: 1,
      });
    },
  },
  "feedback.revise": {
    input: async ({ home }) => {
      const published = await freshFeedback(home, "published");
      return {
        feedbackId: published.id,
        version: published.version,
        interviewId: published.interviewId,
        summary: "Revised by the matrix",
        items: [{ lens: "skills_experience", kind: "strength", detail: "Revised strength." }],
      };
    },
    expect: staffRecord,
    unchanged: async (_, input) => {
      expect(await feedbackState(idOf(input, "feedbackId"))).toMatchObject({
        status: "published",
        version: 1,
      });
    },
  },
  "feedback.retract": {
    input: async ({ home }) => {
      const published = await freshFeedback(home, "published");
      return {
        feedbackId: published.id,
        version: published.version,
        reason: "Sent to the wrong person",
      };
    },
    expect: staffRecord,
    unchanged: async (_, input) => {
      expect(await feedbackState(idOf(input, "feedbackId"))).toMatchObject({
        status: "published",
        version: 1,
      });
    },
  },
  "template.list": { input: async () => undefined, expect: staffOnlyList },
  "template.byId": {
    input: async ({ home }) => {
      const [template] = await owner
        .select({ id: s.templates.id })
        .from(s.templates)
        .where(sql`${s.templates.agencyId} = ${home.agencyId}::uuid`)
        .limit(1);
      if (!template) throw new Error("the fixture agency has no template");
      return { id: template.id };
    },
    expect: staffRecord,
  },
  "candidate.list": { input: async () => ({ q: "Candidate" }), expect: staffOnlyList },
  "candidate.options": { input: async () => ({ q: "Candidate" }), expect: staffOnlyList },
  "candidate.formOptions": { input: async () => undefined, expect: staffOnlyList },
  "candidate.byId": { input: async ({ home }) => ({ id: home.candidates.a }), expect: staffRecord },
  "candidate.create": {
    // The owner is a consultant of the home agency: invisible, so NOT_FOUND, to another agency.
    input: async ({ home }) => ({
      name: "Matrix Newcomer",
      email: `matrix-new-${unique()}@example.test`,
      ownerId: home.users.consultant.id,
    }),
    expect: staffRecord,
    unchanged: async (_, input) => {
      expect(await columnOf("candidates", "id", "email", idOf(input, "email"))).toEqual([]);
    },
  },
  "candidate.update": {
    input: async ({ home }) => {
      const candidate = await freshCandidate(home);
      return {
        id: candidate.id,
        name: "Renamed by the matrix",
        email: candidate.email,
        headline: null,
        ownerId: candidate.ownerId,
      };
    },
    expect: staffRecord,
    unchanged: async (_, input) => {
      expect(await columnOf("candidates", "name", "id", idOf(input, "id"))).toEqual([
        expect.stringMatching(/^Matrix Candidate /),
      ]);
    },
  },
  "client.list": { input: async () => ({ q: "Client" }), expect: staffOnlyList },
  "client.byId": { input: async ({ home }) => ({ id: home.clientId }), expect: staffRecord },
  "client.create": {
    // No reference to another record: every staff member may add a client to their own agency.
    input: async () => ({ name: `Matrix Client ${unique()}` }),
    expect: staffOnlyList,
    unchanged: async (_, input) => {
      expect(await columnOf("clients", "id", "name", idOf(input, "name"))).toEqual([]);
    },
  },
  "client.update": {
    input: async ({ home }) => ({
      id: (await freshClient(home)).id,
      name: "Renamed by the matrix",
    }),
    expect: staffRecord,
    unchanged: async (_, input) => {
      expect(await columnOf("clients", "name", "id", idOf(input, "id"))).toEqual([
        expect.stringMatching(/^Matrix Client /),
      ]);
    },
  },
  "job.list": { input: async () => ({ q: "Manager" }), expect: staffOnlyList },
  "job.formOptions": { input: async () => undefined, expect: staffOnlyList },
  "job.byId": { input: async ({ home }) => ({ id: home.jobId }), expect: staffRecord },
  "job.create": {
    input: async ({ home }) => ({
      clientId: home.clientId,
      title: `Matrix Job ${unique()}`,
      seniority: "junior",
      competencyIds: home.competencies.slice(0, 1).map((c) => c.id),
    }),
    expect: staffRecord,
    unchanged: async (_, input) => {
      expect(await columnOf("jobs", "id", "title", idOf(input, "title"))).toEqual([]);
    },
  },
  "job.update": {
    input: async ({ home }) => ({
      id: (await freshJob(home)).id,
      clientId: home.clientId,
      title: "Retitled by the matrix",
      seniority: "lead",
      competencyIds: [],
    }),
    expect: staffRecord,
    unchanged: async (_, input) => {
      expect(await columnOf("jobs", "title", "id", idOf(input, "id"))).toEqual([
        expect.stringMatching(/^Matrix Job /),
      ]);
    },
  },
  "interview.list": { input: async () => ({ pageSize: 50 }), expect: staffOnlyList },
  "interview.formOptions": { input: async () => undefined, expect: staffOnlyList },
  "interview.byId": {
    input: async ({ home }) => ({ id: home.interviews.owed }),
    expect: staffRecord,
  },
  "interview.create": {
    input: async ({ home }) => ({
      candidateId: home.candidates.a,
      jobId: home.jobId,
      stage: "screening",
      // A time of its own, to find the row a denied cell must not have written.
      scheduledAt: new Date(Date.now() - Math.floor(Math.random() * 1e9)),
    }),
    expect: staffRecord,
    unchanged: async (_, input) => {
      const at = (input as { scheduledAt: Date }).scheduledAt;
      expect(await columnOf("interviews", "id", "scheduled_at", at.toISOString())).toEqual([]);
    },
  },
  "interview.update": {
    input: async ({ home }) => {
      const interview = await freshPendingInterview(home);
      return {
        id: interview.id,
        candidateId: interview.candidateId,
        jobId: interview.jobId,
        consultantId: interview.consultantId,
        stage: "final",
        scheduledAt: interview.scheduledAt,
      };
    },
    expect: staffRecord,
    unchanged: async (_, input) => {
      expect(await columnOf("interviews", "stage", "id", idOf(input, "id"))).toEqual(["first"]);
    },
  },
  "interview.recordOutcome": {
    input: async ({ home }) => ({
      id: (await freshPendingInterview(home)).id,
      outcome: "rejected",
    }),
    expect: staffRecord,
    unchanged: async (_, input) => {
      expect(await columnOf("interviews", "outcome", "id", idOf(input, "id"))).toEqual(["pending"]);
    },
  },
};

/**
 * The session a portal builds from a cookie naming this user: createAuth's getSession runs
 * sessionFor (the user re-read through the SECURITY DEFINER lookup, revoked sessions checked; no
 * session unless active and of one of the portal's roles). The cookie's own idea of the user —
 * its role included — plays no part: only the id is passed on.
 */
async function productionSession(user: FixtureUser, portal: Portal): Promise<FixtureUser | null> {
  const session = await sessionFor(app, user.id, portalRoles[portal], crypto.randomUUID());
  return session?.user ?? null;
}

/**
 * A user of the home agency who signed in to the candidate portal as a candidate and has since
 * been made a consultant. The product refuses that change (admin.users.changeRole never makes a
 * candidate staff), so it is made in the database, as a data fix would: the lookup must hold even so.
 */
async function roleChangedCandidate(f: AgencyFixture): Promise<FixtureUser> {
  const tag = unique();
  const user = await asAgency(app, f.users.admin, async (tx) => {
    const row = await createUser(tx, f.agencyId, {
      email: `matrix-role-changed-${tag}@example.test`,
      name: `Matrix Role Changed ${tag}`,
      role: "candidate",
      passwordHash: "!matrix-cannot-sign-in",
    });
    await createCandidate(tx, f.agencyId, {
      name: row.name,
      email: row.email,
      ownerId: f.users.consultant.id,
      userId: row.id,
    });
    return row;
  });
  await owner.execute(sql`update users set role = 'consultant' where id = ${user.id}::uuid`);
  // What the cookie was issued for: a candidate of the agency.
  const { id, name, email } = user;
  return { id, name, email, role: "candidate", agencyId: f.agencyId, agencyName: f.agencyName };
}

/** An admin of the home agency, demoted to consultant through the product after signing in. */
async function demotedAdminOf(f: AgencyFixture): Promise<FixtureUser> {
  const tag = unique();
  const user = await asAgency(app, f.users.admin, (tx) =>
    createUser(tx, f.agencyId, {
      email: `matrix-demoted-${tag}@example.test`,
      name: `Matrix Demoted ${tag}`,
      role: "admin",
      passwordHash: "!matrix-cannot-sign-in",
    }),
  );
  await callerFor(app, f.users.admin).admin.users.changeRole({
    userId: user.id,
    role: "consultant",
  });
  // What the cookie was issued for: an admin of the agency.
  const { id, name, email } = user;
  return { id, name, email, role: "admin", agencyId: f.agencyId, agencyName: f.agencyName };
}

let scenario: Scenario;
let sessions: Record<Persona, FixtureUser | null>;
/** The stale cookies' users and the sessions production builds from them, for the checks below. */
let stale: {
  roleChanged: { cookie: FixtureUser; asStaff: FixtureUser | null };
  demoted: { cookie: FixtureUser };
};
/** Ids each persona must never see in an allowed answer. */
let unseen: Record<Persona, string[]>;

beforeAll(async () => {
  const home = await createAgencyFixture(app, { label: "Matrix" });
  const foreign = await createAgencyFixture(app, { label: "Matrix Foreign" });
  scenario = { home, foreign };
  const disabled = await productionSession(home.users.disabledConsultant, "consultant");
  const roleChanged = await roleChangedCandidate(home);
  const demoted = await demotedAdminOf(home);
  stale = {
    roleChanged: {
      cookie: roleChanged,
      asStaff: await productionSession(roleChanged, "consultant"),
    },
    demoted: { cookie: demoted },
  };
  // A notice for the record's consultant alone: no other persona may find it in an answer.
  const [coraNotice] = await asAgency(app, home.users.consultant, (tx) =>
    tx
      .insert(s.notifications)
      .values({
        agencyId: home.agencyId,
        userId: home.users.consultant.id,
        kind: "test",
        title: "Matrix: for Cora only",
      })
      .returning({ id: s.notifications.id }),
  );
  if (!coraNotice) throw new Error("no notification");
  sessions = {
    anonymous: null,
    candidateOfRecord: home.users.candidateA,
    otherCandidate: home.users.candidateB,
    consultant: home.users.consultant,
    consultant2: home.users.consultant2,
    admin: home.users.admin,
    foreignConsultant: foreign.users.consultant,
    foreignAdmin: foreign.users.admin,
    foreignCandidate: foreign.users.candidateA,
    disabledUser: disabled,
    roleChangedUser: await productionSession(roleChanged, "candidate"),
    demotedAdmin: await productionSession(demoted, "consultant"),
  };
  const homeIds = [
    home.agencyId,
    ...Object.values(home.interviews),
    home.feedback.published.id,
    home.feedback.draft.id,
    home.feedback.publishedB.id,
    ...home.competencies.map((c) => c.id),
    ...home.reasons.map((r) => r.id),
    coraNotice.id,
  ];
  unseen = {
    anonymous: [],
    candidateOfRecord: [
      coraNotice.id,
      home.feedback.draft.id,
      home.feedback.publishedB.id,
      foreign.feedback.published.id,
    ],
    otherCandidate: [coraNotice.id, home.feedback.published.id, home.feedback.draft.id],
    consultant: [foreign.agencyId, ...Object.values(foreign.interviews)],
    // Cora's own notice is hers: the second consultant, the admin and the demoted admin see none.
    consultant2: [coraNotice.id, foreign.agencyId, ...Object.values(foreign.interviews)],
    admin: [coraNotice.id, foreign.agencyId, ...Object.values(foreign.interviews)],
    foreignConsultant: homeIds,
    foreignAdmin: homeIds,
    foreignCandidate: homeIds,
    disabledUser: [],
    roleChangedUser: [],
    demotedAdmin: [coraNotice.id, foreign.agencyId, ...Object.values(foreign.interviews)],
  };
});

describe("the matrix", () => {
  const procedures = Object.keys(appRouter._def.procedures).sort();

  it("has an entry for every procedure of the router, and none for a procedure that is gone", () => {
    const missing = procedures.filter((p) => !(p in matrix));
    const stale = Object.keys(matrix).filter((p) => !procedures.includes(p));
    expect({ missing, stale }).toEqual({ missing: [], stale: [] });
  });

  it("models the disabled user as production does: no session", () => {
    expect(sessions.disabledUser).toBeNull();
  });

  it("models a candidate-portal cookie of a user now a consultant as production does: no session", () => {
    expect(stale.roleChanged.cookie.role).toBe("candidate");
    expect(sessions.roleChangedUser).toBeNull();
    // Not a dead account: the same lookup gives them a consultant's session on the staff portal.
    expect(stale.roleChanged.asStaff).toMatchObject({
      id: stale.roleChanged.cookie.id,
      role: "consultant",
    });
  });

  it("models an admin's cookie after their demotion as production does: a consultant's session", () => {
    expect(stale.demoted.cookie.role).toBe("admin");
    expect(sessions.demotedAdmin).toEqual({ ...stale.demoted.cookie, role: "consultant" });
  });

  it("lists in authz/candidate-callable.ts exactly the procedures candidate A is allowed", () => {
    const allowed = procedures.filter((p) => matrix[p]?.expect.candidateOfRecord === "allow");
    expect([...candidateCallable].sort()).toEqual(allowed);
  });

  const cells = procedures.flatMap((path) => {
    const entry = matrix[path];
    return entry ? personas.map((persona) => [path, persona, entry.expect[persona]] as const) : [];
  });

  it.each(cells)("%s as %s → %s", async (path, persona, outcome) => {
    const entry = matrix[path];
    if (!entry) throw new Error(`no matrix entry for ${path}`);
    const input = await entry.input(scenario);
    const call = procedureAt(callerFor(app, sessions[persona]), path);
    const result = await call(input).then(
      (output) => ({ ok: true as const, output }),
      (error: unknown) => ({ ok: false as const, error: error as TRPCError }),
    );
    if (outcome === "allow") {
      if (!result.ok) throw new Error(`denied with ${result.error.code}: ${result.error.message}`);
      const answer = JSON.stringify(result.output ?? null);
      expect(unseen[persona].filter((id) => answer.includes(id))).toEqual([]);
      return;
    }
    expect(result.ok ? "allow" : result.error.code).toBe(outcome);
    await entry.unchanged?.(scenario, input);
  });
});

// The second consultant may review what the first one wrote; they may not review what they sent
// for review themselves. Otherwise, in an agency that requires approval, Cal could rewrite any
// draft Cora started, submit it and approve it: his own text published with nobody else's eyes on it.
describe("approval needs a second person", () => {
  it("whoever submitted feedback for review cannot approve it or send it back, author or not", async () => {
    const { home } = scenario;
    const draft = await freshFeedback(home, "draft");
    const cal = callerFor(app, home.users.consultant2);
    const saved = await cal.feedback.saveDraft({
      interviewId: draft.interviewId,
      version: draft.version,
      summary: "Rewritten by Cal",
      items: [{ lens: "skills_experience", kind: "strength", detail: "Cal's own words." }],
    });
    const submitted = await cal.feedback.submitForReview({
      feedbackId: draft.id,
      version: saved.version,
    });
    const review = { feedbackId: draft.id, version: submitted.version };
    await expect(cal.feedback.approve(review)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(cal.feedback.sendBack({ ...review, comment: "Mine" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    // Cora started it and cannot approve it either; the admin, a third person, can.
    const cora = callerFor(app, home.users.consultant);
    await expect(cora.feedback.approve(review)).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await feedbackState(draft.id)).toMatchObject({ status: "in_review" });
    await callerFor(app, home.users.admin).feedback.approve(review);
    expect(await feedbackState(draft.id)).toMatchObject({ status: "published" });
  });

  it("the submitter does not find it among the feedback awaiting their approval", async () => {
    // An agency of its own: the dashboard lists the ten oldest, and the matrix submits many.
    const home = await createAgencyFixture(app, { label: "Matrix Review" });
    const draft = await freshFeedback(home, "draft");
    const cal = callerFor(app, home.users.consultant2);
    await cal.feedback.submitForReview({ feedbackId: draft.id, version: draft.version });
    const waiting = (who: FixtureUser) =>
      callerFor(app, who)
        .dashboard.overview()
        .then((o) => o.awaitingApproval.map((f) => f.interviewId));
    expect(await waiting(home.users.consultant2)).not.toContain(draft.interviewId);
    expect(await waiting(home.users.admin)).toContain(draft.interviewId);
  });
});

/** The caller's function at a dotted path ("feedback.owed"). */
function procedureAt(caller: unknown, path: string): (input: unknown) => Promise<unknown> {
  let node: unknown = caller;
  for (const key of path.split(".")) node = (node as Record<string, unknown>)[key];
  if (typeof node !== "function") throw new Error(`no procedure at ${path}`);
  return node as (input: unknown) => Promise<unknown>;
}
