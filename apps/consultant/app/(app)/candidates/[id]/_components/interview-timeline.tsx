"use client";
// The candidate's interviews, newest first, and for rejected ones where the feedback stands: owed,
// drafted, published and how the candidate received it.
import { Badge, buttonClass, Card, cn, EmptyState } from "@debrief/ui";
import {
  type InterviewOutcome,
  outcomeLabels,
  type ProfileFeedback,
  type ProfileInterview,
  stageLabels,
} from "@debrief/validators";
import Link from "next/link";
import { LocalTime } from "~/pipeline/dates";
import { firstName, plural } from "./format";

const outcomeTones: Record<InterviewOutcome, "neutral" | "brand" | "green" | "red" | "amber"> = {
  pending: "neutral",
  progressed: "brand",
  offered: "green",
  rejected: "red",
  withdrawn: "amber",
};
const dotColours: Record<InterviewOutcome, string> = {
  pending: "bg-slate-400",
  progressed: "bg-brand-600",
  offered: "bg-emerald-600",
  rejected: "bg-red-600",
  withdrawn: "bg-amber-500",
};

export function InterviewTimeline({
  candidateId,
  candidateName,
  interviews,
}: {
  candidateId: string;
  candidateName: string;
  interviews: ProfileInterview[];
}) {
  return (
    <section aria-labelledby="interviews-heading" className="space-y-3">
      <h2
        id="interviews-heading"
        className="text-sm font-semibold uppercase tracking-wide text-muted"
      >
        Interviews
      </h2>
      {interviews.length ? (
        <ol className="relative space-y-4 before:absolute before:top-2 before:bottom-2 before:left-[5px] before:w-px before:bg-line">
          {interviews.map((interview) => (
            <li key={interview.id} className="relative pl-7">
              <span
                aria-hidden
                className={cn(
                  "absolute top-5 left-0 h-[11px] w-[11px] rounded-full ring-4 ring-canvas",
                  dotColours[interview.outcome],
                )}
              />
              <InterviewCard interview={interview} candidateName={candidateName} />
            </li>
          ))}
        </ol>
      ) : (
        <EmptyState
          title="No interviews yet"
          action={
            <Link href={`/interviews/new?candidate=${candidateId}`} className={buttonClass()}>
              Add an interview
            </Link>
          }
        >
          When {firstName(candidateName)} is put forward for a role, add the interview here. If they
          are turned down, this is where you will see the feedback you owe them.
        </EmptyState>
      )}
    </section>
  );
}

function InterviewCard({
  interview,
  candidateName,
}: {
  interview: ProfileInterview;
  candidateName: string;
}) {
  const { feedback } = interview;
  return (
    <Card className="p-4">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0">
          <h3 className="font-medium text-ink">
            {interview.jobTitle}{" "}
            <span className="font-normal text-muted">at {interview.clientName}</span>
          </h3>
          <p className="text-sm text-muted">
            {stageLabels[interview.stage]} ·{" "}
            <LocalTime value={interview.scheduledAt} format="date" /> · {interview.consultantName}
          </p>
        </div>
        <Badge tone={outcomeTones[interview.outcome]}>{outcomeLabels[interview.outcome]}</Badge>
      </div>
      {interview.outcome === "rejected" || feedback ? (
        <FeedbackStatus
          interviewId={interview.id}
          feedback={feedback}
          rejected={interview.outcome === "rejected"}
          candidateName={candidateName}
        />
      ) : null}
    </Card>
  );
}

function FeedbackStatus({
  interviewId,
  feedback,
  rejected,
  candidateName,
}: {
  interviewId: string;
  feedback: ProfileFeedback | null;
  rejected: boolean;
  candidateName: string;
}) {
  const href = `/interviews/${interviewId}/feedback`;
  if (!feedback) {
    return (
      <div className="mt-3 flex flex-wrap items-center justify-between gap-2 rounded-lg bg-amber-50 px-3 py-2">
        <p className="text-sm text-amber-900">
          {firstName(candidateName)} is waiting for feedback on this interview.
        </p>
        <Link href={href} className={buttonClass("primary", "sm")}>
          Write feedback
        </Link>
      </div>
    );
  }
  if (feedback.status !== "published") {
    const label = {
      draft: rejected ? "Draft feedback" : "Draft on hold",
      in_review: "Feedback awaiting approval",
      retracted: "Feedback retracted",
    }[feedback.status];
    return (
      <div className="mt-3 flex flex-wrap items-center justify-between gap-2 border-t border-line pt-3">
        <Badge tone={feedback.status === "in_review" ? "amber" : "neutral"}>{label}</Badge>
        <Link href={href} className={buttonClass("secondary", "sm")}>
          {feedback.status === "draft" ? "Continue draft" : "Open feedback"}
        </Link>
      </div>
    );
  }
  const { ratings } = feedback;
  const rated = ratings.helpful + ratings.notHelpful;
  return (
    <div className="mt-3 space-y-3 border-t border-line pt-3">
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2 text-sm">
        <Badge tone="green">
          Published
          {feedback.publishedAt ? (
            <>
              {" "}
              <LocalTime value={feedback.publishedAt} format="date" />
            </>
          ) : null}
        </Badge>
        <Milestone label="Read" at={feedback.readAt} missing="Not read yet" />
        <Milestone label="Acknowledged" at={feedback.acknowledgedAt} missing="Not acknowledged" />
      </div>
      <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 text-sm">
        <p className="text-ink">
          {rated ? (
            <>
              <span className="font-medium">
                {ratings.helpful} of {plural(ratings.items, "point")}
              </span>{" "}
              rated helpful
              {ratings.notHelpful ? (
                <span className="text-muted"> · {ratings.notHelpful} not helpful</span>
              ) : null}
            </>
          ) : (
            <span className="text-muted">No points rated yet</span>
          )}
          {feedback.thread.length ? (
            <>
              {" · "}
              <a
                href={`#thread-${feedback.id}`}
                className={cn(
                  "hover:underline",
                  feedback.awaitingAnswer ? "font-medium text-amber-800" : "text-brand-700",
                )}
              >
                {feedback.awaitingAnswer
                  ? "A question is waiting for you"
                  : plural(feedback.thread.length, "message")}
              </a>
            </>
          ) : null}
        </p>
        <Link href={href} className="font-medium text-brand-700 hover:underline">
          Open feedback
        </Link>
      </div>
      {ratings.comments.length ? (
        <ul className="space-y-2" aria-label="Comments on the points">
          {ratings.comments.map((c) => (
            <li key={c.itemId} className="rounded-lg bg-slate-50 px-3 py-2 text-sm">
              <p className="line-clamp-2 text-xs text-muted">
                On the {c.kind === "gap" ? "gap" : "strength"}: “{c.detail}”
              </p>
              <p className="mt-1 text-ink">
                <Badge tone={c.helpful ? "green" : "neutral"} className="mr-2 align-middle">
                  {c.helpful ? "Helpful" : "Not helpful"}
                </Badge>
                {c.comment}
              </p>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

function Milestone({ label, at, missing }: { label: string; at: Date | null; missing: string }) {
  if (!at) return <span className="text-muted">{missing}</span>;
  return (
    <span className="inline-flex items-center gap-1 text-emerald-800">
      <svg aria-hidden viewBox="0 0 16 16" className="h-3.5 w-3.5 fill-current">
        <path d="M6.2 11.3 2.9 8l-1 1 4.3 4.3 8-8-1-1z" />
      </svg>
      {label} <LocalTime value={at} format="date" />
    </span>
  );
}
