import { ListSkeleton, PageHeader } from "@debrief/ui";
import type { Metadata } from "next";
import { Suspense } from "react";
import { requireSession } from "~/auth";
import { HydrateClient, prefetch, trpc } from "~/trpc/server";
import { Overview } from "./_components/overview";
import { OwedFeedback } from "./_components/owed-feedback";

export const metadata: Metadata = { title: "Dashboard" };

export default async function DashboardPage() {
  const session = await requireSession();
  prefetch(trpc.feedback.owed.queryOptions());
  prefetch(trpc.dashboard.overview.queryOptions());
  return (
    <HydrateClient>
      <PageHeader
        title={`Good to see you, ${session.user.name.split(" ")[0] ?? ""}`}
        description="Rejected interviews waiting for your feedback, oldest first. Candidates who hear back quickly come back to you."
      />
      <section aria-labelledby="owed-heading">
        <h2
          id="owed-heading"
          className="mb-3 text-sm font-semibold uppercase tracking-wide text-muted"
        >
          Feedback owed
        </h2>
        <Suspense fallback={<ListSkeleton />}>
          <OwedFeedback />
        </Suspense>
      </section>
      <div className="mt-8">
        <Suspense fallback={<ListSkeleton rows={2} />}>
          <Overview />
        </Suspense>
      </div>
    </HydrateClient>
  );
}
