// A candidate's email preferences: every notice stays in the app; these only decide which ones are
// also emailed (users.email_muted, read by the worker).
import { sql } from "@debrief/db";
import { createAgencyFixture, type FixtureUser } from "@debrief/db/factories";
import { candidateEmailKinds } from "@debrief/validators";
import { afterAll, describe, expect, it } from "vitest";
import { callerFor, connect, httpError } from "./support";

const { app, owner, close } = connect();
afterAll(close);

async function mutedOf(user: FixtureUser) {
  const [row] = await owner.execute<{ muted: string[] }>(
    sql`select email_muted as muted from users where id = ${user.id}::uuid`,
  );
  return row?.muted;
}

const emailOn = (prefs: { kinds: { kind: string; email: boolean }[] }) =>
  Object.fromEntries(prefs.kinds.map((k) => [k.kind, k.email]));

describe("email preferences", () => {
  it("lists every kind a candidate gets, each emailed by default", async () => {
    const f = await createAgencyFixture(app, { label: "Prefs default" });
    const prefs = await callerFor(app, f.users.candidateA).notification.emailPreferences();
    expect(prefs.kinds.map((k) => k.kind)).toEqual(candidateEmailKinds.map((k) => k.kind));
    expect(prefs.kinds.find((k) => k.kind === "feedback.revised")).toEqual({
      kind: "feedback.revised",
      label: "Feedback updated",
      description: expect.any(String),
      email: true,
    });
    expect(prefs.kinds.every((k) => k.email && k.label && k.description)).toBe(true);
    expect(await mutedOf(f.users.candidateA)).toEqual([]);
  });

  it("turns one kind off and on again, once, for the caller alone", async () => {
    const f = await createAgencyFixture(app, { label: "Prefs toggle" });
    const a = f.users.candidateA;
    const me = callerFor(app, a);

    const off = await me.notification.setEmailPreference({
      kind: "feedback.revised",
      email: false,
    });
    expect(emailOn(off)).toEqual({
      "feedback.published": true,
      "feedback.revised": false,
      "feedback.retracted": true,
      "clarification.answered": true,
      "goal.commented": true,
      "data_request.rejected": true,
    });
    // Setting it twice changes nothing more.
    await me.notification.setEmailPreference({ kind: "feedback.revised", email: false });
    expect(await mutedOf(a)).toEqual(["feedback.revised"]);
    expect(emailOn(await me.notification.emailPreferences())).toEqual(emailOn(off));

    await me.notification.setEmailPreference({ kind: "goal.commented", email: false });
    expect(await mutedOf(a)).toEqual(["feedback.revised", "goal.commented"]);

    // Candidate B's preferences are their own.
    const b = await callerFor(app, f.users.candidateB).notification.emailPreferences();
    expect(b.kinds.every((k) => k.email)).toBe(true);
    expect(await mutedOf(f.users.candidateB)).toEqual([]);

    const on = await me.notification.setEmailPreference({ kind: "feedback.revised", email: true });
    expect(emailOn(on)["feedback.revised"]).toBe(true);
    expect(emailOn(on)["goal.commented"]).toBe(false);
    // Turning on what is already on is fine too.
    await me.notification.setEmailPreference({ kind: "feedback.revised", email: true });
    expect(await mutedOf(a)).toEqual(["goal.commented"]);
  });

  it("refuses a kind that is not on the list, naming the field, and changes nothing", async () => {
    const f = await createAgencyFixture(app, { label: "Prefs bad kind" });
    const a = f.users.candidateA;
    for (const kind of ["goal.done", "feedback.overdue", "nonsense", ""]) {
      const error = await httpError(app, a, "notification.setEmailPreference", "mutation", {
        kind,
        email: false,
      });
      expect(error).toMatchObject({ status: 400, code: "BAD_REQUEST" });
      expect(error.fieldErrors?.kind).toEqual([
        "must be one of the notifications a candidate can get by email",
      ]);
      expect(error.message).toContain("kind");
    }
    const noFlag = await httpError(app, a, "notification.setEmailPreference", "mutation", {
      kind: "feedback.revised",
    });
    expect(noFlag.fieldErrors?.email).toEqual(["must be true or false"]);
    expect(await mutedOf(a)).toEqual([]);
  });

  it("is for candidates: staff are refused", async () => {
    const f = await createAgencyFixture(app, { label: "Prefs staff" });
    const staff = callerFor(app, f.users.consultant);
    await expect(staff.notification.emailPreferences()).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(
      staff.notification.setEmailPreference({ kind: "feedback.revised", email: false }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await mutedOf(f.users.consultant)).toEqual([]);
  });
});
