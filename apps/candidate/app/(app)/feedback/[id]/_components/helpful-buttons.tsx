"use client";
// "Was this helpful?" under one point: yes or no, changeable, with an optional comment.
import { Button } from "@debrief/ui";
import type { ItemResponse } from "@debrief/validators";
import { toast } from "@debrief/web/toast";
import { errorDetails, useTRPC } from "@debrief/web/trpc/react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import dynamic from "next/dynamic";
import { useState } from "react";

// The comment form, its validation and the form library load when it is opened, not with the page.
const CommentForm = dynamic(() => import("./comment-form").then((m) => m.CommentForm), {
  ssr: false,
});

export function HelpfulButtons({
  itemId,
  response,
}: {
  itemId: string;
  response: ItemResponse | null;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const respond = useMutation(
    trpc.myFeedback.respond.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries(trpc.myFeedback.byId.pathFilter()),
    }),
  );

  const rate = (helpful: boolean) =>
    respond.mutate(
      { itemId, helpful, comment: response?.comment ?? null },
      {
        onSuccess: () => {
          toast.success(helpful ? "Thanks, glad it helped" : "Thanks for telling us");
          if (!helpful && !response?.comment) setEditing(true);
        },
        onError: (error) => toast.error(errorDetails(error).message),
      },
    );

  const current = response?.helpful;
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center gap-2">
        <fieldset className="flex flex-wrap items-center gap-2">
          <legend className="sr-only">Was this helpful?</legend>
          <span aria-hidden className="text-sm text-muted">
            Was this helpful?
          </span>
          <Button
            size="sm"
            variant={current === true ? "primary" : "secondary"}
            aria-pressed={current === true}
            disabled={respond.isPending}
            onClick={() => rate(true)}
          >
            Yes
          </Button>
          <Button
            size="sm"
            variant={current === false ? "primary" : "secondary"}
            aria-pressed={current === false}
            disabled={respond.isPending}
            onClick={() => rate(false)}
          >
            No
          </Button>
        </fieldset>
        {response && !editing ? (
          <Button size="sm" variant="ghost" onClick={() => setEditing(true)}>
            {response.comment ? "Edit comment" : "Add a comment"}
          </Button>
        ) : null}
      </div>
      {response?.comment && !editing ? (
        <p className="text-sm text-muted">
          <span className="font-medium text-ink">Your comment:</span> {response.comment}
        </p>
      ) : null}
      {response && editing ? (
        <CommentForm itemId={itemId} response={response} onClose={() => setEditing(false)} />
      ) : null}
    </div>
  );
}
