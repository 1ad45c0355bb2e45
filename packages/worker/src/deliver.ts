// Delivering one outbox row, exactly once per row: the row is locked, checked and marked processed
// in the same transaction that records the message, so a second job for the same row (a retry
// after a crash, another worker) finds it processed and does nothing. A failed attempt is counted
// with its error and rethrown, and the queue retries it with backoff.
import { type Database, eq, schema as s, sql, withTenant } from "@debrief/db";
import { compose, type Transport } from "./mail";

export type DeliveryJob = { agencyId: string; outboxId: string };
export type DeliveryResult = "sent" | "skipped" | "already delivered" | "gone";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function parseJob(data: unknown): DeliveryJob {
  const { agencyId, outboxId } = (data ?? {}) as Record<string, unknown>;
  if (typeof agencyId !== "string" || !UUID.test(agencyId))
    throw new Error("job data: agencyId is not a uuid");
  if (typeof outboxId !== "string" || !UUID.test(outboxId))
    throw new Error("job data: outboxId is not a uuid");
  return { agencyId, outboxId };
}

/** The worker is nobody in particular: it acts in the row's agency, as the system. */
const systemTenant = (agencyId: string) => ({ agencyId, userId: null, role: "admin" as const });

export async function deliver(
  deps: { db: Database; transport: Transport; from: string },
  job: DeliveryJob,
): Promise<DeliveryResult> {
  try {
    return await withTenant(deps.db, systemTenant(job.agencyId), async (tx) => {
      const [row] = await tx
        .select()
        .from(s.outbox)
        .where(eq(s.outbox.id, job.outboxId))
        .for("update");
      if (!row) return "gone"; // erased, or purged by retention
      if (row.processedAt) return "already delivered";
      const email = await compose(tx, row);
      const done = { processedAt: sql`now()`, parkedAt: null, attempts: row.attempts + 1 };
      if ("skip" in email) {
        await tx
          .update(s.outbox)
          .set({ ...done, outcome: `skipped: ${email.skip}` })
          .where(eq(s.outbox.id, row.id));
        return "skipped";
      }
      await tx.insert(s.mailMessages).values({
        agencyId: job.agencyId,
        outboxId: row.id,
        userId: email.userId,
        toAddress: email.to,
        subject: email.subject,
        textBody: email.text,
        htmlBody: email.html,
        transport: deps.transport.kind,
      });
      // Last, so a refused message leaves nothing recorded; if the commit after it fails, the
      // retry sends it again with the same Message-ID (SMTP cannot be part of a transaction).
      await deps.transport.send({ ...email, from: deps.from, messageId: `<${row.id}@debrief>` });
      await tx
        .update(s.outbox)
        .set({
          ...done,
          outcome: deps.transport.kind === "smtp" ? "sent" : "kept in the dev mailbox",
        })
        .where(eq(s.outbox.id, row.id));
      return "sent";
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await withTenant(deps.db, systemTenant(job.agencyId), (tx) =>
      tx
        .update(s.outbox)
        .set({ attempts: sql`${s.outbox.attempts} + 1`, lastError: message.slice(0, 500) })
        .where(eq(s.outbox.id, job.outboxId)),
    ).catch(() => {});
    throw error;
  }
}

/** Every retry failed: the row waits, visible to admins, until one of them retries it. */
export async function park(db: Database, job: DeliveryJob) {
  await withTenant(db, systemTenant(job.agencyId), (tx) =>
    tx
      .update(s.outbox)
      .set({ parkedAt: sql`now()` })
      .where(sql`${s.outbox.id} = ${job.outboxId} and ${s.outbox.processedAt} is null`),
  );
}
