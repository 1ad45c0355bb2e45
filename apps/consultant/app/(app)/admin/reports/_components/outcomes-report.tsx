"use client";
import { Card } from "@debrief/ui";
import { type OutcomesRow, outcomesColumns, reportViews } from "@debrief/validators";
import { useTRPC } from "@debrief/web/trpc/react";
import { useSuspenseQuery } from "@tanstack/react-query";
import { CategoryChart, ChartFigure, palette, TrendChart } from "./charts";
import { count, percent, points } from "./format";
import { NothingInRange, ReportCard, ViewSwitch } from "./parts";
import type { ReportInputs } from "./report-params";
import { ReportTable } from "./report-table";

const series = [
  { key: "withPlanShare", name: "Built a plan", color: palette.teal },
  { key: "withoutPlanShare", name: "No plan", color: palette.slate },
];

function Group({
  title,
  people,
  offered,
  share,
  colour,
  testId,
}: {
  title: string;
  people: number;
  offered: number;
  share: number | null;
  colour: string;
  testId: string;
}) {
  return (
    <div className="min-w-0 rounded-xl border border-line bg-white p-4 shadow-sm">
      <p className="flex items-center gap-2 text-xs font-medium uppercase tracking-wide text-muted">
        <span aria-hidden className="size-2.5 rounded-full" style={{ background: colour }} />
        {title}
      </p>
      <p
        className="mt-1 text-3xl font-semibold tracking-tight tabular-nums text-ink"
        data-testid={testId}
      >
        {percent(share)}
      </p>
      <p className="mt-1 text-sm text-muted">
        {count(offered)} of {count(people)} candidates offered a job later
      </p>
    </div>
  );
}

function Verdict({ t, minGroup }: { t: OutcomesRow; minGroup: number }) {
  if (!t.comparable) {
    return (
      <Card
        className="flex items-center border-dashed p-4 text-sm text-muted"
        data-testid="verdict"
      >
        <p>
          <span className="font-semibold text-ink">Too few to compare.</span> Each group needs at
          least {minGroup} candidates; this range has {count(t.withPlan)} with a plan and{" "}
          {count(t.withoutPlan)} without. Widen the dates to compare.
        </p>
      </Card>
    );
  }
  const d = t.difference ?? 0;
  return (
    <Card className="flex items-center p-4 text-sm text-muted" data-testid="verdict">
      <p>
        <span className="text-2xl font-semibold tabular-nums text-ink">{points(d)}</span>
        <span className="block">
          {d > 0
            ? "Candidates who built a plan were offered a job more often than those who did not."
            : d < 0
              ? "Candidates who built a plan were offered a job less often than those who did not."
              : "Both groups were offered a job equally often."}{" "}
          A comparison, not proof that the plan caused it.
        </span>
      </p>
    </Card>
  );
}

export function OutcomesReport({ input }: { input: ReportInputs["outcomes"] }) {
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.admin.reports.outcomes.queryOptions(input));
  const t = data.total;
  const byMonth = data.view === "month";
  if (t.candidates === 0) return <NothingInRange what="rejected candidates" />;
  const groups = data.rows.filter((r) => r.candidates > 0);
  return (
    <>
      <div className="grid gap-3 md:grid-cols-3">
        <Group
          title="Built a plan after the rejection"
          people={t.withPlan}
          offered={t.withPlanOffered}
          share={t.withPlanShare}
          colour={palette.teal}
          testId="headline"
        />
        <Group
          title="Did not build a plan"
          people={t.withoutPlan}
          offered={t.withoutPlanOffered}
          share={t.withoutPlanShare}
          colour={palette.slate}
          testId="without-plan"
        />
        <Verdict t={t} minGroup={data.minGroup} />
      </div>
      <ReportCard
        rows={data.rows.length}
        chart={
          <ChartFigure
            id="outcomes-chart"
            title={
              byMonth
                ? "Offered later, by month of the first rejection"
                : `Offered later, by ${data.view}`
            }
            summary={`Share of each group offered a job at a later interview. ${groups.filter((g) => !g.comparable).length ? `Rows marked "too few to compare" in the table have fewer than ${data.minGroup} candidates in a group.` : ""}`}
            actions={<ViewSwitch views={reportViews.outcomes} value={data.view} />}
          >
            {byMonth ? (
              <TrendChart data={data.rows} series={series} format="share" kind="bar" />
            ) : (
              <CategoryChart data={data.rows} series={series} format="share" />
            )}
          </ChartFigure>
        }
        table={
          <ReportTable
            caption={`Outcomes by ${data.view}, with the total`}
            columns={outcomesColumns(data.view)}
            rows={data.rows}
            total={t}
          />
        }
      />
    </>
  );
}
