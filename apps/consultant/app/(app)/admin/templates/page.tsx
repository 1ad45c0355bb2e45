import { buttonClass, ListSkeleton, PageHeader } from "@debrief/ui";
import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { requireAdmin } from "~/auth";
import { HydrateClient, prefetch, trpc } from "~/trpc/server";
import { TemplateList } from "./_components/template-list";

export const metadata: Metadata = { title: "Templates" };

export default async function TemplatesPage() {
  await requireAdmin();
  prefetch(trpc.admin.settings.templates.list.queryOptions());
  return (
    <HydrateClient>
      <PageHeader
        title="Templates"
        description="Starting points for feedback, one per kind of role. Consultants load a template's points into the editor, then replace each … with what they saw."
        actions={
          <Link href="/admin/templates/new" className={buttonClass()}>
            New template
          </Link>
        }
      />
      <Suspense fallback={<ListSkeleton />}>
        <TemplateList />
      </Suspense>
    </HydrateClient>
  );
}
