import { ListSkeleton, PageHeader } from "@debrief/ui";
import type { Metadata } from "next";
import { Suspense } from "react";
import { requireAdmin } from "~/auth";
import { HydrateClient, prefetch, trpc } from "~/trpc/server";
import { TaxonomyManager } from "./_components/taxonomy-manager";

export const metadata: Metadata = { title: "Taxonomy" };

export default async function TaxonomyPage() {
  await requireAdmin();
  prefetch(trpc.admin.settings.taxonomy.list.queryOptions());
  return (
    <HydrateClient>
      <PageHeader
        title="Taxonomy"
        description="The rejection reasons and competencies consultants choose from on every feedback point, and that the reports count by. Retire what you no longer use: past feedback keeps it."
      />
      <Suspense fallback={<ListSkeleton rows={6} />}>
        <TaxonomyManager />
      </Suspense>
    </HydrateClient>
  );
}
