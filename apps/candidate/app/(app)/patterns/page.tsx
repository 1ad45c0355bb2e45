import { ListSkeleton, PageHeader } from "@debrief/ui";
import type { Metadata } from "next";
import { Suspense } from "react";
import { requireSession } from "~/auth";
import { HydrateClient, prefetch, trpc } from "~/trpc/server";
import { PatternsView } from "./_components/patterns-view";

export const metadata: Metadata = { title: "Patterns" };

export default async function PatternsPage() {
  await requireSession();
  prefetch(trpc.insights.patterns.queryOptions());
  return (
    <HydrateClient>
      <PageHeader
        title="Patterns"
        description="What comes up again and again across your feedback — so you can put your energy where it makes the most difference."
      />
      <Suspense fallback={<ListSkeleton />}>
        <PatternsView />
      </Suspense>
    </HydrateClient>
  );
}
