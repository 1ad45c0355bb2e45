"use client";
// "Was this helpful?" under one point: yes or no, changeable, with an optional comment.
import { Button, Field, Textarea } from "@debrief/ui";
import { type ItemResponse, respondToItemInput } from "@debrief/validators";
import { toast } from "@debrief/web/toast";
import { errorDetails, useTRPC } from "@debrief/web/trpc/react";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";

const commentSchema = respondToItemInput.pick({ comment: true });
type CommentForm = z.input<typeof commentSchema>;
type CommentValues = z.output<typeof commentSchema>;

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
  const form = useForm<CommentForm, unknown, CommentValues>({
    resolver: zodResolver(commentSchema),
    defaultValues: { comment: response?.comment ?? "" },
  });

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

  const saveComment = form.handleSubmit(async ({ comment }) => {
    if (!response) return;
    try {
      await respond.mutateAsync({ itemId, helpful: response.helpful, comment });
      toast.success("Comment saved");
      setEditing(false);
    } catch (error) {
      const { message, fieldErrors } = errorDetails(error);
      const commentError = fieldErrors.comment?.[0];
      if (commentError) form.setError("comment", { message: commentError });
      toast.error(message);
    }
  });

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
        <form onSubmit={saveComment} noValidate className="space-y-2" aria-label="Your comment">
          <Field
            label="Your comment (optional)"
            hint="Only your consultant sees this. What would have made this point more useful?"
            error={form.formState.errors.comment?.message}
          >
            {(p) => <Textarea {...p} {...form.register("comment")} rows={2} />}
          </Field>
          <div className="flex justify-end gap-2">
            <Button size="sm" variant="ghost" onClick={() => setEditing(false)}>
              Cancel
            </Button>
            <Button type="submit" size="sm" disabled={form.formState.isSubmitting}>
              {form.formState.isSubmitting ? "Saving…" : "Save comment"}
            </Button>
          </div>
        </form>
      ) : null}
    </div>
  );
}
