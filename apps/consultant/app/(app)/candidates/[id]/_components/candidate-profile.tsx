"use client";
// A candidate's page: who they are, their interviews and feedback, their questions, and the plans
// they built from it.
import { Badge, buttonClass, Card, PageHeader } from "@debrief/ui";
import type { CandidateProfile } from "@debrief/validators";
import { useTRPC } from "@debrief/web/trpc/react";
import { useSuspenseQuery } from "@tanstack/react-query";
import Link from "next/link";
import { ActionPlans } from "./action-plans";
import { InterviewTimeline } from "./interview-timeline";
import { QuestionThreads } from "./question-threads";

export function CandidateProfileView({ id }: { id: string }) {
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.candidateProfile.get.queryOptions({ id }));
  const { candidate, interviews, plans } = data;
  return (
    <>
      <PageHeader
        title={candidate.name}
        description={
          <span className="flex flex-wrap items-center gap-x-3 gap-y-1">
            {candidate.headline ? (
              <span className="font-medium text-ink">{candidate.headline}</span>
            ) : null}
            <a href={`mailto:${candidate.email}`} className="hover:text-brand-700 hover:underline">
              {candidate.email}
            </a>
            <span>Owner: {candidate.ownerName}</span>
            {candidate.hasLogin ? (
              <Badge tone="green">Portal</Badge>
            ) : (
              <Badge>No portal login</Badge>
            )}
          </span>
        }
        actions={
          <>
            <Link href={`/interviews/new?candidate=${id}`} className={buttonClass("secondary")}>
              Add interview
            </Link>
            <Link href={`/candidates/${id}/edit`} className={buttonClass("secondary")}>
              Edit<span className="sr-only"> {candidate.name}</span>
            </Link>
          </>
        }
      />
      <Summary profile={data} />
      <div className="mt-8 grid items-start gap-8 lg:grid-cols-5">
        <div className="space-y-8 lg:col-span-3">
          <QuestionThreads interviews={interviews} candidateName={candidate.name} />
          <InterviewTimeline
            candidateId={id}
            candidateName={candidate.name}
            interviews={interviews}
          />
        </div>
        <div className="lg:col-span-2">
          <ActionPlans plans={plans} candidateName={candidate.name} hasLogin={candidate.hasLogin} />
        </div>
      </div>
    </>
  );
}

/** The four numbers a consultant looks for first. */
function Summary({ profile }: { profile: CandidateProfile }) {
  const rejected = profile.interviews.filter((i) => i.outcome === "rejected");
  const published = rejected.filter((i) => i.feedback?.status === "published");
  const ratings = published.map((i) => i.feedback?.ratings);
  const helpful = ratings.reduce((n, r) => n + (r?.helpful ?? 0), 0);
  const rated = ratings.reduce((n, r) => n + (r ? r.helpful + r.notHelpful : 0), 0);
  const goals = profile.plans.flatMap((p) => p.goals);
  const done = goals.filter((g) => g.status === "done").length;
  const stats = [
    { label: "Interviews", value: String(profile.interviews.length) },
    {
      label: "Feedback published",
      value: rejected.length ? `${published.length} of ${rejected.length}` : "—",
      note: rejected.length ? "of rejections" : "no rejections",
    },
    {
      label: "Rated helpful",
      value: rated ? `${helpful} of ${rated}` : "—",
      note: rated ? "rated points" : "nothing rated yet",
    },
    {
      label: "Goals done",
      value: goals.length ? `${done} of ${goals.length}` : "—",
      note: goals.length ? "goals" : "no goals yet",
    },
  ];
  return (
    <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
      {stats.map((s) => (
        <Card key={s.label} className="px-4 py-3">
          <dt className="text-xs font-medium uppercase tracking-wide text-muted">{s.label}</dt>
          <dd className="mt-1 text-xl font-semibold text-ink">
            {s.value}
            {s.note ? (
              <span className="ml-1.5 text-xs font-normal text-muted">{s.note}</span>
            ) : null}
          </dd>
        </Card>
      ))}
    </dl>
  );
}
