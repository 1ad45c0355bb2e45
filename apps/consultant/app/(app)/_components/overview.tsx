// The rest of the consultant's day: drafts, approvals, candidates' questions, goal progress.
// A server component, like OwedFeedback: read only, no JavaScript shipped.
import { Badge, Card } from "@debrief/ui";
import { type DashboardOutput, goalStatusLabels } from "@debrief/validators";
import Link from "next/link";
import type { ReactNode } from "react";
import { fetchOrNotFound, trpc } from "~/trpc/server";

const ago = (date: Date) => {
  const hours = Math.floor((Date.now() - date.getTime()) / 3_600_000);
  if (hours < 1) return "just now";
  if (hours < 48) return `${hours}h ago`;
  return `${Math.floor(hours / 24)}d ago`;
};

function Panel({
  title,
  count,
  empty,
  children,
}: {
  title: string;
  count: number;
  empty: string;
  children: ReactNode;
}) {
  const id = `panel-${title.toLowerCase().replace(/[^a-z]+/g, "-")}`;
  return (
    <Card className="p-5" role="region" aria-labelledby={id}>
      <div className="mb-3 flex items-center justify-between">
        <h2 id={id} className="text-sm font-semibold uppercase tracking-wide text-muted">
          {title}
        </h2>
        {count ? <Badge tone="brand">{count}</Badge> : null}
      </div>
      {count ? (
        <ul className="divide-y divide-line">{children}</ul>
      ) : (
        <p className="text-sm text-muted">{empty}</p>
      )}
    </Card>
  );
}

const rowClass = "block py-2.5 text-sm hover:text-brand-700";

export async function Overview() {
  const data = await fetchOrNotFound<DashboardOutput>(trpc.dashboard.overview.queryOptions());
  return (
    <div className="grid items-start gap-6 md:grid-cols-2">
      <Panel
        title="Awaiting my approval"
        count={data.awaitingApproval.length}
        empty="Nothing waiting for you to approve."
      >
        {data.awaitingApproval.map((r) => (
          <li key={r.interviewId}>
            <Link className={rowClass} href={`/interviews/${r.interviewId}/feedback`}>
              <span className="font-medium text-ink">{r.candidateName}</span> · {r.jobTitle}
              <span className="block text-xs text-muted">
                by {r.authorName}
                {r.submittedAt ? `, submitted ${ago(r.submittedAt)}` : ""}
              </span>
            </Link>
          </li>
        ))}
      </Panel>
      <Panel title="My drafts" count={data.drafts.length} empty="No drafts in progress.">
        {data.drafts.map((r) => (
          <li key={r.interviewId}>
            <Link className={rowClass} href={`/interviews/${r.interviewId}/feedback`}>
              <span className="font-medium text-ink">{r.candidateName}</span> · {r.jobTitle}
              <span className="block text-xs text-muted">
                {r.reviewComment ? "Sent back with a comment · " : ""}edited {ago(r.updatedAt)}
              </span>
            </Link>
          </li>
        ))}
      </Panel>
      <Panel
        title="Questions from candidates"
        count={data.questions.length}
        empty="No questions waiting for an answer."
      >
        {data.questions.map((r) => (
          <li key={r.feedbackId}>
            <Link className={rowClass} href={`/candidates/${r.candidateId}#thread-${r.feedbackId}`}>
              <span className="font-medium text-ink">{r.candidateName}</span> asked {ago(r.askedAt)}
              <span className="block truncate text-xs text-muted">“{r.question}”</span>
            </Link>
          </li>
        ))}
      </Panel>
      <Panel
        title="Candidates' goal progress"
        count={data.goalProgress.length}
        empty="No goal activity in the last 60 days."
      >
        {data.goalProgress.map((r) => (
          <li key={`${r.candidateName}-${r.goal}`} className="py-2.5 text-sm">
            <div className="flex items-center justify-between gap-2">
              <span className="min-w-0 truncate">
                <span className="font-medium text-ink">{r.candidateName}</span> · {r.goal}
              </span>
              <Badge
                tone={r.status === "done" ? "green" : r.status === "dropped" ? "neutral" : "brand"}
              >
                {goalStatusLabels[r.status]}
              </Badge>
            </div>
            <div
              className="mt-1.5 h-1.5 w-full overflow-hidden rounded-full bg-slate-100"
              role="progressbar"
              aria-label={`${r.candidateName}: ${r.goal}`}
              aria-valuemin={0}
              aria-valuemax={r.steps}
              aria-valuenow={r.done}
            >
              <div
                className="h-full rounded-full bg-emerald-600"
                style={{ width: `${r.steps ? (100 * r.done) / r.steps : 0}%` }}
              />
            </div>
          </li>
        ))}
      </Panel>
    </div>
  );
}
