import { buttonClass, ListSkeleton, PageHeader } from "@debrief/ui";
import type { JobOutput } from "@debrief/validators";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { z } from "zod";
import { requireSession } from "~/auth";
import { fetchOrNotFound, HydrateClient, prefetch, trpc } from "~/trpc/server";
import { EditJob } from "../../_components/job-form";

export const metadata: Metadata = { title: "Edit job" };

export default async function EditJobPage({ params }: { params: Promise<{ id: string }> }) {
  await requireSession();
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) notFound();
  prefetch(trpc.job.formOptions.queryOptions());
  const job = await fetchOrNotFound<JobOutput>(trpc.job.byId.queryOptions({ id }));
  return (
    <HydrateClient>
      <PageHeader
        title={`Edit ${job.title}`}
        description={`at ${job.clientName}`}
        actions={
          <>
            <Link href={`/interviews?job=${id}`} className={buttonClass("secondary")}>
              Interviews
            </Link>
            <Link href={`/interviews/new?job=${id}`} className={buttonClass("secondary")}>
              Add interview
            </Link>
          </>
        }
      />
      <Suspense fallback={<ListSkeleton rows={4} />}>
        <EditJob id={id} />
      </Suspense>
    </HydrateClient>
  );
}
