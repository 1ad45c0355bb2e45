// How a candidate reads feedback. The consultant's preview renders this same component.
import {
  type FeedbackView as FeedbackData,
  lenses,
  lensInfo,
  stageLabels,
} from "@debrief/validators";
import type { ReactNode } from "react";
import { cn } from "./cn";
import { Badge, Card } from "./layout";

type Item = FeedbackData["items"][number];

const dateFormat = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "long",
  year: "numeric",
});

export function FeedbackView({
  feedback,
  itemFooter,
  className,
}: {
  feedback: FeedbackData;
  itemFooter?: (item: Item) => ReactNode;
  className?: string;
}) {
  return (
    <article className={cn("space-y-6", className)} aria-label="Interview feedback">
      <header className="space-y-2">
        <p className="text-sm font-medium text-brand-700">
          {stageLabels[feedback.stage]} · {dateFormat.format(feedback.interviewDate)}
        </p>
        <h2 className="text-xl font-semibold tracking-tight text-ink">
          {feedback.jobTitle} at {feedback.clientName}
        </h2>
        <p className="text-sm text-muted">
          From {feedback.consultantName}
          {feedback.publishedAt
            ? ` · shared ${dateFormat.format(feedback.publishedAt)}`
            : " · not yet shared"}
          {feedback.revisedAt ? ` · updated ${dateFormat.format(feedback.revisedAt)}` : null}
        </p>
      </header>
      {feedback.summary ? (
        <p className="rounded-xl bg-brand-50 px-5 py-4 text-[15px] leading-relaxed text-ink">
          {feedback.summary}
        </p>
      ) : null}
      {lenses.map((lens) => {
        const items = feedback.items.filter((i) => i.lens === lens);
        return (
          <section key={lens} aria-labelledby={`lens-${lens}`} className="space-y-3">
            <div>
              <h3 id={`lens-${lens}`} className="text-base font-semibold text-ink">
                {lensInfo[lens].title}
              </h3>
              <p className="text-sm text-muted">{lensInfo[lens].hint}</p>
            </div>
            {items.length === 0 ? (
              <p className="text-sm italic text-muted">Nothing noted under this heading.</p>
            ) : (
              <ul className="space-y-3">
                {items.map((item) => (
                  <li key={item.id}>
                    <FeedbackItemCard item={item} footer={itemFooter?.(item)} />
                  </li>
                ))}
              </ul>
            )}
          </section>
        );
      })}
    </article>
  );
}

function FeedbackItemCard({ item, footer }: { item: Item; footer?: ReactNode }) {
  const strength = item.kind === "strength";
  return (
    <Card
      className={cn("border-l-4 p-4", strength ? "border-l-emerald-600" : "border-l-amber-500")}
    >
      <div className="flex flex-wrap items-center gap-2">
        <Badge tone={strength ? "green" : "amber"}>{strength ? "Strength" : "To work on"}</Badge>
        {item.competency ? <Badge>{item.competency}</Badge> : null}
        {item.reason ? <span className="text-xs text-muted">{item.reason}</span> : null}
      </div>
      <p className="mt-2 text-[15px] leading-relaxed text-ink">{item.detail}</p>
      {item.nextStep ? (
        <div className="mt-3 rounded-lg bg-slate-50 px-3 py-2">
          <p className="text-xs font-semibold uppercase tracking-wide text-brand-700">Next step</p>
          <p className="text-sm text-ink">{item.nextStep}</p>
        </div>
      ) : null}
      {footer ? <div className="mt-3 border-t border-line pt-3">{footer}</div> : null}
    </Card>
  );
}
