"use client";
// One switch per kind of notice (a button with role="switch"): on means it is emailed too. Each
// change saves at once; the switch moves before the server answers and moves back (with an error
// toast) if the save fails.
import { Card, cn } from "@debrief/ui";
import type { EmailPreferences as Preferences } from "@debrief/validators";
import { toast } from "@debrief/web/toast";
import { errorDetails, useTRPC } from "@debrief/web/trpc/react";
import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { useId, useSyncExternalStore } from "react";

type Kind = Preferences["kinds"][number];

const noSubscription = () => () => {};
/** False in the server's HTML and until hydration: a switch clicked before then would do nothing. */
const useHydrated = () =>
  useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );

export function EmailPreferences({ email }: { email: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const query = trpc.notification.emailPreferences;
  const { data } = useSuspenseQuery(query.queryOptions());
  const hydrated = useHydrated();

  /** Sets one kind in the cached preferences, leaving any other change in flight alone. */
  const setCached = (kind: string, on: boolean) =>
    queryClient.setQueryData(query.queryKey(), (old) =>
      old ? { kinds: old.kinds.map((k) => (k.kind === kind ? { ...k, email: on } : k)) } : old,
    );

  const mutationKey = trpc.notification.setEmailPreference.mutationKey();
  const save = useMutation(
    trpc.notification.setEmailPreference.mutationOptions({
      onMutate: async ({ kind, email: on }) => {
        await queryClient.cancelQueries(query.queryFilter());
        setCached(kind, on);
      },
      onError: (error, { kind, email: on }) => {
        setCached(kind, !on);
        toast.error(errorDetails(error).message);
      },
      onSuccess: () => toast.success("Saved", { id: "email-preferences" }),
      onSettled: async () => {
        // Refetch once the last of several quick changes is saved, so none is shown undone.
        if (queryClient.isMutating({ mutationKey }) === 1) {
          await queryClient.invalidateQueries(query.queryFilter());
        }
      },
    }),
  );

  return (
    <div className="grid max-w-3xl gap-6">
      <Card className="p-5">
        <h2 className="text-lg font-semibold text-ink">Email notifications</h2>
        <p className="mt-1 text-sm text-muted">
          We always show these in Debrief. Choose which ones we also email to you.
        </p>
        <p className="mt-1 text-xs text-muted">
          Emails go to <span className="font-medium text-ink">{email}</span>.
        </p>
        <ul className="mt-4 divide-y divide-line border-t border-line" aria-label="Emails">
          {data.kinds.map((k) => (
            <PreferenceRow
              key={k.kind}
              kind={k}
              disabled={!hydrated}
              onChange={(on) => save.mutate({ kind: k.kind, email: on })}
            />
          ))}
        </ul>
      </Card>
    </div>
  );
}

function PreferenceRow({
  kind,
  disabled,
  onChange,
}: {
  kind: Kind;
  disabled: boolean;
  onChange: (on: boolean) => void;
}) {
  const id = useId();
  return (
    <li className="flex items-start justify-between gap-4 py-4 last:pb-0">
      <div className="min-w-0">
        <label
          id={`${id}-label`}
          htmlFor={`${id}-switch`}
          className="cursor-pointer text-sm font-medium text-ink"
        >
          {kind.label}
        </label>
        <p id={`${id}-description`} className="mt-0.5 text-sm text-muted">
          {kind.description}
        </p>
      </div>
      <div className="flex shrink-0 items-center gap-2 pt-0.5">
        <span aria-hidden="true" className="w-6 text-right text-xs font-medium text-muted">
          {kind.email ? "On" : "Off"}
        </span>
        <button
          id={`${id}-switch`}
          type="button"
          role="switch"
          aria-checked={kind.email}
          aria-labelledby={`${id}-label`}
          aria-describedby={`${id}-description`}
          data-testid={`email-${kind.kind}`}
          disabled={disabled}
          onClick={() => onChange(!kind.email)}
          className={cn(
            "relative inline-flex h-6 w-11 shrink-0 cursor-pointer rounded-full transition-colors disabled:cursor-default",
            kind.email ? "bg-brand-700 hover:bg-brand-800" : "bg-slate-300 hover:bg-slate-400",
          )}
        >
          <span
            aria-hidden="true"
            className={cn(
              "absolute left-0.5 top-0.5 size-5 rounded-full bg-white shadow-sm transition-transform",
              kind.email && "translate-x-5",
            )}
          />
        </button>
      </div>
    </li>
  );
}
