"use client";
// Letting the consultant know the feedback was read; recorded once.
import { Button, Card } from "@debrief/ui";
import { toast } from "@debrief/web/toast";
import { errorDetails, useTRPC } from "@debrief/web/trpc/react";
import { useMutation, useQueryClient } from "@tanstack/react-query";

const dateFormat = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "long",
  year: "numeric",
});

export function Acknowledge({
  feedbackId,
  acknowledgedAt,
  consultantName,
}: {
  feedbackId: string;
  acknowledgedAt: Date | null;
  consultantName: string;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const acknowledge = useMutation(
    trpc.myFeedback.acknowledge.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries(trpc.myFeedback.pathFilter());
        toast.success(`Thanks. ${consultantName} will see that you've read it.`);
      },
      onError: (error) => toast.error(errorDetails(error).message),
    }),
  );
  return (
    <Card className="flex flex-wrap items-center justify-between gap-4 p-5">
      {acknowledgedAt ? (
        <p className="text-sm text-ink" data-testid="acknowledged">
          <span aria-hidden className="mr-1 text-emerald-700">
            ✓
          </span>
          Acknowledged on {dateFormat.format(acknowledgedAt)}
        </p>
      ) : (
        <>
          <div>
            <p className="font-medium text-ink">Read it all?</p>
            <p className="text-sm text-muted">
              Let {consultantName} know you&rsquo;ve seen this feedback. You can still ask questions
              afterwards.
            </p>
          </div>
          <Button
            disabled={acknowledge.isPending}
            onClick={() => acknowledge.mutate({ feedbackId })}
          >
            {acknowledge.isPending ? "Saving…" : "Acknowledge"}
          </Button>
        </>
      )}
    </Card>
  );
}
