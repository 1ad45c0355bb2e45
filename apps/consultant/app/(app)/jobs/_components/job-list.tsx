"use client";
import { Badge, buttonClass, EmptyState } from "@debrief/ui";
import { type JobListInput, type JobRow, seniorityLabels } from "@debrief/validators";
import { useTRPC } from "@debrief/web/trpc/react";
import { useSuspenseQuery } from "@tanstack/react-query";
import Link from "next/link";
import { columnsFor, DataTable } from "~/pipeline/data-table";
import {
  ClearFilters,
  FilterSelect,
  ListUrlProvider,
  Pagination,
  PastTheEnd,
  SearchBox,
  Toolbar,
} from "~/pipeline/list-controls";

const column = columnsFor<JobRow>();
const columns = column.columns([
  column.accessor("title", {
    header: "Job",
    cell: ({ row }) => (
      <div className="min-w-40">
        <Link
          href={`/jobs/${row.original.id}/edit`}
          className="font-medium text-ink hover:text-brand-700 hover:underline"
        >
          {row.original.title}
        </Link>
        <p className="text-xs text-muted">{seniorityLabels[row.original.seniority]}</p>
      </div>
    ),
  }),
  column.accessor("clientName", {
    header: "Client",
    cell: ({ row }) => (
      <Link
        href={`/jobs?client=${row.original.clientId}`}
        className="text-ink hover:text-brand-700 hover:underline"
      >
        {row.original.clientName}
      </Link>
    ),
  }),
  column.accessor("competencies", {
    header: "Competencies",
    cell: ({ row }) =>
      row.original.competencies.length ? (
        <ul className="flex max-w-sm flex-wrap gap-1" aria-label="Competencies">
          {row.original.competencies.map((name) => (
            <li key={name}>
              <Badge>{name}</Badge>
            </li>
          ))}
        </ul>
      ) : (
        <span className="text-muted">—</span>
      ),
  }),
  column.accessor("interviewCount", {
    header: "Interviews",
    cell: ({ row }) =>
      row.original.interviewCount ? (
        <Link
          href={`/interviews?job=${row.original.id}`}
          className="text-brand-700 hover:underline"
        >
          {row.original.interviewCount}
          <span className="sr-only"> interviews for {row.original.title}</span>
        </Link>
      ) : (
        <span className="text-muted">0</span>
      ),
  }),
  column.display({
    id: "actions",
    header: () => <span className="sr-only">Actions</span>,
    cell: ({ row }) => (
      <div className="flex justify-end gap-2">
        <Link
          href={`/interviews/new?job=${row.original.id}`}
          className={buttonClass("secondary", "sm")}
        >
          Add interview<span className="sr-only"> for {row.original.title}</span>
        </Link>
        <Link href={`/jobs/${row.original.id}/edit`} className={buttonClass("ghost", "sm")}>
          Edit<span className="sr-only"> {row.original.title}</span>
        </Link>
      </div>
    ),
  }),
]);

export function JobList({ input }: { input: JobListInput & { page: number; pageSize: number } }) {
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.job.list.queryOptions(input));
  const { data: options } = useSuspenseQuery(trpc.job.formOptions.queryOptions());
  const filtered = Boolean(input.q || input.clientId);
  return (
    <ListUrlProvider>
      <Toolbar>
        <SearchBox label="Search" placeholder="Job title or client" />
        <FilterSelect
          label="Client"
          param="client"
          allLabel="All clients"
          options={options.clients.map((c) => ({ value: c.id, label: c.name }))}
        />
        <ClearFilters params={["q", "client"]} />
      </Toolbar>
      {data.total > 0 && data.rows.length === 0 ? (
        <PastTheEnd noun="jobs" />
      ) : data.rows.length ? (
        <DataTable caption="Jobs" columns={columns} data={data.rows} />
      ) : filtered ? (
        <EmptyState
          title="No jobs match"
          action={
            <Link
              href={input.clientId ? `/jobs/new?client=${input.clientId}` : "/jobs/new"}
              className={buttonClass("secondary")}
            >
              Add a job
            </Link>
          }
        >
          Try another search or client, or add the vacancy if it is new.
        </EmptyState>
      ) : options.clients.length === 0 ? (
        <EmptyState
          title="No jobs yet"
          action={
            <Link href="/clients/new" className={buttonClass()}>
              Add a client first
            </Link>
          }
        >
          Every job belongs to a client. Add the company you are recruiting for, then its jobs.
        </EmptyState>
      ) : (
        <EmptyState
          title="No jobs yet"
          action={
            <Link href="/jobs/new" className={buttonClass()}>
              Add your first job
            </Link>
          }
        >
          Add a vacancy at one of your clients, with the competencies it needs: they become the
          vocabulary of the feedback you write.
        </EmptyState>
      )}
      <Pagination page={data.page} pageSize={data.pageSize} total={data.total} noun="jobs" />
    </ListUrlProvider>
  );
}
