"use client";
// The forms behind a data request: erase (the admin types the candidate's name), decline (with a
// reason the candidate is told) and download a candidate's export.
import { Button, Field, Input, Textarea } from "@debrief/ui";
import {
  type ErasureCounts,
  eraseCandidateInput,
  rejectDataRequestInput,
} from "@debrief/validators";
import { toast } from "@debrief/web/toast";
import { errorDetails, showServerErrors, useTRPC } from "@debrief/web/trpc/react";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { downloadJson, exportFileName } from "./download";

type Person = { id: string; name: string };

const countWords: Partial<Record<keyof ErasureCounts, [string, string]>> = {
  interviews: ["interview", "interviews"],
  feedback: ["feedback", "feedback"],
  actionPlans: ["action plan", "action plans"],
  goals: ["goal", "goals"],
  journalEntries: ["journal entry", "journal entries"],
  messages: ["message", "messages"],
  notifications: ["notification", "notifications"],
};

/** "3 interviews, 2 feedback and 1 journal entry" — the headline numbers, for the toast. */
function removedSummary(counts: ErasureCounts): string {
  const parts = (Object.keys(countWords) as (keyof ErasureCounts)[])
    .filter((k) => counts[k] > 0)
    .map((k) => {
      const [one, many] = countWords[k] ?? [k, k];
      return `${counts[k]} ${counts[k] === 1 ? one : many}`;
    });
  if (!parts.length) return "They had no interviews, feedback, plans or journal.";
  const last = parts.pop();
  return `Removed ${parts.length ? `${parts.join(", ")} and ${last}` : last}.`;
}

/** Everything that shows a candidate or a request must forget the erased one. */
function useInvalidateAfterChange() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries(trpc.admin.dataRequests.pathFilter()),
      queryClient.invalidateQueries(trpc.admin.audit.pathFilter()),
      queryClient.invalidateQueries(trpc.candidate.pathFilter()),
      queryClient.invalidateQueries(trpc.interview.pathFilter()),
      queryClient.invalidateQueries(trpc.dashboard.pathFilter()),
    ]);
}

export function useExportCandidate() {
  const trpc = useTRPC();
  const invalidate = useInvalidateAfterChange();
  const mutation = useMutation(trpc.admin.dataRequests.exportCandidate.mutationOptions());
  const run = async (candidate: Person) => {
    try {
      const { data } = await mutation.mutateAsync({ candidateId: candidate.id });
      downloadJson(data, exportFileName(candidate.name, data.exportedAt));
      toast.success(`${candidate.name}'s data is downloading`, {
        description: "The same file they get from their own portal. Recorded in the audit log.",
      });
      await invalidate();
    } catch (error) {
      toast.error(errorDetails(error).message);
    }
  };
  return { run, pending: mutation.isPending };
}

type EraseValues = z.input<typeof eraseCandidateInput>;
type EraseOutput = z.output<typeof eraseCandidateInput>;

export function EraseForm({
  candidate,
  dataRequestId,
  onDone,
  onCancel = onDone,
}: {
  candidate: Person;
  dataRequestId?: string;
  /** After a successful erasure. */
  onDone: () => void;
  onCancel?: () => void;
}) {
  const trpc = useTRPC();
  const invalidate = useInvalidateAfterChange();
  const exporter = useExportCandidate();
  const form = useForm<EraseValues, unknown, EraseOutput>({
    resolver: zodResolver(eraseCandidateInput),
    defaultValues: { candidateId: candidate.id, dataRequestId, confirmation: "" },
  });
  const erase = useMutation(trpc.admin.dataRequests.erase.mutationOptions());

  const onSubmit = form.handleSubmit(async (values) => {
    try {
      const result = await erase.mutateAsync(values);
      await invalidate();
      toast.success(
        result.alreadyErased
          ? `${candidate.name} was already erased`
          : `${candidate.name}'s data was erased`,
        { description: result.alreadyErased ? undefined : removedSummary(result.counts) },
      );
      onDone();
    } catch (error) {
      showServerErrors(form.setError, error, ["confirmation"]);
    }
  });

  const errors = form.formState.errors;
  return (
    <form
      onSubmit={onSubmit}
      noValidate
      aria-label={`Erase ${candidate.name}'s data`}
      className="max-w-2xl space-y-4"
    >
      <div className="rounded-lg border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-900">
        <p className="font-medium">This cannot be undone.</p>
        <p className="mt-1">
          {candidate.name}'s interviews, feedback and its revisions, ratings and questions, action
          plans, goals, journal and notifications are deleted, and their sign-in stops working at
          once. The request and the audit log keep a record that an erasure happened, without any of
          it.
        </p>
      </div>
      <Field
        label={`Type “${candidate.name}” to confirm`}
        error={errors.confirmation?.message}
        className="max-w-md"
      >
        {(p) => (
          <Input
            {...p}
            {...form.register("confirmation")}
            autoComplete="off"
            autoFocus
            spellCheck={false}
          />
        )}
      </Field>
      <div className="flex flex-wrap gap-2">
        <Button type="submit" variant="danger" disabled={form.formState.isSubmitting}>
          {form.formState.isSubmitting ? "Erasing…" : "Erase their data"}
        </Button>
        <Button
          variant="secondary"
          onClick={() => exporter.run(candidate)}
          disabled={exporter.pending}
        >
          {exporter.pending ? "Preparing…" : "Download their data first"}
        </Button>
        <Button variant="ghost" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

type DeclineValues = z.input<typeof rejectDataRequestInput>;
type DeclineOutput = z.output<typeof rejectDataRequestInput>;

export function DeclineForm({
  candidate,
  dataRequestId,
  onDone,
}: {
  candidate: Person;
  dataRequestId: string;
  onDone: () => void;
}) {
  const trpc = useTRPC();
  const invalidate = useInvalidateAfterChange();
  const form = useForm<DeclineValues, unknown, DeclineOutput>({
    resolver: zodResolver(rejectDataRequestInput),
    defaultValues: { dataRequestId, reason: "" },
  });
  const reject = useMutation(trpc.admin.dataRequests.reject.mutationOptions());

  const onSubmit = form.handleSubmit(async (values) => {
    try {
      await reject.mutateAsync(values);
      await invalidate();
      toast.success(`${candidate.name}'s request was declined`, {
        description: "They have been told, with your reason.",
      });
      onDone();
    } catch (error) {
      showServerErrors(form.setError, error, ["reason"]);
    }
  });

  const errors = form.formState.errors;
  return (
    <form
      onSubmit={onSubmit}
      noValidate
      aria-label={`Decline ${candidate.name}'s request`}
      className="max-w-2xl space-y-4"
    >
      <Field
        label="Why you are declining"
        hint={`${candidate.name} sees this reason in their notifications. Say what you must keep and for how long, e.g. a legal hold.`}
        error={errors.reason?.message}
      >
        {(p) => <Textarea {...p} {...form.register("reason")} rows={3} autoFocus />}
      </Field>
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={form.formState.isSubmitting}>
          {form.formState.isSubmitting ? "Declining…" : "Decline request"}
        </Button>
        <Button variant="ghost" onClick={onDone}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
