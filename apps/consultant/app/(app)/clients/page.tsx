import { buttonClass, ListSkeleton, PageHeader } from "@debrief/ui";
import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { requireSession } from "~/auth";
import { clientListInput, type SearchParams } from "~/pipeline/search-params";
import { HydrateClient, prefetch, trpc } from "~/trpc/server";
import { ClientList } from "./_components/client-list";

export const metadata: Metadata = { title: "Clients" };

export default async function ClientsPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  await requireSession();
  const input = clientListInput(await searchParams);
  prefetch(trpc.client.list.queryOptions(input));
  return (
    <HydrateClient>
      <PageHeader
        title="Clients"
        description="The companies you recruit for, with their open jobs."
        actions={
          <Link href="/clients/new" className={buttonClass()}>
            New client
          </Link>
        }
      />
      <Suspense fallback={<ListSkeleton />}>
        <ClientList input={input} />
      </Suspense>
    </HydrateClient>
  );
}
