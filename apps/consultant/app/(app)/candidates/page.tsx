import { buttonClass, ListSkeleton, PageHeader } from "@debrief/ui";
import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { requireSession } from "~/auth";
import { candidateListInput, type SearchParams } from "~/pipeline/search-params";
import { HydrateClient, prefetch, trpc } from "~/trpc/server";
import { CandidateList } from "./_components/candidate-list";

export const metadata: Metadata = { title: "Candidates" };

export default async function CandidatesPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  const session = await requireSession();
  const input = candidateListInput(await searchParams);
  prefetch(trpc.candidate.list.queryOptions(input));
  prefetch(trpc.candidate.formOptions.queryOptions());
  return (
    <HydrateClient>
      <PageHeader
        title="Candidates"
        description="The people your agency represents, and the consultant who looks after each."
        actions={
          <Link href="/candidates/new" className={buttonClass()}>
            New candidate
          </Link>
        }
      />
      <Suspense fallback={<ListSkeleton />}>
        <CandidateList input={input} me={session.user.id} />
      </Suspense>
    </HydrateClient>
  );
}
