"use client";
// Pieces every report page uses: the headline figures, the card that holds chart and table, the
// empty state, and the breakdown switch wired to the URL.
import { buttonClass, Card, cn, EmptyState } from "@debrief/ui";
import { type AnyReportView, type ReportKind, reportInfo, viewLabels } from "@debrief/validators";
import { usePathname } from "next/navigation";
import type { ReactNode } from "react";
import { useListUrl } from "~/pipeline/list-controls";
import { Segmented } from "./report-nav";
import { queryOf, sharedParams } from "./report-params";

export function Stats({ children }: { children: ReactNode }) {
  return <dl className="grid grid-cols-2 gap-3 lg:grid-cols-4">{children}</dl>;
}

export function Stat({
  label,
  value,
  sub,
  tone,
  testId,
}: {
  label: string;
  value: ReactNode;
  sub?: ReactNode;
  tone?: "good" | "warn" | "bad";
  testId?: string;
}) {
  return (
    <div className="min-w-0 rounded-xl border border-line bg-white p-4 shadow-sm">
      <dt className="text-xs font-medium uppercase tracking-wide text-muted">{label}</dt>
      <dd
        className={cn(
          "mt-1 text-2xl font-semibold tracking-tight tabular-nums sm:text-3xl",
          tone === "good"
            ? "text-emerald-700"
            : tone === "warn"
              ? "text-amber-700"
              : tone === "bad"
                ? "text-red-700"
                : "text-ink",
        )}
        data-testid={testId}
      >
        {value}
      </dd>
      {sub ? <dd className="mt-1 text-xs text-muted">{sub}</dd> : null}
    </div>
  );
}

/** The report's CSV: the table below, for the filters and breakdown in the URL. */
export function DownloadCsv() {
  const { params } = useListUrl();
  const kind = usePathname().split("/").at(-1) as ReportKind;
  const query = queryOf(params, [...sharedParams, "by", "of"]);
  return (
    <a
      href={`/admin/reports/${kind}/csv${query ? `?${query}` : ""}`}
      download
      className={buttonClass("secondary", "sm")}
    >
      <svg aria-hidden viewBox="0 0 20 20" fill="currentColor" className="size-4">
        <path d="M10.75 2.75a.75.75 0 0 0-1.5 0v8.614L6.295 8.235a.75.75 0 1 0-1.09 1.03l4.25 4.5a.75.75 0 0 0 1.09 0l4.25-4.5a.75.75 0 0 0-1.09-1.03l-2.955 3.129V2.75Z" />
        <path d="M3.5 12.75a.75.75 0 0 0-1.5 0v2.5A2.75 2.75 0 0 0 4.75 18h10.5A2.75 2.75 0 0 0 18 15.25v-2.5a.75.75 0 0 0-1.5 0v2.5c0 .69-.56 1.25-1.25 1.25H4.75c-.69 0-1.25-.56-1.25-1.25v-2.5Z" />
      </svg>
      Download CSV
      <span className="sr-only"> of the {reportInfo[kind]?.title.toLowerCase()} table</span>
    </a>
  );
}

/** The chart above, the table below, in one card: they show the same rows. */
export function ReportCard({
  chart,
  table,
  rows,
  withTotal = true,
  csv = "The CSV has exactly these rows.",
}: {
  chart: ReactNode;
  table: ReactNode;
  /** How many rows the table (and the CSV) has, the total not counted. */
  rows: number;
  withTotal?: boolean;
  /** What the CSV holds, when it is more than the table. */
  csv?: string;
}) {
  return (
    <Card className="overflow-hidden">
      <div className="p-4 sm:p-6">{chart}</div>
      <div className="flex flex-wrap items-center justify-between gap-3 border-t border-line px-4 py-3 sm:px-6">
        <p className="text-sm text-muted">
          {rows} {rows === 1 ? "row" : "rows"}
          {withTotal ? " and the total" : ""}. {csv}
        </p>
        <DownloadCsv />
      </div>
      <div className="border-t border-line">{table}</div>
    </Card>
  );
}

/** The breakdown (and, for reasons, what is counted), kept in the URL. */
export function ViewSwitch<V extends AnyReportView>({
  views,
  value,
}: {
  views: readonly V[];
  value: V;
}) {
  const { update } = useListUrl();
  return (
    <Segmented
      label="Break down by"
      param="by"
      value={value}
      options={views.map((v) => ({ value: v, label: viewLabels[v] }))}
      onChange={(param, next) => update({ [param]: next === views[0] ? null : next })}
    />
  );
}

export function NothingInRange({ what }: { what: string }) {
  return (
    <EmptyState title={`No ${what} in this range`}>
      Widen the dates or reset a filter above. Reports count rejected interviews by the date of the
      rejection.
    </EmptyState>
  );
}

/** Content that dims while the next figures load, so a change never looks finished early. */
export function Updating({ children }: { children: ReactNode }) {
  const { pending } = useListUrl();
  return (
    <div
      aria-busy={pending}
      className={cn("space-y-6 transition-opacity", pending && "opacity-60")}
    >
      {children}
    </div>
  );
}
