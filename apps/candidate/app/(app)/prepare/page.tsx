import { ListSkeleton, PageHeader } from "@debrief/ui";
import type { Metadata } from "next";
import { Suspense } from "react";
import { requireSession } from "~/auth";
import { HydrateClient, prefetch, trpc } from "~/trpc/server";
import { PrepareView } from "./_components/prepare-view";

export const metadata: Metadata = { title: "Prepare" };

export default async function PreparePage() {
  const session = await requireSession();
  prefetch(trpc.insights.prepare.queryOptions());
  return (
    <HydrateClient>
      <PageHeader
        title="Prepare for your next interview"
        description="Your open goals and the tips from past feedback, as a checklist to run through — and what to expect at each stage."
      />
      <Suspense fallback={<ListSkeleton />}>
        <PrepareView agencyName={session.user.agencyName} />
      </Suspense>
    </HydrateClient>
  );
}
