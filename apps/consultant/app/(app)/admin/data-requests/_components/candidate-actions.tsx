"use client";
// Acting on a candidate without a request: find them, then download their export or erase them
// (an erasure here is recorded as a completed request of the admin's own).
import { Button, Card, Field, Input } from "@debrief/ui";
import { useTRPC } from "@debrief/web/trpc/react";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useEffect, useId, useState } from "react";
import { EraseForm, useExportCandidate } from "./actions";

type Person = { id: string; name: string; email: string };

function useDebounced(value: string, ms: number) {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

export function CandidateActions() {
  const trpc = useTRPC();
  const [q, setQ] = useState("");
  const [chosen, setChosen] = useState<Person | null>(null);
  const [erasing, setErasing] = useState(false);
  const exporter = useExportCandidate();
  const search = useDebounced(q.trim(), 250);
  const listId = useId();
  const { data: matches = [], isFetching } = useQuery({
    ...trpc.candidate.options.queryOptions({ q: search }),
    enabled: search.length >= 2,
    placeholderData: keepPreviousData,
  });

  return (
    <section aria-labelledby="direct-heading">
      <h2 id="direct-heading" className="mb-1 text-lg font-semibold text-ink">
        Export or erase a candidate
      </h2>
      <p className="mb-3 max-w-2xl text-sm text-muted">
        For a request that reached you another way (an email, a letter), or data your agency must no
        longer keep. Each export and erasure is recorded here and in the audit log.
      </p>
      <Card className="p-5">
        {chosen ? (
          <div className="space-y-4">
            <div className="flex flex-wrap items-center justify-between gap-3">
              <div>
                <p className="font-medium text-ink">{chosen.name}</p>
                <p className="text-sm text-muted">{chosen.email}</p>
              </div>
              <div className="flex flex-wrap gap-2">
                <Button
                  variant="secondary"
                  onClick={() => exporter.run(chosen)}
                  disabled={exporter.pending}
                >
                  {exporter.pending ? "Preparing…" : "Download their data"}
                </Button>
                {erasing ? null : (
                  <Button variant="danger" onClick={() => setErasing(true)}>
                    Erase…
                  </Button>
                )}
                <Button
                  variant="ghost"
                  onClick={() => {
                    setChosen(null);
                    setErasing(false);
                  }}
                >
                  Choose someone else
                </Button>
              </div>
            </div>
            {erasing ? (
              <EraseForm
                candidate={chosen}
                onCancel={() => setErasing(false)}
                onDone={() => {
                  setErasing(false);
                  setChosen(null);
                  setQ("");
                }}
              />
            ) : null}
          </div>
        ) : (
          <div className="space-y-3">
            <Field
              label="Find a candidate"
              hint="Type two or more letters of their name or email."
              className="max-w-md"
            >
              {(p) => (
                <Input
                  {...p}
                  type="search"
                  value={q}
                  onChange={(e) => setQ(e.target.value)}
                  autoComplete="off"
                  aria-controls={listId}
                />
              )}
            </Field>
            <div id={listId} aria-live="polite">
              {search.length < 2 ? null : matches.length ? (
                <ul
                  className="divide-y divide-line rounded-lg border border-line"
                  aria-label="Matching candidates"
                >
                  {matches.map((m) => (
                    <li key={m.id}>
                      <button
                        type="button"
                        onClick={() => setChosen(m)}
                        className="flex w-full flex-wrap items-baseline justify-between gap-x-3 px-4 py-2.5 text-left hover:bg-slate-50 focus:bg-brand-50 focus:outline-none"
                      >
                        <span className="font-medium text-ink">{m.name}</span>
                        <span className="text-sm text-muted">{m.email}</span>
                      </button>
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="text-sm text-muted">
                  {isFetching ? "Searching…" : "No candidate matches."}
                </p>
              )}
            </div>
          </div>
        )}
      </Card>
    </section>
  );
}
