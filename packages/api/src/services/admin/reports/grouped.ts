// One query shape for the reports broken down by month, consultant or client: the measures are
// aggregated once over the filtered rows with GROUPING SETS, giving the total and every group in a
// single scan. The month breakdown starts from the range's months, so an empty month reads 0.
import { type SQL, sql } from "@debrief/db";
import type { ProtectedContext } from "../../../trpc";
import { monthsSql, type ResolvedFilters, rejectedSql } from "./filters";

export type Breakdown = "month" | "consultant" | "client" | "total";

export type GroupedSpec = {
  /** CTEs after `r` (the filtered rejections) that end in `x`: one row per counted thing, with
   *  `id`, `month`, `consultant_id` and `client_id`. */
  ctes: SQL;
  /** Aggregates over `x`; must ignore the null row of an empty month (count(x.id), FILTER …). */
  measures: SQL;
  /** Columns computed from the aggregates of `g` (shares, differences); aggregates named _… are
   *  working columns, left out of the result. */
  derived: SQL;
  /** Order of consultants and clients (months are in calendar order). */
  rank: SQL;
};

/** The SQL, exported so the plan test can EXPLAIN exactly what the report runs. */
export function groupedSql(f: ResolvedFilters, by: Breakdown, spec: GroupedSpec): SQL {
  const head = sql`with r as (${rejectedSql(f)}), ${spec.ctes}`;
  if (by === "total") {
    return sql`${head}, g as (select null::text as group_key, true as is_total, ${spec.measures} from x)
      select g.*, 'Total' as label, ${spec.derived} from g`;
  }
  const key =
    by === "month" ? sql`m.key` : by === "consultant" ? sql`x.consultant_id` : sql`x.client_id`;
  const source = by === "month" ? sql`months m left join x on x.month = m.key` : sql`x`;
  const label =
    by === "month"
      ? sql`g.group_key::text`
      : by === "consultant"
        ? sql`(select u.name from users u where u.agency_id = ${f.agencyId}::uuid and u.id = g.group_key)`
        : sql`(select c.name from clients c where c.agency_id = ${f.agencyId}::uuid and c.id = g.group_key)`;
  const order = by === "month" ? sql`g.group_key` : sql`${spec.rank}, label, g.group_key`;
  return sql`${head}, months as (${monthsSql(f)}),
    g as (
      select ${key} as group_key, grouping(${key}) = 1 as is_total, ${spec.measures}
      from ${source}
      group by grouping sets ((), (${key}))
    )
    select g.*,
           case when g.is_total then 'Total' else coalesce(${label}, 'Unknown') end as label,
           ${spec.derived}
    from g
    order by g.is_total desc, ${order}`;
}

type Raw = { group_key: string | null; is_total: boolean } & Record<string, unknown>;

/** Runs the query; returns the total and the groups, columns renamed to camelCase. */
export async function grouped<Row>(
  ctx: ProtectedContext,
  query: SQL,
): Promise<{ total: Row; rows: Row[] }> {
  const result = await ctx.tx.execute<Raw>(query);
  const rows = [...result].map((raw) => {
    const row: Record<string, unknown> = {};
    for (const [column, value] of Object.entries(raw)) {
      // Keys, and working columns (named _…) the derived columns were computed from.
      if (column === "is_total" || column === "group_key" || column.startsWith("_")) continue;
      row[camel(column)] = value;
    }
    row.key = raw.is_total ? "total" : String(raw.group_key);
    return { isTotal: raw.is_total, row: row as Row };
  });
  const total = rows.find((r) => r.isTotal)?.row;
  if (!total) throw new Error("report query returned no total");
  return { total, rows: rows.filter((r) => !r.isTotal).map((r) => r.row) };
}

export const camel = (column: string) =>
  column.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
