// Telling a user something happened: the in-app notice, the outbox row for its email and the queue
// job that delivers it, all written in the caller's transaction, so none of them exists without the
// change it announces (and a rolled-back change tells no one).
import { enqueue, queues, schema as s, type Tx } from "@debrief/db";

type Scope = { tx: Tx; user: { agencyId: string } };

/**
 * Queues one email for the worker. The payload holds ids (and, for an invitation, its link): the
 * worker renders the message when it sends it, and never logs a payload.
 */
export async function queueEmail(ctx: Scope, topic: string, payload: Record<string, string>) {
  const [row] = await ctx.tx
    .insert(s.outbox)
    .values({ agencyId: ctx.user.agencyId, topic, payload })
    .returning({ id: s.outbox.id });
  if (!row) throw new Error("outbox insert returned no row");
  await enqueue(ctx.tx, queues.deliver, { agencyId: ctx.user.agencyId, outboxId: row.id });
  return row.id;
}

/**
 * Needs only the transaction and the agency, so callers outside tRPC (accepting an invitation, the
 * worker's scheduled reminders) can use it. With a dedupeKey, a second notice with the same key
 * for the same user is not written, and false is returned.
 */
export async function notifyUser(
  ctx: Scope,
  notice: {
    userId: string;
    /** What happened, e.g. "feedback.published": also the kind a candidate can mute by email. */
    kind: string;
    title: string;
    body?: string;
    /** A path in the recipient's portal. */
    link: string;
    dedupeKey?: string;
  },
): Promise<boolean> {
  const [row] = await ctx.tx
    .insert(s.notifications)
    .values({
      agencyId: ctx.user.agencyId,
      userId: notice.userId,
      kind: notice.kind,
      title: notice.title,
      body: notice.body ?? "",
      link: notice.link,
      dedupeKey: notice.dedupeKey,
    })
    .onConflictDoNothing()
    .returning({ id: s.notifications.id });
  if (!row) return false;
  await queueEmail(ctx, notice.kind, { notificationId: row.id, userId: notice.userId });
  return true;
}
