// An audit row's metadata in a few words: what changed, from what to what, how many. Ids are left
// out (the entity column links to the record); keys nobody taught this file show as "key: value".
import { Badge } from "@debrief/ui";
import type { JsonValue } from "./types";

/** Ids mean nothing to a reader; the entity column links to the record instead. */
const isIdKey = (key: string) => /(^id|Ids?)$/.test(key);

const words = (key: string) =>
  key
    .replace(/([a-z])([A-Z])/g, "$1 $2")
    .replaceAll("_", " ")
    .toLowerCase();

const plain = (value: JsonValue): string =>
  value === null
    ? "none"
    : Array.isArray(value)
      ? value.map(plain).join(", ")
      : typeof value === "object"
        ? Object.entries(value)
            .filter(([k]) => !isIdKey(k))
            .map(([k, v]) => `${words(k)} ${plain(v)}`)
            .join(", ")
        : typeof value === "string"
          ? value.replaceAll("_", " ")
          : String(value);

const triggers: Record<string, string> = {
  request: "On the candidate's request",
  admin: "On an admin's decision",
  retention: "Past the retention period",
};
const by: Record<string, string> = { candidate: "By the candidate", admin: "By an admin" };
const plurals: Record<string, string> = { reason: "reasons", competency: "competencies" };
const capitalised = (text: string) => text.replace(/^./, (c) => c.toUpperCase());
const portals: Record<string, string> = {
  consultant: "Consultant portal",
  candidate: "Candidate portal",
};
const failures: Record<string, string> = {
  password: "Wrong password",
  disabled: "Account disabled",
  invited: "Invitation not yet accepted",
  wrong_portal: "Tried the other portal",
  rate_limited: "Too many attempts",
};

/** What each erasure count counts, in the singular and the plural. */
const countNouns: Record<string, [string, string]> = {
  interviews: ["interview", "interviews"],
  feedback: ["feedback", "feedback"],
  feedbackItems: ["feedback point", "feedback points"],
  revisions: ["revision", "revisions"],
  responses: ["rating", "ratings"],
  messages: ["message", "messages"],
  clientFeedbackRequests: ["client request", "client requests"],
  actionPlans: ["action plan", "action plans"],
  goals: ["goal", "goals"],
  goalSteps: ["goal step", "goal steps"],
  goalComments: ["goal comment", "goal comments"],
  journalEntries: ["journal entry", "journal entries"],
  notifications: ["notification", "notifications"],
  outbox: ["outgoing message", "outgoing messages"],
  mail: ["email", "emails"],
  invitations: ["invitation", "invitations"],
  loginAttempts: ["sign-in record", "sign-in records"],
};

/** Non-zero counts, largest first: "3 interviews, 2 feedback, 1 journal entry". */
function counts(value: JsonValue): string | null {
  if (!value || typeof value !== "object" || Array.isArray(value)) return null;
  const parts = Object.entries(value)
    .filter((entry): entry is [string, number] => typeof entry[1] === "number" && entry[1] > 0)
    .filter(([k]) => k !== "accounts")
    .sort((a, b) => b[1] - a[1])
    .map(([k, n]) => {
      const [one, many] = countNouns[k] ?? [words(k), words(k)];
      return `${n} ${n === 1 ? one : many}`;
    });
  const removed = parts.length ? `Removed ${parts.join(", ")}` : "Nothing left to remove";
  return value.accounts ? `${removed}; sign-in account anonymised` : removed;
}

export function summarise(metadata: Record<string, JsonValue>): {
  lines: string[];
  flags: { label: string; tone: "amber" | "red" | "neutral" }[];
} {
  const lines: string[] = [];
  const flags: { label: string; tone: "amber" | "red" | "neutral" }[] = [];
  const handled = new Set<string>();
  const take = (key: string) => {
    handled.add(key);
    return metadata[key];
  };

  if (take("fairnessOverride") === true) {
    const categories = take("fairnessCategories");
    flags.push({
      label: `Fairness override${Array.isArray(categories) && categories.length ? `: ${plain(categories)}` : ""}`,
      tone: "amber",
    });
  }
  const fields = take("fields");
  if (Array.isArray(fields) && fields.length) lines.push(`Changed ${plain(fields)}`);
  const from = take("from");
  const to = take("to");
  if (from !== undefined || to !== undefined) {
    lines.push(`${plain(from ?? null)} → ${plain(to ?? null)}`);
  }
  const outcome = take("outcome");
  const previous = take("previousOutcome");
  if (outcome !== undefined) {
    lines.push(
      `Outcome ${plain(outcome)}${previous !== undefined ? ` (was ${plain(previous)})` : ""}`,
    );
  }
  const trigger = take("trigger");
  if (typeof trigger === "string") lines.push(triggers[trigger] ?? plain(trigger));
  const who = take("by");
  if (typeof who === "string") lines.push(by[who] ?? plain(who));
  const removed = take("counts");
  if (removed !== undefined) {
    const text = counts(removed);
    if (text) lines.push(text);
  }
  const erased = take("candidatesErased");
  const notices = take("notifications");
  const outbox = take("outbox");
  const mail = take("mail");
  if (erased !== undefined || notices !== undefined || outbox !== undefined) {
    lines.push(
      `${plain(erased ?? 0)} candidates erased, ${plain(notices ?? 0)} read notifications, ${plain(outbox ?? 0)} delivered messages and ${plain(mail ?? 0)} sent emails deleted`,
    );
  }
  const months = take("retentionMonths");
  if (months !== undefined) lines.push(`Keeps ${plain(months)} months`);
  take("cutoff");
  const version = take("fromVersion");
  if (version !== undefined) lines.push(`Version ${plain(version)} kept as a revision`);
  const portal = take("portal");
  if (typeof portal === "string") lines.push(portals[portal] ?? `${plain(portal)} portal`);
  const failure = take("reason");
  if (typeof failure === "string") lines.push(failures[failure] ?? `Reason: ${plain(failure)}`);
  const report = take("report");
  if (typeof report === "string") {
    const view = take("view");
    const of = take("of");
    lines.push(
      `${capitalised(plain(report))} report${typeof of === "string" ? ` of ${plurals[of] ?? plain(of)}` : ""}${view !== undefined ? ` by ${plain(view)}` : ""}`,
    );
  }
  const rows = take("rows");
  if (typeof rows === "number") lines.push(`${rows} ${rows === 1 ? "row" : "rows"}`);
  const filters = take("filters");
  if (filters && typeof filters === "object" && !Array.isArray(filters)) {
    const { from: start, to: end, ...rest } = filters;
    if (typeof start === "string" && typeof end === "string") lines.push(`${start} to ${end}`);
    const others = Object.keys(rest).filter((k) => rest[k] !== null && rest[k] !== undefined);
    if (others.length)
      lines.push(`Filtered by ${others.map((k) => words(k.replace(/Ids?$/, ""))).join(", ")}`);
  }
  const kind = take("kind");
  if (kind !== undefined) lines.push(capitalised(plain(kind)));

  for (const [key, value] of Object.entries(metadata)) {
    if (handled.has(key) || isIdKey(key)) continue;
    lines.push(`${words(key)}: ${plain(value)}`);
  }
  return { lines, flags };
}

export function MetadataSummary({ metadata }: { metadata: Record<string, JsonValue> }) {
  const { lines, flags } = summarise(metadata);
  if (!lines.length && !flags.length) return <span className="text-muted">—</span>;
  return (
    <div className="max-w-72 space-y-1 text-xs text-muted">
      {flags.map((f) => (
        <Badge key={f.label} tone={f.tone}>
          {f.label}
        </Badge>
      ))}
      {lines.map((line) => (
        <p key={line}>{line}</p>
      ))}
    </div>
  );
}
