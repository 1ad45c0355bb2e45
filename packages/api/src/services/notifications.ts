// The signed-in person's own in-app notifications (any role), and which of them a candidate also
// gets by email. Row-level security keeps the agency; the user_id predicate keeps them to their own.
import { and, count, desc, eq, isNull, schema as s, sql } from "@debrief/db";
import {
  candidateEmailKinds,
  type EmailPreferences,
  type NotificationList,
  type SetEmailPreferenceInput,
} from "@debrief/validators";
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

/** Every kind a candidate can get by email, and whether they still do (not in users.email_muted). */
export async function emailPreferences({
  ctx,
}: {
  ctx: ProtectedContext;
}): Promise<EmailPreferences> {
  const [me] = await ctx.tx
    .select({ emailMuted: s.users.emailMuted })
    .from(s.users)
    .where(eq(s.users.id, ctx.user.id));
  if (!me) throw notFound("User");
  const muted = new Set(me.emailMuted);
  return { kinds: candidateEmailKinds.map((k) => ({ ...k, email: !muted.has(k.kind) })) };
}

/**
 * Turns one kind's email on or off for the caller alone. Idempotent: the kind is appended only when
 * absent and removed wherever it is. Not audited: it is the person's own preference, like reading
 * a notice.
 */
export async function setEmailPreference({
  ctx,
  input,
}: {
  ctx: ProtectedContext;
  input: SetEmailPreferenceInput;
}): Promise<EmailPreferences> {
  const muted = s.users.emailMuted;
  const [row] = await ctx.tx
    .update(s.users)
    .set({
      emailMuted: input.email
        ? sql`array_remove(${muted}, ${input.kind}::text)`
        : sql`case when ${input.kind}::text = any(${muted}) then ${muted}
               else array_append(${muted}, ${input.kind}::text) end`,
    })
    .where(eq(s.users.id, ctx.user.id))
    .returning({ id: s.users.id });
  if (!row) throw notFound("User");
  return emailPreferences({ ctx });
}
