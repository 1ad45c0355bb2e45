// Telling a user something happened: the in-app notice and the outbox row for later delivery
// (email), written in the caller's transaction so neither exists without the change it announces.
import { schema as s, type Tx } from "@debrief/db";

/** Needs only the transaction and the agency, so a caller outside tRPC (accepting an invitation) can use it. */
export async function notifyUser(
  ctx: { tx: Tx; user: { agencyId: string } },
  notice: {
    userId: string;
    /** Also the outbox topic, so the worker knows which message to send. */
    kind: string;
    title: string;
    link: string;
    /** Ids only: the outbox is read by a worker that logs what it sends. */
    payload: Record<string, string>;
  },
) {
  await ctx.tx.insert(s.notifications).values({
    agencyId: ctx.user.agencyId,
    userId: notice.userId,
    kind: notice.kind,
    title: notice.title,
    link: notice.link,
  });
  await ctx.tx.insert(s.outbox).values({
    agencyId: ctx.user.agencyId,
    topic: notice.kind,
    payload: { ...notice.payload, userId: notice.userId },
  });
}
