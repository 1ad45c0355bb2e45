"use client";
// Recurring gaps (reasons and competencies) and strengths across the candidate's recent feedback,
// each with its count as text and a bar that only illustrates it (hidden from screen readers).
import { buttonClass, Card, EmptyState } from "@debrief/ui";
import type { Pattern } from "@debrief/validators";
import { useTRPC } from "@debrief/web/trpc/react";
import { useSuspenseQuery } from "@tanstack/react-query";
import Link from "next/link";

const dateFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short" });

/** "3 of your last 4 interviews", "each of your last 3 interviews", "your last interview". */
export function frequency(count: number, window: number) {
  if (window === 1) return "your last interview";
  if (count === window) return `each of your last ${window} interviews`;
  return `${count} of your last ${window} interviews`;
}

function PatternList({
  title,
  intro,
  patterns,
  window,
  tone,
  emptyText,
}: {
  title: string;
  intro: string;
  patterns: Pattern[];
  window: number;
  tone: "amber" | "green";
  emptyText: string;
}) {
  const recurring = patterns.filter((p) => p.count > 1);
  const once = patterns.filter((p) => p.count === 1);
  const headingId = `${title.replace(/\W+/g, "-").toLowerCase()}-heading`;
  const bar = tone === "amber" ? "bg-amber-500" : "bg-emerald-600";
  return (
    <section aria-labelledby={headingId}>
      <Card className="p-5">
        <h2 id={headingId} className="text-lg font-semibold text-ink">
          {title}
        </h2>
        <p className="mt-1 text-sm text-muted">{intro}</p>
        {recurring.length === 0 ? (
          <p className="mt-4 text-sm text-ink">{emptyText}</p>
        ) : (
          <ul className="mt-4 space-y-4">
            {recurring.map((p) => (
              <li key={p.label}>
                <div className="flex flex-wrap items-baseline justify-between gap-x-4">
                  <p className="font-medium text-ink">{p.label}</p>
                  <p className="text-sm text-muted">In {frequency(p.count, window)}</p>
                </div>
                <div aria-hidden className="mt-1.5 h-2.5 w-full rounded-full bg-slate-100">
                  <div
                    className={`h-2.5 rounded-full ${bar}`}
                    style={{ width: `${Math.round((p.count / window) * 100)}%` }}
                  />
                </div>
                <details className="mt-2 text-sm">
                  <summary className="cursor-pointer text-brand-700 hover:underline">
                    What the panels said ({p.sources.length})
                  </summary>
                  <ul className="mt-2 space-y-2 border-l-2 border-line pl-3">
                    {p.sources.map((src) => (
                      <li key={src.itemId}>
                        <p className="text-ink">“{src.detail}”</p>
                        <Link
                          href={`/feedback/${src.feedbackId}`}
                          className="text-xs font-medium text-brand-700 hover:underline"
                        >
                          {src.jobTitle} at {src.clientName} · {dateFormat.format(src.publishedAt)}
                        </Link>
                      </li>
                    ))}
                  </ul>
                </details>
              </li>
            ))}
          </ul>
        )}
        {once.length ? (
          <p className="mt-4 text-xs text-muted">
            Mentioned once: {once.map((p) => p.label).join(", ")}.
          </p>
        ) : null}
      </Card>
    </section>
  );
}

export function PatternsView() {
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.insights.patterns.queryOptions());
  if (data.window === 0) {
    return (
      <EmptyState
        title="No patterns yet"
        action={
          <Link href="/" className={buttonClass("secondary")}>
            Go to my feedback
          </Link>
        }
      >
        Patterns appear once you have feedback from an interview. After two or three, you'll see
        which points come up again — and which strengths panels keep noticing.
      </EmptyState>
    );
  }
  const top = data.reasons.find((r) => r.count > 1);
  return (
    <div className="space-y-6">
      <p className="text-sm text-muted">
        Based on the feedback from{" "}
        {data.window === 1 ? "your last interview" : `your last ${data.window} interviews`}.
        {top ? (
          <>
            {" "}
            The one to focus on first: <strong className="text-ink">{top.label}</strong> —{" "}
            {frequency(top.count, data.window)}.
          </>
        ) : null}
      </p>
      <PatternList
        title="What keeps coming up"
        intro="The reasons panels gave most often when something held you back."
        patterns={data.reasons}
        window={data.window}
        tone="amber"
        emptyText="No reason has come up more than once — nothing is following you from interview to interview."
      />
      <PatternList
        title="Skills to strengthen"
        intro="The skills named most often in the points to work on."
        patterns={data.gapCompetencies}
        window={data.window}
        tone="amber"
        emptyText="No skill has been flagged more than once."
      />
      <PatternList
        title="Strengths panels keep noticing"
        intro="Keep doing these — and lead with them."
        patterns={data.strengths}
        window={data.window}
        tone="green"
        emptyText="Strengths will show here once a panel praises the same thing twice."
      />
      {top ? (
        <p className="text-sm text-muted">
          Ready to work on it?{" "}
          <Link href="/plans" className="font-medium text-brand-700 hover:underline">
            Turn a point into a goal in your action plans
          </Link>
          .
        </p>
      ) : null}
    </div>
  );
}
