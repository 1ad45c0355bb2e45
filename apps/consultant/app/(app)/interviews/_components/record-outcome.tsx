"use client";
// The inline form under an interview row: the outcome and the day it was decided. A rejection
// puts the interview on the dashboard's feedback queue.
import { Button, Field, Input, Select } from "@debrief/ui";
import {
  type InterviewRow,
  outcomeLabels,
  recordableOutcomes,
  recordOutcomeInput,
} from "@debrief/validators";
import { toast } from "@debrief/web/toast";
import { errorDetails, useTRPC } from "@debrief/web/trpc/react";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { LocalTime, localDay } from "~/pipeline/dates";

const formSchema = z.object({
  outcome: recordOutcomeInput.shape.outcome,
  day: z.iso.date({ error: "Choose the day it was decided" }),
});
type FormValues = z.infer<typeof formSchema>;

/**
 * The moment the outcome is recorded at: now when it is today; otherwise midday of that day, never
 * before the interview itself.
 */
function momentOf(day: string, scheduledAt: Date): Date {
  const now = new Date();
  if (day === localDay(now)) return now;
  const [y, m, d] = day.split("-").map(Number);
  const midday = new Date(y ?? 0, (m ?? 1) - 1, d ?? 1, 12);
  return midday < scheduledAt ? scheduledAt : midday;
}

export function RecordOutcome({
  interview,
  me,
  onDone,
}: {
  interview: InterviewRow;
  me: string;
  onDone: () => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const today = localDay(new Date());
  const earliest = localDay(interview.scheduledAt);
  const current = interview.outcome === "pending" ? undefined : interview.outcome;
  const form = useForm<FormValues>({
    resolver: zodResolver(
      formSchema
        .refine((v) => v.day <= today, {
          path: ["day"],
          error: "must not be in the future",
        })
        .refine((v) => v.day >= earliest, {
          path: ["day"],
          error: "must not be before the interview",
        }),
    ),
    defaultValues: {
      outcome: current,
      day: interview.outcomeAt ? localDay(interview.outcomeAt) : today,
    },
  });
  const record = useMutation(trpc.interview.recordOutcome.mutationOptions());

  const onSubmit = form.handleSubmit(async (values) => {
    try {
      const result = await record.mutateAsync({
        id: interview.id,
        outcome: values.outcome,
        // Re-saving the same day keeps the stored moment (it may be pinned by published feedback).
        outcomeAt:
          interview.outcomeAt && localDay(interview.outcomeAt) === values.day
            ? interview.outcomeAt
            : momentOf(values.day, interview.scheduledAt),
      });
      await Promise.all([
        queryClient.invalidateQueries(trpc.interview.pathFilter()),
        queryClient.invalidateQueries(trpc.candidate.pathFilter()),
        queryClient.invalidateQueries(trpc.feedback.pathFilter()),
        queryClient.invalidateQueries(trpc.dashboard.pathFilter()),
      ]);
      if (result.feedbackOwed) {
        const whose = interview.consultantId === me ? "your" : `${interview.consultantName}'s`;
        toast.success(`Added to ${whose} feedback queue`, {
          description: (
            <Link
              href={`/interviews/${interview.id}/feedback`}
              className="font-medium text-brand-700 underline"
            >
              Write feedback for {interview.candidateName} now
            </Link>
          ),
        });
      } else {
        toast.success(`Outcome saved: ${outcomeLabels[result.outcome].toLowerCase()}`);
      }
      onDone();
    } catch (error) {
      const { message, fieldErrors } = errorDetails(error);
      if (fieldErrors.outcome?.[0]) form.setError("outcome", { message: fieldErrors.outcome[0] });
      if (fieldErrors.outcomeAt?.[0]) form.setError("day", { message: fieldErrors.outcomeAt[0] });
      toast.error(message);
    }
  });

  if (earliest > today) {
    return (
      <div id={`outcome-${interview.id}`} className="flex flex-wrap items-center gap-3 text-sm">
        <p className="text-muted">
          This interview is on <LocalTime value={interview.scheduledAt} />. Record its outcome once
          it has taken place, or edit it if the date is wrong.
        </p>
        <Button variant="ghost" size="sm" onClick={onDone}>
          Close
        </Button>
      </div>
    );
  }

  const errors = form.formState.errors;
  return (
    <form
      id={`outcome-${interview.id}`}
      onSubmit={onSubmit}
      noValidate
      aria-label={`Outcome of ${interview.candidateName}'s interview`}
      className="flex flex-wrap items-start gap-4"
    >
      <Field label="Outcome" error={errors.outcome?.message} className="w-full sm:w-48">
        {(p) => (
          <Select {...p} {...form.register("outcome")} autoFocus>
            <option value="">Choose…</option>
            {recordableOutcomes.map((o) => (
              <option key={o} value={o}>
                {outcomeLabels[o]}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Field label="Decided on" error={errors.day?.message} className="w-full sm:w-44">
        {(p) => <Input {...p} {...form.register("day")} type="date" min={earliest} max={today} />}
      </Field>
      <div className="flex gap-2 sm:pt-6">
        <Button type="submit" size="md" disabled={form.formState.isSubmitting}>
          {form.formState.isSubmitting ? "Saving…" : "Save outcome"}
        </Button>
        <Button variant="ghost" onClick={onDone}>
          Cancel
        </Button>
      </div>
      {form.watch("outcome") === "rejected" && interview.outcome !== "rejected" ? (
        <p className="basis-full text-xs text-muted">
          Saving a rejection adds this interview to the feedback queue with its SLA clock running
          from the day you choose.
        </p>
      ) : null}
    </form>
  );
}
