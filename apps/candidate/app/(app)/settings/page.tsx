import { ListSkeleton, PageHeader } from "@debrief/ui";
import type { Metadata } from "next";
import { Suspense } from "react";
import { requireSession } from "~/auth";
import { HydrateClient, prefetch, trpc } from "~/trpc/server";
import { EmailPreferences } from "./_components/email-preferences";

export const metadata: Metadata = { title: "Settings" };

// The worker's emails to candidates link here ("Choose which emails you get: …/settings").
export default async function SettingsPage() {
  const session = await requireSession();
  prefetch(trpc.notification.emailPreferences.queryOptions());
  return (
    <HydrateClient>
      <PageHeader title="Settings" description="Choose how Debrief keeps you up to date." />
      <Suspense fallback={<ListSkeleton rows={3} />}>
        <EmailPreferences email={session.user.email} />
      </Suspense>
    </HydrateClient>
  );
}
