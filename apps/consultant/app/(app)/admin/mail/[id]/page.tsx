// One delivered email, as its recipient got it: the plain-text body, and the HTML version in a
// sandboxed frame (no scripts, no same-origin access, no navigation of this page).
import { Badge, Card, PageHeader } from "@debrief/ui";
import { type MailMessageDetail, mailTransportLabels } from "@debrief/validators";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { requireAdmin } from "~/auth";
import { LocalTime } from "~/pipeline/dates";
import { fetchOrNotFound, trpc } from "~/trpc/server";

export const metadata: Metadata = { title: "Email" };

export default async function MailMessagePage({ params }: { params: Promise<{ id: string }> }) {
  await requireAdmin();
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) notFound();
  const message = await fetchOrNotFound<MailMessageDetail>(
    trpc.admin.mail.get.queryOptions({ id }),
  );
  return (
    <div className="space-y-6">
      <Link href="/admin/mail" className="text-sm font-medium text-brand-700 hover:underline">
        ← All email
      </Link>
      <PageHeader title={message.subject} />
      <Card className="p-5">
        <dl className="grid gap-3 text-sm sm:grid-cols-[8rem_1fr]">
          <dt className="text-muted">To</dt>
          <dd className="break-all text-ink">
            {message.recipientName
              ? `${message.recipientName} <${message.toAddress}>`
              : message.toAddress}
          </dd>
          <dt className="text-muted">When</dt>
          <dd className="text-ink">
            <LocalTime value={message.createdAt} />
          </dd>
          <dt className="text-muted">Delivery</dt>
          <dd>
            <Badge tone={message.transport === "smtp" ? "green" : "brand"}>
              {mailTransportLabels[message.transport]}
            </Badge>
            {message.transport === "dev" ? (
              <span className="ml-2 text-xs text-muted">
                Kept here only: SMTP_URL is not set, so nothing left the server.
              </span>
            ) : null}
          </dd>
        </dl>
      </Card>
      <section aria-labelledby="text-heading" className="space-y-2">
        <h2 id="text-heading" className="text-lg font-semibold text-ink">
          Plain text
        </h2>
        <Card className="p-5">
          <pre
            className="whitespace-pre-wrap break-words font-sans text-sm leading-relaxed text-ink"
            data-testid="mail-text"
          >
            {message.textBody}
          </pre>
        </Card>
      </section>
      <section aria-labelledby="html-heading" className="space-y-2">
        <h2 id="html-heading" className="text-lg font-semibold text-ink">
          HTML version
        </h2>
        <Card className="overflow-hidden">
          {/* An empty sandbox: the message's markup runs no script, has no access to this page
              or its cookies, and cannot navigate it. */}
          <iframe
            sandbox=""
            srcDoc={message.htmlBody}
            title="HTML version"
            referrerPolicy="no-referrer"
            className="block h-[36rem] w-full bg-slate-100"
          />
        </Card>
      </section>
    </div>
  );
}
