"use client";
// "Make this a goal": one click opens the goal pre-filled from the point's next step.
import { Badge, Button, buttonClass } from "@debrief/ui";
import {
  type FeedbackView,
  type GoalStatus,
  goalFields,
  goalStatusLabels,
  suggestGoal,
} from "@debrief/validators";
import { toast } from "@debrief/web/toast";
import { showServerErrors, useTRPC } from "@debrief/web/trpc/react";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { GoalFields, type GoalForm, type GoalValues, goalFieldNames } from "~/goal-fields";

type Item = FeedbackView["items"][number];

export function GoalFromItem({
  item,
  goals,
}: {
  item: Item;
  goals: { goalId: string; title: string; status: GoalStatus }[];
}) {
  const [open, setOpen] = useState(false);
  const active = goals.filter((g) => g.status !== "dropped");
  if (active.length > 0) {
    return (
      <ul className="space-y-1">
        {active.map((g) => (
          <li key={g.goalId} className="flex flex-wrap items-center gap-2 text-sm">
            <Badge tone={g.status === "done" ? "green" : "brand"}>
              Goal · {goalStatusLabels[g.status]}
            </Badge>
            <span className="text-ink">{g.title}</span>
            <Link
              href={`/plans#goal-${g.goalId}`}
              className="font-medium text-brand-700 hover:underline"
            >
              See it in your action plans
            </Link>
          </li>
        ))}
      </ul>
    );
  }
  if (!open) {
    return (
      <Button size="sm" variant="secondary" onClick={() => setOpen(true)}>
        Make this a goal
      </Button>
    );
  }
  return <NewGoalForm item={item} onClose={() => setOpen(false)} />;
}

function NewGoalForm({ item, onClose }: { item: Item; onClose: () => void }) {
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
