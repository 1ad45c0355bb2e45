// The signed-in person's own in-app notifications (any role). Row-level security keeps the agency;
// the user_id predicate keeps them to their own.
import { and, count, desc, eq, isNull, schema as s } from "@debrief/db";
import type { NotificationList } from "@debrief/validators";
import { notFound } from "../errors";
import type { ProtectedContext } from "../trpc";

const LIST_SIZE = 20;

export async function list({ ctx }: { ctx: ProtectedContext }): Promise<NotificationList> {
  const mine = eq(s.notifications.userId, ctx.user.id);
  const [items, [unread]] = await Promise.all([
    ctx.tx
      .select({
        id: s.notifications.id,
        kind: s.notifications.kind,
        title: s.notifications.title,
        body: s.notifications.body,
        link: s.notifications.link,
        readAt: s.notifications.readAt,
        createdAt: s.notifications.createdAt,
      })
      .from(s.notifications)
      .where(mine)
      .orderBy(desc(s.notifications.createdAt), desc(s.notifications.id))
      .limit(LIST_SIZE),
    ctx.tx
      .select({ n: count() })
      .from(s.notifications)
      .where(and(mine, isNull(s.notifications.readAt))),
  ]);
  return { items, unread: unread?.n ?? 0 };
}

export async function markRead({ ctx, input }: { ctx: ProtectedContext; input: { id: string } }) {
  const [row] = await ctx.tx
    .update(s.notifications)
    .set({ readAt: new Date() })
    .where(and(eq(s.notifications.id, input.id), eq(s.notifications.userId, ctx.user.id)))
    .returning({ id: s.notifications.id });
  if (!row) throw notFound("Notification");
  return list({ ctx });
}

export async function markAllRead({ ctx }: { ctx: ProtectedContext }) {
  await ctx.tx
    .update(s.notifications)
    .set({ readAt: new Date() })
    .where(and(eq(s.notifications.userId, ctx.user.id), isNull(s.notifications.readAt)));
  return list({ ctx });
}
