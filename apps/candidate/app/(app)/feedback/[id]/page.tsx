import type { MyFeedbackView } from "@debrief/validators";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { requireSession } from "~/auth";
import { fetchOrNotFound, HydrateClient, trpc } from "~/trpc/server";
import { FeedbackPage } from "./_components/feedback-page";

export const metadata: Metadata = { title: "Feedback" };

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  await requireSession();
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) notFound();
  await fetchOrNotFound<MyFeedbackView>(trpc.myFeedback.byId.queryOptions({ id }));
  return (
    <HydrateClient>
      <Link
        href="/"
        className="mb-6 inline-block text-sm font-medium text-brand-700 hover:underline"
      >
        ← All feedback
      </Link>
      <FeedbackPage id={id} />
    </HydrateClient>
  );
}
