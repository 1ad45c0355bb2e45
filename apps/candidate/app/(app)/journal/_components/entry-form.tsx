"use client";
// Writing or editing a journal entry. Validated in the browser with the same limits as the server;
// the server's field errors land beside the field, and what was typed stays on error.
import { Button, Field, Input, Select, Textarea } from "@debrief/ui";
import {
  type JournalEntry,
  type JournalKind,
  type JournalOptions,
  journalKindLabels,
  journalKinds,
  stageLabels,
  text,
} from "@debrief/validators";
import { toast } from "@debrief/web/toast";
import { errorDetails } from "@debrief/web/trpc/react";
import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import { z } from "zod";

const formSchema = z.object({
  kind: z.enum(journalKinds, { error: "Choose what kind of entry this is" }),
  title: text(200),
  body: text(5000),
  /** "", "interview:<id>" or "goal:<id>": one select for the optional link. */
  link: z.string(),
});
type FormValues = z.infer<typeof formSchema>;

export type EntryValues = {
  kind: JournalKind;
  title: string;
  body: string;
  interviewId: string | null;
  goalId: string | null;
};

const prompts: Record<JournalKind, { title: string; body: string }> = {
  reflection: {
    title: "e.g. What I learned from the final round",
    body: "What went well? What would you do differently next time?",
  },
  win: {
    title: "e.g. Got through to the second round",
    body: "What happened, and what did you do that made it happen? Give yourself the credit.",
  },
  preparation: {
    title: "e.g. Stories to practise for Thursday",
    body: "Questions to ask, examples to rehearse, things to look up…",
  },
};

const dateFormat = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  year: "numeric",
});

export function EntryForm({
  entry,
  options,
  defaultKind,
  onSave,
  onCancel,
}: {
  entry?: JournalEntry;
  options: JournalOptions;
  defaultKind?: JournalKind;
  onSave: (values: EntryValues) => Promise<void>;
  onCancel: () => void;
}) {
  const form = useForm<FormValues>({
    resolver: zodResolver(formSchema),
    defaultValues: {
      kind: entry?.kind ?? defaultKind ?? "reflection",
      title: entry?.title ?? "",
      body: entry?.body ?? "",
      link: entry?.interview
        ? `interview:${entry.interview.id}`
        : entry?.goal
          ? `goal:${entry.goal.id}`
          : "",
    },
  });
  const kind = form.watch("kind");
  const errors = form.formState.errors;

  const onSubmit = form.handleSubmit(async (values) => {
    const [type, id] = values.link.split(":");
    try {
      await onSave({
        kind: values.kind,
        title: values.title,
        body: values.body,
        interviewId: type === "interview" && id ? id : null,
        goalId: type === "goal" && id ? id : null,
      });
    } catch (error) {
      const { message, fieldErrors } = errorDetails(error);
      for (const field of ["kind", "title", "body"] as const) {
        const first = fieldErrors[field]?.[0];
        if (first) form.setError(field, { message: first });
      }
      const linkError = fieldErrors.interviewId?.[0] ?? fieldErrors.goalId?.[0];
      if (linkError) form.setError("link", { message: linkError });
      toast.error(message);
    }
  });

  const busy = form.formState.isSubmitting;
  return (
    <form
      onSubmit={onSubmit}
      noValidate
      className="space-y-4"
      aria-label={entry ? "Edit entry" : "New journal entry"}
    >
      <div className="grid gap-4 sm:grid-cols-[12rem_1fr]">
        <Field label="Kind" error={errors.kind?.message}>
          {(p) => (
            <Select {...p} {...form.register("kind")}>
              {journalKinds.map((k) => (
                <option key={k} value={k}>
                  {journalKindLabels[k]}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field label="Title" error={errors.title?.message}>
          {(p) => <Input {...p} {...form.register("title")} placeholder={prompts[kind].title} />}
        </Field>
      </div>
      <Field label="Your notes" error={errors.body?.message}>
        {(p) => (
          <Textarea {...p} {...form.register("body")} rows={5} placeholder={prompts[kind].body} />
        )}
      </Field>
      <Field
        label="Linked to (optional)"
        hint="Tie this entry to one of your interviews or goals, so you can find it when it matters."
        error={errors.link?.message}
      >
        {(p) => (
          <Select {...p} {...form.register("link")}>
            <option value="">Nothing in particular</option>
            {options.interviews.length ? (
              <optgroup label="Interviews">
                {options.interviews.map((i) => (
                  <option key={i.id} value={`interview:${i.id}`}>
                    {i.jobTitle} at {i.clientName} · {stageLabels[i.stage]} ·{" "}
                    {dateFormat.format(i.scheduledAt)}
                  </option>
                ))}
              </optgroup>
            ) : null}
            {options.goals.length ? (
              <optgroup label="Goals">
                {options.goals.map((g) => (
                  <option key={g.id} value={`goal:${g.id}`}>
                    {g.title}
                  </option>
                ))}
              </optgroup>
            ) : null}
          </Select>
        )}
      </Field>
      <div className="flex justify-end gap-2">
        <Button variant="ghost" onClick={onCancel} disabled={busy}>
          Cancel
        </Button>
        <Button type="submit" disabled={busy}>
          {busy ? "Saving…" : entry ? "Save changes" : "Save entry"}
        </Button>
      </div>
    </form>
  );
}
