"use client";
// Editing a goal's SMART fields, and dropping it with a reason.
import { Button, Field, Textarea } from "@debrief/ui";
import { goalFields, type PlanGoal } from "@debrief/validators";
import { toast } from "@debrief/web/toast";
import { errorDetails, showServerErrors, useTRPC } from "@debrief/web/trpc/react";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { GoalFields, type GoalForm, type GoalValues, goalFieldNames } from "~/goal-fields";

export function EditGoalForm({ goal, onClose }: { goal: PlanGoal; onClose: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const update = useMutation(trpc.plan.updateGoal.mutationOptions());
  const form = useForm<GoalForm, unknown, GoalValues>({
    resolver: zodResolver(goalFields),
    defaultValues: { title: goal.title, measure: goal.measure, targetDate: goal.targetDate },
  });
  const onSubmit = form.handleSubmit(async (values) => {
    try {
      await update.mutateAsync({ goalId: goal.id, ...values });
      await queryClient.invalidateQueries(trpc.plan.pathFilter());
      toast.success("Goal saved");
      onClose();
    } catch (error) {
      showServerErrors(form.setError, error, goalFieldNames);
    }
  });
  return (
    <form
      onSubmit={onSubmit}
      noValidate
      aria-label="Edit goal"
      className="space-y-3 border-t border-line pt-4"
    >
      <GoalFields form={form} />
      <div className="flex justify-end gap-2">
        <Button size="sm" variant="ghost" onClick={onClose}>
          Cancel
        </Button>
        <Button type="submit" size="sm" disabled={form.formState.isSubmitting}>
          {form.formState.isSubmitting ? "Saving…" : "Save goal"}
        </Button>
      </div>
    </form>
  );
}

// The browser checks the reason as the server's setGoalStatusInput does: required to drop.
const dropSchema = z.object({
  droppedReason: z
    .string()
    .trim()
    .min(1, { error: "say why you are dropping this goal" })
    .max(500, { error: "must be at most 500 characters" }),
});
type DropValues = { droppedReason: string };

export function DropForm({
  busy,
  onDrop,
  onCancel,
}: {
  busy: boolean;
  onDrop: (reason: string) => Promise<unknown>;
  onCancel: () => void;
}) {
  const form = useForm<DropValues>({
    resolver: zodResolver(dropSchema),
    defaultValues: { droppedReason: "" },
  });
  const onSubmit = form.handleSubmit(async ({ droppedReason }) => {
    try {
      await onDrop(droppedReason);
    } catch (error) {
      const { fieldErrors } = errorDetails(error);
      const reasonError = fieldErrors.droppedReason?.[0];
      if (reasonError) form.setError("droppedReason", { message: reasonError });
    }
  });
  return (
    <form
      onSubmit={onSubmit}
      noValidate
      aria-label="Drop goal"
      className="space-y-3 border-t border-line pt-4"
    >
      <Field
        label="Why are you dropping this goal?"
        hint="Plans change, and that's fine. A line is enough: it helps you and your consultant later."
        error={form.formState.errors.droppedReason?.message}
      >
        {(p) => <Textarea {...p} {...form.register("droppedReason")} rows={2} />}
      </Field>
      <div className="flex justify-end gap-2">
        <Button size="sm" variant="ghost" onClick={onCancel}>
          Keep the goal
        </Button>
        <Button type="submit" size="sm" variant="danger" disabled={busy}>
          {busy ? "Dropping…" : "Drop goal"}
        </Button>
      </div>
    </form>
  );
}
