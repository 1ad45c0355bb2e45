"use client";
import { type CoverageRow, coverageColumns, reportViews } from "@debrief/validators";
import { useTRPC } from "@debrief/web/trpc/react";
import { useSuspenseQuery } from "@tanstack/react-query";
import { CategoryChart, ChartFigure, palette, TrendChart } from "./charts";
import { count, monthLabel, percent } from "./format";
import { NothingInRange, ReportCard, Stat, Stats, ViewSwitch } from "./parts";
import type { ReportInputs } from "./report-params";
import { ReportTable } from "./report-table";

const label = (row: CoverageRow, byMonth: boolean) => (byMonth ? monthLabel(row.key) : row.label);

function summary(rows: CoverageRow[], byMonth: boolean) {
  const rated = rows.filter((r) => r.share !== null);
  if (!rated.length) return "No rejections to measure in this range.";
  const best = rated.reduce((a, b) => ((b.share ?? 0) > (a.share ?? 0) ? b : a));
  const worst = rated.reduce((a, b) => ((b.share ?? 0) < (a.share ?? 0) ? b : a));
  const what = byMonth ? "Coverage by month of rejection" : "Coverage";
  return best === worst
    ? `${what}: ${label(best, byMonth)} at ${percent(best.share)}.`
    : `${what}: highest for ${label(best, byMonth)} (${percent(best.share)}), lowest for ${label(worst, byMonth)} (${percent(worst.share)}). Every figure is in the table below.`;
}

export function CoverageReport({ input }: { input: ReportInputs["coverage"] }) {
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.admin.reports.coverage.queryOptions(input));
  const t = data.total;
  const byMonth = data.view === "month";
  if (t.rejected === 0) return <NothingInRange what="rejected interviews" />;
  return (
    <>
      <Stats>
        <Stat
          label="Coverage"
          value={percent(t.share)}
          sub={`${count(t.published)} of ${count(t.rejected)} rejected interviews`}
          tone={(t.share ?? 0) >= 0.8 ? "good" : (t.share ?? 0) >= 0.5 ? "warn" : "bad"}
          testId="headline"
        />
        <Stat label="Rejected interviews" value={count(t.rejected)} testId="stat-rejected" />
        <Stat label="With published feedback" value={count(t.published)} />
        <Stat
          label="Still without feedback"
          value={count(t.unpublished)}
          sub="No feedback, a draft, in review or retracted"
          tone={t.unpublished ? "warn" : undefined}
        />
      </Stats>
      <ReportCard
        rows={data.rows.length}
        chart={
          <ChartFigure
            id="coverage-chart"
            title={byMonth ? "Coverage by month" : `Coverage by ${data.view}`}
            summary={summary(data.rows, byMonth)}
            actions={<ViewSwitch views={reportViews.coverage} value={data.view} />}
          >
            {byMonth ? (
              <TrendChart
                data={data.rows}
                series={[{ key: "share", name: "Coverage", color: palette.brand }]}
                format="share"
                kind="bar"
              />
            ) : (
              <CategoryChart
                data={data.rows}
                series={[{ key: "share", name: "Coverage", color: palette.brand }]}
                format="share"
              />
            )}
          </ChartFigure>
        }
        table={
          <ReportTable
            caption={`Feedback coverage by ${data.view}, with the total`}
            columns={coverageColumns(data.view)}
            rows={data.rows}
            total={t}
          />
        }
      />
    </>
  );
}
