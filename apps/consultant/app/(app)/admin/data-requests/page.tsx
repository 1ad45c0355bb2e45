import { ListSkeleton, PageHeader } from "@debrief/ui";
import type { Metadata } from "next";
import { Suspense } from "react";
import { requireAdmin } from "~/auth";
import { HydrateClient, prefetch, trpc } from "~/trpc/server";
import { CandidateActions } from "./_components/candidate-actions";
import { DataRequestList } from "./_components/data-request-list";
import { dataRequestListInput, type SearchParams } from "./_components/search-params";

export const metadata: Metadata = { title: "Data requests" };

export default async function DataRequestsPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  await requireAdmin();
  const input = dataRequestListInput(await searchParams);
  prefetch(trpc.admin.dataRequests.list.queryOptions(input));
  return (
    <HydrateClient>
      <PageHeader
        title="Data requests"
        description="Candidates' requests for their data and for its erasure. An export is the same file the candidate downloads themselves; an erasure removes their personal data everywhere and cannot be undone."
      />
      <div className="space-y-8">
        <Suspense fallback={<ListSkeleton rows={4} />}>
          <DataRequestList input={input} />
        </Suspense>
        <CandidateActions />
      </div>
    </HydrateClient>
  );
}
