"use client";
// The reports' front page: each report's headline figure for the shared filters, one click from the
// report itself (which keeps the filters).
import { Card } from "@debrief/ui";
import { type ReportKind, reportInfo } from "@debrief/validators";
import { useTRPC } from "@debrief/web/trpc/react";
import { useSuspenseQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useSearchParams } from "next/navigation";
import type { ReactNode } from "react";
import { count, hours, percent, points } from "./format";
import { type OverviewInput, queryOf, sharedParams } from "./report-params";

function Tile({
  kind,
  headline,
  detail,
}: {
  kind: ReportKind;
  headline: ReactNode;
  detail: ReactNode;
}) {
  const query = queryOf(useSearchParams(), sharedParams);
  const href = `/admin/reports/${kind}${query ? `?${query}` : ""}`;
  return (
    <Card className="group relative flex flex-col p-5 transition-shadow focus-within:ring-2 focus-within:ring-brand-600 hover:shadow-md">
      <h2 className="text-sm font-semibold uppercase tracking-wide text-muted">
        <Link href={href} className="after:absolute after:inset-0 focus:outline-none">
          {reportInfo[kind].title}
        </Link>
      </h2>
      <p
        className="mt-2 text-3xl font-semibold tracking-tight tabular-nums text-ink"
        data-testid={`overview-${kind}`}
      >
        {headline}
      </p>
      <p className="mt-1 text-sm text-muted">{detail}</p>
      <p className="mt-4 border-t border-line pt-3 text-xs leading-relaxed text-muted">
        {reportInfo[kind].definition}
      </p>
      <p aria-hidden className="mt-3 text-sm font-medium text-brand-700 group-hover:underline">
        Open report →
      </p>
    </Card>
  );
}

export function ReportsOverview({ input }: { input: OverviewInput }) {
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.admin.reports.overview.queryOptions(input));
  const { coverage: c, timeToFeedback: t, reasons: r, engagement: e, outcomes: o } = data;
  return (
    <div className="grid gap-4 md:grid-cols-2 xl:grid-cols-3">
      <Tile
        kind="coverage"
        headline={percent(c.share)}
        detail={`${count(c.published)} of ${count(c.rejected)} rejected interviews have published feedback`}
      />
      <Tile
        kind="time-to-feedback"
        headline={t.medianHours === null ? "—" : `${hours(t.medianHours)} median`}
        detail={`90th percentile ${hours(t.p90Hours)} · ${count(t.publishedLate)} published late · ${count(t.openOverdue)} unpublished past the ${t.slaHours}-hour SLA`}
      />
      <Tile
        kind="reasons"
        headline={r.top ? <span className="block truncate text-2xl">{r.top.label}</span> : "—"}
        detail={
          r.top
            ? `The most common reason: ${percent(r.top.share)} of ${count(r.gaps)} gaps${r.top.retired ? " (retired)" : ""}`
            : "No gaps in published feedback yet"
        }
      />
      <Tile
        kind="engagement"
        headline={`${percent(e.readShare)} read`}
        detail={`${percent(e.acknowledgedShare)} acknowledged · ${percent(e.planShare)} turned into a plan · ${percent(e.helpfulShare)} of rated points helpful`}
      />
      <Tile
        kind="outcomes"
        headline={
          o.comparable ? points(o.difference) : <span className="text-2xl">Too few to compare</span>
        }
        detail={`Offered later: ${percent(o.withPlanShare)} of ${count(o.withPlan)} with a plan, ${percent(o.withoutPlanShare)} of ${count(o.withoutPlan)} without${o.comparable ? "" : ` (each group needs ${o.minGroup})`}`}
      />
    </div>
  );
}
