"use client";
import { type EngagementRow, engagementColumns, reportViews } from "@debrief/validators";
import { useTRPC } from "@debrief/web/trpc/react";
import { useSuspenseQuery } from "@tanstack/react-query";
import { CategoryChart, ChartFigure, palette, TrendChart } from "./charts";
import { count, percent } from "./format";
import { NothingInRange, ReportCard, Stat, Stats, ViewSwitch } from "./parts";
import type { ReportInputs } from "./report-params";
import { ReportTable } from "./report-table";

const series = [
  { key: "readShare", name: "Read", color: palette.brand },
  { key: "acknowledgedShare", name: "Acknowledged", color: palette.teal },
  { key: "planShare", name: "Turned into a plan", color: palette.amber },
];

function summary(t: EngagementRow) {
  return `Of ${count(t.published)} published feedback, ${percent(t.readShare)} was read, ${percent(t.acknowledgedShare)} acknowledged and ${percent(t.planShare)} turned into an action plan; candidates rated ${percent(t.helpfulShare)} of the points they rated helpful.`;
}

export function EngagementReport({ input }: { input: ReportInputs["engagement"] }) {
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.admin.reports.engagement.queryOptions(input));
  const t = data.total;
  const byMonth = data.view === "month";
  if (t.published === 0) return <NothingInRange what="published feedback" />;
  return (
    <>
      <Stats>
        <Stat
          label="Read"
          value={percent(t.readShare)}
          sub={`${count(t.read)} of ${count(t.published)} published feedback`}
          testId="headline"
        />
        <Stat
          label="Acknowledged"
          value={percent(t.acknowledgedShare)}
          sub={`${count(t.acknowledged)} of ${count(t.published)}`}
        />
        <Stat
          label="Points rated helpful"
          value={percent(t.helpfulShare)}
          sub={`${count(t.helpful)} of ${count(t.rated)} rated (${count(t.items)} points in all)`}
        />
        <Stat
          label="Turned into a plan"
          value={percent(t.planShare)}
          sub={`${count(t.withPlan)} feedback · goals done ${percent(t.goalsDoneShare)} (${count(t.goalsDone)} of ${count(t.goals)})`}
        />
      </Stats>
      <ReportCard
        rows={data.rows.length}
        chart={
          <ChartFigure
            id="engagement-chart"
            title={byMonth ? "Engagement by month" : `Engagement by ${data.view}`}
            summary={summary(t)}
            actions={<ViewSwitch views={reportViews.engagement} value={data.view} />}
          >
            {byMonth ? (
              <TrendChart data={data.rows} series={series} format="share" />
            ) : (
              <CategoryChart data={data.rows} series={series} format="share" />
            )}
          </ChartFigure>
        }
        table={
          <ReportTable
            caption={`Candidate engagement by ${data.view}, with the total`}
            columns={engagementColumns(data.view)}
            rows={data.rows}
            total={t}
          />
        }
      />
    </>
  );
}
