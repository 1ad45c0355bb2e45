import { ListSkeleton, PageHeader } from "@debrief/ui";
import type { Metadata } from "next";
import { type ReactNode, Suspense } from "react";
import { requireSession } from "~/auth";
import { Overview } from "./_components/overview";
import { OwedFeedback } from "./_components/owed-feedback";

export const metadata: Metadata = { title: "Dashboard" };

function OwedSection({ children }: { children: ReactNode }) {
  return (
    <section aria-labelledby="owed-heading">
      <h2
        id="owed-heading"
        className="mb-3 text-sm font-semibold uppercase tracking-wide text-muted"
      >
        Feedback owed
      </h2>
      {children}
    </section>
  );
}

export default async function DashboardPage() {
  const session = await requireSession();
  // Both panels are server components that fetch their own data, behind one boundary: shown
  // together, the quicker overview never appears first only to be pushed down the screen by the
  // owed list arriving above it (a layout shift).
  return (
    <>
      <PageHeader
        title={`Good to see you, ${session.user.name.split(" ")[0] ?? ""}`}
        description="Rejected interviews waiting for your feedback, oldest first. Candidates who hear back quickly come back to you."
      />
      <Suspense
        fallback={
          <OwedSection>
            <ListSkeleton />
          </OwedSection>
        }
      >
        <OwedSection>
          <OwedFeedback />
        </OwedSection>
        <div className="mt-8">
          <Overview />
        </div>
      </Suspense>
    </>
  );
}
