import { ListSkeleton, PageHeader } from "@debrief/ui";
import type { Metadata } from "next";
import { Suspense } from "react";
import { requireSession } from "~/auth";
import { idParam, type SearchParams } from "~/pipeline/search-params";
import { HydrateClient, prefetch, trpc } from "~/trpc/server";
import { InterviewForm } from "../_components/interview-form";

export const metadata: Metadata = { title: "New interview" };

export default async function NewInterviewPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  const session = await requireSession();
  const params = await searchParams;
  const candidateId = idParam(params, "candidate");
  const jobId = idParam(params, "job");
  prefetch(trpc.interview.formOptions.queryOptions());
  prefetch(trpc.candidate.options.queryOptions({ includeId: candidateId }));
  return (
    <HydrateClient>
      <PageHeader
        title="New interview"
        description="Book it in now; record the outcome when you hear back."
      />
      <Suspense fallback={<ListSkeleton rows={4} />}>
        <InterviewForm me={session.user.id} candidateId={candidateId} jobId={jobId} />
      </Suspense>
    </HydrateClient>
  );
}
