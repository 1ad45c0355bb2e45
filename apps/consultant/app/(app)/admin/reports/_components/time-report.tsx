"use client";
import { reportViews, type TimeToFeedbackRow, timeToFeedbackColumns } from "@debrief/validators";
import { useTRPC } from "@debrief/web/trpc/react";
import { useSuspenseQuery } from "@tanstack/react-query";
import { CategoryChart, ChartFigure, palette, TrendChart } from "./charts";
import { asDays, count, hours, monthLabel, percent } from "./format";
import { NothingInRange, ReportCard, Stat, Stats, ViewSwitch } from "./parts";
import type { ReportInputs } from "./report-params";
import { ReportTable } from "./report-table";

function summary(rows: TimeToFeedbackRow[], sla: number, byMonth: boolean) {
  const timed = rows.filter((r) => r.medianHours !== null);
  if (!timed.length) return `Nothing was published in this range. The SLA is ${sla} hours.`;
  const name = (r: TimeToFeedbackRow) => (byMonth ? monthLabel(r.key) : r.label);
  const slow = timed.reduce((a, b) => ((b.medianHours ?? 0) > (a.medianHours ?? 0) ? b : a));
  const fast = timed.reduce((a, b) => ((b.medianHours ?? 0) < (a.medianHours ?? 0) ? b : a));
  return `Median and 90th-percentile hours from rejection to publication, against the ${sla}-hour SLA (dashed line). Fastest median: ${name(fast)} (${hours(fast.medianHours)}); slowest: ${name(slow)} (${hours(slow.medianHours)}).`;
}

export function TimeToFeedbackReport({ input }: { input: ReportInputs["time-to-feedback"] }) {
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.admin.reports.timeToFeedback.queryOptions(input));
  const t = data.total;
  const byMonth = data.view === "month";
  const sla = { value: data.slaHours, label: `SLA ${data.slaHours} h` };
  const series = [
    { key: "medianHours", name: "Median", color: palette.brand },
    { key: "p90Hours", name: "90th percentile", color: palette.amber },
  ];
  if (t.rejected === 0) return <NothingInRange what="rejected interviews" />;
  return (
    <>
      <Stats>
        <Stat
          label="Median time to feedback"
          value={hours(t.medianHours)}
          sub={asDays(t.medianHours) ?? `of ${count(t.published)} published`}
          tone={
            t.medianHours === null ? undefined : t.medianHours <= data.slaHours ? "good" : "bad"
          }
          testId="headline"
        />
        <Stat
          label="90th percentile"
          value={hours(t.p90Hours)}
          sub={asDays(t.p90Hours) ?? "9 in 10 were published sooner"}
        />
        <Stat
          label="Published within SLA"
          value={percent(t.onTimeShare)}
          sub={`${count(t.withinSla)} on time, ${count(t.publishedLate)} late (SLA ${data.slaHours} h)`}
          tone={t.publishedLate ? "warn" : "good"}
        />
        <Stat
          label="Unpublished past SLA"
          value={count(t.openOverdue)}
          sub={`${count(t.openWithinSla)} more still within it`}
          tone={t.openOverdue ? "bad" : "good"}
          testId="stat-overdue"
        />
      </Stats>
      <ReportCard
        rows={data.rows.length}
        chart={
          <ChartFigure
            id="time-chart"
            title={byMonth ? "Hours to feedback by month" : `Hours to feedback by ${data.view}`}
            summary={summary(data.rows, data.slaHours, byMonth)}
            actions={<ViewSwitch views={reportViews["time-to-feedback"]} value={data.view} />}
          >
            {byMonth ? (
              <TrendChart data={data.rows} series={series} format="hours" reference={sla} />
            ) : (
              <CategoryChart data={data.rows} series={series} format="hours" reference={sla} />
            )}
          </ChartFigure>
        }
        table={
          <ReportTable
            caption={`Time to feedback by ${data.view}, with the total`}
            columns={timeToFeedbackColumns(data.view)}
            rows={data.rows}
            total={t}
          />
        }
      />
    </>
  );
}
