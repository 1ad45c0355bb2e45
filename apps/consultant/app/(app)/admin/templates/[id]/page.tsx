import { ListSkeleton, PageHeader } from "@debrief/ui";
import type { AdminTemplateDetail } from "@debrief/validators";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { z } from "zod";
import { requireAdmin } from "~/auth";
import { fetchOrNotFound, HydrateClient, prefetch, trpc } from "~/trpc/server";
import { EditTemplate } from "../_components/template-form";

export const metadata: Metadata = { title: "Edit template" };

export default async function EditTemplatePage({ params }: { params: Promise<{ id: string }> }) {
  await requireAdmin();
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) notFound();
  prefetch(trpc.admin.settings.taxonomy.list.queryOptions());
  const template = await fetchOrNotFound<AdminTemplateDetail>(
    trpc.admin.settings.templates.byId.queryOptions({ id }),
  );
  return (
    <HydrateClient>
      <PageHeader
        title={`Edit “${template.name}”`}
        description="Changes apply to feedback started from this template from now on; feedback already written keeps its own words."
      />
      <Suspense fallback={<ListSkeleton rows={4} />}>
        <EditTemplate id={id} />
      </Suspense>
    </HydrateClient>
  );
}
