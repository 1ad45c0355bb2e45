"use client";
// After a revision: what the consultant changed, so the candidate need not compare by memory.
import { Card } from "@debrief/ui";
import type { MyFeedbackView } from "@debrief/validators";

const dateFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long" });

export function WhatChanged({ feedback }: { feedback: MyFeedbackView }) {
  const { previous, revisedAt } = feedback;
  if (!previous || !revisedAt) return null;
  const before = new Set(previous.items.map((i) => i.detail));
  const now = new Set(feedback.items.map((i) => i.detail));
  const added = feedback.items.filter((i) => !before.has(i.detail));
  const removed = previous.items.filter((i) => !now.has(i.detail));
  const summaryChanged = previous.summary !== feedback.summary;
  return (
    <Card className="border-brand-100 bg-brand-50 p-5" role="region" aria-labelledby="what-changed">
      <h2 id="what-changed" className="text-sm font-semibold text-ink">
        {feedback.consultantName} updated this feedback on {dateFormat.format(revisedAt)}
      </h2>
      <ul className="mt-2 space-y-2 text-sm text-ink">
        {summaryChanged ? <li>The summary was reworded.</li> : null}
        {added.map((i) => (
          <li key={i.id}>
            <span className="font-medium">New or reworded:</span> {i.detail}
          </li>
        ))}
        {removed.map((i) => (
          <li key={i.detail} className="text-muted">
            <span className="font-medium">No longer included:</span> <s>{i.detail}</s>
          </li>
        ))}
        {!summaryChanged && added.length === 0 && removed.length === 0 ? (
          <li>Small corrections; the points themselves are unchanged.</li>
        ) : null}
      </ul>
    </Card>
  );
}
