"use client";
// The pipeline lists' table: TanStack Table for the row and cell model, our own accessible markup.
// Rows arrive already searched, filtered and paged by the server, so no client-side row models.
import { Card } from "@debrief/ui";
import {
  type ColumnDef,
  createColumnHelper,
  type RowData,
  tableFeatures,
  useTable,
} from "@tanstack/react-table";
import { Fragment, type ReactNode } from "react";

export const features = tableFeatures({});
export type Features = typeof features;

/** Column helper for a row type, bound to the table's features. */
export const columnsFor = <TData extends RowData>() => createColumnHelper<Features, TData>();

export function DataTable<TData extends RowData & { id: string }>({
  caption,
  columns,
  data,
  renderBelow,
}: {
  /** Read by screen readers: what the table lists. */
  caption: string;
  columns: ColumnDef<Features, TData>[];
  data: TData[];
  /** Extra content under a row, across all columns (an inline form, say); null for none. */
  renderBelow?: (row: TData) => ReactNode;
}) {
  const table = useTable({ features, columns, data, getRowId: (row) => row.id });
  const width = table.getAllLeafColumns().length;
  return (
    <Card className="relative overflow-x-auto">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="border-b border-line bg-slate-50 text-xs uppercase tracking-wide text-muted">
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => (
                <th key={header.id} scope="col" className="px-4 py-3 font-semibold">
                  {header.isPlaceholder ? null : <table.FlexRender header={header} />}
                </th>
              ))}
            </tr>
          ))}
        </thead>
        <tbody className="divide-y divide-line">
          {table.getRowModel().rows.map((row) => {
            const below = renderBelow?.(row.original);
            return (
              <Fragment key={row.id}>
                <tr className="align-top hover:bg-slate-50/60" data-testid="list-row">
                  {row.getAllCells().map((cell) => (
                    <td key={cell.id} className="px-4 py-3 [&_.inline-flex]:whitespace-nowrap">
                      <table.FlexRender cell={cell} />
                    </td>
                  ))}
                </tr>
                {below ? (
                  <tr className="bg-brand-50/40">
                    <td colSpan={width} className="px-4 py-4">
                      {below}
                    </td>
                  </tr>
                ) : null}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </Card>
  );
}
