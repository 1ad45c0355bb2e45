// The frame every reports page shares: title and definition, the report navigation, the filters,
// and either the report or what is wrong with the filters.
import { EmptyState, PageHeader } from "@debrief/ui";
import { filterDefinition, type ReportFilterOptions } from "@debrief/validators";
import { type ReactNode, Suspense } from "react";
import { ListUrlProvider } from "~/pipeline/list-controls";
import { FilterBar } from "./filter-bar";
import { dayLabel } from "./format";
import { Updating } from "./parts";
import { ReportNav } from "./report-nav";
import type { FieldErrors } from "./report-params";

const fieldNames: Record<string, string> = {
  from: "Start date",
  to: "End date",
  consultantId: "Consultant",
  clientId: "Client",
  jobId: "Job",
  view: "Breakdown",
  of: "Count by",
};

export function ReportFrame({
  title,
  definition,
  actions,
  options,
  range,
  errors,
  skeleton,
  children,
}: {
  title: string;
  definition: string;
  actions?: ReactNode;
  options: ReportFilterOptions;
  range: { from?: string; to?: string };
  errors: FieldErrors | null;
  skeleton: ReactNode;
  children: ReactNode;
}) {
  return (
    <ListUrlProvider>
      <PageHeader title={title} description={definition} actions={actions} />
      <div className="space-y-4">
        <ReportNav />
        <FilterBar options={options} range={range} errors={errors ?? {}} />
        {range.from && range.to && !errors ? (
          <p className="text-xs text-muted">
            Rejections from <span className="font-medium text-ink">{dayLabel(range.from)}</span> to{" "}
            <span className="font-medium text-ink">{dayLabel(range.to)}</span>. {filterDefinition}
          </p>
        ) : null}
      </div>
      <div className="mt-6">
        {errors ? (
          <div role="alert" data-testid="filter-errors">
            <EmptyState title="These filters cannot be used">
              <ul className="space-y-1">
                {Object.entries(errors).map(([field, messages]) => (
                  <li key={field}>
                    {fieldNames[field] ?? field} {messages[0]}.
                  </li>
                ))}
              </ul>
              <p className="mt-2">Change them above, or reset the filters.</p>
            </EmptyState>
          </div>
        ) : (
          <Suspense fallback={skeleton}>
            <Updating>{children}</Updating>
          </Suspense>
        )}
      </div>
    </ListUrlProvider>
  );
}

export function ReportSkeleton() {
  return (
    <div className="space-y-6" role="status" aria-label="Loading the report">
      <div className="grid grid-cols-2 gap-3 lg:grid-cols-4">
        {["a", "b", "c", "d"].map((k) => (
          <div key={k} className="h-24 animate-pulse rounded-xl bg-slate-200" />
        ))}
      </div>
      <div className="h-96 animate-pulse rounded-xl bg-slate-200" />
    </div>
  );
}
