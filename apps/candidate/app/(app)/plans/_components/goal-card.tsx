"use client";
// One goal: SMART fields, progress, steps, status changes and the consultant's encouragement.
import { Badge, Button, Card, cn } from "@debrief/ui";
import { type GoalStatus, goalStatusLabels, type PlanGoal } from "@debrief/validators";
import { toast } from "@debrief/web/toast";
import { errorDetails, useTRPC } from "@debrief/web/trpc/react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { formatDay, formatInstant, todayIso } from "./format";
import { DropForm, EditGoalForm } from "./goal-forms";
import { StepList } from "./step-list";

const statusTone: Record<GoalStatus, "neutral" | "brand" | "green" | "amber"> = {
  not_started: "neutral",
  in_progress: "brand",
  done: "green",
  dropped: "amber",
};

export function GoalCard({ goal }: { goal: PlanGoal }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [mode, setMode] = useState<"view" | "edit" | "drop">("view");
  const setStatus = useMutation(
    trpc.plan.setGoalStatus.mutationOptions({
      onSuccess: (_, input) => {
        void queryClient.invalidateQueries(trpc.plan.pathFilter());
        void queryClient.invalidateQueries(trpc.myFeedback.byId.pathFilter());
        toast.success(
          input.status === "done"
            ? "Goal done. That's real progress. Well done!"
            : input.status === "dropped"
              ? "Goal dropped. Knowing what to leave is progress too."
              : "Goal reopened",
        );
        setMode("view");
      },
      onError: (error) => toast.error(errorDetails(error).message),
    }),
  );
  const open = goal.status === "not_started" || goal.status === "in_progress";
  const overdue = open && goal.targetDate < todayIso();

  return (
    <Card id={`goal-${goal.id}`} className="scroll-mt-24 space-y-4 p-5 sm:p-6">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0 flex-1 space-y-1">
          <h3
            className={cn(
              "text-base font-semibold text-ink",
              goal.status === "dropped" && "text-muted line-through",
            )}
          >
            {goal.title}
          </h3>
          <p className="text-sm text-muted">
            <span className="font-medium text-ink">How I&rsquo;ll know:</span> {goal.measure}
          </p>
          <p className={cn("text-sm", overdue ? "font-medium text-red-700" : "text-muted")}>
            Target date {formatDay(goal.targetDate)}
            {overdue ? " · past the target date: pick a new one, or keep going" : null}
          </p>
        </div>
        <Badge tone={statusTone[goal.status]}>{goalStatusLabels[goal.status]}</Badge>
      </div>

      {goal.status === "done" && goal.completedAt ? (
        <p className="rounded-lg bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
          Done on {formatInstant(goal.completedAt)}. Add it to your journal as a win!
        </p>
      ) : null}
      {goal.status === "dropped" && goal.droppedReason ? (
        <p className="rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900">
          Dropped: {goal.droppedReason}
        </p>
      ) : null}

      {goal.items.length > 0 ? (
        <div className="rounded-lg bg-slate-50 px-3 py-2">
          <p className="text-xs font-semibold uppercase tracking-wide text-brand-700">
            From your feedback
          </p>
          {goal.items.map((item) => (
            <p key={item.id} className="text-sm text-ink">
              {item.detail}
            </p>
          ))}
        </div>
      ) : null}

      <Progress goal={goal} />
      <StepList goal={goal} />

      {mode === "edit" ? <EditGoalForm goal={goal} onClose={() => setMode("view")} /> : null}
      {mode === "drop" ? (
        <DropForm
          busy={setStatus.isPending}
          onCancel={() => setMode("view")}
          onDrop={(droppedReason) =>
            setStatus.mutateAsync({ goalId: goal.id, status: "dropped", droppedReason })
          }
        />
      ) : null}
      {mode === "view" ? (
        <div className="flex flex-wrap gap-2 border-t border-line pt-4">
          {open ? (
            <>
              <Button
                size="sm"
                disabled={setStatus.isPending}
                onClick={() => setStatus.mutate({ goalId: goal.id, status: "done" })}
              >
                Mark done
              </Button>
              {goal.status === "not_started" ? (
                <Button
                  size="sm"
                  variant="secondary"
                  disabled={setStatus.isPending}
                  onClick={() => setStatus.mutate({ goalId: goal.id, status: "in_progress" })}
                >
                  I&rsquo;ve started
                </Button>
              ) : null}
              <Button size="sm" variant="secondary" onClick={() => setMode("edit")}>
                Edit goal
              </Button>
              <Button size="sm" variant="ghost" onClick={() => setMode("drop")}>
                Drop this goal
              </Button>
            </>
          ) : (
            <Button
              size="sm"
              variant="secondary"
              disabled={setStatus.isPending}
              onClick={() => setStatus.mutate({ goalId: goal.id, status: "in_progress" })}
            >
              Reopen
            </Button>
          )}
        </div>
      ) : null}

      {goal.comments.length > 0 ? (
        <section aria-label="Encouragement" className="space-y-2 border-t border-line pt-4">
          <h4 className="text-sm font-semibold text-ink">Encouragement</h4>
          <ul className="space-y-2">
            {goal.comments.map((c) => (
              <li key={c.id} className="rounded-lg bg-brand-50 px-3 py-2">
                <p className="text-sm leading-relaxed text-ink">{c.body}</p>
                <p className="mt-1 text-xs text-muted">
                  {c.authorName} · {formatInstant(c.createdAt)}
                </p>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </Card>
  );
}

function Progress({ goal }: { goal: PlanGoal }) {
  if (goal.stepsTotal === 0) {
    return (
      <p className="text-sm text-muted">
        No steps yet. Break the goal into two or three small steps below: it makes starting easier.
      </p>
    );
  }
  return (
    <div className="space-y-1">
      <div className="flex justify-between text-sm">
        <span className="text-muted">
          {goal.stepsDone} of {goal.stepsTotal} steps done
        </span>
        <span className="font-medium text-ink">{goal.progress}%</span>
      </div>
      <div
        role="progressbar"
        aria-label={`Progress on “${goal.title}”`}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={goal.progress}
        aria-valuetext={`${goal.progress}%: ${goal.stepsDone} of ${goal.stepsTotal} steps done`}
        className="h-2.5 w-full overflow-hidden rounded-full bg-slate-200"
      >
        <div
          className={cn(
            "h-full rounded-full transition-all",
            goal.progress === 100 ? "bg-emerald-600" : "bg-brand-600",
          )}
          style={{ width: `${goal.progress}%` }}
        />
      </div>
    </div>
  );
}
