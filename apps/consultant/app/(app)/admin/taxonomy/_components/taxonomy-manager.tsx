"use client";
// The agency's rejection reasons and competencies: add, rename, retire and restore, with how much
// each is used so an admin can see what a change touches. Retiring is undoable from its toast.
import { Badge, Button, Card, EmptyState, Field, Input } from "@debrief/ui";
import {
  type TaxonomyEntry,
  type TaxonomyKind,
  taxonomyCreateInput,
  taxonomyKindLabels,
  taxonomyUpdateInput,
} from "@debrief/validators";
import { toast } from "@debrief/web/toast";
import { errorDetails, showServerErrors, useTRPC } from "@debrief/web/trpc/react";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { useId, useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { columnsFor, DataTable } from "~/pipeline/data-table";

const copy: Record<TaxonomyKind, { title: string; intro: string; add: string; example: string }> = {
  reason: {
    title: "Rejection reasons",
    intro:
      "Why a candidate was not chosen. Consultants pick one on every gap; candidates see it on their feedback and in the patterns across it.",
    add: "Add reason",
    example: "e.g. Notice period too long",
  },
  competency: {
    title: "Competencies",
    intro:
      "What a point of feedback is about, on strengths and gaps alike. Jobs list the competencies they need.",
    add: "Add competency",
    example: "e.g. Data storytelling",
  },
};

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** Refreshes every list that shows the taxonomy: this page, the editor's pickers, job forms. */
function useInvalidate() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries(trpc.admin.settings.taxonomy.pathFilter()),
      queryClient.invalidateQueries(trpc.admin.settings.templates.pathFilter()),
      queryClient.invalidateQueries(trpc.feedback.pathFilter()),
      queryClient.invalidateQueries(trpc.job.pathFilter()),
    ]);
}

export function TaxonomyManager() {
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.admin.settings.taxonomy.list.queryOptions());
  return (
    <div className="space-y-12">
      <TaxonomySection kind="reason" entries={data.reasons} />
      <TaxonomySection kind="competency" entries={data.competencies} />
    </div>
  );
}

function TaxonomySection({ kind, entries }: { kind: TaxonomyKind; entries: TaxonomyEntry[] }) {
  const trpc = useTRPC();
  const invalidate = useInvalidate();
  const headingId = useId();
  const [editing, setEditing] = useState<string | null>(null);
  const active = entries.filter((e) => !e.archivedAt).length;
  const retired = entries.length - active;

  const onError = (error: unknown) => toast.error(errorDetails(error).message);
  const restore = useMutation(trpc.admin.settings.taxonomy.restore.mutationOptions());
  const retire = useMutation(trpc.admin.settings.taxonomy.retire.mutationOptions());
  const busy = restore.isPending || retire.isPending;

  const doRestore = (entry: TaxonomyEntry) =>
    restore.mutate(
      { kind, id: entry.id },
      {
        onSuccess: async (restored) => {
          await invalidate();
          toast.success(`Restored “${restored.name}”: consultants can pick it again`);
        },
        onError,
      },
    );
  const doRetire = (entry: TaxonomyEntry) =>
    retire.mutate(
      { kind, id: entry.id },
      {
        onSuccess: async (done) => {
          await invalidate();
          toast.success(`Retired “${done.name}”`, {
            description: done.feedbackUses
              ? `It stays on the ${done.feedbackUses} feedback point${done.feedbackUses === 1 ? "" : "s"} that use it; consultants can no longer pick it.`
              : "Consultants can no longer pick it.",
            action: { label: "Undo", onClick: () => doRestore(done) },
          });
        },
        onError,
      },
    );

  const column = columnsFor<TaxonomyEntry>();
  const columns = column.columns([
    column.accessor("name", {
      header: "Name",
      cell: ({ row }) => {
        const entry = row.original;
        return (
          <div className="min-w-32">
            <p className="flex flex-wrap items-center gap-2">
              <span
                className={entry.archivedAt ? "font-medium text-muted" : "font-medium text-ink"}
              >
                {entry.name}
              </span>
              {entry.archivedAt ? <Badge>Retired</Badge> : null}
            </p>
            {entry.description ? (
              <p className="mt-0.5 text-xs text-muted">{entry.description}</p>
            ) : null}
            {/* On a phone the usage sits under the name, so the table fits the screen. */}
            <p className="mt-1 text-xs text-muted sm:hidden">{usesText(entry)}</p>
          </div>
        );
      },
    }),
    column.display({
      id: "uses",
      header: () => <span className="hidden sm:inline">In use</span>,
      cell: ({ row }) => <Uses entry={row.original} />,
    }),
    column.display({
      id: "actions",
      header: () => <span className="sr-only">Actions</span>,
      cell: ({ row }) => {
        const entry = row.original;
        return (
          <div className="flex flex-col items-end gap-1 sm:flex-row sm:justify-end">
            <Button
              variant="ghost"
              size="sm"
              aria-expanded={editing === entry.id}
              onClick={() => setEditing(editing === entry.id ? null : entry.id)}
            >
              Rename<span className="sr-only"> {entry.name}</span>
            </Button>
            {entry.archivedAt ? (
              <Button
                variant="secondary"
                size="sm"
                disabled={busy}
                onClick={() => doRestore(entry)}
              >
                Restore<span className="sr-only"> {entry.name}</span>
              </Button>
            ) : (
              <Button variant="secondary" size="sm" disabled={busy} onClick={() => doRetire(entry)}>
                Retire<span className="sr-only"> {entry.name}</span>
              </Button>
            )}
          </div>
        );
      },
    }),
  ]);

  return (
    <section aria-labelledby={headingId} data-testid={`taxonomy-${kind}`}>
      <div className="mb-3 flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
        <h2 id={headingId} className="text-lg font-semibold text-ink">
          {copy[kind].title}
        </h2>
        <p className="text-sm text-muted">
          {active} active{retired ? ` · ${retired} retired` : ""}
        </p>
      </div>
      <p className="mb-4 max-w-3xl text-sm text-muted">{copy[kind].intro}</p>
      <AddEntry kind={kind} onAdded={invalidate} />
      <div className="mt-4">
        {entries.length ? (
          <DataTable
            caption={capitalised(taxonomyKindLabels[kind].many)}
            columns={columns}
            data={entries}
            renderBelow={(entry) =>
              editing === entry.id ? (
                <RenameEntry
                  entry={entry}
                  onDone={async (saved) => {
                    setEditing(null);
                    if (saved) await invalidate();
                  }}
                />
              ) : null
            }
          />
        ) : (
          <EmptyState title={`No ${taxonomyKindLabels[kind].many} yet`}>
            Add the first one above; consultants can pick it straight away.
          </EmptyState>
        )}
      </div>
    </section>
  );
}

function usesOf(entry: TaxonomyEntry) {
  return [
    entry.feedbackUses
      ? `${entry.feedbackUses} feedback point${entry.feedbackUses === 1 ? "" : "s"}`
      : null,
    entry.templateUses
      ? `${entry.templateUses} template point${entry.templateUses === 1 ? "" : "s"}`
      : null,
    entry.jobUses ? `${entry.jobUses} job${entry.jobUses === 1 ? "" : "s"}` : null,
  ].filter((p): p is string => p !== null);
}

const usesText = (entry: TaxonomyEntry) => {
  const parts = usesOf(entry);
  return parts.length ? `Used on ${parts.join(" · ")}` : "Not used yet";
};

function Uses({ entry }: { entry: TaxonomyEntry }) {
  const parts = usesOf(entry);
  if (!parts.length) return <span className="hidden text-muted sm:inline">Not used yet</span>;
  return (
    <ul className="hidden space-y-0.5 whitespace-nowrap text-muted sm:block">
      {parts.map((p) => (
        <li key={p}>{p}</li>
      ))}
    </ul>
  );
}

type CreateInput = z.input<typeof taxonomyCreateInput>;
type CreateOutput = z.output<typeof taxonomyCreateInput>;

function AddEntry({ kind, onAdded }: { kind: TaxonomyKind; onAdded: () => Promise<unknown> }) {
  const trpc = useTRPC();
  const create = useMutation(trpc.admin.settings.taxonomy.create.mutationOptions());
  const form = useForm<CreateInput, unknown, CreateOutput>({
    resolver: zodResolver(taxonomyCreateInput),
    defaultValues: { kind, name: "", description: "" },
  });
  const onSubmit = form.handleSubmit(async (values) => {
    try {
      const entry = await create.mutateAsync(values);
      await onAdded();
      form.reset({ kind, name: "", description: "" });
      toast.success(`Added “${entry.name}”: consultants can pick it now`);
    } catch (error) {
      showServerErrors(form.setError, error, ["name", "description"]);
    }
  });
  const { errors, isSubmitting } = form.formState;
  const one = taxonomyKindLabels[kind].one;
  return (
    <Card className="p-4">
      <form
        onSubmit={onSubmit}
        noValidate
        aria-label={`Add a ${one}`}
        className="grid gap-3 md:grid-cols-[minmax(0,1fr)_minmax(0,1.4fr)_auto] md:items-start"
      >
        <Field label={`New ${one}`} error={errors.name?.message}>
          {(p) => <Input {...p} {...form.register("name")} placeholder={copy[kind].example} />}
        </Field>
        <Field label="Description (optional)" error={errors.description?.message}>
          {(p) => (
            <Input
              {...p}
              {...form.register("description")}
              placeholder="What it means, for whoever picks it"
            />
          )}
        </Field>
        <Button type="submit" disabled={isSubmitting} className="md:mt-6.5">
          {isSubmitting ? "Adding…" : copy[kind].add}
        </Button>
      </form>
    </Card>
  );
}

type UpdateInput = z.input<typeof taxonomyUpdateInput>;
type UpdateOutput = z.output<typeof taxonomyUpdateInput>;

function RenameEntry({
  entry,
  onDone,
}: {
  entry: TaxonomyEntry;
  onDone: (saved: boolean) => Promise<void>;
}) {
  const trpc = useTRPC();
  const update = useMutation(trpc.admin.settings.taxonomy.update.mutationOptions());
  const form = useForm<UpdateInput, unknown, UpdateOutput>({
    resolver: zodResolver(taxonomyUpdateInput),
    defaultValues: {
      kind: entry.kind,
      id: entry.id,
      name: entry.name,
      description: entry.description ?? "",
    },
  });
  const onSubmit = form.handleSubmit(async (values) => {
    try {
      const saved = await update.mutateAsync(values);
      await onDone(true);
      toast.success(
        saved.name === entry.name ? `Saved “${saved.name}”` : `Renamed to “${saved.name}”`,
        saved.feedbackUses && saved.name !== entry.name
          ? {
              description: `Its ${saved.feedbackUses} feedback point${saved.feedbackUses === 1 ? "" : "s"} now show the new name, candidates' included.`,
            }
          : undefined,
      );
    } catch (error) {
      showServerErrors(form.setError, error, ["name", "description"]);
    }
  });
  const { errors, isSubmitting } = form.formState;
  return (
    <form
      onSubmit={onSubmit}
      noValidate
      aria-label={`Rename ${entry.name}`}
      className="grid gap-3 md:grid-cols-[minmax(0,1fr)_minmax(0,1.4fr)_auto] md:items-start"
    >
      <Field label="Name" error={errors.name?.message}>
        {(p) => <Input {...p} {...form.register("name")} autoFocus />}
      </Field>
      <Field label="Description (optional)" error={errors.description?.message}>
        {(p) => <Input {...p} {...form.register("description")} />}
      </Field>
      <div className="flex gap-2 md:mt-6.5">
        <Button variant="secondary" onClick={() => onDone(false)}>
          Cancel
        </Button>
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? "Saving…" : "Save"}
        </Button>
      </div>
    </form>
  );
}
