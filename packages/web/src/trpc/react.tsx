"use client";
// The browser side of tRPC: one query client per tab, batched streaming requests to /api/trpc.
import type { AppRouter } from "@debrief/api";
import { type QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { createTRPCClient, httpBatchStreamLink } from "@trpc/client";
import { createTRPCContext } from "@trpc/tanstack-react-query";
import { type ReactNode, useState } from "react";
import SuperJSON from "superjson";
import { createQueryClient } from "./query-client";

export const { useTRPC, TRPCProvider } = createTRPCContext<AppRouter>();

let browserQueryClient: QueryClient | undefined;
function getQueryClient() {
  if (typeof window === "undefined") return createQueryClient();
  browserQueryClient ??= createQueryClient();
  return browserQueryClient;
}

export function TRPCReactProvider({ children }: { children: ReactNode }) {
  const queryClient = getQueryClient();
  const [trpcClient] = useState(() =>
    createTRPCClient<AppRouter>({
      links: [httpBatchStreamLink({ transformer: SuperJSON, url: "/api/trpc", maxItems: 10 })],
    }),
  );
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        {children}
      </TRPCProvider>
    </QueryClientProvider>
  );
}

/** The message of a tRPC error, or a generic one; and the field errors when the server sent them. */
export function errorDetails(error: unknown): {
  message: string;
  fieldErrors: Record<string, string[]>;
} {
  const e = error as {
    message?: string;
    data?: { fieldErrors?: Record<string, string[]> | null };
  } | null;
  return {
    message: e?.message || "Something went wrong. Please try again.",
    fieldErrors: e?.data?.fieldErrors ?? {},
  };
}
