// Shared by the api tests: callers for a fixture user, the HTTP error shape, and owner-side reads.
import { createDb, type Database, sql, type Tx, withTenant } from "@debrief/db";
import type { FixtureUser } from "@debrief/db/factories";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import superjson from "superjson";
import { inject } from "vitest";
import { appRouter, createCaller } from "../src/root";
import { createInnerTRPCContext } from "../src/trpc";

/** Connections for one test file: the RLS-bound app role, and the owner for looking behind it. */
export function connect() {
  const app = createDb(inject("appUrl"), { max: 4 });
  const owner = createDb(inject("ownerUrl"), { max: 2 });
  return {
    app,
    owner,
    close: async () => {
      await app.$client.end();
      await owner.$client.end();
    },
  };
}

export function callerFor(db: Database, user: FixtureUser | null, requestId?: string) {
  return createCaller(createInnerTRPCContext({ session: user ? { user } : null, db, requestId }));
}

/** Runs fn as the fixture agency, for arranging data the fixture does not have. */
export function asAgency<T>(db: Database, user: FixtureUser, fn: (tx: Tx) => Promise<T>) {
  return withTenant(db, { agencyId: user.agencyId, userId: user.id, role: user.role }, fn);
}

export type HttpError = {
  status: number;
  message: string;
  code: string;
  fieldErrors: Record<string, string[]> | null;
};

/**
 * Calls a procedure through tRPC's fetch adapter, as a portal's route handler does, and returns
 * the error exactly as the browser receives it (the error formatter only runs on this path).
 */
export async function httpError(
  db: Database,
  user: FixtureUser | null,
  path: string,
  type: "query" | "mutation",
  input: unknown,
): Promise<HttpError> {
  const body = JSON.stringify(superjson.serialize(input));
  const url = new URL(`http://portal.test/api/trpc/${path}`);
  if (type === "query") url.searchParams.set("input", body);
  const req = new Request(url, {
    method: type === "query" ? "GET" : "POST",
    headers: { "content-type": "application/json" },
    body: type === "mutation" ? body : undefined,
  });
  const res = await fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    createContext: () => createInnerTRPCContext({ session: user ? { user } : null, db }),
  });
  const json = (await res.json()) as { error?: Parameters<typeof superjson.deserialize>[0] };
  if (!json.error) throw new Error(`expected ${path} to fail, but it answered ${res.status}`);
  const shape = superjson.deserialize<{
    message: string;
    data: { code: string; fieldErrors: Record<string, string[]> | null };
  }>(json.error);
  return {
    status: res.status,
    message: shape.message,
    code: shape.data.code,
    fieldErrors: shape.data.fieldErrors,
  };
}

/**
 * The messages queued for a user, oldest first: each outbox row's topic, the notice it emails (if
 * any) and how many delivery jobs pg-boss holds for it (one, written in the same transaction).
 */
export function deliveriesTo(owner: Database, userId: string) {
  return owner.execute<{ topic: string; notificationId: string | null; jobs: number }>(sql`
    select o.topic, o.payload->>'notificationId' as "notificationId",
           (select count(*)::int from pgboss.job j
            where j.name = 'outbox.deliver' and j.data->>'outboxId' = o.id::text) as jobs
    from outbox o where o.payload->>'userId' = ${userId} order by o.created_at, o.id`);
}
