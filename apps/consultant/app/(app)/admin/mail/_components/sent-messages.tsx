"use client";
// Every email the worker delivered, newest first: a table (a card each on phones), each message
// opening on its own page. "Load more" fetches older pages by keyset and keeps them below.
import { Badge, Button, EmptyState } from "@debrief/ui";
import { type MailMessageRow, type MailTransport, mailTransportLabels } from "@debrief/validators";
import { useTRPC } from "@debrief/web/trpc/react";
import { useQueries, useSuspenseQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { columnsFor, DataTable } from "~/pipeline/data-table";
import { LocalTime } from "~/pipeline/dates";

const transportTone = { dev: "brand", smtp: "green" } as const;

function TransportBadge({ transport }: { transport: MailTransport }) {
  return <Badge tone={transportTone[transport]}>{mailTransportLabels[transport]}</Badge>;
}

const href = (row: MailMessageRow) => `/admin/mail/${row.id}`;

function Recipient({ row }: { row: MailMessageRow }) {
  return (
    <div className="min-w-40">
      <p className="font-medium text-ink">{row.recipientName ?? "Former user"}</p>
      <p className="break-all text-xs text-muted">{row.toAddress}</p>
    </div>
  );
}

function Subject({ row }: { row: MailMessageRow }) {
  return (
    <Link
      href={href(row)}
      className="font-medium text-brand-700 hover:text-brand-800 hover:underline"
    >
      {row.subject}
    </Link>
  );
}

const column = columnsFor<MailMessageRow>();
const columns = column.columns([
  column.display({
    id: "recipient",
    header: "Recipient",
    cell: ({ row }) => <Recipient row={row.original} />,
  }),
  column.display({
    id: "subject",
    header: "Subject",
    cell: ({ row }) => (
      <div className="min-w-48">
        <Subject row={row.original} />
      </div>
    ),
  }),
  column.display({
    id: "when",
    header: "When",
    cell: ({ row }) => <LocalTime value={row.original.createdAt} />,
  }),
  column.display({
    id: "transport",
    header: "Delivery",
    cell: ({ row }) => <TransportBadge transport={row.original.transport} />,
  }),
]);

function MessageCard({ row }: { row: MailMessageRow }) {
  return (
    <li className="rounded-xl border border-line bg-white p-4 shadow-sm" data-testid="mail-card">
      <Subject row={row} />
      <div className="mt-2 flex flex-wrap items-start justify-between gap-3">
        <Recipient row={row} />
        <TransportBadge transport={row.transport} />
      </div>
      <p className="mt-2 text-xs text-muted">
        <LocalTime value={row.createdAt} />
      </p>
    </li>
  );
}

export function SentMessages() {
  const trpc = useTRPC();
  const { data: first } = useSuspenseQuery(trpc.admin.mail.list.queryOptions({}));
  /** The cursors of the older pages asked for with "Load more", in order. */
  const [cursors, setCursors] = useState<string[]>([]);
  const more = useQueries({
    queries: cursors.map((cursor) => trpc.admin.mail.list.queryOptions({ cursor })),
  });
  // Pages follow each other only while each cursor is still the previous page's last message;
  // when new mail shifts the first page (after a refresh), the older pages are dropped and
  // "Load more" starts again from there, so no message is skipped.
  const rows = [...first.rows];
  let nextCursor = first.nextCursor;
  let last: (typeof more)[number] | undefined;
  let chained = 0;
  for (const [i, page] of more.entries()) {
    if (cursors[i] !== nextCursor) break;
    last = page;
    if (!page.data) {
      nextCursor = null;
      break;
    }
    rows.push(...page.data.rows);
    nextCursor = page.data.nextCursor;
    chained = i + 1;
  }
  const loading = Boolean(last && !last.data && !last.error);

  return (
    <section aria-labelledby="sent-heading">
      <h2 id="sent-heading" className="text-lg font-semibold text-ink">
        Sent messages
      </h2>
      <p className="mb-3 mt-1 text-sm text-muted">
        When SMTP_URL is not set, Debrief keeps email here instead of sending it, so the demo shows
        what would have gone out (“Dev mailbox”). With SMTP set up, this is the log of what was
        sent.
      </p>
      {rows.length ? (
        <>
          <ul className="space-y-3 sm:hidden" aria-label="Sent messages, newest first">
            {rows.map((row) => (
              <MessageCard key={row.id} row={row} />
            ))}
          </ul>
          <div className="hidden sm:block [&_table]:relative">
            <DataTable caption="Sent messages, newest first" columns={columns} data={rows} />
          </div>
          {last?.error ? (
            <p className="mt-3 text-sm text-red-700" role="alert">
              Older messages could not be loaded.{" "}
              <button
                type="button"
                className="font-medium underline"
                onClick={() => void last.refetch()}
              >
                Try again
              </button>
            </p>
          ) : null}
          {nextCursor || loading ? (
            <div className="mt-4 flex justify-center">
              <Button
                variant="secondary"
                disabled={loading}
                onClick={() => {
                  // The pages still in the chain, then the next one.
                  if (nextCursor) setCursors([...cursors.slice(0, chained), nextCursor]);
                }}
              >
                {loading ? "Loading…" : "Load more"}
              </Button>
            </div>
          ) : null}
        </>
      ) : (
        <EmptyState title="No email yet">
          Invitations, published feedback, questions and reminders appear here once the worker has
          delivered them.
        </EmptyState>
      )}
    </section>
  );
}
