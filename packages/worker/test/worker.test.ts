// The worker against a real PostgreSQL: transactional enqueue, delivery to the dev mailbox and to a
// real SMTP server, retries and parking when SMTP cannot be reached, muted kinds, a worker killed
// mid-job, and two workers on one queue. Tests run one after another (vitest.config.ts): a worker
// takes any job in the database.
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { notifyUser } from "@debrief/api";
import { createDb, enqueue, eq, queues, schema as s, sql, withTenant } from "@debrief/db";
import { createAgencyFixture, type FixtureUser } from "@debrief/db/factories";
import { SMTPServer } from "smtp-server";
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import { startWorker } from "../src/worker";

const ownerUrl = inject("ownerUrl");
const appUrl = inject("appUrl");
const app = createDb(appUrl, { max: 4 });
const owner = createDb(ownerUrl, { max: 4 });
const from = "Debrief <notifications@debrief.test>";

let candidate: FixtureUser;
let consultant: FixtureUser;
beforeAll(async () => {
  const f = await createAgencyFixture(app, { label: "Worker" });
  candidate = f.users.candidateA;
  consultant = f.users.consultant;
});

const running: { stop(): Promise<void> }[] = [];
const children: ChildProcess[] = [];
afterEach(async () => {
  for (const w of running.splice(0)) await w.stop();
  for (const c of children.splice(0)) if (c.exitCode === null) c.kill("SIGKILL");
});
afterAll(async () => {
  await app.$client.end();
  await owner.$client.end();
});

async function worker(options: { smtpUrl?: string } = {}) {
  const w = await startWorker({
    ownerUrl,
    appUrl,
    mailFrom: from,
    pollingIntervalSeconds: 0.5,
    maintenanceIntervalSeconds: 1,
    ...options,
  });
  running.push(w);
  return w;
}

/** Commits one notice (and its outbox row and job) for the user; returns the outbox row's id. */
async function notify(user: FixtureUser, title: string, kind = "feedback.published") {
  return withTenant(app, { agencyId: user.agencyId, userId: null, role: "admin" }, async (tx) => {
    await notifyUser({ tx, user }, { userId: user.id, kind, title, link: "/feedback/x" });
    const [row] = await tx
      .select({ id: s.outbox.id })
      .from(s.outbox)
      .where(sql`${s.outbox.payload}->>'userId' = ${user.id}`)
      .orderBy(sql`${s.outbox.createdAt} desc`)
      .limit(1);
    if (!row) throw new Error("no outbox row");
    return row.id;
  });
}

const outboxRow = async (id: string) =>
  (await owner.select().from(s.outbox).where(eq(s.outbox.id, id)))[0];
const mailFor = (outboxId: string) =>
  owner.select().from(s.mailMessages).where(eq(s.mailMessages.outboxId, outboxId));

async function until<T>(what: string, probe: () => Promise<T | undefined | false>, ms = 30_000) {
  const end = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** The delivery queue's settings, which pg-boss copies into each job as it is created. */
async function setDeliveryQueue(settings: {
  retryLimit: number;
  retryDelay: number;
  retryBackoff: boolean;
  expireSeconds: number;
}) {
  await owner.execute(sql`
    update pgboss.queue set retry_limit = ${settings.retryLimit}, retry_delay = ${settings.retryDelay},
           retry_backoff = ${settings.retryBackoff}, expire_seconds = ${settings.expireSeconds}
    where name = 'outbox.deliver'`);
}
const defaults = { retryLimit: 9, retryDelay: 30, retryBackoff: true, expireSeconds: 120 };

describe("the transactional outbox", () => {
  it("a rolled-back change notifies no one: no notice, no outbox row, no job", async () => {
    const title = `Rolled back ${crypto.randomUUID()}`;
    await expect(
      withTenant(app, { agencyId: candidate.agencyId, userId: null, role: "admin" }, async (tx) => {
        await notifyUser(
          { tx, user: candidate },
          { userId: candidate.id, kind: "feedback.published", title, link: "/" },
        );
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    const [counts] = await owner.execute<{ notices: number; outbox: number; jobs: number }>(sql`
      select (select count(*)::int from notifications where title = ${title}) as notices,
             (select count(*)::int from outbox o where o.payload->>'userId' = ${candidate.id}) as outbox,
             (select count(*)::int from pgboss.job where name = 'outbox.deliver'
                and data->>'agencyId' = ${candidate.agencyId}) as jobs`);
    expect(counts).toEqual({ notices: 0, outbox: 0, jobs: 0 });
  });

  it("delivers a committed notice once to the dev mailbox, with text and HTML bodies and the portal link", async () => {
    const outboxId = await notify(candidate, "Feedback on your <Designer> interview");
    await worker();
    const mail = await until("the dev mailbox", async () => (await mailFor(outboxId))[0]);
    expect(mail).toMatchObject({
      toAddress: candidate.email,
      subject: "Feedback on your <Designer> interview",
      transport: "dev",
      userId: candidate.id,
    });
    expect(mail?.textBody).toContain("Hi Ari Candidate,");
    expect(mail?.textBody).toContain("Open in Debrief: http://localhost:3001/feedback/x");
    expect(mail?.textBody).toContain("Choose which emails you get: http://localhost:3001/settings");
    // Escaped in HTML: text from people never becomes markup.
    expect(mail?.htmlBody).toContain("Feedback on your &lt;Designer&gt; interview");
    expect(mail?.htmlBody).toContain('href="http://localhost:3001/feedback/x"');
    expect(await outboxRow(outboxId)).toMatchObject({
      processedAt: expect.any(Date),
      outcome: "kept in the dev mailbox",
      attempts: 1,
      lastError: null,
    });
    // A second job for the same row (a retry, a duplicate) finds it delivered and sends nothing.
    const again = await withTenant(
      app,
      { agencyId: candidate.agencyId, userId: null, role: "admin" },
      (tx) => enqueue(tx, queues.deliver, { agencyId: candidate.agencyId, outboxId }),
    );
    await until("the duplicate job to finish", async () => {
      const [job] = await owner.execute<{ state: string }>(
        sql`select state from pgboss.job where id = ${again}`,
      );
      return job?.state === "completed";
    });
    expect(await mailFor(outboxId)).toHaveLength(1);
  });

  it("sends nothing by email for a kind the recipient muted, and says why", async () => {
    await owner
      .update(s.users)
      .set({ emailMuted: ["feedback.revised"] })
      .where(eq(s.users.id, candidate.id));
    try {
      const outboxId = await notify(candidate, "Updated feedback", "feedback.revised");
      await worker();
      const row = await until("the row to be processed", async () => {
        const r = await outboxRow(outboxId);
        return r?.processedAt ? r : undefined;
      });
      expect(row.outcome).toBe("skipped: the recipient turned these emails off");
      expect(await mailFor(outboxId)).toEqual([]);
      // The in-app notice is there all the same.
      const [notice] = await owner
        .select()
        .from(s.notifications)
        .where(eq(s.notifications.title, "Updated feedback"));
      expect(notice?.userId).toBe(candidate.id);
    } finally {
      await owner.update(s.users).set({ emailMuted: [] }).where(eq(s.users.id, candidate.id));
    }
  });
});

describe("SMTP", () => {
  it("hands the message to the SMTP server as multipart text + HTML with the outbox id as Message-ID", async () => {
    const received: string[] = [];
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      logger: false,
      onData(stream, _session, callback) {
        const chunks: Buffer[] = [];
        stream.on("data", (c: Buffer) => chunks.push(c));
        stream.on("end", () => {
          received.push(Buffer.concat(chunks).toString("utf8"));
          callback();
        });
      },
    });
    server.listen(0, "127.0.0.1");
    await once(server.server, "listening");
    const { port } = server.server.address() as AddressInfo;
    try {
      const outboxId = await notify(consultant, "Ari asked a question");
      await worker({ smtpUrl: `smtp://127.0.0.1:${port}` });
      // The worker's start-up SLA reminders may arrive too: pick ours by its Message-ID.
      const ours = () => received.filter((m) => m.includes(`Message-ID: <${outboxId}@debrief>`));
      const raw = await until("the SMTP server to receive it", async () => ours()[0]);
      expect(raw).toContain("Subject: Ari asked a question");
      expect(raw).toContain(`To: ${consultant.email}`);
      expect(raw).toContain("multipart/alternative");
      expect(raw).toContain("Content-Type: text/plain");
      expect(raw).toContain("Content-Type: text/html");
      // Staff links go to the consultant portal.
      expect(raw).toContain("http://localhost:3000/feedback/x");
      const row = await until("the row to be processed", async () => {
        const r = await outboxRow(outboxId);
        return r?.processedAt ? r : undefined;
      });
      expect(row.outcome).toBe("sent");
      expect((await mailFor(outboxId)).map((m) => m.transport)).toEqual(["smtp"]);
      expect(ours()).toHaveLength(1);
    } finally {
      server.close();
    }
  });

  it("an unreachable SMTP server: the message waits and retries with the error recorded, then is parked", async () => {
    await setDeliveryQueue({
      retryLimit: 2,
      retryDelay: 1,
      retryBackoff: false,
      expireSeconds: 30,
    });
    try {
      const outboxId = await notify(candidate, "Cannot be sent");
      // Port 1: nothing listens, the connection is refused at once.
      await worker({ smtpUrl: "smtp://127.0.0.1:1" });
      const parked = await until("the message to be parked", async () => {
        const r = await outboxRow(outboxId);
        return r?.parkedAt ? r : undefined;
      });
      // The first try and two retries, each counted with its error; nothing was recorded as sent.
      expect(parked).toMatchObject({ attempts: 3, processedAt: null });
      expect(parked.lastError).toMatch(/ECONNREFUSED|connect/i);
      expect(await mailFor(outboxId)).toEqual([]);
    } finally {
      await setDeliveryQueue(defaults);
    }
  });
});

const main = fileURLToPath(new URL("../src/main.ts", import.meta.url));

/** A worker as `npm run worker` runs it, in its own process; its JSON log lines are collected. */
function spawnWorker(extraEnv: Record<string, string> = {}) {
  // Node itself with tsx's loader (not the tsx CLI, which would run the worker in a child process
  // that a kill of the CLI leaves running).
  const child = spawn(process.execPath, ["--import", "tsx", main], {
    cwd: fileURLToPath(new URL("..", import.meta.url)),
    env: { PATH: process.env.PATH, DATABASE_URL: ownerUrl, APP_DATABASE_URL: appUrl, ...extraEnv },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  const lines: Record<string, unknown>[] = [];
  let buffer = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    buffer += chunk.toString("utf8");
    const parts = buffer.split("\n");
    buffer = parts.pop() ?? "";
    for (const line of parts) {
      try {
        lines.push(JSON.parse(line));
      } catch {
        // not a log line
      }
    }
  });
  let stderr = "";
  child.stderr?.on("data", (c: Buffer) => {
    stderr += c.toString("utf8");
  });
  const started = until(
    "the worker process to start",
    async () => {
      if (child.exitCode !== null) throw new Error(`worker exited: ${stderr}`);
      return lines.some((l) => l.msg === "worker started");
    },
    30_000,
  );
  // Awaited by the tests that need a running worker; one expected to fail at start-up ignores it.
  started.catch(() => {});
  return { child, lines, started, stderr: () => stderr };
}

const deliveries = (lines: Record<string, unknown>[]) =>
  lines.filter((l) => l.msg === "outbox delivery").map((l) => String(l.outboxId));

describe("worker processes", () => {
  it("a malformed SMTP_URL stops start-up with a message that names it", async () => {
    const w = spawnWorker({ SMTP_URL: "mail.example.com:25" });
    const [code] = await once(w.child, "exit");
    expect(code).toBe(2);
    expect(w.stderr()).toContain("SMTP_URL: must be an smtp:// or smtps:// URL");
    expect(w.lines).toEqual([]);
  });

  it("kill -9 between taking a job and finishing it: delivered after the restart, once", async () => {
    await setDeliveryQueue({ retryLimit: 3, retryDelay: 1, retryBackoff: false, expireSeconds: 3 });
    const lock = await owner.$client.reserve();
    try {
      const outboxId = await notify(candidate, "Survives a crash");
      // Hold the outbox row, so the worker that takes the job blocks inside its delivery.
      await lock`begin`;
      await lock`select 1 from outbox where id = ${outboxId} for update`;
      const first = spawnWorker();
      await first.started;
      await until("the job to be taken", async () => {
        const [job] = await owner.execute<{ state: string }>(
          sql`select state from pgboss.job where data->>'outboxId' = ${outboxId}`,
        );
        return job?.state === "active";
      });
      first.child.kill("SIGKILL");
      await once(first.child, "exit");
      await lock`rollback`;
      expect(await mailFor(outboxId)).toEqual([]);
      expect((await outboxRow(outboxId))?.processedAt).toBeNull();

      // The restarted worker finds the job expired, retries it and delivers.
      await worker();
      await until("the delivery after the restart", async () => (await mailFor(outboxId))[0]);
      await new Promise((r) => setTimeout(r, 1500));
      expect(await mailFor(outboxId)).toHaveLength(1);
      const jobs = await owner.execute<{ state: string }>(
        sql`select state from pgboss.job where data->>'outboxId' = ${outboxId}`,
      );
      expect(jobs).toEqual([{ state: "completed" }]);
      // The killed worker took the job but never finished it.
      expect(deliveries(first.lines)).not.toContain(outboxId);
    } finally {
      lock.release();
      await setDeliveryQueue(defaults);
    }
  });

  it("two workers on the same queue: every message delivered exactly once, by one of them", async () => {
    const a = spawnWorker();
    const b = spawnWorker();
    await Promise.all([a.started, b.started]);
    const count = 40;
    const ids: string[] = [];
    for (let i = 0; i < count; i++) ids.push(await notify(candidate, `Both workers ${i}`));
    await until(
      "every message to be delivered",
      async () => {
        const [row] = await owner.execute<{ n: number }>(
          sql`select count(*)::int as n from mail_messages where outbox_id::text = any(${`{${ids.join(",")}}`}::text[])`,
        );
        return row?.n === count;
      },
      60_000,
    );
    // Log lines are written asynchronously: wait for both workers to have reported them all.
    const mine = (w: typeof a) => deliveries(w.lines).filter((id) => ids.includes(id));
    await until("both workers' logs", async () => mine(a).length + mine(b).length >= count);
    await new Promise((r) => setTimeout(r, 1000));
    const byA = mine(a);
    const byB = mine(b);
    // Each message was handled by exactly one worker, exactly once, and both took part.
    expect([...byA, ...byB].sort()).toEqual([...ids].sort());
    expect(byA.length).toBeGreaterThan(0);
    expect(byB.length).toBeGreaterThan(0);
    const [jobs] = await owner.execute<{ completed: number; retried: number }>(sql`
      select count(*) filter (where state = 'completed')::int as completed,
             count(*) filter (where retry_count > 0)::int as retried
      from pgboss.job where data->>'outboxId' = any(${`{${ids.join(",")}}`}::text[])`);
    expect(jobs).toEqual({ completed: count, retried: 0 });
  });
});
