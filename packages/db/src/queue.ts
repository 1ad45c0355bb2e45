// The job queue: pg-boss in this database's `pgboss` schema. The migration step (as the owner)
// installs it, creates the queues and schedules, and lets the app role enqueue; a request enqueues
// with enqueue(tx, …) inside its own transaction, so a job exists exactly when the change that needs
// it commits. The worker (packages/worker) takes the jobs.
//
// pg-boss 10 is the last line that supports Node 20 (11 and later need Node 22).
import { type SQL, sql } from "drizzle-orm";
import PgBoss from "pg-boss";
import type { Tx } from "./client";

export const QUEUE_SCHEMA = "pgboss";

export const queues = {
  /** Deliver one outbox row (data: { agencyId, outboxId }). */
  deliver: "outbox.deliver",
  /** Where a delivery goes when every retry failed: the worker marks the outbox row parked. */
  parked: "outbox.parked",
  /** Scheduled: remind consultants of rejected interviews owed feedback past the SLA. */
  slaReminders: "sla.reminders",
  /** Scheduled: tell each agency's admins what is overdue. */
  slaDigest: "sla.digest",
  /** Scheduled: the retention purge of every agency. */
  retention: "retention.purge",
} as const;
export type QueueName = (typeof queues)[keyof typeof queues];

/** Dead-letter queues first: a queue may only name one that exists. */
const queueOptions: [QueueName, Omit<PgBoss.Queue, "name">][] = [
  [queues.parked, { retryLimit: 10, retryDelay: 30, retryBackoff: true }],
  [
    queues.deliver,
    {
      // 30 s, 1 min, 2 min … about four hours in all before the message is parked.
      retryLimit: 9,
      retryDelay: 30,
      retryBackoff: true,
      // A worker killed mid-delivery: the job expires and is retried by another worker.
      expireInSeconds: 120,
      deadLetter: queues.parked,
    },
  ],
  // Scheduled work runs once at a time ("singleton") and retries a couple of times.
  [queues.slaReminders, { policy: "singleton", retryLimit: 2, retryDelay: 60 }],
  [queues.slaDigest, { policy: "singleton", retryLimit: 2, retryDelay: 60 }],
  [queues.retention, { policy: "singleton", retryLimit: 2, retryDelay: 300 }],
];

/** Cron schedules (UTC). Each job is idempotent, so a run repeated after a failure is harmless. */
export const schedules: [QueueName, string][] = [
  [queues.slaReminders, "*/15 * * * *"],
  [queues.slaDigest, "0 8 * * *"],
  [queues.retention, "30 3 * * *"],
];

/** Installs or upgrades pg-boss's schema, the queues and the schedules, and grants the app role. */
export async function installQueues(ownerUrl: string, appRole: string) {
  const boss = new PgBoss({
    connectionString: ownerUrl,
    schema: QUEUE_SCHEMA,
    max: 1,
    supervise: false,
    schedule: false,
  });
  const errors: Error[] = [];
  boss.on("error", (error) => errors.push(error));
  await boss.start();
  try {
    for (const [name, options] of queueOptions) {
      const queue = { name, ...options };
      if (await boss.getQueue(name)) await boss.updateQueue(name, queue);
      else await boss.createQueue(name, queue);
    }
    for (const [name, cron] of schedules) await boss.schedule(name, cron, {}, { tz: "UTC" });
    // Enough to enqueue through pg-boss's own INSERT … SELECT … FROM queue … RETURNING id, and
    // nothing else: the app role cannot read, take or change jobs.
    const s = QUEUE_SCHEMA;
    await boss.getDb().executeSql(
      `
      GRANT USAGE ON SCHEMA ${s} TO ${appRole};
      GRANT SELECT ON ${s}.queue TO ${appRole};
      GRANT INSERT ON ${s}.job TO ${appRole};
      GRANT SELECT (id) ON ${s}.job TO ${appRole};
    `,
      [],
    );
  } finally {
    await boss.stop({ graceful: false, wait: true });
  }
  if (errors.length) throw errors[0];
}

/** A pg-boss that only builds jobs: it never connects on its own; sends go through a transaction. */
let sender: PgBoss | undefined;

/** Adapts a Drizzle transaction to pg-boss's `executeSql(text, values)` with `$n` placeholders. */
function txAdapter(tx: Tx) {
  return {
    async executeSql(text: string, values: unknown[] = []) {
      const chunks: SQL[] = [];
      let last = 0;
      for (const m of text.matchAll(/\$(\d+)/g)) {
        chunks.push(sql.raw(text.slice(last, m.index)));
        const value = values[Number(m[1]) - 1] ?? null;
        // node-postgres (pg-boss's own driver) sends objects as JSON; postgres.js needs it said.
        chunks.push(
          sql`${typeof value === "object" && value !== null ? JSON.stringify(value) : value}`,
        );
        last = m.index + m[0].length;
      }
      chunks.push(sql.raw(text.slice(last)));
      const rows = await tx.execute(sql.join(chunks));
      return { rows: [...rows] };
    },
  };
}

/** Enqueues a job in the caller's transaction: rolled back, it never existed. Returns the job id. */
export async function enqueue(
  tx: Tx,
  name: QueueName,
  data: Record<string, string>,
): Promise<string> {
  sender ??= new PgBoss({
    db: { executeSql: () => Promise.reject(new Error("enqueue only through a transaction")) },
    schema: QUEUE_SCHEMA,
  });
  const id = await sender.send(name, data, { db: txAdapter(tx) });
  if (!id) throw new Error(`queue ${name}: the job was not created (is the queue installed?)`);
  return id;
}
