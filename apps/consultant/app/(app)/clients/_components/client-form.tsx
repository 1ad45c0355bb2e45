"use client";
// Create or edit a client, validated by the procedure's own schema in the browser and again on
// the server.
import { Card, Field, Input } from "@debrief/ui";
import { type ClientOutput, clientFields } from "@debrief/validators";
import { toast } from "@debrief/web/toast";
import { showServerErrors, useTRPC } from "@debrief/web/trpc/react";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { FormActions } from "~/pipeline/forms";

type FormInput = z.input<typeof clientFields>;
type FormOutput = z.output<typeof clientFields>;
const fields = ["name", "industry"] as const;

export function EditClient({ id }: { id: string }) {
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.client.byId.queryOptions({ id }));
  return <ClientForm existing={data} />;
}

export function ClientForm({ existing }: { existing?: ClientOutput }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const form = useForm<FormInput, unknown, FormOutput>({
    resolver: zodResolver(clientFields),
    defaultValues: { name: existing?.name ?? "", industry: existing?.industry ?? "" },
  });
  const create = useMutation(trpc.client.create.mutationOptions());
  const update = useMutation(trpc.client.update.mutationOptions());

  const onSubmit = form.handleSubmit(async (values) => {
    try {
      if (existing) await update.mutateAsync({ id: existing.id, ...values });
      else await create.mutateAsync(values);
      // Jobs and interviews show the client's name too.
      await queryClient.invalidateQueries(trpc.client.pathFilter());
      await queryClient.invalidateQueries(trpc.job.pathFilter());
      await queryClient.invalidateQueries(trpc.interview.pathFilter());
      toast.success(existing ? "Client saved" : `${values.name} added`);
      router.push("/clients");
    } catch (error) {
      showServerErrors(form.setError, error, fields);
    }
  });

  const errors = form.formState.errors;
  return (
    <Card className="max-w-2xl p-6">
      <form onSubmit={onSubmit} className="space-y-5" noValidate aria-label="Client">
        <Field label="Company name" error={errors.name?.message}>
          {(p) => <Input {...p} {...form.register("name")} autoComplete="organization" />}
        </Field>
        <Field
          label="Industry (optional)"
          hint="Helps when searching, e.g. “Fintech” or “Healthcare”."
          error={errors.industry?.message}
        >
          {(p) => <Input {...p} {...form.register("industry")} />}
        </Field>
        <FormActions
          cancelHref="/clients"
          busy={form.formState.isSubmitting}
          submitLabel={existing ? "Save changes" : "Add client"}
        />
      </form>
    </Card>
  );
}
