// Quality checks on a feedback draft, shown in the editor as the consultant writes and re-run by
// the server before publishing. Blockers mirror what publishing already refuses (a gap without a
// reason or next step); everything else is a warning, because good feedback sometimes breaks a
// rule of thumb and the consultant is the judge.
import { type ItemKind, type Lens, lenses, lensInfo } from "../enums";

// What each lens asks, put to the consultant (lensInfo hints speak to the candidate).
const lensPrompts: Record<Lens, string> = {
  skills_experience:
    "were their examples strong enough, and was a skill vital to the role missing or not shown?",
  other_applicants:
    "what did the successful candidate have that they did not, and how could they match it?",
  interview_style: "how did they come across, and what concrete tip would help next time?",
};

export const qualityIssueCodes = [
  "vague",
  "gap_without_next_step",
  "gap_without_reason",
  "empty_lens",
  "no_strength",
  "no_gap",
  "too_short",
  "placeholder",
] as const;
export type QualityIssueCode = (typeof qualityIssueCodes)[number];
export type QualitySeverity = "warning" | "blocker";

export type QualityIssue = {
  code: QualityIssueCode;
  severity: QualitySeverity;
  /** The field to fix, e.g. "items.2.detail", "items.1.nextStep", "summary"; null for the whole feedback. */
  path: string | null;
  lens?: Lens;
  /** Says what to fix, in words the consultant can act on. */
  message: string;
};

export type QualityItemInput = {
  lens: Lens;
  kind: ItemKind;
  detail: string;
  nextStep?: string | null;
  reasonId?: string | null;
  competencyId?: string | null;
};

export type QualityInput = { summary: string; items: readonly QualityItemInput[] };

/** Word counts below which a field reads as too thin to act on. Exported so the UI can explain them. */
export const qualityThresholds = {
  /** A detail shorter than this cannot say what happened and why it mattered. */
  detailWords: 8,
  /** A next step shorter than this is a slogan ("Practise more"), not a plan. */
  nextStepWords: 4,
  /** A summary shorter than this does not give the decision and its main reason. */
  summaryWords: 5,
  /** A vague phrase is forgiven only when the text around it is at least this long and concrete. */
  specificWords: 10,
} as const;

type VaguePhrase = { pattern: RegExp; message: string };

const EXAMPLE = "Give an example from the interview.";

// Each pattern is the stock phrase consultants reach for when they have not said why. Where the
// phrase is immediately made specific ("lacked experience with Kubernetes") it is not vague, so
// the pattern stops short of it with a lookahead.
const SPECIFYING = String.raw`(?!\s+(?:in|with|of|on|at|using|across|leading|managing|building|running|designing|delivering|working|around)\b)`;
const vaguePhrases: readonly VaguePhrase[] = [
  {
    pattern:
      /\b(?:not|n['’]t|never)\s+(?:really\s+)?(?:a|the)\s+(?:good|right|great|strong|best)\s+fit\b|\bpoor\s+fit\b/iu,
    message: `Say why: "not a good fit" with what? Name the requirement they fell short of. ${EXAMPLE}`,
  },
  {
    pattern: /\bcultur(?:e|al)\s+fit\b/iu,
    message:
      'Say what "culture fit" means here: which way of working the client wanted, and what in the interview showed a different one.',
  },
  {
    pattern: new RegExp(
      String.raw`\b(?:lack(?:ed|s|ing)?(?:\s+of)?|not\s+enough|insufficient|limited|didn['’]t\s+have\s+(?:enough|the)|did\s+not\s+have\s+(?:enough|the))\s+(?:relevant\s+|enough\s+|sufficient\s+|the\s+right\s+)?experience\b${SPECIFYING}`,
      "iu",
    ),
    message: `Say what was missing: "lacked experience" of what? ${EXAMPLE}`,
  },
  {
    pattern: new RegExp(
      String.raw`\b(?:not|n['’]t)\s+(?:quite\s+|really\s+)?strong\s+enough\b${SPECIFYING}`,
      "iu",
    ),
    message: `Say at what: "not strong enough" in which skill, against what the role needed? ${EXAMPLE}`,
  },
  {
    pattern: /\b(?:didn['’]t|did\s+not|doesn['’]t|does\s+not)\s+(?:really\s+)?stand\s+out\b/iu,
    message: `Say what the stronger answers had that theirs did not. ${EXAMPLE}`,
  },
  {
    pattern:
      /\b(?:other|the\s+other|another|successful)\s+(?:candidates?|applicants?)\s+(?:were|was|had\s+been|seemed)\s+(?:just\s+)?(?:stronger|better|more\s+suitable)\b|\bstronger\s+(?:candidates|applicants|field)\b/iu,
    message:
      "Say what the successful candidate had that this one did not, and how to match it next time.",
  },
  {
    pattern:
      /\b(?:went|go|gone|going|decided\s+to\s+go)\s+(?:in\s+)?(?:another|a\s+different)\s+(?:way|direction)\b|\bwent\s+with\s+(?:another|a\s+different)\s+(?:candidate|applicant|profile)\b/iu,
    message: "Say why the client chose differently: the requirement that decided it.",
  },
  {
    pattern: /\b(?:just\s+)?(?:not|n['’]t)\s+quite\s+there\b/iu,
    message: `"Not quite there" on what? Name the gap. ${EXAMPLE}`,
  },
  {
    pattern:
      /\bnot\s+(?:exactly\s+|quite\s+)?what\s+(?:we|they|the\s+(?:client|team|business|hiring\s+manager))(?:['’]re|['’]s|\s+are|\s+were|\s+is|\s+was)\s+looking\s+for\b/iu,
    message:
      "Say what the client was looking for and where the candidate fell short of it, with an example.",
  },
];

const NUMBER = /\p{N}|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|twice|half)\b/iu;
const EXAMPLE_MARKER =
  /\b(?:for\s+example|for\s+instance|e\.g\.|eg|such\s+as|when|specifically|in\s+particular|i\.e\.|because)\b/iu;
// A quotation of what was said in the interview; apostrophes inside words do not count.
const QUOTATION = /["“”][^"“”]{3,}["“”]|(?:^|[\s(])['‘][^'’]{3,}['’](?=$|[\s.,;:!?)])/u;

const wordCount = (text: string) => text.split(/\s+/u).filter((w) => w !== "").length;

/** Concrete enough that a vague phrase in it is forgiven: long enough, with a number, an example or a quote. */
function hasSpecifics(text: string): boolean {
  return (
    wordCount(text) >= qualityThresholds.specificWords &&
    (NUMBER.test(text) || EXAMPLE_MARKER.test(text) || QUOTATION.test(text))
  );
}

function vagueIssue(text: string, path: string, lens?: Lens): QualityIssue | null {
  if (hasSpecifics(text)) return null;
  const phrase = vaguePhrases.find((p) => p.pattern.test(text));
  if (!phrase) return null;
  return {
    code: "vague",
    severity: "warning",
    path,
    ...(lens ? { lens } : {}),
    message: phrase.message,
  };
}

const isBlank = (value: string | null | undefined) => !value || value.trim() === "";

function summaryIssues(summary: string): QualityIssue[] {
  const vague = vagueIssue(summary, "summary");
  if (vague) return [vague];
  if (wordCount(summary) < qualityThresholds.summaryWords) {
    return [
      {
        code: "too_short",
        severity: "warning",
        path: "summary",
        message:
          "Add a summary of a sentence or two: the decision and the main reason for it, in words the candidate will read first.",
      },
    ];
  }
  return [];
}

/** Templates mark what the consultant must fill in with "…"; none may reach a candidate. */
export const PLACEHOLDER = "…";

function placeholderIssue(
  text: string | null | undefined,
  path: string,
  lens?: Lens,
): QualityIssue[] {
  if (!text?.includes(PLACEHOLDER)) return [];
  return [
    {
      code: "placeholder",
      severity: "blocker",
      path,
      lens,
      message: `Replace the "${PLACEHOLDER}" left from the template with what you saw in the interview.`,
    },
  ];
}

function itemIssues(item: QualityItemInput, index: number): QualityIssue[] {
  const at = (field: string) => `items.${index}.${field}`;
  const { lens } = item;
  const issues: QualityIssue[] = [
    ...placeholderIssue(item.detail, at("detail"), lens),
    ...placeholderIssue(item.nextStep, at("nextStep"), lens),
  ];

  // One issue per field: a vague phrase is the more useful thing to point at than the length.
  const vague = vagueIssue(item.detail, at("detail"), lens);
  if (vague) issues.push(vague);
  else if (wordCount(item.detail) < qualityThresholds.detailWords) {
    issues.push({
      code: "too_short",
      severity: "warning",
      path: at("detail"),
      lens,
      message:
        item.kind === "gap"
          ? "Add detail: what happened in the interview, and why it mattered for this role."
          : "Add detail: what they did well in the interview, so they know to keep doing it.",
    });
  }

  if (item.kind !== "gap") return issues;
  // Same rules the server applies on publish, so the editor can say so before the consultant tries.
  if (isBlank(item.reasonId)) {
    issues.push({
      code: "gap_without_reason",
      severity: "blocker",
      path: at("reasonId"),
      lens,
      message: "A gap needs a rejection reason: pick the one from the list that fits this point.",
    });
  }
  if (isBlank(item.nextStep)) {
    issues.push({
      code: "gap_without_next_step",
      severity: "blocker",
      path: at("nextStep"),
      lens,
      message:
        "A gap needs a suggested next step: what can the candidate do to close it before their next interview?",
    });
  } else if (wordCount(item.nextStep ?? "") < qualityThresholds.nextStepWords) {
    issues.push({
      code: "too_short",
      severity: "warning",
      path: at("nextStep"),
      lens,
      message:
        'Make the next step concrete: what to do, and how they will know it is done (e.g. "Prepare two STAR examples with measurable results").',
    });
  }
  return issues;
}

/**
 * Every quality issue in a feedback draft, in the order the editor shows the fields: summary,
 * then each item, then whole-feedback issues (empty lenses in lens order, no strength, no gap).
 */
export function checkFeedbackQuality(input: QualityInput): QualityIssue[] {
  const issues: QualityIssue[] = [
    ...placeholderIssue(input.summary, "summary"),
    ...summaryIssues(input.summary),
  ];
  input.items.forEach((item, i) => {
    issues.push(...itemIssues(item, i));
  });

  for (const lens of lenses) {
    if (input.items.some((item) => item.lens === lens)) continue;
    issues.push({
      code: "empty_lens",
      severity: "warning",
      path: null,
      lens,
      message: `Nothing under "${lensInfo[lens].title}" yet. Add a point: ${lensPrompts[lens]}`,
    });
  }
  if (!input.items.some((item) => item.kind === "strength")) {
    issues.push({
      code: "no_strength",
      severity: "warning",
      path: null,
      message:
        "Add at least one strength: candidates act on feedback better when they also know what to keep doing.",
    });
  }
  if (!input.items.some((item) => item.kind === "gap")) {
    issues.push({
      code: "no_gap",
      severity: "warning",
      path: null,
      message:
        "Add at least one gap with a next step: it is what the candidate can work on before the next interview.",
    });
  }
  return issues;
}

/** True when publishing would be refused. */
export const hasBlockers = (issues: readonly QualityIssue[]) =>
  issues.some((issue) => issue.severity === "blocker");
