// The bell's procedures: a person sees and marks only their own notices.
import { schema as s } from "@debrief/db";
import { createAgencyFixture, type FixtureUser } from "@debrief/db/factories";
import { afterAll, describe, expect, it } from "vitest";
import { asAgency, callerFor, connect } from "./support";

const { app, close } = connect();
afterAll(close);

async function notice(user: FixtureUser, title: string) {
  const [row] = await asAgency(app, user, (tx) =>
    tx
      .insert(s.notifications)
      .values({ agencyId: user.agencyId, userId: user.id, kind: "test", title, link: "/" })
      .returning({ id: s.notifications.id }),
  );
  if (!row) throw new Error("no notification");
  return row.id;
}

describe("notifications", () => {
  it("lists only my own, newest first, with the unread count; marks one and then all read", async () => {
    const f = await createAgencyFixture(app, { label: "Bell" });
    const a = f.users.candidateA;
    const first = await notice(a, "First");
    await notice(a, "Second");
    await notice(f.users.candidateB, "Not yours");
    const me = callerFor(app, a);

    const before = await me.notification.list();
    expect(before.items.map((n) => n.title)).toEqual(["Second", "First"]);
    expect(before.unread).toBe(2);

    const afterOne = await me.notification.markRead({ id: first });
    expect(afterOne.unread).toBe(1);
    expect(afterOne.items.find((n) => n.id === first)?.readAt).toBeInstanceOf(Date);

    const afterAll = await me.notification.markAllRead();
    expect(afterAll.unread).toBe(0);
    // Candidate B's notice is untouched.
    expect((await callerFor(app, f.users.candidateB).notification.list()).unread).toBe(1);
  });

  it("refuses to mark someone else's notice, as if it did not exist", async () => {
    const f = await createAgencyFixture(app, { label: "Bell other" });
    const theirs = await notice(f.users.candidateB, "Theirs");
    await expect(
      callerFor(app, f.users.candidateA).notification.markRead({ id: theirs }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await callerFor(app, f.users.candidateB).notification.list()).unread).toBe(1);
  });
});
