import { ListSkeleton, PageHeader } from "@debrief/ui";
import type { InterviewOutput } from "@debrief/validators";
import { stageLabels } from "@debrief/validators";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { z } from "zod";
import { requireSession } from "~/auth";
import { fetchOrNotFound, HydrateClient, prefetch, trpc } from "~/trpc/server";
import { EditInterview } from "../../_components/interview-form";

export const metadata: Metadata = { title: "Edit interview" };

export default async function EditInterviewPage({ params }: { params: Promise<{ id: string }> }) {
  const session = await requireSession();
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) notFound();
  prefetch(trpc.interview.formOptions.queryOptions());
  const interview = await fetchOrNotFound<InterviewOutput>(
    trpc.interview.byId.queryOptions({ id }),
  );
  prefetch(trpc.candidate.options.queryOptions({ includeId: interview.candidateId }));
  return (
    <HydrateClient>
      <PageHeader
        title={`Edit interview: ${interview.candidateName}`}
        description={`${interview.jobTitle} at ${interview.clientName} · ${stageLabels[interview.stage]}`}
      />
      <Suspense fallback={<ListSkeleton rows={4} />}>
        <EditInterview id={id} me={session.user.id} />
      </Suspense>
    </HydrateClient>
  );
}
