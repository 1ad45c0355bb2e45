import { ListSkeleton, PageHeader } from "@debrief/ui";
import type { Metadata } from "next";
import { Suspense } from "react";
import { requireSession } from "~/auth";
import { idParam, type SearchParams } from "~/pipeline/search-params";
import { HydrateClient, prefetch, trpc } from "~/trpc/server";
import { JobForm } from "../_components/job-form";

export const metadata: Metadata = { title: "New job" };

export default async function NewJobPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  await requireSession();
  const clientId = idParam(await searchParams, "client");
  prefetch(trpc.job.formOptions.queryOptions());
  return (
    <HydrateClient>
      <PageHeader
        title="New job"
        description="A vacancy at one of your clients. Interviews for it can be added next."
      />
      <Suspense fallback={<ListSkeleton rows={4} />}>
        <JobForm clientId={clientId} />
      </Suspense>
    </HydrateClient>
  );
}
