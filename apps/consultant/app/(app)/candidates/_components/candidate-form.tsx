"use client";
// Create or edit a candidate: validated in the browser by the procedure's own schema, and by the
// server again; a server error lands beside its field and the form keeps what was typed.
import { Card, Field, Input, Select } from "@debrief/ui";
import { type CandidateOutput, candidateFields } from "@debrief/validators";
import { toast } from "@debrief/web/toast";
import { showServerErrors, useTRPC } from "@debrief/web/trpc/react";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { FormActions } from "~/pipeline/forms";

type FormInput = z.input<typeof candidateFields>;
type FormOutput = z.output<typeof candidateFields>;
const fields = ["name", "email", "headline", "ownerId"] as const;

/** The edit page's form, filled from the stored candidate. */
export function EditCandidate({ id }: { id: string }) {
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.candidate.byId.queryOptions({ id }));
  return <CandidateForm existing={data} defaultOwnerId={data.ownerId} />;
}

export function CandidateForm({
  existing,
  defaultOwnerId,
}: {
  /** Editing this candidate; creating one when absent. */
  existing?: CandidateOutput;
  defaultOwnerId: string;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const { data: options } = useSuspenseQuery(trpc.candidate.formOptions.queryOptions());
  const candidateId = existing?.id;
  const form = useForm<FormInput, unknown, FormOutput>({
    resolver: zodResolver(candidateFields),
    defaultValues: {
      name: existing?.name ?? "",
      email: existing?.email ?? "",
      headline: existing?.headline ?? "",
      ownerId: existing?.ownerId ?? defaultOwnerId,
    },
  });
  const create = useMutation(trpc.candidate.create.mutationOptions());
  const update = useMutation(trpc.candidate.update.mutationOptions());

  const onSubmit = form.handleSubmit(async (values) => {
    try {
      if (candidateId) await update.mutateAsync({ id: candidateId, ...values });
      else await create.mutateAsync(values);
      await queryClient.invalidateQueries(trpc.candidate.pathFilter());
      await queryClient.invalidateQueries(trpc.interview.pathFilter());
      toast.success(candidateId ? "Candidate saved" : `${values.name} added`);
      router.push("/candidates");
    } catch (error) {
      showServerErrors(form.setError, error, fields);
    }
  });

  // The current owner stays selectable even if their account has since been disabled.
  const owners = options.consultants.some((c) => c.id === existing?.ownerId)
    ? options.consultants
    : existing
      ? [...options.consultants, { id: existing.ownerId, name: `${existing.ownerName} (inactive)` }]
      : options.consultants;
  const errors = form.formState.errors;
  return (
    <Card className="max-w-2xl p-6">
      <form onSubmit={onSubmit} className="space-y-5" noValidate aria-label="Candidate">
        <Field label="Full name" error={errors.name?.message}>
          {(p) => <Input {...p} {...form.register("name")} autoComplete="off" />}
        </Field>
        <Field
          label="Email"
          hint="Where their invitation to the candidate portal will go. One candidate per email."
          error={errors.email?.message}
        >
          {(p) => <Input {...p} {...form.register("email")} type="email" autoComplete="off" />}
        </Field>
        <Field
          label="Headline (optional)"
          hint="Their current role or what they are looking for, e.g. “Senior backend engineer”."
          error={errors.headline?.message}
        >
          {(p) => <Input {...p} {...form.register("headline")} />}
        </Field>
        <Field
          label="Owner"
          hint="The consultant who looks after this candidate."
          error={errors.ownerId?.message}
        >
          {(p) => (
            <Select {...p} {...form.register("ownerId")}>
              {owners.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <FormActions
          cancelHref="/candidates"
          busy={form.formState.isSubmitting}
          submitLabel={candidateId ? "Save changes" : "Add candidate"}
        />
      </form>
    </Card>
  );
}
