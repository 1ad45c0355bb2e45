"use client";
import { Badge } from "@debrief/ui";
import {
  type ReasonsOutput,
  type ReasonsRow,
  reasonsColumns,
  reportViews,
} from "@debrief/validators";
import { useTRPC } from "@debrief/web/trpc/react";
import { useSuspenseQuery } from "@tanstack/react-query";
import { useListUrl } from "~/pipeline/list-controls";
import {
  CategoryChart,
  ChartFigure,
  palette,
  type Series,
  stackColours,
  TrendChart,
} from "./charts";
import { count, monthLabel, percent } from "./format";
import { NothingInRange, ReportCard, Stat, Stats, ViewSwitch } from "./parts";
import { Segmented } from "./report-nav";
import type { ReportInputs } from "./report-params";
import { ReportTable } from "./report-table";

const TOP = 5;
const MAX_SLICES = 10;

const entryName = (e: { label: string; retired: boolean }) =>
  e.retired ? `${e.label} (retired)` : e.label;

/** The stacked chart's rows: each slice with the gaps of the most common entries overall. */
function stacked(data: ReasonsOutput) {
  const top = data.ranking.slice(0, TOP);
  const series: Series[] = top.map((e, i) => ({
    key: `e${i}`,
    name: entryName(e),
    color: stackColours[i] ?? palette.slate,
  }));
  const slices = new Map<string, Record<string, number | string>>();
  for (const row of data.rows) {
    const slice = slices.get(row.sliceKey) ?? {
      key: row.sliceKey,
      label: data.view === "month" ? monthLabel(row.sliceKey) : row.sliceLabel,
    };
    const at = top.findIndex((e) => e.key === row.key);
    if (at >= 0) slice[`e${at}`] = row.gaps;
    slices.set(row.sliceKey, slice);
  }
  if (data.view === "month") {
    return {
      series,
      rows: data.months.map((m) => slices.get(m) ?? { key: m, label: monthLabel(m) }),
      more: false,
    };
  }
  const rows = [...slices.values()];
  return { series, rows: rows.slice(0, MAX_SLICES), more: rows.length > MAX_SLICES };
}

export function ReasonsReport({ input }: { input: ReportInputs["reasons"] }) {
  const trpc = useTRPC();
  const { update } = useListUrl();
  const { data } = useSuspenseQuery(trpc.admin.reports.reasons.queryOptions(input));
  const noun = data.of === "reason" ? "reason" : "competency";
  const top = data.ranking[0];
  const controls = (
    <div className="flex flex-wrap gap-4">
      <Segmented
        label="Count by"
        param="of"
        value={data.of}
        options={[
          { value: "reason", label: "Reasons" },
          { value: "competency", label: "Competencies" },
        ]}
        onChange={(param, next) => update({ [param]: next === "reason" ? null : next })}
      />
      <ViewSwitch views={reportViews.reasons} value={data.view} />
    </div>
  );
  if (data.total.gaps === 0) return <NothingInRange what="gaps in published feedback" />;
  const chart = stacked(data);
  // By client or job the table has only the busiest (TOP_REASON_SLICES); the CSV has every one.
  const limited = data.slices.shown < data.slices.total;
  const sliceNoun = data.view === "job" ? "jobs" : "clients";
  const overall = data.view === "overall";
  return (
    <>
      <Stats>
        <Stat
          label="Gaps counted"
          value={count(data.total.gaps)}
          sub={`in ${count(data.total.feedback)} of ${count(data.total.publishedFeedback)} published feedback`}
          testId="headline"
        />
        <Stat
          label={`Most common ${noun}`}
          value={
            <span className="line-clamp-2 text-lg leading-snug sm:text-xl" title={top?.label}>
              {top ? top.label : "—"}
            </span>
          }
          sub={
            top ? (
              <>
                {count(top.gaps)} gaps, {percent(top.share)} of all{" "}
                {top.retired ? <Badge tone="amber">Retired</Badge> : null}
              </>
            ) : undefined
          }
        />
        <Stat
          label={data.of === "reason" ? "Reasons used" : "Competencies named"}
          value={count(data.total.entries)}
          sub={`${count(data.total.retiredEntries)} of them retired`}
        />
        <Stat
          label="Gaps per feedback"
          value={data.total.gapsPerFeedback ?? "—"}
          sub="Average, of feedback with a gap"
        />
      </Stats>
      <ReportCard
        rows={data.rows.length}
        withTotal={false}
        csv={
          limited
            ? `They are the ${count(data.slices.shown)} ${sliceNoun} with the most gaps; the CSV has all ${count(data.slices.total)}.`
            : undefined
        }
        chart={
          <ChartFigure
            id="reasons-chart"
            title={
              overall
                ? `Gaps by ${noun}`
                : `Top ${noun === "reason" ? "reasons" : "competencies"} by ${data.view}`
            }
            summary={
              overall
                ? `${top ? `${entryName(top)} leads with ${percent(top.share)} of ${count(data.total.gaps)} gaps.` : ""} Retired entries still count and are marked retired.`
                : `The ${TOP} most common overall, stacked per ${data.view}.${chart.more ? ` The chart shows the ${MAX_SLICES} with the most gaps.` : ""} The table has every ${noun}, its share and its rank within each ${data.view}${limited ? `, for the ${count(data.slices.shown)} ${sliceNoun} with the most gaps of ${count(data.slices.total)}` : ""}.`
            }
            actions={controls}
          >
            {overall ? (
              <CategoryChart
                data={data.ranking.slice(0, 12).map((e) => ({ ...e, label: entryName(e) }))}
                series={[{ key: "gaps", name: "Gaps", color: palette.brand }]}
                format="count"
              />
            ) : data.view === "month" ? (
              <TrendChart
                data={chart.rows as { key: string }[]}
                series={chart.series}
                format="count"
                kind="bar"
                stacked
              />
            ) : (
              <CategoryChart
                data={chart.rows as { label: string }[]}
                series={chart.series}
                format="count"
                stacked
              />
            )}
          </ChartFigure>
        }
        table={
          <ReportTable<ReasonsRow & { key: string }>
            caption={`Gaps by ${noun}${overall ? "" : ` within each ${data.view}`}`}
            columns={reasonsColumns(data.view, data.of)}
            rows={data.rows}
            rowId={(row) => `${row.sliceKey}:${row.key}`}
            groupOf={overall ? undefined : (row) => row.sliceKey}
          />
        }
      />
    </>
  );
}
