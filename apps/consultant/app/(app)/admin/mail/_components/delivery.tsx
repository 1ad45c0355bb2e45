"use client";
// The state of outgoing email: how many messages wait, retry or are parked, and, when any failed,
// a warning listing them with a "Retry now" each. Refreshes itself while anything is undelivered.
import { Button, Card } from "@debrief/ui";
import { type MailQueueRow, mailTopicLabel } from "@debrief/validators";
import { toast } from "@debrief/web/toast";
import { errorDetails, useTRPC } from "@debrief/web/trpc/react";
import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { LocalTime } from "~/pipeline/dates";

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

function useRetry() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const refresh = async () => {
    await queryClient.invalidateQueries(trpc.admin.mail.pathFilter());
    // The admin navigation's parked badge is drawn by the server layout.
    router.refresh();
  };
  return useMutation(
    trpc.admin.mail.retry.mutationOptions({
      onSuccess: async () => {
        await refresh();
        toast.success("Sending it again now");
      },
      onError: async (error) => {
        toast.error(errorDetails(error).message);
        await refresh();
      },
    }),
  );
}

function Counts({ counts }: { counts: { waiting: number; failing: number; parked: number } }) {
  const items = [
    { label: "Waiting", value: counts.waiting, alarm: false },
    { label: "Retrying", value: counts.failing, alarm: counts.failing > 0 },
    { label: "Parked", value: counts.parked, alarm: counts.parked > 0 },
  ];
  return (
    <dl className="grid grid-cols-3 gap-3">
      {items.map((item) => (
        <div key={item.label} className="rounded-lg bg-slate-50 px-3 py-2">
          <dt className="text-xs font-medium uppercase tracking-wide text-muted">{item.label}</dt>
          <dd
            className={
              item.alarm ? "text-xl font-semibold text-red-700" : "text-xl font-semibold text-ink"
            }
          >
            {item.value}
          </dd>
        </div>
      ))}
    </dl>
  );
}

function StuckMessage({ row }: { row: MailQueueRow }) {
  const retry = useRetry();
  const who = row.recipient ? row.recipient.name : "a recipient who is no longer a user";
  const busy = retry.isPending;
  return (
    <li
      className="flex flex-col gap-3 py-3 sm:flex-row sm:items-start sm:justify-between"
      data-testid="stuck-message"
    >
      <div className="min-w-0 space-y-1 text-sm">
        <p className="font-medium text-ink">
          {mailTopicLabel(row.topic)} to {who}
          {row.recipient ? (
            <span className="break-all font-normal text-muted"> · {row.recipient.email}</span>
          ) : null}
        </p>
        <p className="text-xs text-muted">
          {row.state === "parked" ? "Parked: every retry failed" : "Failing: retried automatically"}{" "}
          · {plural(row.attempts, "attempt", "attempts")} · queued{" "}
          <LocalTime value={row.createdAt} />
        </p>
        {row.lastError ? (
          <p className="break-words font-mono text-xs text-red-800">{row.lastError}</p>
        ) : null}
      </div>
      <Button
        size="sm"
        variant="secondary"
        className="shrink-0 self-start"
        disabled={busy}
        onClick={() => retry.mutate({ outboxId: row.id })}
      >
        {busy ? "Retrying…" : "Retry now"}
        <span className="sr-only">
          {" "}
          the {mailTopicLabel(row.topic).toLowerCase()} to {who}
        </span>
      </Button>
    </li>
  );
}

export function Delivery() {
  const trpc = useTRPC();
  const { data } = useSuspenseQuery({
    ...trpc.admin.mail.queue.queryOptions(),
    // While something is undelivered, look again now and then: the worker may get to it.
    refetchInterval: (query) => {
      const c = query.state.data?.counts;
      return c && c.waiting + c.failing + c.parked > 0 ? 15_000 : false;
    },
  });
  const { counts } = data;
  const stuck = data.rows.filter((r) => r.state !== "waiting");
  const pending = counts.waiting + counts.failing + counts.parked;
  return (
    <section aria-labelledby="delivery-heading">
      <Card className="space-y-4 p-5">
        <h2 id="delivery-heading" className="text-lg font-semibold text-ink">
          Delivery
        </h2>
        <Counts counts={counts} />
        {counts.failing + counts.parked > 0 ? (
          <section
            className="rounded-lg border border-red-200 bg-red-50/60 p-4"
            aria-labelledby="stuck-heading"
          >
            <h3 id="stuck-heading" className="font-semibold text-red-800">
              {counts.parked > 0
                ? `${plural(counts.parked, "message", "messages")} could not be delivered`
                : `${plural(counts.failing, "message is", "messages are")} failing to send`}
            </h3>
            <p className="mt-1 text-sm text-red-900/80">
              Failing messages are retried on their own for about four hours, then parked. Check the
              error (often the SMTP server's address or password), then retry.
            </p>
            <ul className="mt-2 divide-y divide-red-100">
              {stuck.map((row) => (
                <StuckMessage key={row.id} row={row} />
              ))}
            </ul>
            {stuck.length < counts.failing + counts.parked ? (
              <p className="mt-2 text-xs text-muted">
                Showing the first {stuck.length}; retry these and the rest appear.
              </p>
            ) : null}
          </section>
        ) : pending === 0 ? (
          <p className="text-sm text-emerald-800" role="status">
            All messages delivered.
          </p>
        ) : (
          <p className="text-sm text-muted" role="status">
            {plural(counts.waiting, "message is", "messages are")} on the way.
          </p>
        )}
      </Card>
    </section>
  );
}
