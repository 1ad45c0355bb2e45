"use client";
// The browser side of tRPC: one query client per tab, batched streaming requests to /api/trpc.
import type { AppRouter } from "@debrief/api";
import { type QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { createTRPCClient, httpBatchStreamLink } from "@trpc/client";
import { createTRPCContext } from "@trpc/tanstack-react-query";
import { type ReactNode, useState } from "react";
import type { FieldPath, FieldValues, UseFormSetError } from "react-hook-form";
import SuperJSON from "superjson";
import { toast } from "../toast";
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

/** Puts each field error the server named next to its control; the message goes in a toast. */
export function showServerErrors<T extends FieldValues>(
  setError: UseFormSetError<T>,
  error: unknown,
  fields: readonly string[],
) {
  const { message, fieldErrors } = errorDetails(error);
  for (const [path, messages] of Object.entries(fieldErrors)) {
    // A field this form does not show (an id in the URL, say) stays in the toast only.
    if (fields.includes(path)) setError(path as FieldPath<T>, { message: messages[0] });
  }
  toast.error(message);
}
