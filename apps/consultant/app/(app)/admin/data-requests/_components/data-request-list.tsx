"use client";
// The queue of data requests (waiting longest at the top), then their history. A pending erasure
// is handled right in its row: erase after typing the name, or decline with a reason.
import { Badge, Button, Card, EmptyState } from "@debrief/ui";
import {
  type DataRequestRow,
  dataRequestKindLabels,
  dataRequestKinds,
  dataRequestStatuses,
  dataRequestStatusLabels,
} from "@debrief/validators";
import { useTRPC } from "@debrief/web/trpc/react";
import { useSuspenseQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { columnsFor, DataTable } from "~/pipeline/data-table";
import { LocalTime } from "~/pipeline/dates";
import {
  ClearFilters,
  FilterSelect,
  ListUrlProvider,
  Pagination,
  PastTheEnd,
  Toolbar,
} from "~/pipeline/list-controls";
import { DeclineForm, EraseForm, useExportCandidate } from "./actions";
import type { DataRequestPageInput } from "./search-params";

const statusTones = { pending: "amber", completed: "green", rejected: "neutral" } as const;
type Open = { id: string; form: "erase" | "decline" } | null;

const column = columnsFor<DataRequestRow>();

function RowActions({
  row,
  open,
  setOpen,
}: {
  row: DataRequestRow;
  open: Open;
  setOpen: (o: Open) => void;
}) {
  const exporter = useExportCandidate();
  if (row.status !== "pending") return null;
  const candidate = { id: row.candidate.id, name: row.candidate.name };
  const isOpen = (form: "erase" | "decline") => open?.id === row.id && open.form === form;
  return (
    <div className="flex flex-wrap gap-2 md:justify-end">
      {row.kind === "erasure" ? (
        <>
          <Button
            size="sm"
            variant={isOpen("erase") ? "secondary" : "danger"}
            aria-expanded={isOpen("erase")}
            onClick={() => setOpen(isOpen("erase") ? null : { id: row.id, form: "erase" })}
          >
            Erase…<span className="sr-only"> {row.candidate.name}'s data</span>
          </Button>
          <Button
            size="sm"
            variant="ghost"
            aria-expanded={isOpen("decline")}
            onClick={() => setOpen(isOpen("decline") ? null : { id: row.id, form: "decline" })}
          >
            Decline…<span className="sr-only"> {row.candidate.name}'s request</span>
          </Button>
        </>
      ) : (
        <Button size="sm" onClick={() => exporter.run(candidate)} disabled={exporter.pending}>
          {exporter.pending ? "Preparing…" : "Download export"}
        </Button>
      )}
    </div>
  );
}

function CandidateName({ row }: { row: DataRequestRow }) {
  const { candidate } = row;
  return candidate.erased ? (
    <span className="flex flex-wrap items-center gap-2 text-muted">
      {candidate.name}
      <Badge tone="neutral">Erased</Badge>
    </span>
  ) : (
    <Link
      href={`/candidates/${candidate.id}`}
      className="font-medium text-ink hover:text-brand-700 hover:underline"
    >
      {candidate.name}
    </Link>
  );
}

const askedBy = (row: DataRequestRow) =>
  row.requestedBy.role === "candidate" ? "The candidate" : row.requestedBy.name;

function Status({ row }: { row: DataRequestRow }) {
  return (
    <div className="space-y-1">
      <Badge tone={statusTones[row.status]}>{dataRequestStatusLabels[row.status]}</Badge>
      {row.completedAt ? (
        <p className="text-xs text-muted">
          <LocalTime value={row.completedAt} format="date" />
          {row.completedBy ? ` by ${row.completedBy.name}` : ""}
        </p>
      ) : null}
      {row.note ? <p className="text-xs text-muted">“{row.note}”</p> : null}
    </div>
  );
}

function OpenForm({ row, open, close }: { row: DataRequestRow; open: Open; close: () => void }) {
  if (open?.id !== row.id) return null;
  const candidate = { id: row.candidate.id, name: row.candidate.name };
  return open.form === "erase" ? (
    <EraseForm candidate={candidate} dataRequestId={row.id} onDone={close} />
  ) : (
    <DeclineForm candidate={candidate} dataRequestId={row.id} onDone={close} />
  );
}

function columnsWith(open: Open, setOpen: (o: Open) => void) {
  return column.columns([
    column.display({
      id: "candidate",
      header: "Candidate",
      cell: ({ row }) => (
        <div id={`request-${row.original.id}`} className="min-w-40 scroll-mt-24">
          <CandidateName row={row.original} />
        </div>
      ),
    }),
    column.display({
      id: "request",
      header: "Request",
      cell: ({ row }) => (
        <div className="min-w-32">
          <p className="text-ink">{dataRequestKindLabels[row.original.kind]}</p>
          <p className="text-xs text-muted">
            Asked <LocalTime value={row.original.createdAt} format="date" />
          </p>
        </div>
      ),
    }),
    column.display({
      id: "requestedBy",
      header: "Asked by",
      cell: ({ row }) => <span className="text-ink">{askedBy(row.original)}</span>,
    }),
    column.display({
      id: "status",
      header: "Status",
      cell: ({ row }) => (
        <div className="min-w-40 max-w-72">
          <Status row={row.original} />
        </div>
      ),
    }),
    column.display({
      id: "actions",
      header: () => <span className="sr-only">Actions</span>,
      cell: ({ row }) => <RowActions row={row.original} open={open} setOpen={setOpen} />,
    }),
  ]);
}

/** Phones: one card per request, the same facts and actions as a table row. */
function RequestCards({
  rows,
  open,
  setOpen,
}: {
  rows: DataRequestRow[];
  open: Open;
  setOpen: (o: Open) => void;
}) {
  return (
    <Card>
      <ul className="divide-y divide-line" aria-label="Data requests, waiting ones first">
        {rows.map((row) => (
          <li key={row.id} className="space-y-3 p-4" data-testid="request-card">
            <div className="flex flex-wrap items-start justify-between gap-2">
              <div>
                <CandidateName row={row} />
                <p className="text-sm text-muted">
                  {dataRequestKindLabels[row.kind]} · asked by{" "}
                  {row.requestedBy.role === "candidate" ? "the candidate" : row.requestedBy.name} on{" "}
                  <LocalTime value={row.createdAt} format="date" />
                </p>
              </div>
              <Status row={row} />
            </div>
            <RowActions row={row} open={open} setOpen={setOpen} />
            <OpenForm row={row} open={open} close={() => setOpen(null)} />
          </li>
        ))}
      </ul>
    </Card>
  );
}

export function DataRequestList({ input }: { input: DataRequestPageInput }) {
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.admin.dataRequests.list.queryOptions(input));
  const [open, setOpen] = useState<Open>(null);
  const filtered = Boolean(input.status || input.kind);
  const columns = columnsWith(open, setOpen);
  return (
    <section aria-labelledby="requests-heading">
      <div className="mb-3 flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="requests-heading" className="text-lg font-semibold text-ink">
          Requests
        </h2>
        <p className="text-sm text-muted" role="status">
          {data.pendingCount === 0
            ? "Nothing waiting for you."
            : data.pendingCount === 1
              ? "1 request is waiting for you."
              : `${data.pendingCount} requests are waiting for you.`}
        </p>
      </div>
      <ListUrlProvider>
        {data.total === 0 && !filtered ? null : (
          <Toolbar>
            <FilterSelect
              label="Status"
              param="status"
              allLabel="Any status"
              options={dataRequestStatuses.map((s) => ({
                value: s,
                label: dataRequestStatusLabels[s],
              }))}
            />
            <FilterSelect
              label="Kind"
              param="kind"
              allLabel="Any kind"
              options={dataRequestKinds.map((k) => ({ value: k, label: dataRequestKindLabels[k] }))}
            />
            <ClearFilters params={["status", "kind"]} />
          </Toolbar>
        )}
        {data.total > 0 && data.rows.length === 0 ? (
          <PastTheEnd noun="requests" />
        ) : data.rows.length ? (
          <>
            <div className="hidden md:block">
              <DataTable
                caption="Data requests, waiting ones first"
                columns={columns}
                data={data.rows}
                renderBelow={(row) =>
                  open?.id === row.id ? (
                    <OpenForm row={row} open={open} close={() => setOpen(null)} />
                  ) : null
                }
              />
            </div>
            <div className="md:hidden">
              <RequestCards rows={data.rows} open={open} setOpen={setOpen} />
            </div>
          </>
        ) : filtered ? (
          <EmptyState title="No requests match">Try another status or kind.</EmptyState>
        ) : (
          <EmptyState title="No data requests yet">
            When a candidate asks for their data to be erased from their portal's My data page, the
            request waits here and every admin is notified. You can also export or erase a candidate
            yourself below.
          </EmptyState>
        )}
        <Pagination page={data.page} pageSize={data.pageSize} total={data.total} noun="requests" />
      </ListUrlProvider>
    </section>
  );
}
