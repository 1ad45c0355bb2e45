"use client";
// The plans the candidate built from their feedback: each goal's progress, the points it answers,
// and the consultant's encouragement.
import { Badge, Card, EmptyState } from "@debrief/ui";
import { goalStatusLabels, type ProfileGoal, type ProfilePlan } from "@debrief/validators";
import { toast } from "@debrief/web/toast";
import { useTRPC } from "@debrief/web/trpc/react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { LocalTime } from "~/pipeline/dates";
import { firstName, formatDay } from "./format";
import { PostForm } from "./post-form";

const statusTones = {
  not_started: "neutral",
  in_progress: "brand",
  done: "green",
  dropped: "neutral",
} as const;

export function ActionPlans({
  plans,
  candidateName,
  hasLogin,
}: {
  plans: ProfilePlan[];
  candidateName: string;
  hasLogin: boolean;
}) {
  const first = firstName(candidateName);
  return (
    <section aria-labelledby="plans-heading" className="space-y-3">
      <h2 id="plans-heading" className="text-sm font-semibold uppercase tracking-wide text-muted">
        Action plans
      </h2>
      {plans.length ? (
        plans.map((plan) => <PlanCard key={plan.id} plan={plan} candidateName={candidateName} />)
      ) : (
        <EmptyState title="No action plans yet">
          {hasLogin
            ? `When ${first} turns a point of their feedback into a goal in the candidate portal, the plan and its progress appear here, and you can encourage them.`
            : `${first} has no login to the candidate portal yet. Once they are invited and read their feedback, the plans they build appear here.`}
        </EmptyState>
      )}
    </section>
  );
}

function PlanCard({ plan, candidateName }: { plan: ProfilePlan; candidateName: string }) {
  return (
    <Card className="p-5">
      <h3 className="font-medium text-ink">{plan.title}</h3>
      <p className="text-xs text-muted">
        {plan.interviewId && plan.jobTitle ? (
          <>
            From the{" "}
            <Link
              href={`/interviews/${plan.interviewId}/feedback`}
              className="text-brand-700 hover:underline"
            >
              {plan.jobTitle}
            </Link>{" "}
            feedback ·{" "}
          </>
        ) : null}
        started <LocalTime value={plan.createdAt} format="date" />
      </p>
      {plan.goals.length ? (
        <ul className="mt-4 space-y-4">
          {plan.goals.map((goal) => (
            <GoalCard key={goal.id} goal={goal} candidateName={candidateName} />
          ))}
        </ul>
      ) : (
        <p className="mt-3 text-sm text-muted">
          No goals in this plan yet. They appear here as {firstName(candidateName)} adds them.
        </p>
      )}
    </Card>
  );
}

function GoalCard({ goal, candidateName }: { goal: ProfileGoal; candidateName: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const comment = useMutation(trpc.goal.comment.mutationOptions());
  const first = firstName(candidateName);
  const percent = goal.stepsTotal ? Math.round((100 * goal.stepsDone) / goal.stepsTotal) : 0;
  const titleId = `goal-${goal.id}-title`;

  async function post(body: string) {
    await comment.mutateAsync({ goalId: goal.id, body });
    await queryClient.invalidateQueries(trpc.candidateProfile.pathFilter());
    toast.success(`Comment posted. ${first} has been notified.`);
  }

  return (
    <li
      id={`goal-${goal.id}`}
      className="rounded-lg border border-line p-4"
      aria-labelledby={titleId}
    >
      <div className="flex items-start justify-between gap-3">
        <h4 id={titleId} className="text-sm font-medium text-ink">
          {goal.title}
        </h4>
        <Badge tone={statusTones[goal.status]}>{goalStatusLabels[goal.status]}</Badge>
      </div>
      <p className="mt-1 text-sm text-muted">Measured by: {goal.measure}</p>
      <div className="mt-3">
        <div className="mb-1 flex justify-between text-xs text-muted">
          <span>
            {goal.stepsTotal
              ? `${goal.stepsDone} of ${goal.stepsTotal} steps done`
              : "No steps planned yet"}
          </span>
          <span>
            {goal.status === "done" && goal.completedAt ? (
              <>
                Done <LocalTime value={goal.completedAt} format="date" />
              </>
            ) : (
              `Target ${formatDay(goal.targetDate)}`
            )}
          </span>
        </div>
        <div
          className="h-2 w-full overflow-hidden rounded-full bg-slate-100"
          role="progressbar"
          aria-labelledby={titleId}
          aria-valuemin={0}
          aria-valuemax={goal.stepsTotal}
          aria-valuenow={goal.stepsDone}
          aria-valuetext={`${goal.stepsDone} of ${goal.stepsTotal} steps done`}
        >
          <div
            className={
              goal.status === "dropped"
                ? "h-full rounded-full bg-slate-400"
                : "h-full rounded-full bg-emerald-600"
            }
            style={{ width: `${percent}%` }}
          />
        </div>
      </div>
      {goal.status === "dropped" && goal.droppedReason ? (
        <p className="mt-2 text-sm text-muted">Dropped: {goal.droppedReason}</p>
      ) : null}
      {goal.items.length ? (
        <div className="mt-3 space-y-1">
          {goal.items.map((item) => (
            <p key={item.id} className="border-l-2 border-brand-100 pl-3 text-xs text-muted">
              Answers the {item.kind}: “{item.detail}”
            </p>
          ))}
        </div>
      ) : null}
      {goal.comments.length ? (
        <ul className="mt-3 space-y-2" aria-label="Comments">
          {goal.comments.map((c) => (
            <li key={c.id} className="rounded-lg bg-brand-50 px-3 py-2 text-sm text-ink">
              <p className="whitespace-pre-line">{c.body}</p>
              <p className="mt-1 text-xs text-muted">
                {c.authorName} · <LocalTime value={c.createdAt} />
              </p>
            </li>
          ))}
        </ul>
      ) : null}
      <div className="mt-3">
        <PostForm
          kind="comment"
          label={`Encourage ${first}`}
          formLabel={`Comment on the goal “${goal.title}”`}
          placeholder="Notice the progress, or offer help with the next step."
          submitLabel="Post comment"
          onPost={post}
        />
      </div>
    </li>
  );
}
