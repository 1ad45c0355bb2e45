import { ListSkeleton, PageHeader } from "@debrief/ui";
import type { Metadata } from "next";
import { Suspense } from "react";
import { requireSession } from "~/auth";
import { HydrateClient, prefetch, trpc } from "~/trpc/server";
import { CandidateForm } from "../_components/candidate-form";

export const metadata: Metadata = { title: "New candidate" };

export default async function NewCandidatePage() {
  const session = await requireSession();
  prefetch(trpc.candidate.formOptions.queryOptions());
  return (
    <HydrateClient>
      <PageHeader
        title="New candidate"
        description="Add someone your agency represents. You can schedule their interviews next."
      />
      <Suspense fallback={<ListSkeleton rows={4} />}>
        <CandidateForm defaultOwnerId={session.user.id} />
      </Suspense>
    </HydrateClient>
  );
}
