// The worker: takes jobs from the pg-boss queues in this database. Several may run at once: pg-boss
// hands each job to one of them (SELECT … FOR UPDATE SKIP LOCKED), a job whose worker died expires
// and is retried, and delivery itself is idempotent per outbox row (deliver.ts).
import { digestOverdue, logger, purgeExpired, remindOverdue } from "@debrief/api";
import { createDb, sql } from "@debrief/db";
import { QUEUE_SCHEMA, queues } from "@debrief/db/queue";
import PgBoss from "pg-boss";
import { deliver, park, parseJob } from "./deliver";
import { createTransport } from "./mail";

export type WorkerOptions = {
  /** The owner's URL: pg-boss's own tables, and listing agencies for scheduled work. */
  ownerUrl: string;
  /** The app role's URL: everything else runs as the app role in the agency's tenant. */
  appUrl: string;
  smtpUrl?: string;
  mailFrom: string;
  /** Deliveries in flight at once in this process. */
  concurrency?: number;
  /** How often this worker looks for expired jobs and due schedules (pg-boss maintenance). */
  maintenanceIntervalSeconds?: number;
  pollingIntervalSeconds?: number;
};

export async function startWorker(options: WorkerOptions) {
  const log = logger.child({ component: "worker", pid: process.pid });
  const boss = new PgBoss({
    connectionString: options.ownerUrl,
    schema: QUEUE_SCHEMA,
    max: 4,
    migrate: false,
    maintenanceIntervalSeconds: options.maintenanceIntervalSeconds ?? 30,
  });
  boss.on("error", (error) => log.error({ err: error.message }, "queue error"));
  await boss.start();
  // A delivery holds its transaction open while the SMTP server answers (up to ~50 s).
  const app = createDb(options.appUrl, {
    max: (options.concurrency ?? 2) + 2,
    idleInTransactionTimeoutMs: 120_000,
    statementTimeoutMs: 120_000,
  });
  const owner = createDb(options.ownerUrl, { max: 1 });
  const transport = createTransport(options.smtpUrl);
  const polling = { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 1 };

  for (let i = 0; i < (options.concurrency ?? 2); i++) {
    await boss.work(queues.deliver, polling, async ([job]) => {
      if (!job) return;
      const data = parseJob(job.data);
      try {
        const result = await deliver({ db: app, transport, from: options.mailFrom }, data);
        // Ids only: a payload can hold an invitation link.
        log.info({ outboxId: data.outboxId, jobId: job.id, result }, "outbox delivery");
      } catch (error) {
        log.warn(
          { outboxId: data.outboxId, jobId: job.id, err: (error as Error).message },
          "outbox delivery failed; the queue will retry it",
        );
        throw error;
      }
    });
  }
  await boss.work(queues.parked, polling, async ([job]) => {
    if (!job) return;
    const data = parseJob(job.data);
    await park(app, data);
    log.error({ outboxId: data.outboxId }, "outbox message parked after its last retry");
  });

  const agencies = async () =>
    (await owner.execute<{ id: string }>(sql`select id from agencies order by id`)).map(
      (a) => a.id,
    );
  await boss.work(queues.slaReminders, async () => {
    const now = new Date();
    let reminded = 0;
    for (const agencyId of await agencies())
      reminded += (await remindOverdue({ db: app, agencyId, now })).reminded;
    log.info({ reminded }, "SLA reminders");
  });
  await boss.work(queues.slaDigest, async () => {
    const now = new Date();
    let admins = 0;
    for (const agencyId of await agencies())
      admins += (await digestOverdue({ db: app, agencyId, now })).admins;
    log.info({ admins }, "SLA digests");
  });
  await boss.work(queues.retention, async () => {
    const results = await purgeExpired({ db: app, now: new Date(), agencyIds: await agencies() });
    log.info({ erased: results.reduce((n, r) => n + r.candidatesErased, 0) }, "retention purge");
  });
  // Catch up at start-up instead of waiting for the next quarter hour (idempotent; one at a time).
  await boss.send(queues.slaReminders, {});
  log.info({ smtp: transport.kind === "smtp" }, "worker started");

  return {
    boss,
    async stop() {
      await boss.stop({ graceful: true, wait: true, timeout: 15_000 });
      transport.close();
      await app.$client.end();
      await owner.$client.end();
      log.info("worker stopped");
    },
  };
}
