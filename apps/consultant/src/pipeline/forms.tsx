"use client";
// The Save / Cancel bar every pipeline form shares.
import { Button, buttonClass } from "@debrief/ui";
import Link from "next/link";

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
