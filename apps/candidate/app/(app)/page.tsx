import { ListSkeleton, PageHeader } from "@debrief/ui";
import type { Metadata } from "next";
import { Suspense } from "react";
import { requireSession } from "~/auth";
import { Inbox } from "./_components/inbox";

export const metadata: Metadata = { title: "My feedback" };

export default async function InboxPage() {
  await requireSession();
  return (
    <>
      <PageHeader
        title="My feedback"
        description="What interview panels said about you, newest first. Each point comes with a next step you can act on."
      />
      <Suspense fallback={<ListSkeleton />}>
        <Inbox />
      </Suspense>
    </>
  );
}
