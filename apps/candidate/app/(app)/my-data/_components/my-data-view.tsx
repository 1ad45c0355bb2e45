"use client";
// Download the export (served as a file by /api/my-data) and ask for erasure, once.
import { Badge, Button, buttonClass, Card } from "@debrief/ui";
import { toast } from "@debrief/web/toast";
import { errorDetails, useTRPC } from "@debrief/web/trpc/react";
import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { useState } from "react";

const dateFormat = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "long",
  year: "numeric",
});
const statusLabels = { pending: "Pending", completed: "Completed", rejected: "Declined" } as const;
const statusTones = { pending: "amber", completed: "green", rejected: "neutral" } as const;

export function MyDataView({ agencyName }: { agencyName: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data: requests } = useSuspenseQuery(trpc.myData.requests.queryOptions());
  const [confirming, setConfirming] = useState(false);
  const erase = useMutation(
    trpc.myData.requestErasure.mutationOptions({
      onSettled: () => queryClient.invalidateQueries(trpc.myData.pathFilter()),
    }),
  );
  const pending = requests.find((r) => r.kind === "erasure" && r.status === "pending");

  const onErase = async () => {
    try {
      await erase.mutateAsync();
      toast.success("Your request has been sent", {
        description: `${agencyName}'s administrators have been told and will be in touch.`,
      });
    } catch (error) {
      toast.error(errorDetails(error).message);
    } finally {
      setConfirming(false);
    }
  };

  return (
    <div className="grid max-w-3xl gap-6">
      <Card className="p-5">
        <h2 className="text-lg font-semibold text-ink">Download your data</h2>
        <p className="mt-1 text-sm text-muted">
          One file (JSON) with everything {agencyName} holds about you: your profile, your
          interviews, the feedback shared with you and its earlier versions, your ratings and
          questions, your action plans, goals and steps, your journal and your notifications.
        </p>
        <a
          href="/api/my-data"
          download
          className={`${buttonClass("primary")} mt-4`}
          data-testid="download-my-data"
        >
          Download everything about me
        </a>
      </Card>

      <Card className="p-5">
        <h2 className="text-lg font-semibold text-ink">Ask for your data to be erased</h2>
        <p className="mt-1 text-sm text-muted">
          {agencyName}'s administrators will review your request and delete your records, except
          anything the law requires them to keep. You may want to download your data first — once
          erased, your feedback, plans and journal can't be recovered.
        </p>
        {pending ? (
          <p className="mt-4 flex flex-wrap items-center gap-2 text-sm text-ink" role="status">
            <Badge tone="amber">Pending</Badge>
            You asked on {dateFormat.format(pending.createdAt)}. The agency is dealing with it;
            there's nothing more you need to do.
          </p>
        ) : confirming ? (
          <div
            role="alertdialog"
            aria-label="Confirm erasure request"
            className="mt-4 flex flex-wrap items-center gap-3 rounded-lg border border-red-200 bg-red-50 px-4 py-3"
          >
            <p className="flex-1 text-sm text-red-800">Send a request to erase all your data?</p>
            <Button variant="secondary" size="sm" onClick={() => setConfirming(false)} autoFocus>
              Cancel
            </Button>
            <Button variant="danger" size="sm" onClick={onErase} disabled={erase.isPending}>
              {erase.isPending ? "Sending…" : "Yes, request erasure"}
            </Button>
          </div>
        ) : (
          <Button variant="secondary" className="mt-4" onClick={() => setConfirming(true)}>
            Request erasure
          </Button>
        )}
      </Card>

      {requests.length ? (
        <section aria-labelledby="requests-heading">
          <h2 id="requests-heading" className="mb-2 text-sm font-semibold text-ink">
            Your requests
          </h2>
          <Card>
            <ul className="divide-y divide-line">
              {requests.map((r) => (
                <li
                  key={r.id}
                  className="flex flex-wrap items-center justify-between gap-3 px-5 py-3 text-sm"
                >
                  <span className="text-ink">
                    {r.kind === "erasure" ? "Erase my data" : "Export my data"} · asked{" "}
                    {dateFormat.format(r.createdAt)}
                    {r.completedAt ? ` · closed ${dateFormat.format(r.completedAt)}` : ""}
                  </span>
                  <Badge tone={statusTones[r.status]}>{statusLabels[r.status]}</Badge>
                </li>
              ))}
            </ul>
          </Card>
        </section>
      ) : null}
    </div>
  );
}
