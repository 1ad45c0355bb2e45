// A server component: the list is only read, so it ships no JavaScript (nor the validators' zod
// schemas its labels would pull in) and its rows are not sent twice (HTML and dehydrated query).
import { Badge, buttonClass, Card, EmptyState } from "@debrief/ui";
import { type OwedInterview, stageLabels } from "@debrief/validators";
import Link from "next/link";
import { fetchOrNotFound, trpc } from "~/trpc/server";

function duration(hours: number): string {
  if (hours < 48) return `${hours}h`;
  return `${Math.floor(hours / 24)}d ${hours % 24}h`;
}

export async function OwedFeedback() {
  const data = await fetchOrNotFound<OwedInterview[]>(trpc.feedback.owed.queryOptions());
  if (data.length === 0) {
    return (
      <EmptyState title="You're all caught up">
        Every rejected interview of yours has published feedback. When you record a rejection, it
        will appear here with its SLA clock.
      </EmptyState>
    );
  }
  return (
    <Card>
      <ul className="divide-y divide-line" aria-label="Interviews owed feedback">
        {data.map((row) => {
          const left = row.slaHours - row.hoursSinceRejection;
          return (
            <li
              key={row.interviewId}
              className="flex flex-wrap items-center gap-4 px-5 py-4"
              data-testid="owed-row"
            >
              <div className="min-w-0 flex-1">
                <p className="font-medium text-ink">{row.candidateName}</p>
                <p className="text-sm text-muted">
                  {row.jobTitle} at {row.clientName} · {stageLabels[row.stage]}
                </p>
              </div>
              <div className="text-right">
                {row.overdue ? (
                  <Badge tone="red">Overdue by {duration(-left)}</Badge>
                ) : (
                  <Badge tone={left <= 24 ? "amber" : "green"}>{duration(left)} left</Badge>
                )}
                <p className="mt-1 text-xs text-muted">
                  Rejected {duration(row.hoursSinceRejection)} ago · SLA {row.slaHours}h
                </p>
              </div>
              <div className="flex items-center gap-2">
                {row.feedbackStatus === "draft" ? <Badge tone="brand">Draft</Badge> : null}
                <Link
                  href={`/interviews/${row.interviewId}/feedback`}
                  className={buttonClass(row.feedbackStatus ? "secondary" : "primary", "sm")}
                >
                  {row.feedbackStatus ? "Continue" : "Write feedback"}
                  <span className="sr-only"> for {row.candidateName}</span>
                </Link>
              </div>
            </li>
          );
        })}
      </ul>
    </Card>
  );
}
