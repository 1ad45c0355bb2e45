"use client";
// The candidate's questions about their feedback, one conversation per feedback, waiting ones
// first, each with a form to answer.
import { Badge, Card, cn } from "@debrief/ui";
import type { ProfileInterview } from "@debrief/validators";
import { toast } from "@debrief/web/toast";
import { useTRPC } from "@debrief/web/trpc/react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { LocalTime } from "~/pipeline/dates";
import { firstName } from "./format";
import { PostForm } from "./post-form";

type Thread = ProfileInterview & { feedback: NonNullable<ProfileInterview["feedback"]> };

export function QuestionThreads({
  interviews,
  candidateName,
}: {
  interviews: ProfileInterview[];
  candidateName: string;
}) {
  const threads = interviews
    .filter((i): i is Thread => Boolean(i.feedback?.thread.length))
    // Waiting questions first; otherwise the most recent conversation first.
    .sort(
      (a, b) =>
        Number(b.feedback.awaitingAnswer) - Number(a.feedback.awaitingAnswer) ||
        lastAt(b).getTime() - lastAt(a).getTime(),
    );
  const waiting = threads.filter((t) => t.feedback.awaitingAnswer).length;
  return (
    <section aria-labelledby="questions-heading" className="space-y-3">
      <div className="flex items-center gap-2">
        <h2
          id="questions-heading"
          className="text-sm font-semibold uppercase tracking-wide text-muted"
        >
          Questions
        </h2>
        {waiting ? <Badge tone="amber">{waiting} waiting</Badge> : null}
      </div>
      {threads.length ? (
        threads.map((t) => (
          <ThreadCard key={t.feedback.id} thread={t} candidateName={candidateName} />
        ))
      ) : (
        <p className="rounded-xl border border-dashed border-slate-300 bg-white px-5 py-4 text-sm text-muted">
          No questions from {firstName(candidateName)} yet. When they ask about a point in their
          feedback, the question appears here for you to answer, and on your dashboard.
        </p>
      )}
    </section>
  );
}

const lastAt = (t: Thread) => t.feedback.thread.at(-1)?.createdAt ?? new Date(0);

function ThreadCard({ thread, candidateName }: { thread: Thread; candidateName: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const answer = useMutation(trpc.clarification.answer.mutationOptions());
  const { feedback } = thread;
  const canAnswer = feedback.status === "published";
  const first = firstName(candidateName);

  async function post(body: string) {
    await answer.mutateAsync({ feedbackId: feedback.id, body });
    // The dashboard lists waiting questions too: both views must drop this one.
    await Promise.all([
      queryClient.invalidateQueries(trpc.candidateProfile.pathFilter()),
      queryClient.invalidateQueries(trpc.dashboard.pathFilter()),
    ]);
    toast.success(`Answer sent. ${first} will see it with the feedback.`);
  }

  return (
    <Card
      id={`thread-${feedback.id}`}
      className={cn("scroll-mt-24 p-5", feedback.awaitingAnswer && "border-amber-300")}
    >
      <div className="mb-3 flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0">
          <h3 className="font-medium text-ink">
            About the{" "}
            <Link
              href={`/interviews/${thread.id}/feedback`}
              className="text-brand-700 hover:underline"
            >
              {thread.jobTitle}
            </Link>{" "}
            feedback
          </h3>
          <p className="text-xs text-muted">{thread.clientName}</p>
        </div>
        {feedback.awaitingAnswer ? (
          <Badge tone="amber">Waiting for your answer</Badge>
        ) : (
          <Badge tone="green">Answered</Badge>
        )}
      </div>
      <ol className="space-y-3" aria-label="Messages, oldest first">
        {feedback.thread.map((m) => {
          const fromCandidate = m.authorRole === "candidate";
          return (
            <li key={m.id} className={cn("flex", fromCandidate ? "justify-start" : "justify-end")}>
              <div
                className={cn(
                  "max-w-[85%] rounded-2xl px-4 py-2.5 text-sm",
                  fromCandidate
                    ? "rounded-bl-sm bg-slate-100 text-ink"
                    : "rounded-br-sm bg-brand-50 text-ink",
                )}
              >
                <p className="whitespace-pre-line">{m.body}</p>
                <p className="mt-1 text-xs text-muted">
                  {m.authorName} · <LocalTime value={m.createdAt} />
                </p>
              </div>
            </li>
          );
        })}
      </ol>
      <div className="mt-4 border-t border-line pt-4">
        {canAnswer && feedback.awaitingAnswer ? (
          <AnswerForm thread={thread} first={first} onPost={post} />
        ) : canAnswer ? (
          // Answered: the form stays out of the way until the consultant wants to add something.
          <details>
            <summary className="cursor-pointer list-none text-sm font-medium text-brand-700 hover:underline [&::-webkit-details-marker]:hidden">
              Add to the conversation
            </summary>
            <div className="mt-3">
              <AnswerForm thread={thread} first={first} onPost={post} />
            </div>
          </details>
        ) : (
          <p className="text-sm text-muted">
            This feedback is no longer published, so {first} cannot read new messages here.
          </p>
        )}
      </div>
    </Card>
  );
}

function AnswerForm({
  thread,
  first,
  onPost,
}: {
  thread: Thread;
  first: string;
  onPost: (body: string) => Promise<void>;
}) {
  return (
    <PostForm
      kind="answer"
      label={thread.feedback.awaitingAnswer ? `Answer ${first}` : `Message ${first}`}
      formLabel={`Answer about the ${thread.jobTitle} feedback`}
      hint={`${first} is notified and reads it beside the feedback.`}
      placeholder="Be specific: what would a stronger answer have included?"
      submitLabel="Send answer"
      onPost={onPost}
    />
  );
}
