"use client";
// "Make this a goal": one click opens the goal pre-filled from the point's next step.
import { Badge, Button } from "@debrief/ui";
import { type FeedbackView, type GoalStatus, goalStatusLabels } from "@debrief/validators";
import dynamic from "next/dynamic";
import Link from "next/link";
import { useState } from "react";

type Item = FeedbackView["items"][number];

// The form, its validation and the form library load when "Make this a goal" is clicked, not with
// the page.
const NewGoalForm = dynamic(() => import("./new-goal-form").then((m) => m.NewGoalForm), {
  ssr: false,
});

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
