import { ListSkeleton, PageHeader } from "@debrief/ui";
import type { Metadata } from "next";
import { Suspense } from "react";
import { requireAdmin } from "~/auth";
import { HydrateClient, prefetch, trpc } from "~/trpc/server";
import { SettingsForm } from "./_components/settings-form";

export const metadata: Metadata = { title: "Agency settings" };

export default async function SettingsPage() {
  const session = await requireAdmin();
  prefetch(trpc.admin.settings.get.queryOptions());
  return (
    <HydrateClient>
      <PageHeader
        title="Agency settings"
        description={`How feedback works at ${session.user.agencyName}: the deadline consultants work to, who signs feedback off, and how long records are kept.`}
      />
      <Suspense fallback={<ListSkeleton rows={3} />}>
        <SettingsForm />
      </Suspense>
    </HydrateClient>
  );
}
