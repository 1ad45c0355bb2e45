"use client";
// Inviting a consultant, admin or candidate by email, validated by the procedure's own schema in
// the browser and again on the server.
import { Button, Card, Field, Input, Select } from "@debrief/ui";
import {
  INVITATION_DAYS,
  type InvitationSentOutput,
  inviteUserInput,
  type Role,
  roleLabels,
} from "@debrief/validators";
import { toast } from "@debrief/web/toast";
import { showServerErrors, useTRPC } from "@debrief/web/trpc/react";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useForm } from "react-hook-form";
import type { z } from "zod";

type FormInput = z.input<typeof inviteUserInput>;
type FormOutput = z.output<typeof inviteUserInput>;
const fields = ["name", "email", "role"] as const;

const roleHints: Record<Role, string> = {
  consultant: "Records and publishes feedback in the consultant portal.",
  admin: "Everything a consultant can do, plus users, settings, reports and data requests.",
  candidate:
    "Signs in to the candidate portal. Their candidate record with this email gets the login; if there is none, one is created with you as the owner.",
};
const roleOrder: Role[] = ["consultant", "admin", "candidate"];

export function InviteForm({
  onSent,
  onCancel,
}: {
  onSent: (sent: InvitationSentOutput) => void;
  onCancel: () => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const form = useForm<FormInput, unknown, FormOutput>({
    resolver: zodResolver(inviteUserInput),
    defaultValues: { name: "", email: "", role: "consultant" },
  });
  const invite = useMutation(trpc.admin.users.invite.mutationOptions());
  const role = form.watch("role");

  const onSubmit = form.handleSubmit(async (values) => {
    try {
      const sent = await invite.mutateAsync(values);
      await queryClient.invalidateQueries(trpc.admin.users.pathFilter());
      // A candidate's login shows on the candidate lists too.
      if (values.role === "candidate") {
        await queryClient.invalidateQueries(trpc.candidate.pathFilter());
      }
      toast.success(`Invitation for ${sent.name} is ready`);
      onSent(sent);
    } catch (error) {
      showServerErrors(form.setError, error, fields);
    }
  });

  const errors = form.formState.errors;
  return (
    <Card className="mb-6 p-6">
      <h2 className="text-base font-semibold text-ink">Invite someone</h2>
      <p className="mt-1 text-sm text-muted">
        They get a link to choose their password. It works once, for {INVITATION_DAYS} days.
      </p>
      <form
        onSubmit={onSubmit}
        noValidate
        aria-label="Invite someone"
        className="mt-5 grid gap-4 sm:grid-cols-2"
      >
        <Field label="Name" error={errors.name?.message}>
          {(p) => <Input {...p} {...form.register("name")} autoComplete="off" autoFocus />}
        </Field>
        <Field label="Email" error={errors.email?.message}>
          {(p) => <Input {...p} {...form.register("email")} type="email" autoComplete="off" />}
        </Field>
        <Field
          label="Invite as"
          hint={role ? roleHints[role] : undefined}
          error={errors.role?.message}
          className="sm:col-span-2"
        >
          {(p) => (
            <Select {...p} {...form.register("role")} className="sm:w-60">
              {roleOrder.map((r) => (
                <option key={r} value={r}>
                  {roleLabels[r]}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <div className="flex justify-end gap-3 border-t border-line pt-5 sm:col-span-2">
          <Button variant="secondary" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" disabled={form.formState.isSubmitting}>
            {form.formState.isSubmitting ? "Inviting…" : "Send invitation"}
          </Button>
        </div>
      </form>
    </Card>
  );
}
