// The admins' Email page: the messages the worker delivered (kept in mail_messages, the dev
// mailbox when SMTP_URL is unset), the outbox rows still undelivered, and retrying a stuck one.
// Outbox payloads never leave this file: an invitation's holds its secret acceptance link.
import { and, desc, enqueue, eq, isNull, queues, type SQL, schema as s, sql } from "@debrief/db";
import {
  MAIL_QUEUE_LIMIT,
  type MailListOutput,
  type MailMessageDetail,
  type MailQueueCounts,
  type MailQueueOutput,
  type MailTransport,
} from "@debrief/validators";
import { DomainError, notFound } from "../../errors";
import type { ProtectedContext } from "../../trpc";
import { recordAudit } from "../audit";

const m = s.mailMessages;
const o = s.outbox;
const recipient = s.users;

/** The exact (created_at, id) of a message, compared in SQL so microseconds are never lost. */
const keyOf = (id: string) =>
  sql`(select k.created_at, k.id from mail_messages k where k.id = ${id})`;

const rowColumns = {
  id: m.id,
  toAddress: m.toAddress,
  recipientName: recipient.name,
  subject: m.subject,
  transport: m.transport,
  createdAt: m.createdAt,
};

const asTransport = (value: string): MailTransport => (value === "smtp" ? "smtp" : "dev");

/** The agency's messages, newest first, paged by keyset on (created_at, id). */
export async function list({
  ctx,
  input,
}: {
  ctx: ProtectedContext;
  input: { cursor?: string; limit: number };
}): Promise<MailListOutput> {
  let page: SQL | undefined;
  if (input.cursor) {
    const [found] = await ctx.tx.select({ id: m.id }).from(m).where(eq(m.id, input.cursor));
    if (!found) {
      throw new DomainError("BAD_REQUEST", "That page of the mailbox does not exist", {
        cursor: ["is not a message of your agency"],
      });
    }
    page = sql`(${m.createdAt}, ${m.id}) < ${keyOf(input.cursor)}`;
  }
  // One more than asked tells whether an older page exists.
  const found = await ctx.tx
    .select(rowColumns)
    .from(m)
    .leftJoin(recipient, and(eq(recipient.agencyId, m.agencyId), eq(recipient.id, m.userId)))
    .where(page)
    .orderBy(desc(m.createdAt), desc(m.id))
    .limit(input.limit + 1);
  const rows = found.slice(0, input.limit);
  return {
    rows: rows.map((r) => ({ ...r, transport: asTransport(r.transport) })),
    nextCursor: found.length > input.limit ? (rows.at(-1)?.id ?? null) : null,
  };
}

/** One message with both bodies. */
export async function get({
  ctx,
  input,
}: {
  ctx: ProtectedContext;
  input: { id: string };
}): Promise<MailMessageDetail> {
  const [row] = await ctx.tx
    .select({ ...rowColumns, textBody: m.textBody, htmlBody: m.htmlBody })
    .from(m)
    .leftJoin(recipient, and(eq(recipient.agencyId, m.agencyId), eq(recipient.id, m.userId)))
    .where(eq(m.id, input.id));
  if (!row) throw notFound("Message");
  return { ...row, transport: asTransport(row.transport) };
}

const state = sql<"waiting" | "failing" | "parked">`case
  when ${o.parkedAt} is not null then 'parked'
  when ${o.attempts} > 0 then 'failing'
  else 'waiting' end`;

/** How many undelivered messages wait, retry or are parked (the admin navigation's badge). */
export async function counts({ ctx }: { ctx: ProtectedContext }): Promise<MailQueueCounts> {
  const [row] = await ctx.tx
    .select({
      waiting: sql<number>`(count(*) filter (where ${o.parkedAt} is null and ${o.attempts} = 0))::int`,
      failing: sql<number>`(count(*) filter (where ${o.parkedAt} is null and ${o.attempts} > 0))::int`,
      parked: sql<number>`(count(*) filter (where ${o.parkedAt} is not null))::int`,
    })
    .from(o)
    .where(isNull(o.processedAt));
  return row ?? { waiting: 0, failing: 0, parked: 0 };
}

/** The agency's undelivered outbox rows (parked first, then oldest first) and their counts. */
export async function queue({ ctx }: { ctx: ProtectedContext }): Promise<MailQueueOutput> {
  // The recipient is read from the payload's userId (text, so a malformed payload just misses);
  // nothing else of the payload is selected.
  const userOfRow = and(
    eq(recipient.agencyId, o.agencyId),
    sql`${recipient.id}::text = ${o.payload}->>'userId'`,
  );
  const [rows, totals] = await Promise.all([
    ctx.tx
      .select({
        id: o.id,
        topic: o.topic,
        state,
        recipientName: recipient.name,
        recipientEmail: recipient.email,
        attempts: o.attempts,
        lastError: o.lastError,
        parkedAt: o.parkedAt,
        createdAt: o.createdAt,
      })
      .from(o)
      .leftJoin(recipient, userOfRow)
      .where(isNull(o.processedAt))
      .orderBy(sql`${o.parkedAt} is null`, o.createdAt, o.id)
      .limit(MAIL_QUEUE_LIMIT),
    counts({ ctx }),
  ]);
  return {
    rows: rows.map(({ recipientName, recipientEmail, ...r }) => ({
      ...r,
      recipient:
        recipientName !== null && recipientEmail !== null
          ? { name: recipientName, email: recipientEmail }
          : null,
    })),
    counts: totals,
  };
}

/**
 * Sends an undelivered message again now: unparks it and queues a fresh delivery job in this
 * transaction. Delivery is idempotent per outbox row, so a job still retrying for it is harmless.
 */
export async function retry({
  ctx,
  input,
}: {
  ctx: ProtectedContext;
  input: { outboxId: string };
}): Promise<{ outboxId: string }> {
  const [row] = await ctx.tx
    .select({ id: o.id, topic: o.topic, processedAt: o.processedAt, parkedAt: o.parkedAt })
    .from(o)
    .where(eq(o.id, input.outboxId))
    .for("update");
  if (!row) throw notFound("Message");
  if (row.processedAt) {
    throw new DomainError("BAD_REQUEST", "This message was already delivered", {
      outboxId: ["is already delivered"],
    });
  }
  await ctx.tx.update(o).set({ parkedAt: null }).where(eq(o.id, row.id));
  await enqueue(ctx.tx, queues.deliver, { agencyId: ctx.user.agencyId, outboxId: row.id });
  // The topic and whether it was parked; never the payload.
  await recordAudit(ctx, {
    action: "mail.retried",
    entityType: "outbox",
    entityId: row.id,
    metadata: { topic: row.topic, wasParked: row.parkedAt !== null },
  });
  return { outboxId: row.id };
}
