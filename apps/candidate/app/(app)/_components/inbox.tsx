// A server component: the inbox is only read, so it ships no JavaScript (nor the validators' zod
// schemas its labels would pull in) and its rows are not sent twice (HTML and dehydrated query).
import { Badge, Card, EmptyState } from "@debrief/ui";
import { type InboxEntry, stageLabels } from "@debrief/validators";
import Link from "next/link";
import { fetchOrNotFound, trpc } from "~/trpc/server";

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
const dateFormat = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  year: "numeric",
});

export async function Inbox() {
  const data = await fetchOrNotFound<InboxEntry[]>(trpc.myFeedback.list.queryOptions());
  if (data.length === 0) {
    return (
      <EmptyState title="No feedback yet">
        When your consultant shares feedback from an interview, it will appear here, and we'll let
        you know.
      </EmptyState>
    );
  }
  return (
    <Card>
      <ul className="divide-y divide-line" aria-label="Feedback">
        {data.map((entry) => (
          <li key={entry.id}>
            <Link
              href={`/feedback/${entry.id}`}
              className="flex flex-wrap items-center gap-4 px-5 py-4 transition-colors hover:bg-slate-50"
              data-testid="inbox-row"
            >
              <span
                aria-hidden
                className={`h-2.5 w-2.5 shrink-0 rounded-full ${entry.read ? "bg-transparent" : "bg-brand-600"}`}
              />
              <div className="min-w-0 flex-1">
                <p className={`text-ink ${entry.read ? "font-medium" : "font-semibold"}`}>
                  {entry.jobTitle} at {entry.clientName}
                  {entry.read ? null : <span className="sr-only"> (unread)</span>}
                </p>
                <p className="text-sm text-muted">
                  {stageLabels[entry.stage]} · shared {dateFormat.format(entry.publishedAt)}
                </p>
              </div>
              <div className="flex gap-2">
                {entry.read ? null : <Badge tone="brand">New</Badge>}
                {entry.revisedAt ? <Badge tone="amber">Updated</Badge> : null}
                <Badge tone="green">{plural(entry.strengths, "strength")}</Badge>
                <Badge tone="amber">{entry.gaps} to work on</Badge>
              </div>
            </Link>
          </li>
        ))}
      </ul>
    </Card>
  );
}
