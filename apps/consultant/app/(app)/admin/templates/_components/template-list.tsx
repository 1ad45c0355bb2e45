"use client";
// The agency's feedback templates: what each holds, whether it still points at retired entries,
// and edit or delete (deleting asks first, right under the row).
import { Badge, Button, buttonClass, EmptyState } from "@debrief/ui";
import type { AdminTemplateRow } from "@debrief/validators";
import { toast } from "@debrief/web/toast";
import { errorDetails, useTRPC } from "@debrief/web/trpc/react";
import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { columnsFor, DataTable } from "~/pipeline/data-table";
import { LocalTime } from "~/pipeline/dates";

const count = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

export function TemplateList() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data } = useSuspenseQuery(trpc.admin.settings.templates.list.queryOptions());
  const [confirming, setConfirming] = useState<string | null>(null);
  const remove = useMutation(trpc.admin.settings.templates.delete.mutationOptions());

  const onDelete = (template: AdminTemplateRow) =>
    remove.mutate(
      { id: template.id },
      {
        onSuccess: async () => {
          setConfirming(null);
          await queryClient.invalidateQueries(trpc.admin.settings.templates.pathFilter());
          await queryClient.invalidateQueries(trpc.template.pathFilter());
          toast.success(`Deleted “${template.name}”`);
        },
        onError: (error) => toast.error(errorDetails(error).message),
      },
    );

  const column = columnsFor<AdminTemplateRow>();
  const columns = column.columns([
    column.accessor("name", {
      header: "Template",
      cell: ({ row }) => (
        <div className="min-w-32">
          <Link
            href={`/admin/templates/${row.original.id}`}
            className="font-medium text-ink hover:text-brand-700 hover:underline"
          >
            {row.original.name}
          </Link>
          {row.original.description ? (
            <p className="mt-0.5 text-xs text-muted">{row.original.description}</p>
          ) : null}
          <p className="mt-1 text-xs text-muted sm:hidden">
            {count(row.original.strengths, "strength")} · {count(row.original.gaps, "gap")}
          </p>
          {row.original.retiredRefs ? (
            <Badge tone="amber" className="mt-1.5">
              {count(row.original.retiredRefs, "point")} with a retired entry
            </Badge>
          ) : null}
        </div>
      ),
    }),
    column.display({
      id: "points",
      header: () => <span className="hidden sm:inline">Points</span>,
      cell: ({ row }) => (
        <span className="hidden whitespace-nowrap text-muted sm:inline">
          {count(row.original.strengths, "strength")} · {count(row.original.gaps, "gap")}
        </span>
      ),
    }),
    column.accessor("updatedAt", {
      header: () => <span className="hidden md:inline">Last changed</span>,
      cell: ({ row }) => (
        <span className="hidden text-muted md:inline">
          <LocalTime value={row.original.updatedAt} format="date" />
        </span>
      ),
    }),
    column.display({
      id: "actions",
      header: () => <span className="sr-only">Actions</span>,
      cell: ({ row }) => (
        <div className="flex flex-col items-end gap-1 sm:flex-row sm:justify-end">
          <Link
            href={`/admin/templates/${row.original.id}`}
            className={buttonClass("secondary", "sm")}
          >
            Edit<span className="sr-only"> {row.original.name}</span>
          </Link>
          <Button
            variant="ghost"
            size="sm"
            aria-expanded={confirming === row.original.id}
            onClick={() => setConfirming(confirming === row.original.id ? null : row.original.id)}
          >
            Delete<span className="sr-only"> {row.original.name}</span>
          </Button>
        </div>
      ),
    }),
  ]);

  if (!data.length) {
    return (
      <EmptyState
        title="No templates yet"
        action={
          <Link href="/admin/templates/new" className={buttonClass()}>
            Create the first template
          </Link>
        }
      >
        A template gives consultants a head start: the usual strengths and gaps for a kind of role,
        each with a competency, a reason and a next step to adapt.
      </EmptyState>
    );
  }
  return (
    <DataTable
      caption="Feedback templates"
      columns={columns}
      data={data}
      renderBelow={(template) =>
        confirming === template.id ? (
          <div
            role="alert"
            className="flex flex-wrap items-center justify-between gap-3"
            aria-label={`Delete ${template.name}?`}
          >
            <p className="text-sm text-ink">
              Delete “{template.name}”? Consultants will no longer be able to start from it.
              Feedback already written from it keeps its own words.
            </p>
            <div className="flex gap-2">
              <Button variant="secondary" size="sm" onClick={() => setConfirming(null)}>
                Keep it
              </Button>
              <Button
                variant="danger"
                size="sm"
                disabled={remove.isPending}
                onClick={() => onDelete(template)}
              >
                {remove.isPending ? "Deleting…" : "Delete template"}
              </Button>
            </div>
          </div>
        ) : null
      }
    />
  );
}
