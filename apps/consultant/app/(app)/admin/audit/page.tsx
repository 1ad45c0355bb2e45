import { ListSkeleton, PageHeader } from "@debrief/ui";
import type { Metadata } from "next";
import { Suspense } from "react";
import { requireAdmin } from "~/auth";
import { HydrateClient, prefetch, trpc } from "~/trpc/server";
import { AuditLog } from "./_components/audit-log";
import { auditListInput, type SearchParams } from "./_components/search-params";

export const metadata: Metadata = { title: "Audit log" };

export default async function AuditPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requireAdmin();
  const { input, droppedTo } = auditListInput(await searchParams);
  prefetch(trpc.admin.audit.list.queryOptions(input));
  prefetch(trpc.admin.audit.facets.queryOptions());
  return (
    <HydrateClient>
      <PageHeader
        title="Audit log"
        description="Who did what in your agency, and when: sign-ins, publishing, revisions and retractions, fairness overrides, role changes, exports and erasures. Entries are permanent — nobody can edit or delete them."
      />
      <Suspense fallback={<ListSkeleton rows={8} />}>
        <AuditLog input={input} droppedTo={droppedTo} />
      </Suspense>
    </HydrateClient>
  );
}
