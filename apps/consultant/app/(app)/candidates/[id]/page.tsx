import type { CandidateProfile } from "@debrief/validators";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { requireSession } from "~/auth";
import { fetchOrNotFound, HydrateClient, trpc } from "~/trpc/server";
import { CandidateProfileView } from "./_components/candidate-profile";

export const metadata: Metadata = { title: "Candidate" };

export default async function CandidatePage({ params }: { params: Promise<{ id: string }> }) {
  await requireSession();
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) notFound();
  await fetchOrNotFound<CandidateProfile>(trpc.candidateProfile.get.queryOptions({ id }));
  return (
    <HydrateClient>
      <CandidateProfileView id={id} />
    </HydrateClient>
  );
}
