"use client";
// The audit log: filters in the URL, newest first, "Newer" and "Older" by keyset (a page never
// shifts when new events arrive), each event with its actor, the record it concerns (linked when
// it has a page) and what changed in a few words.
import {
  Badge,
  Button,
  buttonClass,
  Card,
  cn,
  EmptyState,
  Field,
  Input,
  Select,
} from "@debrief/ui";
import {
  type AuditEventRow,
  type AuditGroup,
  auditActionLabel,
  auditEntityLabels,
  auditGroupIds,
  auditGroups,
} from "@debrief/validators";
import { useTRPC } from "@debrief/web/trpc/react";
import { useSuspenseQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { columnsFor, DataTable } from "~/pipeline/data-table";
import { LocalTime } from "~/pipeline/dates";
import { ListUrlProvider, Toolbar, useListUrl } from "~/pipeline/list-controls";
import { MetadataSummary } from "./metadata-summary";
import { type AuditPageInput, filterKeys } from "./search-params";

const roleLabels = { admin: "Admin", consultant: "Consultant", candidate: "Candidate" } as const;

const alarming = new Set(["auth.sign_in_failed", "candidate.erased", "feedback.retracted"]);

const entityName = (type: string) => auditEntityLabels[type] ?? type.replaceAll("_", " ");

function What({ row }: { row: AuditEventRow }) {
  return (
    <div className="min-w-40">
      <p className={cn("font-medium", alarming.has(row.action) ? "text-red-800" : "text-ink")}>
        {auditActionLabel(row.action)}
      </p>
      <p className="font-mono text-xs text-muted">{row.action}</p>
    </div>
  );
}

function Who({ row }: { row: AuditEventRow }) {
  return row.actor ? (
    <div className="min-w-32">
      <p className="text-ink">{row.actor.name}</p>
      <p className="text-xs text-muted">{roleLabels[row.actor.role]}</p>
    </div>
  ) : (
    <span className="text-muted">{row.action.startsWith("auth.") ? "Unknown" : "System"}</span>
  );
}

function About({ row }: { row: AuditEventRow }) {
  const { entityType, entityLabel, entityHref } = row;
  return (
    <div className="min-w-36">
      <p className="text-xs uppercase tracking-wide text-muted">{entityName(entityType)}</p>
      {entityHref ? (
        <Link href={entityHref} className="text-brand-700 hover:underline">
          {entityLabel ?? entityName(entityType)}
        </Link>
      ) : (
        <span className="text-ink">{entityLabel ?? "—"}</span>
      )}
    </div>
  );
}

function RequestId({ id }: { id: string | null }) {
  if (!id) return <span className="text-muted">—</span>;
  return (
    <span className="font-mono text-xs text-muted" title={id}>
      {id.length > 13 ? `${id.slice(0, 8)}…` : id}
    </span>
  );
}

const column = columnsFor<AuditEventRow>();
const columns = column.columns([
  column.accessor("createdAt", {
    header: "When",
    cell: ({ row }) => (
      <span className="text-ink">
        <LocalTime value={row.original.createdAt} />
      </span>
    ),
  }),
  column.accessor("action", { header: "What", cell: ({ row }) => <What row={row.original} /> }),
  column.display({ id: "actor", header: "Who", cell: ({ row }) => <Who row={row.original} /> }),
  column.display({
    id: "entity",
    header: "About",
    cell: ({ row }) => <About row={row.original} />,
  }),
  column.accessor("metadata", {
    header: "Details",
    cell: ({ row }) => <MetadataSummary metadata={row.original.metadata} />,
  }),
  column.accessor("requestId", {
    header: "Request",
    cell: ({ row }) => <RequestId id={row.original.requestId} />,
  }),
]);

/** Phones: one card per event, the same facts as a table row. */
function EventCards({ rows }: { rows: AuditEventRow[] }) {
  return (
    <Card>
      <ul className="divide-y divide-line" aria-label="Audit events, newest first">
        {rows.map((row) => (
          <li key={row.id} className="space-y-2 p-4" data-testid="audit-card">
            <div className="flex items-start justify-between gap-3">
              <What row={row} />
              <span className="shrink-0 text-right text-xs text-muted">
                <LocalTime value={row.createdAt} />
              </span>
            </div>
            <div className="grid grid-cols-2 gap-3 text-sm">
              <Who row={row} />
              <About row={row} />
            </div>
            <MetadataSummary metadata={row.metadata} />
            {row.requestId ? (
              <p className="text-xs text-muted">
                Request <RequestId id={row.requestId} />
              </p>
            ) : null}
          </li>
        ))}
      </ul>
    </Card>
  );
}

/** A select of the filter bar: any change starts again from the newest events. */
function FilterSelect({
  label,
  param,
  allLabel,
  options,
  className,
}: {
  label: string;
  param: (typeof filterKeys)[number];
  allLabel: string;
  options: { value: string; label: string }[];
  className?: string;
}) {
  const { params, update } = useListUrl();
  return (
    <Field label={label} className={cn("w-full", className ?? "sm:w-48")}>
      {(p) => (
        <Select
          {...p}
          value={params.get(param) ?? ""}
          onChange={(e) => update({ [param]: e.target.value, before: null, after: null })}
        >
          <option value="">{allLabel}</option>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </Select>
      )}
    </Field>
  );
}

function DateFilter({ label, param }: { label: string; param: "from" | "to" }) {
  const { params, update } = useListUrl();
  return (
    <Field label={label} className="w-full sm:w-36">
      {(p) => (
        <Input
          {...p}
          type="date"
          value={params.get(param) ?? ""}
          onChange={(e) => update({ [param]: e.target.value, before: null, after: null })}
        />
      )}
    </Field>
  );
}

function ClearFilters() {
  const { params, hrefWith } = useListUrl();
  if (!filterKeys.some((k) => params.get(k))) return null;
  const cleared = Object.fromEntries([...filterKeys, "before", "after"].map((k) => [k, null]));
  return (
    <Link href={hrefWith(cleared)} className={cn(buttonClass("ghost", "sm"), "mb-1")}>
      Clear filters
    </Link>
  );
}

function Paging({ newer, older }: { newer: string | null; older: string | null }) {
  const { params, hrefWith } = useListUrl();
  const paged = Boolean(params.get("before") || params.get("after"));
  const link = (
    cursor: string | null,
    text: string,
    changes: Record<string, string | null>,
    rel?: string,
  ) =>
    cursor ? (
      <Link
        href={hrefWith(changes)}
        rel={rel}
        scroll={false}
        className={buttonClass("secondary", "sm")}
      >
        {text}
      </Link>
    ) : (
      <span
        aria-disabled="true"
        className={cn(buttonClass("secondary", "sm"), "pointer-events-none opacity-50")}
      >
        {text}
      </span>
    );
  if (!newer && !older && !paged) return null;
  return (
    <nav
      aria-label="Pages of the audit log"
      className="mt-4 flex flex-wrap items-center justify-between gap-3"
    >
      <div>
        {paged && newer ? (
          <Link
            href={hrefWith({ before: null, after: null })}
            scroll={false}
            className={buttonClass("ghost", "sm")}
          >
            Back to the newest
          </Link>
        ) : null}
      </div>
      <div className="flex gap-2">
        {link(newer, "← Newer", { after: newer, before: null }, "prev")}
        {link(older, "Older →", { before: older, after: null }, "next")}
      </div>
    </nav>
  );
}

export function AuditLog({ input, droppedTo }: { input: AuditPageInput; droppedTo: boolean }) {
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.admin.audit.list.queryOptions(input));
  const { data: facets } = useSuspenseQuery(trpc.admin.audit.facets.queryOptions());
  const filtered = Boolean(
    input.action || input.group || input.actorId || input.entityType || input.from || input.to,
  );
  const paged = Boolean(input.before || input.after);
  const active = [
    input.action,
    input.group,
    input.actorId,
    input.entityType,
    input.from,
    input.to,
  ].filter(Boolean).length;
  const [showFilters, setShowFilters] = useState(false);
  return (
    <ListUrlProvider>
      <Button
        variant="secondary"
        size="sm"
        className="mb-3 sm:hidden"
        aria-expanded={showFilters}
        aria-controls="audit-filters"
        onClick={() => setShowFilters((v) => !v)}
      >
        {showFilters ? "Hide filters" : active ? `Filters (${active} on)` : "Filters"}
      </Button>
      <div id="audit-filters" className={showFilters ? "" : "hidden sm:block"}>
        <Toolbar>
          <FilterSelect
            label="Kind of event"
            param="group"
            allLabel="All events"
            className="sm:w-44"
            options={auditGroupIds.map((g: AuditGroup) => ({
              value: g,
              label: auditGroups[g].label,
            }))}
          />
          <FilterSelect
            label="Action"
            param="action"
            allLabel="Any action"
            className="sm:w-56"
            options={facets.actions.map((a) => ({
              value: a.action,
              label: `${auditActionLabel(a.action)} (${a.count})`,
            }))}
          />
          <FilterSelect
            label="Who"
            param="actor"
            allLabel="Anyone"
            className="sm:w-44"
            options={facets.actors.map((a) => ({
              value: a.id,
              label: `${a.name} (${roleLabels[a.role].toLowerCase()})`,
            }))}
          />
          <FilterSelect
            label="About"
            param="entity"
            allLabel="Any record"
            className="sm:w-36"
            options={facets.entityTypes.map((t) => ({ value: t, label: entityName(t) }))}
          />
          <DateFilter label="From" param="from" />
          <DateFilter label="To" param="to" />
          <ClearFilters />
        </Toolbar>
      </div>
      {droppedTo ? (
        <p role="status" className="-mt-2 mb-4 text-sm text-amber-800">
          The end date was before the start date, so it is ignored.
        </p>
      ) : null}
      {data.rows.length ? (
        <>
          <div className="hidden md:block">
            <DataTable caption="Audit events, newest first" columns={columns} data={data.rows} />
          </div>
          <div className="md:hidden">
            <EventCards rows={data.rows} />
          </div>
        </>
      ) : paged ? (
        <EmptyState
          title="No more events here"
          action={
            <Link href="/admin/audit" className={buttonClass("secondary")}>
              Back to the newest
            </Link>
          }
        >
          This page is past the end of the log.
        </EmptyState>
      ) : filtered ? (
        <EmptyState title="No events match">Try a wider date range or fewer filters.</EmptyState>
      ) : (
        <EmptyState title="Nothing recorded yet">
          Sign-ins, published feedback, role changes, exports and erasures appear here as they
          happen.
        </EmptyState>
      )}
      <Paging newer={data.newer} older={data.older} />
      {data.rows.length && facets.actions.length ? (
        <p className="mt-3 text-xs text-muted">
          {facets.actions.reduce((n, a) => n + a.count, 0).toLocaleString("en-GB")} events in your
          agency's log. <Badge tone="neutral">Append-only</Badge>
        </p>
      ) : null}
    </ListUrlProvider>
  );
}
