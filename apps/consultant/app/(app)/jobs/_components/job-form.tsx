"use client";
// Create or edit a job: its client, title, seniority and the competencies (from the agency's
// taxonomy) it needs. Validated by the procedure's own schema in the browser and on the server.
import { Card, Field, Input, Select } from "@debrief/ui";
import { type JobOutput, jobFields, seniorities, seniorityLabels } from "@debrief/validators";
import { toast } from "@debrief/web/toast";
import { showServerErrors, useTRPC } from "@debrief/web/trpc/react";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useId } from "react";
import { Controller, useForm } from "react-hook-form";
import type { z } from "zod";
import { FormActions } from "~/pipeline/forms";

type FormInput = z.input<typeof jobFields>;
type FormOutput = z.output<typeof jobFields>;
const fields = ["clientId", "title", "seniority", "competencyIds"] as const;

export function EditJob({ id }: { id: string }) {
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.job.byId.queryOptions({ id }));
  return <JobForm existing={data} />;
}

export function JobForm({ existing, clientId }: { existing?: JobOutput; clientId?: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const groupId = useId();
  const { data: options } = useSuspenseQuery(trpc.job.formOptions.queryOptions());
  const form = useForm<FormInput, unknown, FormOutput>({
    resolver: zodResolver(jobFields),
    defaultValues: {
      clientId: existing?.clientId ?? clientId ?? "",
      title: existing?.title ?? "",
      seniority: existing?.seniority ?? "mid",
      competencyIds: existing?.competencyIds ?? [],
    },
  });
  const create = useMutation(trpc.job.create.mutationOptions());
  const update = useMutation(trpc.job.update.mutationOptions());

  const onSubmit = form.handleSubmit(async (values) => {
    try {
      if (existing) await update.mutateAsync({ id: existing.id, ...values });
      else await create.mutateAsync(values);
      await queryClient.invalidateQueries(trpc.job.pathFilter());
      await queryClient.invalidateQueries(trpc.client.pathFilter());
      await queryClient.invalidateQueries(trpc.interview.pathFilter());
      toast.success(existing ? "Job saved" : `${values.title} added`);
      router.push(existing ? "/jobs" : `/jobs?client=${values.clientId}`);
    } catch (error) {
      showServerErrors(form.setError, error, fields);
    }
  });

  const selected = form.watch("competencyIds") ?? [];
  // Archived competencies are offered only while the job still has them, so they can be removed.
  const competencies = options.competencies.filter((c) => !c.archived || selected.includes(c.id));
  const errors = form.formState.errors;
  return (
    <Card className="max-w-3xl p-6">
      <form onSubmit={onSubmit} className="space-y-5" noValidate aria-label="Job">
        <div className="grid gap-5 sm:grid-cols-2">
          <Field label="Client" error={errors.clientId?.message}>
            {(p) => (
              <Select {...p} {...form.register("clientId")}>
                <option value="" disabled>
                  Choose a client
                </option>
                {options.clients.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                  </option>
                ))}
              </Select>
            )}
          </Field>
          <Field label="Seniority" error={errors.seniority?.message}>
            {(p) => (
              <Select {...p} {...form.register("seniority")}>
                {seniorities.map((s) => (
                  <option key={s} value={s}>
                    {seniorityLabels[s]}
                  </option>
                ))}
              </Select>
            )}
          </Field>
        </div>
        <Field label="Job title" error={errors.title?.message}>
          {(p) => <Input {...p} {...form.register("title")} />}
        </Field>
        <Controller
          control={form.control}
          name="competencyIds"
          render={({ field, fieldState }) => (
            <fieldset
              aria-describedby={`${groupId}-hint${fieldState.error ? ` ${groupId}-error` : ""}`}
            >
              <legend className="text-sm font-medium text-ink">Competencies</legend>
              <p id={`${groupId}-hint`} className="mt-1 text-xs text-muted">
                What the role needs, from your agency's list of competencies.
              </p>
              <div className="mt-3 grid gap-2 sm:grid-cols-2 lg:grid-cols-3">
                {competencies.map((c) => {
                  const value = field.value ?? [];
                  const checked = value.includes(c.id);
                  return (
                    <label
                      key={c.id}
                      className="flex items-center gap-2 rounded-lg border border-line px-3 py-2 text-sm text-ink has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50"
                    >
                      <input
                        type="checkbox"
                        className="h-4 w-4 accent-brand-700"
                        checked={checked}
                        onBlur={field.onBlur}
                        onChange={() =>
                          field.onChange(
                            checked ? value.filter((id) => id !== c.id) : [...value, c.id],
                          )
                        }
                      />
                      {c.name}
                      {c.archived ? <span className="text-xs text-muted">(archived)</span> : null}
                    </label>
                  );
                })}
              </div>
              {fieldState.error ? (
                <p id={`${groupId}-error`} className="mt-2 text-xs font-medium text-red-700">
                  {fieldState.error.message}
                </p>
              ) : null}
            </fieldset>
          )}
        />
        <FormActions
          cancelHref="/jobs"
          busy={form.formState.isSubmitting}
          submitLabel={existing ? "Save changes" : "Add job"}
        />
      </form>
    </Card>
  );
}
