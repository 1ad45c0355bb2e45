// Composing an outbox row into an email, and the two ways of delivering it: SMTP through
// nodemailer when SMTP_URL is set, otherwise only the dev mailbox (the mail_messages table, which
// admins read at /admin/mail). Either way the message is recorded in mail_messages.
import { portalBaseUrl } from "@debrief/api/env";
import { eq, schema as s, sql, type Tx } from "@debrief/db";
import nodemailer from "nodemailer";

export type Email = { userId: string; to: string; subject: string; text: string; html: string };
export type Composed = Email | { skip: string };

export type Transport = {
  kind: "smtp" | "dev";
  send(email: Email & { from: string; messageId: string }): Promise<void>;
  close(): void;
};

export function createTransport(smtpUrl: string | undefined): Transport {
  if (!smtpUrl) return { kind: "dev", send: async () => {}, close: () => {} };
  const transporter = nodemailer.createTransport({
    url: smtpUrl,
    // A server that does not answer fails the attempt quickly; the queue retries it later.
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
  return {
    kind: "smtp",
    async send(email) {
      await transporter.sendMail({
        from: email.from,
        to: email.to,
        subject: email.subject,
        text: email.text,
        html: email.html,
        // The outbox id: a receiving server can tell a retried message from a new one.
        messageId: email.messageId,
      });
    },
    close: () => transporter.close(),
  };
}

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c,
  );

/** One layout for every message: greeting, what happened, the link, and why they got it. */
function layout(parts: {
  to: { id: string; email: string; name: string };
  agencyName: string;
  subject: string;
  lines: string[];
  action: { label: string; url: string };
  footer: string;
}): Email {
  const { to, agencyName, subject, lines, action, footer } = parts;
  const text = [
    `Hi ${to.name},`,
    "",
    ...lines.flatMap((l) => [l, ""]),
    `${action.label}: ${action.url}`,
    "",
    "—",
    `${agencyName} · sent by Debrief`,
    footer,
  ].join("\n");
  const para = (l: string) =>
    `<p style="margin:0 0 16px;line-height:1.5">${escapeHtml(l).replaceAll("\n", "<br>")}</p>`;
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>
<body style="margin:0;padding:24px;background:#f4f4f5;font-family:system-ui,-apple-system,'Segoe UI',sans-serif;color:#18181b">
<div style="max-width:560px;margin:0 auto;background:#ffffff;border-radius:12px;padding:32px">
<p style="margin:0 0 24px;font-size:14px;color:#52525b">${escapeHtml(agencyName)}</p>
${para(`Hi ${to.name},`)}
${lines.map(para).join("\n")}
<p style="margin:24px 0"><a href="${escapeHtml(action.url)}" style="display:inline-block;background:#4338ca;color:#ffffff;text-decoration:none;padding:12px 20px;border-radius:8px;font-weight:600">${escapeHtml(action.label)}</a></p>
<p style="margin:0;font-size:13px;color:#52525b;line-height:1.5">Or paste this link into your browser:<br>${escapeHtml(action.url)}</p>
</div>
<p style="max-width:560px;margin:16px auto 0;font-size:12px;color:#52525b;line-height:1.5">${escapeHtml(agencyName)} · sent by Debrief<br>${escapeHtml(footer)}</p>
</body></html>`;
  return { userId: to.id, to: to.email, subject, text, html };
}

type Recipient = {
  id: string;
  email: string;
  name: string;
  role: "admin" | "consultant" | "candidate";
  status: string;
  emailMuted: string[];
  agencyName: string;
};

async function recipient(tx: Tx, userId: string): Promise<Recipient | undefined> {
  const [row] = await tx
    .select({
      id: s.users.id,
      email: s.users.email,
      name: s.users.name,
      role: s.users.role,
      status: s.users.status,
      emailMuted: s.users.emailMuted,
      agencyName: s.agencies.name,
    })
    .from(s.users)
    .innerJoin(s.agencies, eq(s.agencies.id, s.users.agencyId))
    .where(eq(s.users.id, userId));
  return row;
}

const portalOf = (role: Recipient["role"]) => (role === "candidate" ? "candidate" : "consultant");

/** What the outbox row says to send, read now (in the delivering transaction), or why not. */
export async function compose(tx: Tx, row: { topic: string; payload: unknown }): Promise<Composed> {
  const payload = (row.payload ?? {}) as Record<string, string | undefined>;
  const to = payload.userId ? await recipient(tx, payload.userId) : undefined;
  if (!to) return { skip: "the recipient no longer exists" };
  if (to.status === "disabled") return { skip: "the recipient's account is disabled" };

  if (row.topic === "invitation") {
    const [invitation] = await tx.execute<{
      open: boolean;
      expires: string;
      inviter: string | null;
    }>(
      sql`select i.accepted_at is null and i.revoked_at is null and i.expires_at > now() as open,
                 to_char(i.expires_at at time zone 'UTC', 'FMDD Mon YYYY') as expires,
                 u.name as inviter
          from invitations i left join users u on u.agency_id = i.agency_id and u.id = i.invited_by_id
          where i.id = ${payload.invitationId ?? null}::uuid`,
    );
    if (!invitation?.open || !payload.link)
      return { skip: "the invitation was accepted, revoked or has expired" };
    const what = to.role === "candidate" ? "your candidate portal" : "the consultant portal";
    return layout({
      to,
      agencyName: to.agencyName,
      subject: `Join ${to.agencyName} on Debrief`,
      lines: [
        `${invitation.inviter ?? to.agencyName} invited you to ${what} at ${to.agencyName}.`,
        `Choose a password to start. The link works once and until ${invitation.expires}.`,
      ],
      action: { label: "Accept the invitation", url: payload.link },
      footer:
        "If you were not expecting this, ignore this email: nothing happens until the link is used.",
    });
  }

  const [notice] = await tx
    .select({
      kind: s.notifications.kind,
      title: s.notifications.title,
      body: s.notifications.body,
      link: s.notifications.link,
    })
    .from(s.notifications)
    .where(
      eq(s.notifications.id, payload.notificationId ?? "00000000-0000-0000-0000-000000000000"),
    );
  if (!notice) return { skip: "the notice was deleted" };
  if (to.emailMuted.includes(notice.kind)) return { skip: "the recipient turned these emails off" };
  const base = portalBaseUrl(portalOf(to.role));
  return layout({
    to,
    agencyName: to.agencyName,
    subject: notice.title,
    lines: [notice.title, ...(notice.body ? [notice.body] : [])],
    action: { label: "Open in Debrief", url: `${base}${notice.link ?? "/"}` },
    footer:
      to.role === "candidate"
        ? `Choose which emails you get: ${base}/settings`
        : "You get this because you work in Debrief for this agency.",
  });
}
