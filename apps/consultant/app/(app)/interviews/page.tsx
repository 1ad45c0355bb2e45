import { buttonClass, ListSkeleton, PageHeader } from "@debrief/ui";
import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { requireSession } from "~/auth";
import { interviewListInput, type SearchParams } from "~/pipeline/search-params";
import { HydrateClient, prefetch, trpc } from "~/trpc/server";
import { InterviewList } from "./_components/interview-list";

export const metadata: Metadata = { title: "Interviews" };

export default async function InterviewsPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  const session = await requireSession();
  const input = interviewListInput(await searchParams);
  prefetch(trpc.interview.list.queryOptions(input));
  prefetch(trpc.interview.formOptions.queryOptions());
  if (input.candidateId) prefetch(trpc.candidate.byId.queryOptions({ id: input.candidateId }));
  const newHref = [
    input.candidateId ? `candidate=${input.candidateId}` : null,
    input.jobId ? `job=${input.jobId}` : null,
  ]
    .filter(Boolean)
    .join("&");
  return (
    <HydrateClient>
      <PageHeader
        title="Interviews"
        description="Every interview, newest first. Record an outcome when you hear back: a rejection goes straight to your feedback queue."
        actions={
          <Link
            href={newHref ? `/interviews/new?${newHref}` : "/interviews/new"}
            className={buttonClass()}
          >
            New interview
          </Link>
        }
      />
      <Suspense fallback={<ListSkeleton rows={6} />}>
        <InterviewList input={input} me={session.user.id} />
      </Suspense>
    </HydrateClient>
  );
}
