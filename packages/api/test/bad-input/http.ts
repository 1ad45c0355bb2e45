// Sending anything to a portal's real /api/trpc route handler, and fingerprinting the database.
import { type Database, sql } from "@debrief/db";
import type { FixtureUser } from "@debrief/db/factories";
import superjson from "superjson";
import { createTrpcHandler } from "../../../web/src/trpc/handler";

export type Reply = { status: number; bodyText: string };

/**
 * The handler both portals mount (packages/web/src/trpc/handler.ts), with the session function
 * answering as `user`. Its context reads the process-wide pool, which the test points at the
 * test database (globalThis.debriefDb, see packages/db/src/client.ts).
 */
export function portal(user: FixtureUser | null) {
  const { POST } = createTrpcHandler(async () => (user ? { user } : null));
  return async (req: Request): Promise<Reply> => {
    const res = await POST(req);
    return { status: res.status, bodyText: await res.text() };
  };
}

export type Send = ReturnType<typeof portal>;

const ORIGIN = "http://portal.test";

/**
 * superjson as the browser's client would send it; for a value the client refuses to send (an
 * own `constructor` key, say), the plain JSON an attacker would send instead.
 */
function serialize(input: unknown): string {
  try {
    return JSON.stringify(superjson.serialize(input));
  } catch {
    return JSON.stringify({ json: input }, (_key, v) => (typeof v === "bigint" ? String(v) : v));
  }
}

/** A call as the browser's tRPC client makes it: superjson, GET for queries, POST for mutations. */
export function callRequest(
  path: string,
  type: "query" | "mutation",
  body: { input: unknown } | { raw: string },
): Request {
  const text = "raw" in body ? body.raw : serialize(body.input);
  const url = new URL(`${ORIGIN}/api/trpc/${path}`);
  if (type === "query") {
    url.searchParams.set("input", text);
    return new Request(url, { method: "GET" });
  }
  return new Request(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: text,
  });
}

export function rawRequest(
  pathAndQuery: string,
  init: { method?: string; headers?: Record<string, string>; body?: RequestInit["body"] },
): Request {
  return new Request(`${ORIGIN}/api/trpc/${pathAndQuery}`, {
    method: init.method ?? "POST",
    headers: init.headers ?? { "content-type": "application/json" },
    body: init.body,
    // A stream body needs this in Node's fetch.
    ...(init.body instanceof ReadableStream ? { duplex: "half" } : {}),
  } as RequestInit);
}

/** Signs of a leaked stack trace or source path in a response body. */
export function leaks(bodyText: string): string | null {
  if (bodyText.includes("    at ")) return "stack frame";
  if (bodyText.includes("node_modules")) return "node_modules path";
  if (/\.[cm]?[jt]sx?:\d+/.test(bodyText)) return "source file:line";
  if (/\/(work|home|src|app)\/[\w.-]+\//.test(bodyText)) return "file path";
  if (/"stack"\s*:/.test(bodyText)) return "stack field";
  return null;
}

/** Every table of the public schema that has an agency_id column. */
export async function tenantTables(owner: Database): Promise<string[]> {
  const rows = await owner.execute<{ table: string }>(sql`
    select c.table_name as "table" from information_schema.columns c
    join information_schema.tables t using (table_schema, table_name)
    where c.table_schema = 'public' and c.column_name = 'agency_id' and t.table_type = 'BASE TABLE'
    order by 1`);
  return rows.map((r) => r.table);
}

/**
 * A change detector per agency: for every tenant table, the number of the agency's rows and the
 * newest xmin among them (an insert or update gives its row the writing transaction's id, which is
 * newer than every committed one before it; a delete lowers the count), plus the agency row and
 * the queue jobs written for it. Rolled-back writes leave no visible row, so they change nothing.
 */
export function fingerprinter(owner: Database, tables: string[]) {
  const parts = tables.map(
    (t) =>
      `(select count(*) || '/' || coalesce(max(x.xmin::text::bigint), 0) from public.${t} x where x.agency_id = a.id)`,
  );
  parts.push(`a.xmin::text`);
  parts.push(`(select count(*)::text from pgboss.job j where j.data->>'agencyId' = a.id::text)`);
  const query = `select a.id::text as id, md5(concat_ws(',', ${parts.join(", ")})) as print
    from public.agencies a where a.id = any($1::uuid[]) order by a.id`;
  return async (agencyIds: string[]): Promise<Record<string, string>> => {
    const rows = await owner.$client.unsafe<{ id: string; print: string }[]>(query, [agencyIds]);
    return Object.fromEntries(rows.map((r) => [r.id, r.print]));
  };
}
