import { ListSkeleton, PageHeader } from "@debrief/ui";
import { journalKinds } from "@debrief/validators";
import type { Metadata } from "next";
import { Suspense } from "react";
import { z } from "zod";
import { requireSession } from "~/auth";
import { HydrateClient, prefetch, trpc } from "~/trpc/server";
import { Journal } from "./_components/journal";

export const metadata: Metadata = { title: "Journal" };

const params = z.object({
  kind: z.enum(journalKinds).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
});

export default async function JournalPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requireSession();
  const { kind, page } = params.parse(await searchParams);
  prefetch(trpc.journal.list.queryOptions({ kind, page }));
  prefetch(trpc.journal.options.queryOptions());
  return (
    <HydrateClient>
      <PageHeader
        title="Journal"
        description="Your own space: reflect after an interview, note what you want to prepare, and celebrate your wins — big or small. Only you can see it."
      />
      <Suspense fallback={<ListSkeleton />}>
        <Journal kind={kind} page={page} />
      </Suspense>
    </HydrateClient>
  );
}
