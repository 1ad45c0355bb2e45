import { ListSkeleton, PageHeader } from "@debrief/ui";
import type { Metadata } from "next";
import { Suspense } from "react";
import { requireSession } from "~/auth";
import { HydrateClient, prefetch, trpc } from "~/trpc/server";
import { PlansList } from "./_components/plans-list";

export const metadata: Metadata = { title: "Action plans" };

export default async function PlansPage() {
  await requireSession();
  prefetch(trpc.plan.list.queryOptions());
  return (
    <HydrateClient>
      <PageHeader
        title="Action plans"
        description="The goals you've set from your feedback. Small steps, ticked off one at a time, add up."
      />
      <Suspense fallback={<ListSkeleton />}>
        <PlansList />
      </Suspense>
    </HydrateClient>
  );
}
