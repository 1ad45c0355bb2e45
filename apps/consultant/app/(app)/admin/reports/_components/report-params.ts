// The reports keep their filters in the URL (from, to, consultant, client, job) and their breakdown
// (by, of). These turn a page's searchParams into a report's input, with every problem named by the
// field it belongs to, so the page can show it beside the control instead of failing.
import {
  coverageInput,
  engagementInput,
  outcomesInput,
  type ReportFilterOptions,
  type ReportKind,
  reasonsInput,
  reportFiltersInput,
  reportKinds,
  resolveReportRange,
  timeToFeedbackInput,
} from "@debrief/validators";
import type { z } from "zod";

export type SearchParams = Record<string, string | string[] | undefined>;
export type FieldErrors = Record<string, string[]>;

/** The URL parameter of each input field. */
export const paramOf = {
  from: "from",
  to: "to",
  consultantId: "consultant",
  clientId: "client",
  jobId: "job",
  view: "by",
  of: "of",
} as const;
/** The parameters every report shares; moving between reports keeps these and only these. */
export const sharedParams = ["from", "to", "consultant", "client", "job"] as const;

export const isReportKind = (value: string): value is ReportKind =>
  (reportKinds as readonly string[]).includes(value);

const first = (params: SearchParams, key: string) => {
  const value = params[key];
  const text = Array.isArray(value) ? value[0] : value;
  return text?.trim() ? text.trim().slice(0, 100) : undefined;
};

const schemas = {
  coverage: coverageInput,
  "time-to-feedback": timeToFeedbackInput,
  reasons: reasonsInput,
  engagement: engagementInput,
  outcomes: outcomesInput,
} as const;

export type ReportInputs = {
  coverage: z.output<typeof coverageInput>;
  "time-to-feedback": z.output<typeof timeToFeedbackInput>;
  reasons: z.output<typeof reasonsInput>;
  engagement: z.output<typeof engagementInput>;
  outcomes: z.output<typeof outcomesInput>;
};
export type OverviewInput = z.output<typeof reportFiltersInput>;

export type Parsed<T> =
  | { ok: true; input: T; range: { from: string; to: string } }
  | { ok: false; fieldErrors: FieldErrors; range: { from?: string; to?: string } };

/** Drops the keys whose value is undefined, so server and browser build the same cache key. */
function defined<T extends Record<string, unknown>>(input: T): T {
  return Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) as T;
}

function issuesToFields(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? "input");
    out[key] = [...(out[key] ?? []), issue.message];
  }
  return out;
}

/**
 * Checks what the server would refuse: the dates (and their defaults), and ids that are not among
 * the agency's own consultants, clients and jobs. The procedures check the same again.
 */
function check<
  T extends {
    from?: string;
    to?: string;
    consultantId?: string;
    clientId?: string;
    jobId?: string;
  },
>(schema: z.ZodType<T>, raw: Record<string, unknown>, options: ReportFilterOptions): Parsed<T> {
  const parsed = schema.safeParse(defined(raw));
  const loose = { from: raw.from as string | undefined, to: raw.to as string | undefined };
  if (!parsed.success)
    return { ok: false, fieldErrors: issuesToFields(parsed.error), range: loose };
  const input = parsed.data;
  const range = resolveReportRange(input);
  const errors: FieldErrors = range.ok ? {} : { ...range.fieldErrors };
  const missing = ["was not found in your agency"];
  if (input.consultantId && !options.consultants.some((c) => c.id === input.consultantId)) {
    errors.consultantId = missing;
  }
  if (input.clientId && !options.clients.some((c) => c.id === input.clientId)) {
    errors.clientId = missing;
  }
  if (input.jobId) {
    const job = options.jobs.find((j) => j.id === input.jobId);
    if (!job) errors.jobId = missing;
    else if (input.clientId && job.clientId !== input.clientId) {
      errors.jobId = ["is not a job of the chosen client"];
    }
  }
  if (!range.ok) return { ok: false, fieldErrors: errors, range: loose };
  const dates = { from: range.from, to: range.to };
  if (Object.keys(errors).length) return { ok: false, fieldErrors: errors, range: dates };
  return { ok: true, input, range: dates };
}

function rawFilters(params: SearchParams) {
  return {
    from: first(params, "from"),
    to: first(params, "to"),
    consultantId: first(params, "consultant"),
    clientId: first(params, "client"),
    jobId: first(params, "job"),
  };
}

export function parseReport<K extends ReportKind>(
  kind: K,
  params: SearchParams,
  options: ReportFilterOptions,
): Parsed<ReportInputs[K]> {
  const raw = {
    ...rawFilters(params),
    view: first(params, "by"),
    ...(kind === "reasons" ? { of: first(params, "of") } : {}),
  };
  return check(schemas[kind] as unknown as z.ZodType<ReportInputs[K]>, raw, options);
}

export function parseOverview(
  params: SearchParams,
  options: ReportFilterOptions,
): Parsed<OverviewInput> {
  return check(reportFiltersInput, rawFilters(params), options);
}

/** The query string of `params` keeping only the given keys. */
export function queryOf(params: SearchParams | URLSearchParams, keys: readonly string[]) {
  const out = new URLSearchParams();
  for (const key of keys) {
    const value =
      params instanceof URLSearchParams ? (params.get(key) ?? undefined) : first(params, key);
    if (value) out.set(key, value);
  }
  return out.toString();
}

/** The export input of a CSV request's query string (the same names as the pages use). */
export function exportInputOf(kind: ReportKind, url: URL) {
  const params: SearchParams = Object.fromEntries(url.searchParams.entries());
  return defined({
    report: kind,
    ...rawFilters(params),
    view: first(params, "by"),
    of: kind === "reasons" ? first(params, "of") : undefined,
  });
}
