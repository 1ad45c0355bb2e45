import { buttonClass, ListSkeleton, PageHeader } from "@debrief/ui";
import type { CandidateOutput } from "@debrief/validators";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { z } from "zod";
import { requireSession } from "~/auth";
import { fetchOrNotFound, HydrateClient, prefetch, trpc } from "~/trpc/server";
import { EditCandidate } from "../../_components/candidate-form";

export const metadata: Metadata = { title: "Edit candidate" };

export default async function EditCandidatePage({ params }: { params: Promise<{ id: string }> }) {
  await requireSession();
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) notFound();
  prefetch(trpc.candidate.formOptions.queryOptions());
  const candidate = await fetchOrNotFound<CandidateOutput>(
    trpc.candidate.byId.queryOptions({ id }),
  );
  return (
    <HydrateClient>
      <PageHeader
        title={`Edit ${candidate.name}`}
        description={candidate.email}
        actions={
          <>
            <Link href={`/interviews?candidate=${id}`} className={buttonClass("secondary")}>
              Interviews
            </Link>
            <Link href={`/interviews/new?candidate=${id}`} className={buttonClass("secondary")}>
              Add interview
            </Link>
          </>
        }
      />
      <Suspense fallback={<ListSkeleton rows={4} />}>
        <EditCandidate id={id} />
      </Suspense>
    </HydrateClient>
  );
}
