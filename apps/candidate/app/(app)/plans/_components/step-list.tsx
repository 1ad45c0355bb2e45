"use client";
// A goal's steps: tick off, untick, remove, and add one with an optional due date.
import { Badge, Button, cn, Field, Input } from "@debrief/ui";
import { addStepInput, type PlanGoal } from "@debrief/validators";
import { toast } from "@debrief/web/toast";
import { errorDetails, useTRPC } from "@debrief/web/trpc/react";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { formatDay, todayIso } from "./format";

// The date box is "" when left empty; the server's schema decides everything else.
const stepSchema = z.object({
  title: addStepInput.shape.title,
  dueDate: z.union([z.literal(""), addStepInput.shape.dueDate]),
});
type StepForm = z.input<typeof stepSchema>;
type StepValues = z.output<typeof stepSchema>;

export function StepList({ goal }: { goal: PlanGoal }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries(trpc.plan.pathFilter());
  const onError = (error: unknown) => toast.error(errorDetails(error).message);
  const toggle = useMutation(trpc.plan.toggleStep.mutationOptions({ onSuccess: refresh, onError }));
  const remove = useMutation(
    trpc.plan.removeStep.mutationOptions({
      onSuccess: async () => {
        await refresh();
        toast.success("Step removed");
      },
      onError,
    }),
  );
  const add = useMutation(trpc.plan.addStep.mutationOptions());
  const form = useForm<StepForm, unknown, StepValues>({
    resolver: zodResolver(stepSchema),
    defaultValues: { title: "", dueDate: "" },
  });
  const today = todayIso();

  const onSubmit = form.handleSubmit(async ({ title, dueDate }) => {
    try {
      await add.mutateAsync({ goalId: goal.id, title, dueDate: dueDate || null });
      form.reset({ title: "", dueDate: "" });
      await refresh();
    } catch (error) {
      const { message, fieldErrors } = errorDetails(error);
      for (const key of ["title", "dueDate"] as const) {
        const e = fieldErrors[key]?.[0];
        if (e) form.setError(key, { message: e });
      }
      toast.error(message);
    }
  });

  return (
    <div className="space-y-3">
      {goal.steps.length > 0 ? (
        <ul className="divide-y divide-line rounded-lg border border-line" aria-label="Steps">
          {goal.steps.map((step) => {
            const done = step.doneAt !== null;
            const overdue = !done && step.dueDate !== null && step.dueDate < today;
            return (
              <li key={step.id} className="flex items-start gap-3 px-3 py-2">
                <label className="flex min-w-0 flex-1 cursor-pointer items-start gap-3">
                  <input
                    type="checkbox"
                    className="mt-0.5 h-4 w-4 shrink-0 accent-brand-700"
                    checked={done}
                    disabled={toggle.isPending}
                    onChange={(e) => toggle.mutate({ stepId: step.id, done: e.target.checked })}
                  />
                  <span className="min-w-0 space-y-1">
                    <span
                      className={cn("block text-sm text-ink", done && "text-muted line-through")}
                    >
                      {step.title}
                    </span>
                    {step.dueDate ? (
                      overdue ? (
                        <Badge tone="red">Overdue · was due {formatDay(step.dueDate)}</Badge>
                      ) : (
                        <span className="block text-xs text-muted">
                          Due {formatDay(step.dueDate)}
                        </span>
                      )
                    ) : null}
                  </span>
                </label>
                <Button
                  size="sm"
                  variant="ghost"
                  aria-label={`Remove step “${step.title}”`}
                  disabled={remove.isPending}
                  onClick={() => remove.mutate({ stepId: step.id })}
                >
                  Remove
                </Button>
              </li>
            );
          })}
        </ul>
      ) : null}
      {goal.status === "done" || goal.status === "dropped" ? null : (
        <form
          onSubmit={onSubmit}
          noValidate
          aria-label={`Add a step to “${goal.title}”`}
          className="flex flex-wrap items-start gap-2"
        >
          <Field
            label="New step"
            error={form.formState.errors.title?.message}
            className="min-w-48 flex-1"
          >
            {(p) => (
              <Input
                {...p}
                {...form.register("title")}
                placeholder="For example: draft story one"
              />
            )}
          </Field>
          <Field label="Due (optional)" error={form.formState.errors.dueDate?.message}>
            {(p) => <Input {...p} type="date" {...form.register("dueDate")} />}
          </Field>
          <Button
            type="submit"
            variant="secondary"
            className="mt-6"
            disabled={form.formState.isSubmitting}
          >
            Add step
          </Button>
        </form>
      )}
    </div>
  );
}
