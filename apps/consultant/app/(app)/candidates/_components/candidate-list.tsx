"use client";
import { Badge, buttonClass, EmptyState } from "@debrief/ui";
import type { CandidateListInput, CandidateRow } from "@debrief/validators";
import { useTRPC } from "@debrief/web/trpc/react";
import { useSuspenseQuery } from "@tanstack/react-query";
import Link from "next/link";
import { columnsFor, DataTable } from "~/pipeline/data-table";
import { LocalTime } from "~/pipeline/dates";
import {
  ClearFilters,
  FilterSelect,
  ListUrlProvider,
  Pagination,
  PastTheEnd,
  SearchBox,
  Toolbar,
} from "~/pipeline/list-controls";

const column = columnsFor<CandidateRow>();
const columns = column.columns([
  column.accessor("name", {
    header: "Candidate",
    cell: ({ row }) => (
      <div className="min-w-40">
        <Link
          href={`/candidates/${row.original.id}`}
          className="font-medium text-ink hover:text-brand-700 hover:underline"
        >
          {row.original.name}
        </Link>
        {row.original.headline ? (
          <p className="text-xs text-muted">{row.original.headline}</p>
        ) : null}
      </div>
    ),
  }),
  column.accessor("email", {
    header: "Email",
    cell: ({ row }) => (
      <span className="flex flex-wrap items-center gap-2 text-muted">
        {row.original.email}
        {row.original.hasLogin ? <Badge tone="green">Portal</Badge> : null}
      </span>
    ),
  }),
  column.accessor("ownerName", { header: "Owner" }),
  column.accessor("interviewCount", {
    header: "Interviews",
    cell: ({ row }) =>
      row.original.interviewCount ? (
        <Link
          href={`/interviews?candidate=${row.original.id}`}
          className="text-brand-700 hover:underline"
        >
          {row.original.interviewCount}
          <span className="sr-only"> interviews of {row.original.name}</span>
        </Link>
      ) : (
        <span className="text-muted">0</span>
      ),
  }),
  column.accessor("lastInterviewAt", {
    header: "Last interview",
    cell: ({ row }) =>
      row.original.lastInterviewAt ? (
        <LocalTime value={row.original.lastInterviewAt} format="date" />
      ) : (
        <span className="text-muted">—</span>
      ),
  }),
  column.display({
    id: "actions",
    header: () => <span className="sr-only">Actions</span>,
    cell: ({ row }) => (
      <div className="flex justify-end gap-2">
        <Link
          href={`/interviews/new?candidate=${row.original.id}`}
          className={buttonClass("secondary", "sm")}
        >
          Add interview<span className="sr-only"> for {row.original.name}</span>
        </Link>
        <Link href={`/candidates/${row.original.id}/edit`} className={buttonClass("ghost", "sm")}>
          Edit<span className="sr-only"> {row.original.name}</span>
        </Link>
      </div>
    ),
  }),
]);

export function CandidateList({
  input,
  me,
}: {
  input: CandidateListInput & { page: number; pageSize: number };
  me: string;
}) {
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.candidate.list.queryOptions(input));
  const { data: options } = useSuspenseQuery(trpc.candidate.formOptions.queryOptions());
  const filtered = Boolean(input.q || input.ownerId);
  return (
    <ListUrlProvider>
      <Toolbar>
        <SearchBox label="Search" placeholder="Name or email" />
        <FilterSelect
          label="Owner"
          param="owner"
          allLabel="Any consultant"
          options={options.consultants.map((c) => ({
            value: c.id,
            label: c.id === me ? `${c.name} (you)` : c.name,
          }))}
        />
        <ClearFilters params={["q", "owner"]} />
      </Toolbar>
      {data.total > 0 && data.rows.length === 0 ? (
        <PastTheEnd noun="candidates" />
      ) : data.rows.length ? (
        <DataTable caption="Candidates" columns={columns} data={data.rows} />
      ) : filtered ? (
        <EmptyState title="No candidates match">
          Try another spelling or fewer filters, or add the candidate if they are new to you.
        </EmptyState>
      ) : (
        <EmptyState
          title="No candidates yet"
          action={
            <Link href="/candidates/new" className={buttonClass()}>
              Add your first candidate
            </Link>
          }
        >
          Add the people you represent. Once they have interviews, you can record outcomes and write
          their feedback.
        </EmptyState>
      )}
      <Pagination page={data.page} pageSize={data.pageSize} total={data.total} noun="candidates" />
    </ListUrlProvider>
  );
}
