// The admins' Email page: the mailbox's keyset paging (ties included) and isolation, one message,
// the undelivered queue (counts, order, and no payload or invitation link in it), and retrying a
// stuck message (unparked, exactly one new delivery job, audited), with bad input named.
import { schema as s, sql, type Tx } from "@debrief/db";
import { type AgencyFixture, createAgencyFixture } from "@debrief/db/factories";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asAgency, callerFor, connect, httpError } from "./support";

const { app, owner, close } = connect();
afterAll(close);

const MINUTE = 60_000;
const admin = (f: AgencyFixture) => callerFor(app, f.users.admin);

type OutboxSeed = {
  topic?: string;
  userId?: string;
  attempts?: number;
  lastError?: string | null;
  parked?: boolean;
  processed?: boolean;
  at?: Date;
};

async function insertOutbox(tx: Tx, f: AgencyFixture, seed: OutboxSeed = {}) {
  const [row] = await tx
    .insert(s.outbox)
    .values({
      agencyId: f.agencyId,
      topic: seed.topic ?? "goal.commented",
      payload: {
        userId: seed.userId ?? f.users.consultant.id,
        notificationId: crypto.randomUUID(),
      },
      attempts: seed.attempts ?? 0,
      lastError: seed.lastError ?? null,
      parkedAt: seed.parked ? new Date() : null,
      processedAt: seed.processed ? new Date() : null,
      createdAt: seed.at ?? new Date(),
    })
    .returning({ id: s.outbox.id });
  if (!row) throw new Error("no outbox row");
  return row.id;
}

const seedOutbox = (f: AgencyFixture, seed: OutboxSeed = {}) =>
  asAgency(app, f.users.admin, (tx) => insertOutbox(tx, f, seed));

/** Delivered messages at the given moments (a processed outbox row each), in order. */
function seedMessages(f: AgencyFixture, ats: Date[], transport = "dev") {
  return asAgency(app, f.users.admin, async (tx) => {
    const ids: string[] = [];
    for (const [i, at] of ats.entries()) {
      const outboxId = await insertOutbox(tx, f, { processed: true, attempts: 1, at });
      const [row] = await tx
        .insert(s.mailMessages)
        .values({
          agencyId: f.agencyId,
          outboxId,
          userId: f.users.consultant.id,
          toAddress: f.users.consultant.email,
          subject: `Message ${i}`,
          textBody: `Text of message ${i}`,
          htmlBody: `<p>HTML of message ${i}</p>`,
          transport,
          createdAt: at,
        })
        .returning({ id: s.mailMessages.id });
      if (!row) throw new Error("no mail message");
      ids.push(row.id);
    }
    return ids;
  });
}

const jobsFor = async (outboxId: string) => {
  const [row] = await owner.execute<{ n: number }>(
    sql`select count(*)::int as n from pgboss.job
        where name = 'outbox.deliver' and data->>'outboxId' = ${outboxId}`,
  );
  return row?.n ?? -1;
};

describe("list and get", () => {
  let f: AgencyFixture;
  let foreign: AgencyFixture;
  let ids: string[];
  let foreignIds: string[];
  beforeAll(async () => {
    [f, foreign] = await Promise.all([
      createAgencyFixture(app, { label: "Mail" }),
      createAgencyFixture(app, { label: "Mail Foreign" }),
    ]);
    const base = Date.now() - 60 * MINUTE;
    // Seven messages, three of them at the very same moment: the keyset must break the tie.
    const tie = new Date(base + 10 * MINUTE);
    ids = await seedMessages(f, [
      new Date(base),
      new Date(base + MINUTE),
      tie,
      tie,
      tie,
      new Date(base + 20 * MINUTE),
      new Date(base + 30 * MINUTE),
    ]);
    foreignIds = await seedMessages(foreign, [new Date(base + 5 * MINUTE)], "smtp");
  });

  it("pages newest first without skipping or repeating, and shows only the agency's mail", async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await admin(f).admin.mail.list({ cursor, limit: 2 });
      expect(page.rows.length).toBeLessThanOrEqual(2);
      seen.push(...page.rows.map((r) => r.id));
      cursor = page.nextCursor ?? undefined;
      pages += 1;
    } while (cursor && pages < 10);
    expect(pages).toBe(4);
    expect(new Set(seen).size).toBe(7);
    expect([...seen].sort()).toEqual([...ids].sort());
    // Newest first: the last two seeded come first, the first seeded last.
    expect(seen.slice(0, 2)).toEqual([ids[6], ids[5]]);
    expect(seen.at(-1)).toBe(ids[0]);
    for (const id of foreignIds) expect(seen).not.toContain(id);

    const first = await admin(f).admin.mail.list({});
    expect(first.nextCursor).toBeNull();
    expect(first.rows[0]).toEqual({
      id: ids[6],
      toAddress: f.users.consultant.email,
      recipientName: f.users.consultant.name,
      subject: "Message 6",
      transport: "dev",
      createdAt: expect.any(Date),
    });

    const theirs = await admin(foreign).admin.mail.list({});
    expect(theirs.rows.map((r) => r.id)).toEqual(foreignIds);
    expect(theirs.rows[0]?.transport).toBe("smtp");
  });

  it("opens one message with both bodies; another agency's or a missing one is not found", async () => {
    const id = ids[3] as string;
    const message = await admin(f).admin.mail.get({ id });
    expect(message).toMatchObject({
      id,
      subject: "Message 3",
      textBody: "Text of message 3",
      htmlBody: "<p>HTML of message 3</p>",
      recipientName: f.users.consultant.name,
    });
    await expect(admin(foreign).admin.mail.get({ id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(admin(f).admin.mail.get({ id: crypto.randomUUID() })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("names the field of bad input", async () => {
    const badId = await httpError(app, f.users.admin, "admin.mail.get", "query", { id: "nope" });
    expect(badId).toMatchObject({ status: 400, code: "BAD_REQUEST" });
    expect(badId.fieldErrors).toEqual({ id: ["must be a valid id"] });

    const badCursor = await httpError(app, f.users.admin, "admin.mail.list", "query", {
      cursor: "nope",
    });
    expect(badCursor.fieldErrors).toEqual({ cursor: ["must be a valid id"] });

    const foreignCursor = await httpError(app, f.users.admin, "admin.mail.list", "query", {
      cursor: foreignIds[0],
    });
    expect(foreignCursor).toMatchObject({ status: 400, code: "BAD_REQUEST" });
    expect(foreignCursor.fieldErrors).toEqual({ cursor: ["is not a message of your agency"] });

    const limit = await httpError(app, f.users.admin, "admin.mail.list", "query", { limit: 0 });
    expect(limit.fieldErrors).toEqual({ limit: ["must be at least 1"] });
  });
});

describe("queue", () => {
  let f: AgencyFixture;
  let foreign: AgencyFixture;
  beforeAll(async () => {
    [f, foreign] = await Promise.all([
      createAgencyFixture(app, { label: "Mail Queue" }),
      createAgencyFixture(app, { label: "Mail Queue Foreign" }),
    ]);
  });

  it("lists undelivered messages parked first then oldest, with counts, and never a payload", async () => {
    const before = await admin(f).admin.mail.queue();
    const base = Date.now() - 120 * MINUTE;
    const failing = await seedOutbox(f, {
      attempts: 2,
      lastError: "connect ECONNREFUSED 127.0.0.1:25",
      at: new Date(base),
    });
    const parkedLate = await seedOutbox(f, {
      topic: "feedback.published",
      attempts: 10,
      lastError: "Greeting never received",
      parked: true,
      at: new Date(base + 30 * MINUTE),
    });
    const parkedEarly = await seedOutbox(f, {
      attempts: 10,
      parked: true,
      at: new Date(base + 10 * MINUTE),
    });
    const delivered = await seedOutbox(f, { processed: true, attempts: 1 });
    await seedOutbox(foreign, { parked: true, attempts: 10 });
    // A real invitation: its outbox payload holds the secret acceptance link.
    const sent = await admin(f).admin.users.invite({
      email: `mail.queue.${crypto.randomUUID().slice(0, 8)}@example.test`,
      name: "Quinn Queued",
      role: "consultant",
    });

    const queue = await admin(f).admin.mail.queue();
    expect(queue.counts).toEqual({
      waiting: before.counts.waiting + 1,
      failing: before.counts.failing + 1,
      parked: before.counts.parked + 2,
    });
    const ours = queue.rows.filter((r) => !before.rows.some((b) => b.id === r.id));
    expect(ours.map((r) => r.state)).toEqual(["parked", "parked", "failing", "waiting"]);
    expect(ours.slice(0, 3).map((r) => r.id)).toEqual([parkedEarly, parkedLate, failing]);
    expect(queue.rows.map((r) => r.id)).not.toContain(delivered);
    expect(ours[1]).toEqual({
      id: parkedLate,
      topic: "feedback.published",
      state: "parked",
      recipient: { name: f.users.consultant.name, email: f.users.consultant.email },
      attempts: 10,
      lastError: "Greeting never received",
      parkedAt: expect.any(Date),
      createdAt: new Date(base + 30 * MINUTE),
    });
    const invitation = ours[3];
    expect(invitation).toMatchObject({
      topic: "invitation",
      state: "waiting",
      recipient: { name: "Quinn Queued", email: sent.email },
      attempts: 0,
      parkedAt: null,
    });

    const json = JSON.stringify(queue);
    expect(json).not.toContain(sent.link);
    expect(json).not.toContain(sent.link.split("/").at(-1));
    expect(json).not.toContain("payload");
    expect(json).not.toContain(sent.invitationId);

    // The other agency sees its own parked message only.
    const theirs = await admin(foreign).admin.mail.queue();
    expect(theirs.counts).toEqual({ waiting: 0, failing: 0, parked: 1 });
    expect(theirs.rows.map((r) => r.id)).not.toContain(parkedLate);
  });
});

describe("retry", () => {
  let f: AgencyFixture;
  let foreign: AgencyFixture;
  beforeAll(async () => {
    [f, foreign] = await Promise.all([
      createAgencyFixture(app, { label: "Mail Retry" }),
      createAgencyFixture(app, { label: "Mail Retry Foreign" }),
    ]);
  });

  it("unparks the message, queues exactly one new delivery job and audits it", async () => {
    const id = await seedOutbox(f, { parked: true, attempts: 10, lastError: "refused" });
    expect(await jobsFor(id)).toBe(0);
    const result = await admin(f).admin.mail.retry({ outboxId: id });
    expect(result).toEqual({ outboxId: id });
    const [row] = await owner.execute<{ parked_at: Date | null; processed_at: Date | null }>(
      sql`select parked_at, processed_at from outbox where id = ${id}`,
    );
    expect(row).toEqual({ parked_at: null, processed_at: null });
    expect(await jobsFor(id)).toBe(1);
    const [job] = await owner.execute<{ data: Record<string, string> }>(
      sql`select data from pgboss.job where name = 'outbox.deliver' and data->>'outboxId' = ${id}`,
    );
    expect(job?.data).toEqual({ agencyId: f.agencyId, outboxId: id });

    const audits = await owner.execute<{ action: string; metadata: unknown; actor_id: string }>(
      sql`select action, metadata, actor_id from audit_events where entity_id = ${id}`,
    );
    expect(audits).toEqual([
      {
        action: "mail.retried",
        metadata: { topic: "goal.commented", wasParked: true },
        actor_id: f.users.admin.id,
      },
    ]);
    const [logged] = (await admin(f).admin.audit.list({ action: "mail.retried" })).rows;
    expect(logged).toMatchObject({
      entityType: "outbox",
      entityLabel: `Email to ${f.users.consultant.name}`,
      entityHref: "/admin/mail",
    });

    // A failing (not parked) message can be retried too; the queue no longer shows it parked.
    const failing = await seedOutbox(f, { attempts: 3, lastError: "timeout" });
    await admin(f).admin.mail.retry({ outboxId: failing });
    expect(await jobsFor(failing)).toBe(1);
    const queue = await admin(f).admin.mail.queue();
    expect(queue.rows.find((r) => r.id === id)?.state).toBe("failing");
  });

  it("refuses a delivered message, and finds no other agency's", async () => {
    const delivered = await seedOutbox(f, { processed: true, attempts: 1 });
    const done = await httpError(app, f.users.admin, "admin.mail.retry", "mutation", {
      outboxId: delivered,
    });
    expect(done).toMatchObject({
      status: 400,
      code: "BAD_REQUEST",
      message: "This message was already delivered",
    });
    expect(done.fieldErrors).toEqual({ outboxId: ["is already delivered"] });
    expect(await jobsFor(delivered)).toBe(0);

    const theirs = await seedOutbox(foreign, { parked: true, attempts: 10 });
    await expect(admin(f).admin.mail.retry({ outboxId: theirs })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(
      admin(f).admin.mail.retry({ outboxId: crypto.randomUUID() }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    const [row] = await owner.execute<{ parked: boolean }>(
      sql`select parked_at is not null as parked from outbox where id = ${theirs}`,
    );
    expect(row?.parked).toBe(true);
    expect(await jobsFor(theirs)).toBe(0);

    const bad = await httpError(app, f.users.admin, "admin.mail.retry", "mutation", {
      outboxId: "1; drop table outbox",
    });
    expect(bad).toMatchObject({ status: 400, code: "BAD_REQUEST" });
    expect(bad.fieldErrors).toEqual({ outboxId: ["must be a valid id"] });
  });

  it("is for admins only", async () => {
    await expect(callerFor(app, f.users.consultant).admin.mail.queue()).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });
});
