import { ListSkeleton, PageHeader } from "@debrief/ui";
import type { Metadata } from "next";
import { Suspense } from "react";
import { requireAdmin } from "~/auth";
import { HydrateClient, prefetch, trpc } from "~/trpc/server";
import { TemplateForm } from "../_components/template-form";

export const metadata: Metadata = { title: "New template" };

export default async function NewTemplatePage() {
  await requireAdmin();
  prefetch(trpc.admin.settings.taxonomy.list.queryOptions());
  return (
    <HydrateClient>
      <PageHeader
        title="New template"
        description="The points a consultant starts from for this kind of role, in the three lenses of the feedback editor."
      />
      <Suspense fallback={<ListSkeleton rows={4} />}>
        <TemplateForm />
      </Suspense>
    </HydrateClient>
  );
}
