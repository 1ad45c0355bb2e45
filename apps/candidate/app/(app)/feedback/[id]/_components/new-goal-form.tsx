"use client";
// The goal form "Make this a goal" opens, pre-filled from the point's next step.
import { Button, buttonClass } from "@debrief/ui";
import { type FeedbackView, goalFields, suggestGoal } from "@debrief/validators";
import { toast } from "@debrief/web/toast";
import { showServerErrors, useTRPC } from "@debrief/web/trpc/react";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useForm } from "react-hook-form";
import { GoalFields, type GoalForm, type GoalValues, goalFieldNames } from "~/goal-fields";

type Item = FeedbackView["items"][number];

export function NewGoalForm({ item, onClose }: { item: Item; onClose: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const create = useMutation(trpc.plan.createGoalFromItem.mutationOptions());
  const form = useForm<GoalForm, unknown, GoalValues>({
    resolver: zodResolver(goalFields),
    defaultValues: suggestGoal(item),
  });
  const onSubmit = form.handleSubmit(async (values) => {
    try {
      await create.mutateAsync({ itemId: item.id, ...values });
      await Promise.all([
        queryClient.invalidateQueries(trpc.myFeedback.byId.pathFilter()),
        queryClient.invalidateQueries(trpc.plan.pathFilter()),
      ]);
      toast.success("Goal added to your action plan. Nice one.");
      onClose();
    } catch (error) {
      showServerErrors(form.setError, error, goalFieldNames);
    }
  });
  return (
    <form
      onSubmit={onSubmit}
      noValidate
      aria-label="New goal"
      className="space-y-3 rounded-lg bg-brand-50/60 p-4"
    >
      <p className="text-sm font-semibold text-ink">Turn this into a goal</p>
      <p className="text-xs text-muted">
        We&rsquo;ve filled it in from the next step. Change anything you like.
      </p>
      <GoalFields form={form} />
      <div className="flex flex-wrap justify-end gap-2">
        <button type="button" className={buttonClass("ghost", "sm")} onClick={onClose}>
          Cancel
        </button>
        <Button type="submit" size="sm" disabled={form.formState.isSubmitting}>
          {form.formState.isSubmitting ? "Adding…" : "Add to my action plan"}
        </Button>
      </div>
    </form>
  );
}
