"use client";
// The candidate's feedback page: the shared view, with "was this helpful?" and "make this a goal"
// under each point, then acknowledging and the clarification thread.
import { Card } from "@debrief/ui";
import { FeedbackView } from "@debrief/ui/feedback-view";
import { useTRPC } from "@debrief/web/trpc/react";
import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { useEffect } from "react";
import { Acknowledge } from "./acknowledge";
import { ClarificationThread } from "./clarification-thread";
import { GoalFromItem } from "./goal-from-item";
import { HelpfulButtons } from "./helpful-buttons";
import { WhatChanged } from "./what-changed";

export function FeedbackPage({ id }: { id: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data } = useSuspenseQuery(trpc.myFeedback.byId.queryOptions({ id }));
  const { mutate: markRead } = useMutation(
    trpc.myFeedback.markRead.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries(trpc.myFeedback.list.pathFilter()),
    }),
  );
  useEffect(() => markRead({ id }), [id, markRead]);
  const responses = new Map(data.responses.map((r) => [r.itemId, r]));
  return (
    <div className="space-y-6">
      <WhatChanged feedback={data} />
      <Card className="p-6 sm:p-8">
        <FeedbackView
          feedback={data}
          itemFooter={(item) => (
            <div className="space-y-3">
              <HelpfulButtons itemId={item.id} response={responses.get(item.id) ?? null} />
              {item.kind === "gap" ? (
                <GoalFromItem item={item} goals={data.goals.filter((g) => g.itemId === item.id)} />
              ) : null}
            </div>
          )}
        />
      </Card>
      <Acknowledge
        feedbackId={data.id}
        acknowledgedAt={data.acknowledgedAt}
        consultantName={data.consultantName}
      />
      <ClarificationThread
        feedbackId={data.id}
        thread={data.thread}
        consultantName={data.consultantName}
      />
    </div>
  );
}
