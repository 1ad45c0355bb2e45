import { ListSkeleton, PageHeader } from "@debrief/ui";
import type { Metadata } from "next";
import { Suspense } from "react";
import { requireAdmin } from "~/auth";
import { HydrateClient, prefetch, trpc } from "~/trpc/server";
import { Delivery } from "./_components/delivery";
import { SentMessages } from "./_components/sent-messages";

export const metadata: Metadata = { title: "Email" };

export default async function MailPage() {
  await requireAdmin();
  prefetch(trpc.admin.mail.queue.queryOptions());
  prefetch(trpc.admin.mail.list.queryOptions({}));
  return (
    <HydrateClient>
      <PageHeader
        title="Email"
        description="The email Debrief sends for your agency: invitations, published feedback, questions, reminders. Delivery happens in the background and is retried when the mail server does not answer."
      />
      <div className="space-y-8">
        <Suspense fallback={<ListSkeleton rows={2} />}>
          <Delivery />
        </Suspense>
        <Suspense fallback={<ListSkeleton rows={6} />}>
          <SentMessages />
        </Suspense>
      </div>
    </HydrateClient>
  );
}
