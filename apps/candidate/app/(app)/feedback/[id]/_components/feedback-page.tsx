"use client";
import { Card } from "@debrief/ui";
import { FeedbackView } from "@debrief/ui/feedback-view";
import { useTRPC } from "@debrief/web/trpc/react";
import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { useEffect } from "react";

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
  return (
    <Card className="p-6 sm:p-8">
      <FeedbackView feedback={data} />
    </Card>
  );
}
