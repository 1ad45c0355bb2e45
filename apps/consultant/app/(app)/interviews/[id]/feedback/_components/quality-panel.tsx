"use client";
// Quality checks and fairness warnings, recomputed as the consultant types.
import { Badge, Card } from "@debrief/ui";
import type { FairnessFlag, QualityIssue } from "@debrief/validators";

export type TextFlags = { path: string; label: string; text: string; flags: FairnessFlag[] };

export function QualityPanel({
  issues,
  fairness,
}: {
  issues: QualityIssue[];
  fairness: TextFlags[];
}) {
  const blockers = issues.filter((i) => i.severity === "blocker");
  const warnings = issues.filter((i) => i.severity === "warning");
  const flagCount = fairness.reduce((n, t) => n + t.flags.length, 0);
  const clean = issues.length === 0 && flagCount === 0;
  return (
    <Card className="p-5" aria-labelledby="quality-heading" role="region">
      <div className="flex items-center justify-between gap-2">
        <h2 id="quality-heading" className="text-sm font-semibold text-ink">
          Quality checks
        </h2>
        {clean ? (
          <Badge tone="green">All clear</Badge>
        ) : (
          <Badge tone={blockers.length || flagCount ? "red" : "amber"}>
            {issues.length + flagCount} to review
          </Badge>
        )}
      </div>
      {clean ? (
        <p className="mt-2 text-sm text-muted">
          Specific, balanced and fair. Preview it, then publish.
        </p>
      ) : null}
      {fairness.length ? (
        <div className="mt-4 space-y-3" data-testid="fairness-warnings">
          <p className="text-xs font-semibold uppercase tracking-wide text-red-800">Fairness</p>
          {fairness.map((t) => (
            <div key={t.path} className="rounded-lg border border-red-200 bg-red-50 p-3 text-sm">
              <p className="font-medium text-red-900">{t.label}</p>
              <p className="mt-1 text-ink">
                <Highlighted text={t.text} flags={t.flags} />
              </p>
              <ul className="mt-2 space-y-1 text-xs text-red-900">
                {t.flags.map((f) => (
                  <li key={`${f.start}-${f.end}`}>{f.message}</li>
                ))}
              </ul>
            </div>
          ))}
        </div>
      ) : null}
      {[...blockers, ...warnings].length ? (
        <ul className="mt-4 space-y-2" data-testid="quality-issues">
          {[...blockers, ...warnings].map((issue) => (
            <li
              key={`${issue.code}-${issue.path ?? issue.lens ?? ""}`}
              className="flex gap-2 text-sm"
            >
              <span
                aria-hidden
                className={issue.severity === "blocker" ? "text-red-700" : "text-amber-600"}
              >
                ●
              </span>
              <span className="text-ink">
                <span className="sr-only">
                  {issue.severity === "blocker" ? "Must fix: " : "Suggestion: "}
                </span>
                {issue.message}
              </span>
            </li>
          ))}
        </ul>
      ) : null}
    </Card>
  );
}

/** The text with each flagged phrase marked, so the consultant sees exactly what to reword. */
export function Highlighted({ text, flags }: { text: string; flags: FairnessFlag[] }) {
  const parts: React.ReactNode[] = [];
  let at = 0;
  for (const f of [...flags].sort((a, b) => a.start - b.start)) {
    if (f.start < at) continue;
    parts.push(text.slice(at, f.start));
    parts.push(
      <mark key={f.start} className="rounded bg-red-200 px-0.5 text-red-950">
        {text.slice(f.start, f.end)}
      </mark>,
    );
    at = f.end;
  }
  parts.push(text.slice(at));
  return <>{parts}</>;
}
