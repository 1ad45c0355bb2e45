// The scheduled SLA notices on an injected clock. The fixture's SLA is 72 hours; candidate A has an
// interview rejected 100 hours before T (overdue since T−28h) and a draft for one rejected 20 hours
// before T (overdue from T+52h); the published ones are never owed.
import { and, eq, schema as s } from "@debrief/db";
import { type AgencyFixture, createAgencyFixture } from "@debrief/db/factories";
import { afterAll, describe, expect, it } from "vitest";
import { digestOverdue, REMINDER_WINDOW_DAYS, remindOverdue } from "../src/services/reminders";
import { connect, deliveriesTo } from "./support";

const { app, owner, close } = connect();
afterAll(close);

const HOUR = 3_600_000;
const T = Date.parse("2026-06-10T12:00:00Z");
const at = (hours: number) => new Date(T + hours * HOUR);

const fixture = () => createAgencyFixture(app, { label: "Reminders", now: T });

const noticesOf = (f: AgencyFixture, kind: string) =>
  owner
    .select({
      userId: s.notifications.userId,
      title: s.notifications.title,
      body: s.notifications.body,
      link: s.notifications.link,
    })
    .from(s.notifications)
    .where(and(eq(s.notifications.agencyId, f.agencyId), eq(s.notifications.kind, kind)))
    .orderBy(s.notifications.createdAt);

describe("SLA reminders", () => {
  it("reminds the consultant once per overdue interview, however often it runs", async () => {
    const f = await fixture();
    expect(await remindOverdue({ db: app, agencyId: f.agencyId, now: at(0) })).toEqual({
      reminded: 1,
    });
    expect(await remindOverdue({ db: app, agencyId: f.agencyId, now: at(0) })).toEqual({
      reminded: 0,
    });
    expect(await noticesOf(f, "feedback.overdue")).toEqual([
      {
        userId: f.users.consultant.id,
        title: "Feedback for Ari Candidate (Senior Product Manager) is overdue",
        body: "Your agency aims to send feedback within 72 hours of a rejection; this one is 1 day past that.",
        link: `/interviews/${f.interviews.owed}/feedback`,
      },
    ]);
    // Notice and email written together: one outbox row, one delivery job.
    expect(await deliveriesTo(owner, f.users.consultant.id)).toEqual([
      { topic: "feedback.overdue", notificationId: expect.any(String), jobs: 1 },
    ]);

    // 60 hours on, the draft's interview is overdue too: one new reminder, not a repeat.
    expect(await remindOverdue({ db: app, agencyId: f.agencyId, now: at(60) })).toEqual({
      reminded: 1,
    });
    expect((await noticesOf(f, "feedback.overdue")).map((n) => n.link)).toEqual([
      `/interviews/${f.interviews.owed}/feedback`,
      `/interviews/${f.interviews.draft}/feedback`,
    ]);
  });

  it("leaves published feedback, long-forgotten backlog and other agencies alone", async () => {
    const f = await fixture();
    const other = await fixture();
    // Overdue since T−28h: more than the window later, it is the digest's business.
    const late = at(REMINDER_WINDOW_DAYS * 24);
    expect(await remindOverdue({ db: app, agencyId: f.agencyId, now: late })).toEqual({
      reminded: 1, // the draft's interview, overdue since T+52h, is within the window
    });
    expect((await noticesOf(f, "feedback.overdue")).map((n) => n.link)).toEqual([
      `/interviews/${f.interviews.draft}/feedback`,
    ]);
    expect(await noticesOf(other, "feedback.overdue")).toEqual([]);
  });

  it("does not remind before the SLA runs out", async () => {
    const f = await fixture();
    // At T−29h the owed interview is still within its 72 hours.
    expect(await remindOverdue({ db: app, agencyId: f.agencyId, now: at(-29) })).toEqual({
      reminded: 0,
    });
  });
});

describe("the admins' digest", () => {
  it("lists the agency's overdue backlog to each active admin once a day", async () => {
    const f = await fixture();
    expect(await digestOverdue({ db: app, agencyId: f.agencyId, now: at(0) })).toEqual({
      admins: 1,
      overdue: 1,
    });
    expect(await digestOverdue({ db: app, agencyId: f.agencyId, now: at(1) })).toEqual({
      admins: 0,
      overdue: 1,
    });
    expect(await noticesOf(f, "feedback.overdue_digest")).toEqual([
      {
        userId: f.users.admin.id,
        title: "1 rejected interview owes feedback past the 72-hour SLA",
        body: "• Ari Candidate — Senior Product Manager (Cora Consultant): 1 day overdue",
        link: "/",
      },
    ]);
    // The next day there are two, and a new digest says so.
    await digestOverdue({ db: app, agencyId: f.agencyId, now: at(60) });
    expect((await noticesOf(f, "feedback.overdue_digest")).map((n) => n.title)).toEqual([
      "1 rejected interview owes feedback past the 72-hour SLA",
      "2 rejected interviews owe feedback past the 72-hour SLA",
    ]);
  });

  it("sends nothing when nothing is overdue", async () => {
    const f = await fixture();
    expect(await digestOverdue({ db: app, agencyId: f.agencyId, now: at(-29) })).toEqual({
      admins: 0,
      overdue: 0,
    });
    expect(await noticesOf(f, "feedback.overdue_digest")).toEqual([]);
  });
});
