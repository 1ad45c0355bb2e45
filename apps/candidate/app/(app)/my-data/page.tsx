import { ListSkeleton, PageHeader } from "@debrief/ui";
import type { Metadata } from "next";
import { Suspense } from "react";
import { requireSession } from "~/auth";
import { HydrateClient, prefetch, trpc } from "~/trpc/server";
import { MyDataView } from "./_components/my-data-view";

export const metadata: Metadata = { title: "My data" };

export default async function MyDataPage() {
  const session = await requireSession();
  prefetch(trpc.myData.requests.queryOptions());
  return (
    <HydrateClient>
      <PageHeader
        title="My data"
        description={`See everything ${session.user.agencyName} holds about you, or ask for it to be erased.`}
      />
      <Suspense fallback={<ListSkeleton rows={2} />}>
        <MyDataView agencyName={session.user.agencyName} />
      </Suspense>
    </HydrateClient>
  );
}
