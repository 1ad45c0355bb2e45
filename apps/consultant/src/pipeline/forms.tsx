"use client";
// What every pipeline form shares: server field errors beside their controls, a toast for the
// message, and the Save / Cancel bar.
import { Button, buttonClass } from "@debrief/ui";
import { toast } from "@debrief/web/toast";
import { errorDetails } from "@debrief/web/trpc/react";
import Link from "next/link";
import type { FieldPath, FieldValues, UseFormSetError } from "react-hook-form";

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

export function FormActions({
  cancelHref,
  busy,
  submitLabel,
}: {
  cancelHref: string;
  busy: boolean;
  submitLabel: string;
}) {
  return (
    <div className="flex justify-end gap-3 border-t border-line pt-5">
      <Link href={cancelHref} className={buttonClass("secondary")}>
        Cancel
      </Link>
      <Button type="submit" disabled={busy}>
        {busy ? "Saving…" : submitLabel}
      </Button>
    </div>
  );
}
