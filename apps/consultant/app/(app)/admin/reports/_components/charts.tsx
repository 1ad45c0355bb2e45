"use client";
// The reports' charts (Recharts): a trend by month, and bars by category. Each sits in a figure
// whose caption says in words what the chart shows; the table under it has every figure, so no
// one depends on seeing the chart. Colours are the brand's, distinct and AA against white.
import { type ReactNode, useSyncExternalStore } from "react";
import {
  Bar,
  BarChart,
  CartesianGrid,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { count, hours, monthLabel, monthTick, percent, truncate } from "./format";

export const palette = {
  brand: "#4338ca",
  teal: "#0f766e",
  amber: "#b45309",
  rose: "#be123c",
  sky: "#0369a1",
  violet: "#7e22ce",
  slate: "#64748b",
  light: "#a5b4fc",
} as const;
/** Colours for stacked series, in order; the last is for "Other". */
export const stackColours = [
  palette.brand,
  palette.teal,
  palette.amber,
  palette.sky,
  palette.rose,
  palette.violet,
  "#94a3b8",
];

export type Series = { key: string; name: string; color: string; dashed?: boolean };
export type ValueFormat = "share" | "hours" | "count";

const formatter = (format: ValueFormat) => (value: unknown) => {
  const n = typeof value === "number" ? value : Number(value);
  if (value == null || Number.isNaN(n)) return "—";
  return format === "share" ? percent(n) : format === "hours" ? hours(n) : count(n);
};
const axisTick = (format: ValueFormat) => (value: number) =>
  format === "share"
    ? `${Math.round(value * 100)}%`
    : format === "hours"
      ? `${value}h`
      : count(value);

const tick = { fontSize: 12, fill: "#475569" };
const tooltipStyle = {
  contentStyle: {
    borderRadius: 8,
    borderColor: "#e2e8f0",
    fontSize: 13,
    boxShadow: "0 4px 12px rgb(15 23 42 / 0.08)",
  },
  labelStyle: { color: "#0f172a", fontWeight: 600 },
};

const wideQuery = "(min-width: 640px)";
/** Wider than a phone: room for longer category labels. False on the server. */
function useWide() {
  return useSyncExternalStore(
    (onChange) => {
      const media = window.matchMedia(wideQuery);
      media.addEventListener("change", onChange);
      return () => media.removeEventListener("change", onChange);
    },
    () => window.matchMedia(wideQuery).matches,
    () => false,
  );
}

/** A chart with its title and a caption in words, linked for assistive technology. */
export function ChartFigure({
  id,
  title,
  summary,
  actions,
  children,
}: {
  id: string;
  title: string;
  summary: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
}) {
  return (
    <figure aria-labelledby={`${id}-title`} aria-describedby={`${id}-summary`} className="min-w-0">
      <div className="mb-3 flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <h2 id={`${id}-title`} className="text-base font-semibold text-ink">
            {title}
          </h2>
          <figcaption id={`${id}-summary`} className="mt-0.5 text-sm text-muted">
            {summary}
          </figcaption>
        </div>
        {actions}
      </div>
      <div className="min-w-0">{children}</div>
    </figure>
  );
}

/** A trend over the range's months: lines (rates, hours) or bars (counts, shares). */
export function TrendChart<Row extends { key: string }>({
  data,
  series,
  format,
  kind = "line",
  stacked = false,
  reference,
  height = 280,
  domain,
}: {
  data: Row[];
  series: Series[];
  format: ValueFormat;
  kind?: "line" | "bar";
  stacked?: boolean;
  reference?: { value: number; label: string };
  height?: number;
  domain?: [number, number | "auto"];
}) {
  const yDomain = domain ?? (format === "share" ? [0, 1] : [0, "auto"]);
  const common = (
    <>
      <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" vertical={false} />
      <XAxis
        dataKey="key"
        tickFormatter={monthTick}
        tick={tick}
        tickLine={false}
        axisLine={false}
        minTickGap={8}
      />
      <YAxis
        tickFormatter={axisTick(format)}
        tick={tick}
        tickLine={false}
        axisLine={false}
        width={format === "share" ? 44 : 52}
        domain={yDomain}
        allowDecimals={format !== "count"}
      />
      <Tooltip
        {...tooltipStyle}
        labelFormatter={(label) => monthLabel(String(label))}
        formatter={formatter(format)}
      />
      {reference ? (
        <ReferenceLine
          y={reference.value}
          stroke={palette.rose}
          strokeDasharray="6 4"
          ifOverflow="extendDomain"
        />
      ) : null}
    </>
  );
  return (
    <>
      <SeriesLegend series={series} reference={reference?.label} />
      <ResponsiveContainer width="100%" height={height}>
        {kind === "line" ? (
          <LineChart data={data} margin={{ top: 8, right: 12, bottom: 0, left: 0 }}>
            {common}
            {series.map((s) => (
              <Line
                key={s.key}
                type="monotone"
                dataKey={s.key}
                name={s.name}
                stroke={s.color}
                strokeWidth={2.5}
                strokeDasharray={s.dashed ? "5 4" : undefined}
                dot={{ r: 3, fill: s.color }}
                activeDot={{ r: 5 }}
                connectNulls={false}
                isAnimationActive={false}
              />
            ))}
          </LineChart>
        ) : (
          <BarChart
            data={data}
            margin={{ top: 8, right: 12, bottom: 0, left: 0 }}
            barCategoryGap="22%"
          >
            {common}
            {series.map((s) => (
              <Bar
                key={s.key}
                dataKey={s.key}
                name={s.name}
                fill={s.color}
                stackId={stacked ? "stack" : undefined}
                radius={stacked ? 0 : [4, 4, 0, 0]}
                maxBarSize={44}
                isAnimationActive={false}
              />
            ))}
          </BarChart>
        )}
      </ResponsiveContainer>
    </>
  );
}

/** Horizontal bars by category (consultant, client, job, reason…), one bar per series. */
export function CategoryChart<Row extends { label: string }>({
  data,
  series,
  format,
  stacked = false,
  reference,
  domain,
}: {
  data: Row[];
  series: Series[];
  format: ValueFormat;
  stacked?: boolean;
  reference?: { value: number; label: string };
  domain?: [number, number | "auto"];
}) {
  const wide = useWide();
  const perRow = stacked ? 26 : series.length * 14 + 16;
  const height = Math.max(120, data.length * perRow + 36);
  const xDomain = domain ?? (format === "share" && !stacked ? [0, 1] : [0, "auto"]);
  return (
    <>
      <SeriesLegend series={series} reference={reference?.label} />
      <ResponsiveContainer width="100%" height={height}>
        <BarChart
          data={data}
          layout="vertical"
          margin={{ top: 4, right: 16, bottom: 0, left: 0 }}
          barGap={2}
        >
          <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" horizontal={false} />
          <XAxis
            type="number"
            tickFormatter={axisTick(format)}
            tick={tick}
            tickLine={false}
            axisLine={false}
            domain={xDomain}
            allowDecimals={format !== "count"}
          />
          <YAxis
            type="category"
            dataKey="label"
            width={wide ? 200 : 112}
            tick={tick}
            tickLine={false}
            axisLine={false}
            tickFormatter={(label: string) => truncate(label, wide ? 24 : 14)}
            interval={0}
          />
          <Tooltip {...tooltipStyle} formatter={formatter(format)} cursor={{ fill: "#f1f5f9" }} />
          {reference ? (
            <ReferenceLine
              x={reference.value}
              stroke={palette.rose}
              strokeDasharray="6 4"
              ifOverflow="extendDomain"
            />
          ) : null}
          {series.map((s) => (
            <Bar
              key={s.key}
              dataKey={s.key}
              name={s.name}
              fill={s.color}
              stackId={stacked ? "stack" : undefined}
              radius={stacked ? 0 : [0, 4, 4, 0]}
              maxBarSize={stacked ? 22 : 14}
              isAnimationActive={false}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </>
  );
}

/** The series' names and colours, as HTML above the chart: it wraps on a phone, never overlaps. */
function SeriesLegend({ series, reference }: { series: Series[]; reference?: string }) {
  if (series.length < 2 && !reference) return null;
  return (
    <ul className="mb-3 flex flex-wrap gap-x-4 gap-y-1 text-sm text-ink" aria-label="Legend">
      {series.map((s) => (
        <li key={s.key} className="inline-flex items-center gap-1.5">
          <span
            aria-hidden
            className="size-2.5 shrink-0 rounded-full"
            style={{ background: s.color }}
          />
          {s.name}
        </li>
      ))}
      {reference ? (
        <li className="inline-flex items-center gap-1.5">
          <span
            aria-hidden
            className="w-4 border-t-2 border-dashed"
            style={{ borderColor: palette.rose }}
          />
          {reference}
        </li>
      ) : null}
    </ul>
  );
}
