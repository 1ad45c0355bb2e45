"use client";
// A report's table: the same columns the CSV download writes (ReportColumn), figures right-aligned
// in tabular digits, the total in the footer, and sortable headers. On a phone the table scrolls
// inside its card with the first column pinned, so the page itself never scrolls sideways.
import { Badge, cn } from "@debrief/ui";
import type { ColumnFormat, ReportColumn } from "@debrief/validators";
import {
  type ColumnDef,
  createColumnHelper,
  createSortedRowModel,
  type RowData,
  rowSortingFeature,
  sortFn_basic,
  sortFn_text,
  tableFeatures,
  useTable,
} from "@tanstack/react-table";
import { count, DASH, hours, monthLabel, percent, points } from "./format";

const features = tableFeatures({
  rowSortingFeature,
  sortedRowModel: createSortedRowModel(),
  sortFns: { basic: sortFn_basic, text: sortFn_text },
});
type Features = typeof features;

export function formatCell(format: ColumnFormat, value: string | number | boolean | null) {
  if (value === null || value === undefined) return DASH;
  if (typeof value === "string") return format === "month" ? monthLabel(value) : value;
  if (typeof value === "boolean") return value ? "Retired" : "";
  switch (format) {
    case "share":
      return percent(value);
    case "hours":
      return hours(value);
    case "points":
      return points(value);
    default:
      return count(value);
  }
}

const numeric = (format: ColumnFormat) =>
  format === "count" || format === "share" || format === "hours" || format === "points";

function Cell({
  format,
  value,
}: {
  format: ColumnFormat;
  value: string | number | boolean | null;
}) {
  if (format === "flag") return value ? <Badge tone="amber">Retired</Badge> : null;
  if (format === "points" && typeof value === "string") {
    return <span className="text-xs text-muted">{value}</span>;
  }
  return <>{formatCell(format, value)}</>;
}

export function ReportTable<Row extends RowData & { key: string }>({
  caption,
  columns,
  rows,
  total,
  rowId = (row) => row.key,
  groupOf,
}: {
  /** Read by screen readers: what the table lists. */
  caption: string;
  columns: ReportColumn<Row>[];
  rows: Row[];
  total?: Row;
  rowId?: (row: Row) => string;
  /** Rows of one group (a month, a lens…) that follow each other show the group's name once. */
  groupOf?: (row: Row) => string;
}) {
  const helper = createColumnHelper<Features, Row>();
  const defs: ColumnDef<Features, Row>[] = columns.map(
    (c) =>
      helper.accessor((row) => sortable(c.value(row)), {
        id: c.id,
        header: c.header,
        sortFn: numeric(c.format) ? "basic" : "text",
        sortDescFirst: numeric(c.format),
        cell: ({ row }) => <Cell format={c.format} value={c.value(row.original)} />,
      }) as ColumnDef<Features, Row>,
  );
  const table = useTable({ features, columns: defs, data: rows, getRowId: rowId });
  const formatOf = new Map(columns.map((c) => [c.id, c.format]));
  const align = (id: string) => (numeric(formatOf.get(id) ?? "text") ? "text-right" : "text-left");
  const pin = (index: number) =>
    index === 0 ? "sticky left-0 z-10 bg-inherit shadow-[1px_0_0_var(--color-line)]" : "";

  return (
    <div className="overflow-x-auto">
      <table className="w-full text-sm tabular-nums">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-50 text-xs uppercase tracking-wide text-muted">
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id} className="border-b border-line bg-slate-50">
              {group.headers.map((header, index) => {
                const sorted = header.column.getIsSorted();
                return (
                  <th
                    key={header.id}
                    scope="col"
                    aria-sort={
                      sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : undefined
                    }
                    className={cn(
                      "px-3 py-2.5 align-bottom font-semibold",
                      align(header.column.id),
                      pin(index),
                    )}
                  >
                    <button
                      type="button"
                      onClick={header.column.getToggleSortingHandler()}
                      className={cn(
                        "inline-flex items-end gap-1 uppercase hover:text-ink",
                        align(header.column.id) === "text-right" && "flex-row-reverse text-right",
                      )}
                    >
                      <table.FlexRender header={header} />
                      <span aria-hidden className="w-2 text-[10px]">
                        {sorted === "asc" ? "▲" : sorted === "desc" ? "▼" : ""}
                      </span>
                    </button>
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody className="divide-y divide-line bg-white">
          {table.getRowModel().rows.map((row, at, all) => {
            const prior = all[at - 1];
            const repeat =
              !!groupOf && !!prior && groupOf(prior.original) === groupOf(row.original);
            return (
              <tr
                key={row.id}
                className={cn(
                  "bg-white hover:bg-slate-50",
                  groupOf && !repeat && at > 0 && "border-t-2 border-line",
                )}
                data-testid="report-row"
              >
                {row.getAllCells().map((cell, index) => (
                  <td
                    key={cell.id}
                    className={cn(
                      "px-3 py-2.5",
                      index === 0
                        ? "min-w-36 max-w-64 font-medium text-ink"
                        : "whitespace-nowrap text-ink",
                      align(cell.column.id),
                      pin(index),
                    )}
                  >
                    {/* A repeated group name stays for screen readers, hidden to the eye. */}
                    <span className={cn(index === 0 && repeat && "sr-only")}>
                      <table.FlexRender cell={cell} />
                    </span>
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
        {total ? (
          <tfoot className="border-t-2 border-line bg-slate-50 font-semibold">
            <tr className="bg-slate-50" data-testid="report-total">
              {columns.map((c, index) => (
                <td
                  key={c.id}
                  className={cn("whitespace-nowrap px-3 py-2.5 text-ink", align(c.id), pin(index))}
                >
                  {index === 0 ? "Total" : <Cell format={c.format} value={c.value(total)} />}
                </td>
              ))}
            </tr>
          </tfoot>
        ) : null}
      </table>
    </div>
  );
}

/** Sorting sees numbers as numbers and puts empty figures last. */
function sortable(value: string | number | boolean | null): string | number {
  if (value === null) return Number.NEGATIVE_INFINITY;
  if (typeof value === "boolean") return value ? 1 : 0;
  return value;
}
