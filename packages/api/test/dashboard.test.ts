// The consultant dashboard's questions: a thread is waiting when its latest message came from the
// candidate (dashboard.overview finds them through the latest message of each thread and the
// agency's staff; see services/dashboard.ts).
import { createAgencyFixture } from "@debrief/db/factories";
import { afterAll, describe, expect, it } from "vitest";
import { callerFor, connect } from "./support";

const { app, close } = connect();

afterAll(close);

describe("dashboard.overview questions", () => {
  it("lists a thread while the candidate spoke last, oldest first, to its consultant and admins only", async () => {
    const f = await createAgencyFixture(app, { label: "Dashboard questions" });
    const candidate = callerFor(app, f.users.candidateA);
    const consultant = callerFor(app, f.users.consultant);
    const questionsOf = async (caller: typeof consultant) =>
      (await caller.dashboard.overview()).questions.map((q) => q.question);

    expect(await questionsOf(consultant)).toEqual([]);
    await candidate.myFeedback.ask({ feedbackId: f.feedback.published.id, body: "First?" });
    await candidate.myFeedback.ask({ feedbackId: f.feedback.published.id, body: "And then?" });
    // The latest message of the thread is the one shown.
    expect(await questionsOf(consultant)).toEqual(["And then?"]);
    const [waiting] = (await consultant.dashboard.overview()).questions;
    expect(waiting).toMatchObject({
      feedbackId: f.feedback.published.id,
      interviewId: f.interviews.published,
      candidateId: f.candidates.a,
    });
    // Another consultant's book does not include it; an admin sees the agency's.
    expect(await questionsOf(callerFor(app, f.users.consultant2))).toEqual([]);
    expect(await questionsOf(callerFor(app, f.users.admin))).toEqual(["And then?"]);

    // Answered: staff spoke last, so nothing is waiting; the candidate asking again reopens it.
    await consultant.clarification.answer({ feedbackId: f.feedback.published.id, body: "Here." });
    expect(await questionsOf(consultant)).toEqual([]);
    await candidate.myFeedback.ask({
      feedbackId: f.feedback.published.id,
      body: "Thanks, one more?",
    });
    expect(await questionsOf(consultant)).toEqual(["Thanks, one more?"]);
    // Another candidate's newer question comes after it.
    await callerFor(app, f.users.candidateB).myFeedback.ask({
      feedbackId: f.feedback.publishedB.id,
      body: "Bo asks",
    });
    expect(await questionsOf(consultant)).toEqual(["Thanks, one more?", "Bo asks"]);
  });
});
