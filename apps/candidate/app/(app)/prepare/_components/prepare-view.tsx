"use client";
// The preparation checklist (goals and interview-style tips) and the agency's outcome rates by
// stage. Ticks are kept in this browser's localStorage only, keyed by goal or feedback-item id:
// they are a personal run-through before an interview, not a record the agency needs.
import { Badge, Button, buttonClass, Card, EmptyState } from "@debrief/ui";
import {
  goalStatusLabels,
  oddsPhrase,
  type Prepare,
  type StageRate,
  stageLabels,
} from "@debrief/validators";
import { useTRPC } from "@debrief/web/trpc/react";
import { useSuspenseQuery } from "@tanstack/react-query";
import Link from "next/link";
import { type ReactNode, useCallback, useEffect, useState } from "react";

const STORAGE_KEY = "debrief.prepare.ticked";
const dayFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short" });
const isoDay = (d: string) => dayFormat.format(new Date(`${d}T12:00:00`));
/** Today as YYYY-MM-DD in the browser's own time zone. */
const today = () => new Date().toLocaleDateString("en-CA");

function useTicks() {
  const [ticked, setTicked] = useState<Set<string>>(new Set());
  // Read after mounting, so the server's HTML and the first client render agree.
  useEffect(() => {
    try {
      const saved = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? "[]");
      if (Array.isArray(saved)) setTicked(new Set(saved.filter((x) => typeof x === "string")));
    } catch {
      // A corrupt value just means nothing is ticked.
    }
  }, []);
  const save = useCallback((next: Set<string>) => {
    setTicked(next);
    try {
      localStorage.setItem(STORAGE_KEY, JSON.stringify([...next]));
    } catch {
      // Storage may be full or disabled; the ticks still work for this visit.
    }
  }, []);
  const toggle = (id: string) => {
    const next = new Set(ticked);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    save(next);
  };
  return { ticked, toggle, clear: () => save(new Set()) };
}

function CheckItem({
  id,
  checked,
  onToggle,
  children,
}: {
  id: string;
  checked: boolean;
  onToggle: () => void;
  children: ReactNode;
}) {
  const inputId = `check-${id}`;
  return (
    <li className="flex gap-3 py-3">
      <input
        id={inputId}
        type="checkbox"
        checked={checked}
        onChange={onToggle}
        className="mt-1 h-4 w-4 shrink-0 accent-brand-700"
      />
      <label htmlFor={inputId} className={`min-w-0 flex-1 ${checked ? "opacity-60" : ""}`}>
        {children}
      </label>
    </li>
  );
}

function Goals({
  goals,
  ticked,
  toggle,
}: {
  goals: Prepare["goals"];
  ticked: Set<string>;
  toggle: (id: string) => void;
}) {
  if (goals.length === 0) {
    return (
      <p className="text-sm text-muted">
        No open goals right now.{" "}
        <Link href="/plans" className="font-medium text-brand-700 hover:underline">
          Turn a point from your feedback into a goal
        </Link>{" "}
        and it will show here.
      </p>
    );
  }
  return (
    <ul className="divide-y divide-line">
      {goals.map((g) => {
        const pct = g.stepsTotal ? Math.round((g.stepsDone / g.stepsTotal) * 100) : 0;
        return (
          <CheckItem key={g.id} id={g.id} checked={ticked.has(g.id)} onToggle={() => toggle(g.id)}>
            <span className="flex flex-wrap items-center gap-2">
              <span className="font-medium text-ink">{g.title}</span>
              <Badge tone={g.status === "in_progress" ? "brand" : "neutral"}>
                {goalStatusLabels[g.status]}
              </Badge>
            </span>
            <span className="mt-1 block text-sm text-muted">
              {g.stepsTotal
                ? `${g.stepsDone} of ${g.stepsTotal} steps done (${pct}%)`
                : "No steps yet"}
              {" · "}target {isoDay(g.targetDate)}
            </span>
            {g.stepsTotal ? (
              <span
                aria-hidden
                className="mt-1.5 block h-2 w-full max-w-xs rounded-full bg-slate-100"
              >
                <span
                  className="block h-2 rounded-full bg-brand-600"
                  style={{ width: `${pct}%` }}
                />
              </span>
            ) : null}
            {g.nextStep ? (
              <span className="mt-1 block text-sm text-ink">
                Next: {g.nextStep.title}
                {g.nextStep.dueDate ? ` (by ${isoDay(g.nextStep.dueDate)})` : ""}
                {g.nextStep.dueDate && g.nextStep.dueDate < today() ? (
                  <Badge tone="red" className="ml-2">
                    Overdue
                  </Badge>
                ) : null}
              </span>
            ) : null}
          </CheckItem>
        );
      })}
    </ul>
  );
}

function Tips({
  tips,
  ticked,
  toggle,
}: {
  tips: Prepare["tips"];
  ticked: Set<string>;
  toggle: (id: string) => void;
}) {
  if (tips.length === 0) {
    return (
      <p className="text-sm text-muted">
        No interview-style tips in your feedback yet. When a panel comments on how you came across,
        their tips will appear here.
      </p>
    );
  }
  return (
    <ul className="divide-y divide-line">
      {tips.map((t) => (
        <CheckItem key={t.id} id={t.id} checked={ticked.has(t.id)} onToggle={() => toggle(t.id)}>
          <span className="flex flex-wrap items-center gap-2">
            <Badge tone={t.kind === "gap" ? "amber" : "green"}>
              {t.kind === "gap" ? "Practise" : "Keep doing"}
            </Badge>
            <span className="font-medium text-ink">{t.text}</span>
          </span>
          <span className="mt-1 block text-sm text-muted">
            {t.context ? `Why: ${t.context} ` : ""}
            {t.times > 1 ? `Mentioned in ${t.times} interviews; latest` : "From"} {t.jobTitle},{" "}
            {dayFormat.format(t.publishedAt)}.
          </span>
        </CheckItem>
      ))}
    </ul>
  );
}

/** "about 1 in 3 candidates is", "about 7 in 10 candidates are": the verb follows the odds. */
function odds(count: number, total: number, singular: string, plural: string) {
  const phrase = oddsPhrase(count, total);
  return `${phrase} ${phrase.startsWith("about 1 in") ? singular : plural}`;
}

function stageSentence(rate: StageRate & { rates: NonNullable<StageRate["rates"]> }) {
  const { decided, offered, progressed } = rate.rates;
  const at = `At the ${stageLabels[rate.stage].toLowerCase()} stage`;
  if (offered === decided) return `${at}, every candidate so far has been offered the job.`;
  if (progressed === decided) return `${at}, every candidate so far has gone on to the next round.`;
  const parts: string[] = [];
  if (offered > 0)
    parts.push(
      `${odds(offered, decided, "candidates is offered", "candidates are offered")} the job`,
    );
  if (progressed > 0) {
    parts.push(
      offered > 0
        ? `${odds(progressed, decided, "goes on", "go on")} to the next round`
        : odds(progressed, decided, "candidates goes on", "candidates go on") +
            " to the next round",
    );
  }
  if (parts.length === 0) return `${at}, most candidates are not taken forward — you're not alone.`;
  return `${at}, ${parts.join(", and ")}.`;
}

function StageRates({
  rates,
  minDecided,
  agencyName,
}: {
  rates: StageRate[];
  minDecided: number;
  agencyName: string;
}) {
  return (
    <>
      <ul className="divide-y divide-line">
        {rates.map((r) => {
          const data = r.rates;
          return (
            <li key={r.stage} className="py-3">
              <p className="font-medium text-ink">{stageLabels[r.stage]}</p>
              {data ? (
                <>
                  <p className="mt-0.5 text-sm text-ink">{stageSentence({ ...r, rates: data })}</p>
                  <div
                    aria-hidden
                    className="mt-2 flex h-2.5 w-full max-w-md overflow-hidden rounded-full bg-slate-100"
                  >
                    <span
                      className="bg-emerald-600"
                      style={{ width: `${(data.offered / data.decided) * 100}%` }}
                    />
                    <span
                      className="bg-brand-600"
                      style={{ width: `${(data.progressed / data.decided) * 100}%` }}
                    />
                    <span
                      className="bg-slate-300"
                      style={{ width: `${(data.rejected / data.decided) * 100}%` }}
                    />
                  </div>
                  <p className="mt-1 text-xs text-muted">
                    Of {data.decided} decided interviews: {data.offered} offered, {data.progressed}{" "}
                    moved on, {data.rejected} not this time.
                  </p>
                </>
              ) : (
                <p className="mt-0.5 text-sm text-muted">
                  Not enough data yet — fewer than {minDecided} decided interviews at this stage.
                </p>
              )}
            </li>
          );
        })}
      </ul>
      <p className="mt-3 text-xs text-muted">
        From all of {agencyName}'s interviews where a decision was made. Candidates who withdrew,
        and interviews still waiting for a decision, are not counted. Most people hear “no” several
        times before a “yes” — a rejection says little about the next one.
      </p>
    </>
  );
}

export function PrepareView({ agencyName }: { agencyName: string }) {
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.insights.prepare.queryOptions());
  const { ticked, toggle, clear } = useTicks();
  const ids = [...data.goals.map((g) => g.id), ...data.tips.map((t) => t.id)];
  const done = ids.filter((id) => ticked.has(id)).length;
  const nothing = data.goals.length === 0 && data.tips.length === 0;

  return (
    <div className="grid gap-6 lg:grid-cols-[3fr_2fr]">
      <div className="space-y-6">
        {nothing ? (
          <EmptyState
            title="Nothing to run through yet"
            action={
              <Link href="/plans" className={buttonClass("secondary")}>
                Go to my action plans
              </Link>
            }
          >
            Your checklist fills up from your open goals and from the interview tips in your
            feedback. Set a goal from a point to work on, and it will appear here.
          </EmptyState>
        ) : (
          <Card className="p-5">
            <div className="flex flex-wrap items-center justify-between gap-3">
              <div>
                <h2 className="text-lg font-semibold text-ink">Your checklist</h2>
                <p className="text-sm text-muted" aria-live="polite">
                  {done} of {ids.length} ticked. Ticks are saved on this device only.
                </p>
              </div>
              {done > 0 ? (
                <Button variant="secondary" size="sm" onClick={clear}>
                  Untick all
                </Button>
              ) : null}
            </div>
            <section aria-labelledby="goals-heading" className="mt-5">
              <h3
                id="goals-heading"
                className="text-sm font-semibold uppercase tracking-wide text-muted"
              >
                Your open goals
              </h3>
              <Goals goals={data.goals} ticked={ticked} toggle={toggle} />
            </section>
            <section aria-labelledby="tips-heading" className="mt-5">
              <h3
                id="tips-heading"
                className="text-sm font-semibold uppercase tracking-wide text-muted"
              >
                Interview tips from your feedback
              </h3>
              <Tips tips={data.tips} ticked={ticked} toggle={toggle} />
            </section>
          </Card>
        )}
      </div>
      <section aria-labelledby="odds-heading">
        <Card className="p-5">
          <h2 id="odds-heading" className="text-lg font-semibold text-ink">
            What to expect at each stage
          </h2>
          <p className="mt-1 text-sm text-muted">
            Knowing the odds beforehand takes some of the sting out of a “no”.
          </p>
          <div className="mt-3">
            <StageRates
              rates={data.stageRates}
              minDecided={data.minDecided}
              agencyName={agencyName}
            />
          </div>
        </Card>
      </section>
    </div>
  );
}
