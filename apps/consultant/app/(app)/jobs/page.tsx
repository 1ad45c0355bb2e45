import { buttonClass, ListSkeleton, PageHeader } from "@debrief/ui";
import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { requireSession } from "~/auth";
import { jobListInput, type SearchParams } from "~/pipeline/search-params";
import { HydrateClient, prefetch, trpc } from "~/trpc/server";
import { JobList } from "./_components/job-list";

export const metadata: Metadata = { title: "Jobs" };

export default async function JobsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requireSession();
  const input = jobListInput(await searchParams);
  prefetch(trpc.job.list.queryOptions(input));
  prefetch(trpc.job.formOptions.queryOptions());
  return (
    <HydrateClient>
      <PageHeader
        title="Jobs"
        description="Vacancies at your clients, newest first, with the competencies each one needs."
        actions={
          <Link
            href={input.clientId ? `/jobs/new?client=${input.clientId}` : "/jobs/new"}
            className={buttonClass()}
          >
            New job
          </Link>
        }
      />
      <Suspense fallback={<ListSkeleton />}>
        <JobList input={input} />
      </Suspense>
    </HydrateClient>
  );
}
