"use client";
// Raising a toast loads sonner on first use instead of with the page: the feedback page, say,
// has a dozen buttons that might toast and a first load that should not carry the library. The
// Toaster that shows them is ./toaster, loaded after the page the same way. Fire and forget, as
// sonner's own calls are.
import type { toast as sonner } from "sonner";

type Kind = "success" | "error" | "info";

const raise =
  (kind: Kind) =>
  (...args: Parameters<typeof sonner.success>) => {
    void import("sonner").then(({ toast }) => toast[kind](...args));
  };

export const toast = { success: raise("success"), error: raise("error"), info: raise("info") };
