"use client";
// The journal: filter by kind, write, edit and delete (after asking) the candidate's own entries.
import { Badge, Button, buttonClass, Card, EmptyState } from "@debrief/ui";
import {
  type JournalEntry,
  type JournalKind,
  journalKindLabels,
  journalKinds,
} from "@debrief/validators";
import { toast } from "@debrief/web/toast";
import { errorDetails, useTRPC } from "@debrief/web/trpc/react";
import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { EntryForm, type EntryValues } from "./entry-form";

const kindTone = { reflection: "brand", win: "green", preparation: "amber" } as const;
const filterLabels: Record<JournalKind, string> = {
  reflection: "Reflections",
  win: "Wins",
  preparation: "Preparation",
};
const dateFormat = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "long",
  year: "numeric",
});

const href = (kind: JournalKind | undefined, page = 1) => {
  const q = new URLSearchParams();
  if (kind) q.set("kind", kind);
  if (page > 1) q.set("page", String(page));
  const s = q.toString();
  return s ? `/journal?${s}` : "/journal";
};

export function Journal({ kind, page }: { kind?: JournalKind; page: number }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data } = useSuspenseQuery(trpc.journal.list.queryOptions({ kind, page }));
  const { data: options } = useSuspenseQuery(trpc.journal.options.queryOptions());
  const [writing, setWriting] = useState(false);
  const invalidate = () => queryClient.invalidateQueries(trpc.journal.pathFilter());
  const create = useMutation(trpc.journal.create.mutationOptions({ onSuccess: invalidate }));

  const onCreate = async (values: EntryValues) => {
    await create.mutateAsync(values);
    setWriting(false);
    if (values.kind === "win") {
      toast.success("Win saved — well done!", {
        description: "Every step forward counts. Come back to these on a tough day.",
      });
    } else toast.success("Saved to your journal");
  };

  const all = data.counts.reflection + data.counts.win + data.counts.preparation;
  const lastPage = Math.max(1, Math.ceil(data.total / data.pageSize));

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <nav aria-label="Filter entries" className="flex flex-wrap gap-1">
          {[undefined, ...journalKinds].map((k) => {
            const active = k === kind;
            const n = k ? data.counts[k] : all;
            return (
              <Link
                key={k ?? "all"}
                href={href(k)}
                aria-current={active ? "page" : undefined}
                className={`rounded-full px-3 py-1.5 text-sm font-medium transition-colors ${
                  active
                    ? "bg-brand-700 text-white"
                    : "bg-white text-muted ring-1 ring-line hover:text-ink"
                }`}
              >
                {k ? filterLabels[k] : "All"} <span className="opacity-80">({n})</span>
              </Link>
            );
          })}
        </nav>
        {writing ? null : <Button onClick={() => setWriting(true)}>New entry</Button>}
      </div>

      {writing ? (
        <Card className="p-5">
          <h2 className="mb-4 text-base font-semibold text-ink">New entry</h2>
          <EntryForm
            options={options}
            defaultKind={kind}
            onSave={onCreate}
            onCancel={() => setWriting(false)}
          />
        </Card>
      ) : null}

      {data.rows.length === 0 ? (
        <EmptyState
          title={kind ? `No ${filterLabels[kind].toLowerCase()} yet` : "Your journal is empty"}
          action={
            writing ? null : (
              <Button onClick={() => setWriting(true)}>
                {kind === "win" ? "Write down a win" : "Write your first entry"}
              </Button>
            )
          }
        >
          {kind === "win"
            ? "Wins count, however small: a call back, a great answer, a new skill practised. Write one down and celebrate it."
            : "After an interview, jot down how it went while it's fresh. Before the next one, note what to prepare. And when something goes well, record the win."}
        </EmptyState>
      ) : (
        <ul className="space-y-4" aria-label="Journal entries">
          {data.rows.map((entry) => (
            <li key={entry.id}>
              <EntryCard entry={entry} options={options} onChanged={invalidate} />
            </li>
          ))}
        </ul>
      )}

      {lastPage > 1 ? (
        <nav aria-label="Pages" className="flex items-center justify-between text-sm">
          {page > 1 ? (
            <Link className={buttonClass("secondary", "sm")} href={href(kind, page - 1)}>
              ← Newer
            </Link>
          ) : (
            <span />
          )}
          <span className="text-muted">
            Page {page} of {lastPage}
          </span>
          {page < lastPage ? (
            <Link className={buttonClass("secondary", "sm")} href={href(kind, page + 1)}>
              Older →
            </Link>
          ) : (
            <span />
          )}
        </nav>
      ) : null}
    </div>
  );
}

function EntryCard({
  entry,
  options,
  onChanged,
}: {
  entry: JournalEntry;
  options: Parameters<typeof EntryForm>[0]["options"];
  onChanged: () => Promise<void>;
}) {
  const trpc = useTRPC();
  const [mode, setMode] = useState<"view" | "edit" | "confirm-delete">("view");
  const update = useMutation(trpc.journal.update.mutationOptions({ onSuccess: onChanged }));
  const remove = useMutation(trpc.journal.remove.mutationOptions({ onSuccess: onChanged }));
  const titleId = `entry-${entry.id}`;

  if (mode === "edit") {
    return (
      <Card className="p-5">
        <EntryForm
          entry={entry}
          options={options}
          onSave={async (values) => {
            await update.mutateAsync({ id: entry.id, ...values });
            setMode("view");
            toast.success("Entry updated");
          }}
          onCancel={() => setMode("view")}
        />
      </Card>
    );
  }

  const onDelete = async () => {
    try {
      await remove.mutateAsync({ id: entry.id });
      toast.success("Entry deleted");
    } catch (error) {
      toast.error(errorDetails(error).message);
      setMode("view");
    }
  };

  const edited = entry.updatedAt.getTime() - entry.createdAt.getTime() > 60_000;
  return (
    <Card
      className={`p-5 ${entry.kind === "win" ? "border-emerald-200 bg-emerald-50/40" : ""}`}
      aria-labelledby={titleId}
    >
      <article>
        <div className="flex flex-wrap items-start justify-between gap-3">
          <div className="min-w-0">
            <div className="flex flex-wrap items-center gap-2">
              <Badge tone={kindTone[entry.kind]}>
                {entry.kind === "win" ? "★ " : ""}
                {journalKindLabels[entry.kind]}
              </Badge>
              <span className="text-xs text-muted">
                {dateFormat.format(entry.createdAt)}
                {edited ? " · edited" : ""}
              </span>
            </div>
            <h2 id={titleId} className="mt-2 text-base font-semibold text-ink">
              {entry.title}
            </h2>
          </div>
          {mode === "view" ? (
            <div className="flex gap-1">
              <Button
                variant="ghost"
                size="sm"
                onClick={() => setMode("edit")}
                aria-label={`Edit “${entry.title}”`}
              >
                Edit
              </Button>
              <Button
                variant="ghost"
                size="sm"
                onClick={() => setMode("confirm-delete")}
                aria-label={`Delete “${entry.title}”`}
              >
                Delete
              </Button>
            </div>
          ) : null}
        </div>
        <p className="mt-2 whitespace-pre-line text-sm text-ink">{entry.body}</p>
        {entry.interview || entry.goal ? (
          <p className="mt-3 text-xs text-muted">
            {entry.interview ? <>Interview: {entry.interview.label}</> : null}
            {entry.goal ? (
              <>
                Goal:{" "}
                <Link href="/plans" className="font-medium text-brand-700 hover:underline">
                  {entry.goal.title}
                </Link>
              </>
            ) : null}
          </p>
        ) : null}
        {mode === "confirm-delete" ? (
          <div
            role="alertdialog"
            aria-label="Confirm delete"
            className="mt-4 flex flex-wrap items-center gap-3 rounded-lg border border-red-200 bg-red-50 px-4 py-3"
          >
            <p className="flex-1 text-sm text-red-800">
              Delete this entry? It can't be brought back.
            </p>
            <Button variant="secondary" size="sm" onClick={() => setMode("view")} autoFocus>
              Keep it
            </Button>
            <Button variant="danger" size="sm" onClick={onDelete} disabled={remove.isPending}>
              {remove.isPending ? "Deleting…" : "Delete entry"}
            </Button>
          </div>
        ) : null}
      </article>
    </Card>
  );
}
