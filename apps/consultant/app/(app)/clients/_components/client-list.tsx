"use client";
import { buttonClass, EmptyState } from "@debrief/ui";
import type { ClientListInput, ClientRow } from "@debrief/validators";
import { useTRPC } from "@debrief/web/trpc/react";
import { useSuspenseQuery } from "@tanstack/react-query";
import Link from "next/link";
import { columnsFor, DataTable } from "~/pipeline/data-table";
import {
  ClearFilters,
  ListUrlProvider,
  Pagination,
  PastTheEnd,
  SearchBox,
  Toolbar,
} from "~/pipeline/list-controls";

const column = columnsFor<ClientRow>();
const columns = column.columns([
  column.accessor("name", {
    header: "Client",
    cell: ({ row }) => (
      <Link
        href={`/clients/${row.original.id}/edit`}
        className="font-medium text-ink hover:text-brand-700 hover:underline"
      >
        {row.original.name}
      </Link>
    ),
  }),
  column.accessor("industry", {
    header: "Industry",
    cell: ({ row }) => <span className="text-muted">{row.original.industry ?? "—"}</span>,
  }),
  column.accessor("jobCount", {
    header: "Jobs",
    cell: ({ row }) => (
      <Link href={`/jobs?client=${row.original.id}`} className="text-brand-700 hover:underline">
        {row.original.jobCount}
        <span className="sr-only"> jobs at {row.original.name}</span>
      </Link>
    ),
  }),
  column.accessor("interviewCount", { header: "Interviews" }),
  column.display({
    id: "actions",
    header: () => <span className="sr-only">Actions</span>,
    cell: ({ row }) => (
      <div className="flex justify-end gap-2">
        <Link
          href={`/jobs/new?client=${row.original.id}`}
          className={buttonClass("secondary", "sm")}
        >
          Add job<span className="sr-only"> at {row.original.name}</span>
        </Link>
        <Link href={`/clients/${row.original.id}/edit`} className={buttonClass("ghost", "sm")}>
          Edit<span className="sr-only"> {row.original.name}</span>
        </Link>
      </div>
    ),
  }),
]);

export function ClientList({
  input,
}: {
  input: ClientListInput & { page: number; pageSize: number };
}) {
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.client.list.queryOptions(input));
  return (
    <ListUrlProvider>
      <Toolbar>
        <SearchBox label="Search" placeholder="Name or industry" />
        <ClearFilters params={["q"]} />
      </Toolbar>
      {data.total > 0 && data.rows.length === 0 ? (
        <PastTheEnd noun="clients" />
      ) : data.rows.length ? (
        <DataTable caption="Clients" columns={columns} data={data.rows} />
      ) : input.q ? (
        <EmptyState title="No clients match">
          Try another spelling, or add the client if you have not worked with them before.
        </EmptyState>
      ) : (
        <EmptyState
          title="No clients yet"
          action={
            <Link href="/clients/new" className={buttonClass()}>
              Add your first client
            </Link>
          }
        >
          Add the companies you recruit for, then their jobs, then the interviews for them.
        </EmptyState>
      )}
      <Pagination page={data.page} pageSize={data.pageSize} total={data.total} noun="clients" />
    </ListUrlProvider>
  );
}
