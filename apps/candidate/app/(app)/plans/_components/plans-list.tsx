"use client";
// Every plan with its goals; a goal's card holds its steps, progress, status and encouragement.
import { buttonClass, Card, EmptyState } from "@debrief/ui";
import { useTRPC } from "@debrief/web/trpc/react";
import { useSuspenseQuery } from "@tanstack/react-query";
import Link from "next/link";
import { formatInstant } from "./format";
import { GoalCard } from "./goal-card";

export function PlansList() {
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.plan.list.queryOptions());
  const isOpen = (status: string) => status === "not_started" || status === "in_progress";
  // Plans with something still to do come first; within each group, newest first (the server's order).
  const plans = data
    .filter((p) => p.goals.length > 0)
    .map((p, i) => ({ p, i, open: p.goals.some((g) => isOpen(g.status)) }))
    .sort((a, b) => Number(b.open) - Number(a.open) || a.i - b.i)
    .map(({ p }) => p);
  if (plans.length === 0) {
    return (
      <EmptyState
        title="No goals yet"
        action={
          <Link href="/" className={buttonClass("primary")}>
            Go to my feedback
          </Link>
        }
      >
        Open any feedback and choose &ldquo;Make this a goal&rdquo; under a point to work on.
        We&rsquo;ll fill the goal in from the suggested next step, so it takes one click.
      </EmptyState>
    );
  }
  return (
    <div className="space-y-8">
      {plans.map((plan) => {
        const open = plan.goals.filter((g) => isOpen(g.status));
        const done = plan.goals.filter((g) => g.status === "done").length;
        return (
          <section key={plan.id} aria-labelledby={`plan-${plan.id}`} className="space-y-3">
            <div className="flex flex-wrap items-end justify-between gap-2">
              <div>
                <h2 id={`plan-${plan.id}`} className="text-lg font-semibold text-ink">
                  {plan.title}
                </h2>
                <p className="text-sm text-muted">
                  Started {formatInstant(plan.createdAt)}
                  {plan.feedbackId ? (
                    <>
                      {" · "}
                      <Link
                        href={`/feedback/${plan.feedbackId}`}
                        className="font-medium text-brand-700 hover:underline"
                      >
                        Read the feedback{plan.jobTitle ? ` for ${plan.jobTitle}` : ""}
                      </Link>
                    </>
                  ) : null}
                </p>
              </div>
              <p className="text-sm text-muted">
                {open.length} open · {done} done
              </p>
            </div>
            <ul className="space-y-4">
              {plan.goals.map((goal) => (
                <li key={goal.id}>
                  <GoalCard goal={goal} />
                </li>
              ))}
            </ul>
          </section>
        );
      })}
      <Card className="p-5 text-sm text-muted">
        Want another goal? Every point to work on in{" "}
        <Link href="/" className="font-medium text-brand-700 hover:underline">
          your feedback
        </Link>{" "}
        can become one.
      </Card>
    </div>
  );
}
