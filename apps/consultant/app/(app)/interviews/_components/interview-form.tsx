"use client";
// Create or edit an interview: candidate (searchable), job, consultant, stage, date and time.
// Validated by the procedure's own schema in the browser and on the server.
import { Card, Field, Input, Select } from "@debrief/ui";
import {
  type InterviewOutput,
  interviewStages,
  interviewUpdateInput,
  stageLabels,
} from "@debrief/validators";
import { toast } from "@debrief/web/toast";
import { showServerErrors, useTRPC } from "@debrief/web/trpc/react";
import { zodResolver } from "@hookform/resolvers/zod";
import {
  keepPreviousData,
  useMutation,
  useQuery,
  useQueryClient,
  useSuspenseQuery,
} from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { Controller, useForm } from "react-hook-form";
import type { z } from "zod";
import { localDateTime, parseLocalDateTime } from "~/pipeline/dates";
import { FormActions } from "~/pipeline/forms";

const formSchema = interviewUpdateInput.omit({ id: true });
type FormInput = z.input<typeof formSchema>;
type FormOutput = z.output<typeof formSchema>;
const fields = ["candidateId", "jobId", "consultantId", "stage", "scheduledAt"] as const;

export function EditInterview({ id, me }: { id: string; me: string }) {
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.interview.byId.queryOptions({ id }));
  return <InterviewForm existing={data} me={me} />;
}

/** A search box narrowing a select of candidates; the current choice always stays listed. */
function CandidatePicker({
  value,
  onChange,
  onBlur,
  error,
}: {
  value: string;
  onChange: (id: string) => void;
  onBlur: () => void;
  error?: string;
}) {
  const trpc = useTRPC();
  const [search, setSearch] = useState("");
  const [q, setQ] = useState("");
  useEffect(() => {
    const timer = setTimeout(() => setQ(search.trim()), 250);
    return () => clearTimeout(timer);
  }, [search]);
  const options = useQuery({
    ...trpc.candidate.options.queryOptions({ q: q || undefined, includeId: value || undefined }),
    placeholderData: keepPreviousData,
  });
  const list = options.data ?? [];
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <Field label="Find a candidate" hint="Type part of a name or email.">
        {(p) => (
          <Input
            {...p}
            type="search"
            value={search}
            autoComplete="off"
            onChange={(e) => setSearch(e.target.value)}
          />
        )}
      </Field>
      <Field
        label="Candidate"
        error={error}
        hint={options.isFetching ? "Searching…" : `${list.length} shown`}
      >
        {(p) => (
          <Select {...p} value={value} onBlur={onBlur} onChange={(e) => onChange(e.target.value)}>
            <option value="">Choose a candidate</option>
            {list.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name} · {c.email}
              </option>
            ))}
          </Select>
        )}
      </Field>
    </div>
  );
}

export function InterviewForm({
  existing,
  me,
  candidateId,
  jobId,
}: {
  existing?: InterviewOutput;
  me: string;
  candidateId?: string;
  jobId?: string;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const { data: options } = useSuspenseQuery(trpc.interview.formOptions.queryOptions());
  const form = useForm<FormInput, unknown, FormOutput>({
    resolver: zodResolver(formSchema),
    defaultValues: {
      candidateId: existing?.candidateId ?? candidateId ?? "",
      jobId: existing?.jobId ?? jobId ?? "",
      consultantId: existing?.consultantId ?? me,
      stage: existing?.stage ?? "first",
      scheduledAt: existing?.scheduledAt,
    },
  });
  const create = useMutation(trpc.interview.create.mutationOptions());
  const update = useMutation(trpc.interview.update.mutationOptions());
  const fixed = Boolean(existing?.feedbackStatus);

  const onSubmit = form.handleSubmit(async (values) => {
    try {
      if (existing) await update.mutateAsync({ id: existing.id, ...values });
      else await create.mutateAsync(values);
      await Promise.all([
        queryClient.invalidateQueries(trpc.interview.pathFilter()),
        queryClient.invalidateQueries(trpc.candidate.pathFilter()),
        queryClient.invalidateQueries(trpc.job.pathFilter()),
        queryClient.invalidateQueries(trpc.client.pathFilter()),
      ]);
      toast.success(existing ? "Interview saved" : "Interview added");
      router.push(existing ? "/interviews" : `/interviews?candidate=${values.candidateId}`);
    } catch (error) {
      showServerErrors(form.setError, error, fields);
    }
  });

  // Group jobs by client for the select.
  const byClient = new Map<string, { id: string; title: string }[]>();
  for (const job of options.jobs) {
    byClient.set(job.clientName, [...(byClient.get(job.clientName) ?? []), job]);
  }
  // People who have left stay on their interviews, but only active staff are offered.
  const consultants = options.consultants.some((c) => c.id === existing?.consultantId)
    ? options.consultants
    : existing
      ? [
          ...options.consultants,
          { id: existing.consultantId, name: `${existing.consultantName} (inactive)` },
        ]
      : options.consultants;
  const errors = form.formState.errors;
  return (
    <Card className="max-w-3xl p-6">
      <form onSubmit={onSubmit} className="space-y-5" noValidate aria-label="Interview">
        {existing && fixed ? (
          // Feedback is written about one candidate and one job: those stay put once it exists.
          <div className="grid gap-4 sm:grid-cols-2">
            <Field label="Candidate" hint="Fixed: feedback has been written for this interview.">
              {(p) => <Input {...p} value={existing.candidateName} readOnly />}
            </Field>
            <Field label="Job" hint="Fixed: feedback has been written for this interview.">
              {(p) => (
                <Input {...p} value={`${existing.jobTitle} at ${existing.clientName}`} readOnly />
              )}
            </Field>
          </div>
        ) : (
          <>
            <Controller
              control={form.control}
              name="candidateId"
              render={({ field, fieldState }) => (
                <CandidatePicker
                  value={field.value ?? ""}
                  onChange={field.onChange}
                  onBlur={field.onBlur}
                  error={fieldState.error?.message}
                />
              )}
            />
            <Field label="Job" error={errors.jobId?.message}>
              {(p) => (
                <Select {...p} {...form.register("jobId")}>
                  <option value="">Choose a job</option>
                  {[...byClient.entries()].map(([client, jobs]) => (
                    <optgroup key={client} label={client}>
                      {jobs.map((j) => (
                        <option key={j.id} value={j.id}>
                          {j.title}
                        </option>
                      ))}
                    </optgroup>
                  ))}
                </Select>
              )}
            </Field>
          </>
        )}
        <div className="grid gap-5 sm:grid-cols-3">
          <Field label="Stage" error={errors.stage?.message}>
            {(p) => (
              <Select {...p} {...form.register("stage")}>
                {interviewStages.map((s) => (
                  <option key={s} value={s}>
                    {stageLabels[s]}
                  </option>
                ))}
              </Select>
            )}
          </Field>
          <Controller
            control={form.control}
            name="scheduledAt"
            render={({ field, fieldState }) => (
              <Field label="Date and time" error={fieldState.error?.message}>
                {(p) => (
                  <Input
                    {...p}
                    type="datetime-local"
                    name={field.name}
                    defaultValue={field.value instanceof Date ? localDateTime(field.value) : ""}
                    onBlur={field.onBlur}
                    onChange={(e) => field.onChange(parseLocalDateTime(e.target.value))}
                  />
                )}
              </Field>
            )}
          />
          <Field label="Consultant" error={errors.consultantId?.message}>
            {(p) => (
              <Select {...p} {...form.register("consultantId")}>
                {consultants.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.id === me ? `${c.name} (you)` : c.name}
                  </option>
                ))}
              </Select>
            )}
          </Field>
        </div>
        <FormActions
          cancelHref="/interviews"
          busy={form.formState.isSubmitting}
          submitLabel={existing ? "Save changes" : "Add interview"}
        />
      </form>
    </Card>
  );
}
