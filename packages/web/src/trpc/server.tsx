import "server-only";
// Server components call procedures directly (no HTTP), prefetch, and hand the cache to the client.
import { type AppRouter, appRouter, createTRPCContext, type GetSession } from "@debrief/api";
import { dehydrate, HydrationBoundary, type QueryKey } from "@tanstack/react-query";
import { TRPCError } from "@trpc/server";
import { createTRPCOptionsProxy } from "@trpc/tanstack-react-query";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { cache, type ReactNode } from "react";
import { createQueryClient } from "./query-client";

/** One query client per server request. */
const getQueryClient = cache(createQueryClient);

export function createServerTRPC(getSession: GetSession) {
  const createContext = cache(async () =>
    createTRPCContext({ headers: new Headers(await headers()), getSession }),
  );
  return createTRPCOptionsProxy<AppRouter>({
    router: appRouter,
    ctx: createContext,
    queryClient: getQueryClient,
  });
}

export function HydrateClient({ children }: { children: ReactNode }) {
  return <HydrationBoundary state={dehydrate(getQueryClient())}>{children}</HydrationBoundary>;
}

export function prefetch(options: { queryKey: QueryKey }) {
  void getQueryClient().prefetchQuery(options);
}

/** Awaits a query on the server; a record that is not there (or not yours) is a 404 page. */
export async function fetchOrNotFound<T>(options: { queryKey: QueryKey }): Promise<T> {
  try {
    return (await getQueryClient().fetchQuery(options)) as T;
  } catch (error) {
    const code = error instanceof TRPCError ? error.code : (error as { code?: string })?.code;
    if (code === "NOT_FOUND" || code === "BAD_REQUEST") notFound();
    throw error;
  }
}
