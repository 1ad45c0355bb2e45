"use client";
// One text box and a button: answering a question and commenting on a goal. Validated in the
// browser by the procedure's own schema and again by the server; on failure the text stays.
import { Button, Field, Textarea } from "@debrief/ui";
import { clarificationAnswerInput, goalCommentInput } from "@debrief/validators";
import { toast } from "@debrief/web/toast";
import { errorDetails } from "@debrief/web/trpc/react";
import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";

const schemas = {
  answer: clarificationAnswerInput.pick({ body: true }),
  comment: goalCommentInput.pick({ body: true }),
};

type Values = { body: string };

export function PostForm({
  kind,
  label,
  formLabel,
  hint,
  placeholder,
  submitLabel,
  onPost,
}: {
  kind: keyof typeof schemas;
  label: string;
  /** Names the form among several alike on the page (one per goal, one per thread). */
  formLabel?: string;
  hint?: string;
  placeholder?: string;
  submitLabel: string;
  /** Sends the text; throws the server's error, which lands beside the field. */
  onPost: (body: string) => Promise<void>;
}) {
  const form = useForm<Values>({
    resolver: zodResolver(schemas[kind]),
    defaultValues: { body: "" },
  });
  const onSubmit = form.handleSubmit(async ({ body }) => {
    try {
      await onPost(body);
      form.reset({ body: "" });
    } catch (error) {
      const { message, fieldErrors } = errorDetails(error);
      const bodyError = fieldErrors.body?.[0];
      if (bodyError) form.setError("body", { message: bodyError });
      toast.error(message);
    }
  });
  const busy = form.formState.isSubmitting;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-2" aria-label={formLabel ?? label}>
      <Field label={label} hint={hint} error={form.formState.errors.body?.message}>
        {(p) => <Textarea {...p} {...form.register("body")} rows={2} placeholder={placeholder} />}
      </Field>
      <div className="flex justify-end">
        <Button type="submit" size="sm" disabled={busy}>
          {busy ? "Sending…" : submitLabel}
        </Button>
      </div>
    </form>
  );
}
