// Nothing lost under contention and overload: concurrent saves of one feedback conflict instead of
// overwriting; server-side timeouts are set on every connection; a pool with no free connection
// answers "busy" fast instead of queueing for ever, and the call it gave up on never runs.
import { createDb, DatabaseBusyError, eq, schema as s, sql, withTenant } from "@debrief/db";
import { createAgencyFixture } from "@debrief/db/factories";
import { afterAll, describe, expect, inject, it } from "vitest";
import { createCaller } from "../src/root";
import { createInnerTRPCContext } from "../src/trpc";
import { callerFor, connect } from "./support";

const { app, owner, close } = connect();
afterAll(close);

describe("concurrent saves of one feedback", () => {
  it("N saves from the same version: the final version is the start plus the successes, the rest conflict", async () => {
    const f = await createAgencyFixture(app, { label: "Concurrent" });
    const start = f.feedback.draft.version;
    const [draft] = await owner
      .select({ interviewId: s.feedback.interviewId })
      .from(s.feedback)
      .where(eq(s.feedback.id, f.feedback.draft.id));
    const interviewId = draft?.interviewId ?? "";
    const n = 12;
    const results = await Promise.allSettled(
      Array.from({ length: n }, (_, i) =>
        callerFor(app, i % 2 ? f.users.consultant : f.users.consultant2).feedback.saveDraft({
          interviewId,
          version: start,
          summary: `Save number ${i}`,
          items: [],
        }),
      ),
    );
    const successes = results.filter((r) => r.status === "fulfilled").length;
    const conflicts = results.filter(
      (r) => r.status === "rejected" && (r.reason as { code?: string }).code === "CONFLICT",
    ).length;
    expect(successes + conflicts).toBe(n);
    expect(successes).toBeGreaterThanOrEqual(1);
    const [after] = await owner
      .select({ version: s.feedback.version, summary: s.feedback.summary })
      .from(s.feedback)
      .where(eq(s.feedback.id, f.feedback.draft.id));
    expect(after?.version).toBe(start + successes);
    // The text stored is the winner's, whole.
    const winner = results.find((r) => r.status === "fulfilled");
    expect(after?.summary).toMatch(/^Save number \d+$/);
    expect(winner).toBeDefined();
  });

  it("saves that each retry with the version they are told: every one lands, none is lost", async () => {
    const f = await createAgencyFixture(app, { label: "Retrying" });
    const [draft] = await owner
      .select({ interviewId: s.feedback.interviewId, version: s.feedback.version })
      .from(s.feedback)
      .where(eq(s.feedback.id, f.feedback.draft.id));
    const interviewId = draft?.interviewId ?? "";
    const start = draft?.version ?? 0;
    const n = 6;
    const caller = callerFor(app, f.users.consultant);
    const save = async (i: number) => {
      for (let attempt = 0; attempt < 50; attempt++) {
        const current = await caller.feedback.editor({ interviewId });
        try {
          return await caller.feedback.saveDraft({
            interviewId,
            version: current.feedback?.version ?? start,
            summary: `Writer ${i}`,
            items: [],
          });
        } catch (error) {
          if ((error as { code?: string }).code !== "CONFLICT") throw error;
        }
      }
      throw new Error("never saved");
    };
    await Promise.all(Array.from({ length: n }, (_, i) => save(i)));
    const [after] = await owner
      .select({ version: s.feedback.version })
      .from(s.feedback)
      .where(eq(s.feedback.id, f.feedback.draft.id));
    expect(after?.version).toBe(start + n);
  });
});

describe("server-side limits on every connection", () => {
  it("sets statement_timeout and idle_in_transaction_session_timeout", async () => {
    const [row] = await app.execute<{ statement: string; idle: string }>(
      sql`select current_setting('statement_timeout') as statement,
                 current_setting('idle_in_transaction_session_timeout') as idle`,
    );
    expect(row).toEqual({ statement: "30s", idle: "1min" });
  });

  it("cancels a statement that runs too long, and the transaction leaves nothing", async () => {
    const quick = createDb(inject("appUrl"), { max: 1, statementTimeoutMs: 200 });
    try {
      const f = await createAgencyFixture(app, { label: "Timeout" });
      const title = `Never kept ${crypto.randomUUID()}`;
      const started = performance.now();
      await expect(
        withTenant(quick, { agencyId: f.agencyId, userId: null, role: "admin" }, async (tx) => {
          await tx.insert(s.clients).values({ agencyId: f.agencyId, name: title });
          await tx.execute(sql`select pg_sleep(5)`);
        }),
      ).rejects.toMatchObject({ cause: { code: "57014" } });
      expect(performance.now() - started).toBeLessThan(2_000);
      expect(await owner.select().from(s.clients).where(eq(s.clients.name, title))).toEqual([]);
    } finally {
      await quick.$client.end();
    }
  });

  it("ends a transaction left idle, releasing what it held", async () => {
    const idle = createDb(inject("appUrl"), { max: 1, idleInTransactionTimeoutMs: 300 });
    try {
      const f = await createAgencyFixture(app, { label: "Idle" });
      const title = `Abandoned ${crypto.randomUUID()}`;
      await expect(
        withTenant(idle, { agencyId: f.agencyId, userId: null, role: "admin" }, async (tx) => {
          await tx.insert(s.clients).values({ agencyId: f.agencyId, name: title });
          await new Promise((r) => setTimeout(r, 1_000)); // the code forgets the transaction
          await tx.execute(sql`select 1`);
        }),
      ).rejects.toThrow();
      expect(await owner.select().from(s.clients).where(eq(s.clients.name, title))).toEqual([]);
    } finally {
      await idle.$client.end();
    }
  });
});

describe("pool exhaustion", () => {
  it("answers busy fast with a clear error, and the request it gave up on never runs", async () => {
    const small = createDb(inject("appUrl"), { max: 1, acquireTimeoutMs: 300 });
    try {
      const f = await createAgencyFixture(app, { label: "Busy" });
      const tenant = { agencyId: f.agencyId, userId: null, role: "admin" as const };
      // The only connection is busy for 1.5 s.
      const holder = withTenant(small, tenant, (tx) => tx.execute(sql`select pg_sleep(1.5)`));
      await new Promise((r) => setTimeout(r, 100));

      const title = `Too late ${crypto.randomUUID()}`;
      const started = performance.now();
      await expect(
        withTenant(small, tenant, (tx) =>
          tx.insert(s.clients).values({ agencyId: f.agencyId, name: title }),
        ),
      ).rejects.toBeInstanceOf(DatabaseBusyError);
      const waited = performance.now() - started;
      expect(waited).toBeLessThan(1_000);

      // Through tRPC the caller gets 503-style SERVICE_UNAVAILABLE with a message a person reads.
      const busyCaller = callerFor(small, f.users.consultant);
      await expect(
        busyCaller.client.create({ name: `Also too late ${crypto.randomUUID()}` }),
      ).rejects.toMatchObject({
        code: "SERVICE_UNAVAILABLE",
        message: "The service is busy or restarting; please try again in a moment",
      });

      await holder;
      await new Promise((r) => setTimeout(r, 200));
      // The abandoned work never ran, and the pool serves again.
      expect(await owner.select().from(s.clients).where(eq(s.clients.name, title))).toEqual([]);
      const [row] = await withTenant(small, tenant, (tx) => tx.execute(sql`select 1 as one`));
      expect(row).toEqual({ one: 1 });
    } finally {
      await small.$client.end();
    }
  });
});

describe("idempotency keys", () => {
  const withKey = (user: Parameters<typeof callerFor>[1], key: string) =>
    createCaller(
      createInnerTRPCContext({ session: user ? { user } : null, db: app, idempotencyKey: key }),
    );

  it("the same key and input: the first answer again, one change; another input: refused", async () => {
    const f = await createAgencyFixture(app, { label: "Idempotent" });
    const key = crypto.randomUUID();
    const name = `Acme ${key}`;
    const first = await withKey(f.users.consultant, key).client.create({ name });
    const again = await withKey(f.users.consultant, key).client.create({ name });
    expect(again).toEqual(first);
    const rows = await owner.select().from(s.clients).where(eq(s.clients.name, name));
    expect(rows).toHaveLength(1);

    await expect(
      withKey(f.users.consultant, key).client.create({ name: `${name} (other)` }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    expect(
      await owner
        .select()
        .from(s.clients)
        .where(eq(s.clients.name, `${name} (other)`)),
    ).toEqual([]);
    // Keys are per user: a colleague's identical key is a different request.
    const colleague = await withKey(f.users.consultant2, key).client.create({ name: `${name} 2` });
    expect(colleague.id).not.toBe(first.id);
  });

  it("concurrent repeats of one keyed request make one change and all get its answer", async () => {
    const f = await createAgencyFixture(app, { label: "Idempotent race" });
    const key = crypto.randomUUID();
    const name = `Race ${key}`;
    const answers = await Promise.all(
      Array.from({ length: 8 }, () => withKey(f.users.consultant, key).client.create({ name })),
    );
    expect(new Set(answers.map((a) => a.id)).size).toBe(1);
    expect(await owner.select().from(s.clients).where(eq(s.clients.name, name))).toHaveLength(1);
  });

  it("a failed mutation leaves its key unused, and a bad key is refused naming the header", async () => {
    const f = await createAgencyFixture(app, { label: "Idempotent fail" });
    const key = crypto.randomUUID();
    await expect(
      withKey(f.users.consultant, key).client.create({ name: "" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await withKey(f.users.consultant, key).client.create({ name: `After ${key}` });
    expect(
      await owner
        .select()
        .from(s.clients)
        .where(eq(s.clients.name, `After ${key}`)),
    ).toHaveLength(1);
    await expect(
      withKey(f.users.consultant, "x".repeat(201)).client.create({ name: "Too long a key" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});
