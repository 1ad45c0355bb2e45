"use client";
// Questions about this feedback: the conversation with the consultant, newest at the bottom.
import { Button, Card, cn, Field, Textarea } from "@debrief/ui";
import type { MyThreadMessage } from "@debrief/validators";
import { toast } from "@debrief/web/toast";
import { errorDetails, useTRPC } from "@debrief/web/trpc/react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";

const timeFormat = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
});

export function ClarificationThread({
  feedbackId,
  thread,
  consultantName,
}: {
  feedbackId: string;
  thread: MyThreadMessage[];
  consultantName: string;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const ask = useMutation(trpc.myFeedback.ask.mutationOptions());
  // One box, checked by the server (askQuestionInput), whose field error comes back under it: plain
  // state rather than a form library, so the page, which always shows this box, loads neither
  // react-hook-form nor zod for it.
  const [body, setBody] = useState("");
  const [error, setError] = useState<string>();
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    try {
      await ask.mutateAsync({ feedbackId, body });
      setBody("");
      await queryClient.invalidateQueries(trpc.myFeedback.byId.pathFilter());
      toast.success(`Sent. We've let ${consultantName} know.`);
    } catch (err) {
      const { message, fieldErrors } = errorDetails(err);
      setError(fieldErrors.body?.[0]);
      toast.error(message);
    }
  };
  const busy = ask.isPending;
  return (
    <Card className="space-y-4 p-5 sm:p-6" aria-labelledby="thread-heading" role="region">
      <div>
        <h2 id="thread-heading" className="text-base font-semibold text-ink">
          Questions about this feedback
        </h2>
        <p className="text-sm text-muted">
          Something unclear, or want an example? Ask {consultantName} — no question is too small.
        </p>
      </div>
      {thread.length > 0 ? (
        <ol className="space-y-3" aria-label="Conversation">
          {thread.map((m) => (
            <li
              key={m.id}
              className={cn(
                "max-w-[85%] rounded-xl px-4 py-3",
                m.mine ? "ml-auto bg-brand-50" : "mr-auto border border-line bg-white",
              )}
            >
              <p className="text-xs text-muted">
                <span className="font-semibold text-ink">{m.mine ? "You" : m.authorName}</span> ·{" "}
                <time dateTime={m.createdAt.toISOString()}>{timeFormat.format(m.createdAt)}</time>
              </p>
              <p className="mt-1 whitespace-pre-line text-sm leading-relaxed text-ink">{m.body}</p>
            </li>
          ))}
        </ol>
      ) : null}
      {thread.length > 0 && thread[thread.length - 1]?.mine ? (
        <p className="text-sm text-muted">
          {consultantName} has been told about your question and will answer here.
        </p>
      ) : null}
      <form onSubmit={onSubmit} noValidate className="space-y-2" aria-label="Ask a question">
        <Field label="Your question" error={error}>
          {(p) => (
            <Textarea
              {...p}
              name="body"
              value={body}
              onChange={(e) => setBody(e.target.value)}
              rows={3}
              placeholder="For example: which of my answers ran long?"
            />
          )}
        </Field>
        <div className="flex justify-end">
          <Button type="submit" disabled={busy}>
            {busy ? "Sending…" : "Send question"}
          </Button>
        </div>
      </form>
    </Card>
  );
}
