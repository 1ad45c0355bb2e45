"use client";
// The acceptance link, shown once: only its hash is stored, so this is the one chance to copy it.
import { Button, Card, Field, Input } from "@debrief/ui";
import type { InvitationSentOutput } from "@debrief/validators";
import { toast } from "@debrief/web/toast";
import { useEffect, useRef } from "react";
import { LocalTime } from "~/pipeline/dates";

export function InvitationLink({
  sent,
  onDone,
}: {
  sent: InvitationSentOutput;
  onDone: () => void;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, []);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(sent.link);
      toast.success("Link copied");
    } catch {
      // No clipboard access (an insecure origin, say): select it for the person to copy.
      box.current?.querySelector("input")?.select();
      toast.info("Press Ctrl+C (⌘C on a Mac) to copy the selected link");
    }
  };

  return (
    <Card className="mb-6 border-brand-200 bg-brand-50/50 p-6" role="status">
      <h2 ref={heading} tabIndex={-1} className="text-base font-semibold text-ink outline-none">
        Invitation ready for {sent.name}
      </h2>
      <p className="mt-1 text-sm text-muted">
        Send {sent.email} this link. It's shown only this once (Debrief keeps only a fingerprint of
        it) and it's also queued for the invitation email. It expires on{" "}
        <LocalTime value={sent.expiresAt} />.
        {sent.candidate === "linked"
          ? " Their existing candidate record gets the login."
          : sent.candidate === "created"
            ? " A candidate record was created for them, with you as the owner."
            : ""}
      </p>
      <div className="mt-4 flex flex-col gap-3 sm:flex-row sm:items-end">
        <div ref={box} className="min-w-0 flex-1">
          <Field label="Invitation link">
            {(p) => (
              <Input
                {...p}
                value={sent.link}
                readOnly
                onFocus={(e) => e.currentTarget.select()}
                className="font-mono text-xs"
              />
            )}
          </Field>
        </div>
        <div className="flex gap-2">
          <Button onClick={copy}>Copy link</Button>
          <Button variant="secondary" onClick={onDone}>
            Done
          </Button>
        </div>
      </div>
    </Card>
  );
}
