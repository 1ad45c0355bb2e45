import type { EditorOutput } from "@debrief/validators";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { requireSession } from "~/auth";
import { fetchOrNotFound, HydrateClient, prefetch, trpc } from "~/trpc/server";
import { FeedbackEditor } from "./_components/feedback-editor";

export const metadata: Metadata = { title: "Feedback" };

export default async function FeedbackEditorPage({ params }: { params: Promise<{ id: string }> }) {
  await requireSession();
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) notFound();
  prefetch(trpc.feedback.taxonomy.queryOptions());
  prefetch(trpc.template.list.queryOptions());
  await fetchOrNotFound<EditorOutput>(trpc.feedback.editor.queryOptions({ interviewId: id }));
  return (
    <HydrateClient>
      <FeedbackEditor interviewId={id} />
    </HydrateClient>
  );
}
