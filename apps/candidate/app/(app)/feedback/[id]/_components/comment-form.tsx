"use client";
// The optional comment under "Was this helpful?", once the candidate has answered yes or no.
import { Button, Field, Textarea } from "@debrief/ui";
import { type ItemResponse, respondToItemInput } from "@debrief/validators";
import { toast } from "@debrief/web/toast";
import { errorDetails, useTRPC } from "@debrief/web/trpc/react";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useForm } from "react-hook-form";
import type { z } from "zod";

const commentSchema = respondToItemInput.pick({ comment: true });
type CommentForm = z.input<typeof commentSchema>;
type CommentValues = z.output<typeof commentSchema>;

export function CommentForm({
  itemId,
  response,
  onClose,
}: {
  itemId: string;
  response: ItemResponse;
  onClose: () => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const respond = useMutation(
    trpc.myFeedback.respond.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries(trpc.myFeedback.byId.pathFilter()),
    }),
  );
  const form = useForm<CommentForm, unknown, CommentValues>({
    resolver: zodResolver(commentSchema),
    defaultValues: { comment: response.comment ?? "" },
  });
  const saveComment = form.handleSubmit(async ({ comment }) => {
    try {
      await respond.mutateAsync({ itemId, helpful: response.helpful, comment });
      toast.success("Comment saved");
      onClose();
    } catch (error) {
      const { message, fieldErrors } = errorDetails(error);
      const commentError = fieldErrors.comment?.[0];
      if (commentError) form.setError("comment", { message: commentError });
      toast.error(message);
    }
  });
  return (
    <form onSubmit={saveComment} noValidate className="space-y-2" aria-label="Your comment">
      <Field
        label="Your comment (optional)"
        hint="Only your consultant sees this. What would have made this point more useful?"
        error={form.formState.errors.comment?.message}
      >
        {(p) => <Textarea {...p} {...form.register("comment")} rows={2} />}
      </Field>
      <div className="flex justify-end gap-2">
        <Button size="sm" variant="ghost" onClick={onClose}>
          Cancel
        </Button>
        <Button type="submit" size="sm" disabled={form.formState.isSubmitting}>
          {form.formState.isSubmitting ? "Saving…" : "Save comment"}
        </Button>
      </div>
    </form>
  );
}
