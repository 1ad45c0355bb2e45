// Lists keep their search, filters and page in the URL. These turn a page's searchParams into the
// list procedure's input: a value that does not parse is dropped rather than failing the page, and
// only set keys are kept, so the server's prefetch and the client's query share one cache key.
import {
  type CandidateListInput,
  type ClientListInput,
  DEFAULT_PAGE_SIZE,
  type InterviewListInput,
  interviewOutcomes,
  interviewStages,
  type JobListInput,
  MAX_PAGE_SIZE,
} from "@debrief/validators";
import { z } from "zod";

export type SearchParams = Record<string, string | string[] | undefined>;

const first = (params: SearchParams, key: string) => {
  const value = params[key];
  return Array.isArray(value) ? value[0] : value;
};

const uuid = z.uuid();
const isoDate = z.iso.date();

function pick<T>(schema: z.ZodType<T>, value: string | undefined): T | undefined {
  if (value === undefined || value === "") return undefined;
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

function text(params: SearchParams, key: string) {
  const value = first(params, key)?.trim().slice(0, 200);
  return value ? value : undefined;
}

function paging(params: SearchParams) {
  const page = Number.parseInt(first(params, "page") ?? "", 10);
  const size = Number.parseInt(first(params, "size") ?? "", 10);
  return {
    page: Number.isFinite(page) && page >= 1 && page <= 100_000 ? page : 1,
    pageSize:
      Number.isFinite(size) && size >= 1 && size <= MAX_PAGE_SIZE ? size : DEFAULT_PAGE_SIZE,
  };
}

/** Drops the keys whose value is undefined. */
function defined<T extends Record<string, unknown>>(input: T): T {
  return Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) as T;
}

export function candidateListInput(params: SearchParams) {
  return defined<CandidateListInput & { page: number; pageSize: number }>({
    q: text(params, "q"),
    ownerId: pick(uuid, first(params, "owner")),
    ...paging(params),
  });
}

export function clientListInput(params: SearchParams) {
  return defined<ClientListInput & { page: number; pageSize: number }>({
    q: text(params, "q"),
    ...paging(params),
  });
}

export function jobListInput(params: SearchParams) {
  return defined<JobListInput & { page: number; pageSize: number }>({
    q: text(params, "q"),
    clientId: pick(uuid, first(params, "client")),
    ...paging(params),
  });
}

export function interviewListInput(params: SearchParams) {
  const from = pick(isoDate, first(params, "from"));
  const to = pick(isoDate, first(params, "to"));
  return defined<InterviewListInput & { page: number; pageSize: number }>({
    q: text(params, "q"),
    outcome: pick(z.enum(interviewOutcomes), first(params, "outcome")),
    stage: pick(z.enum(interviewStages), first(params, "stage")),
    consultantId: pick(uuid, first(params, "consultant")),
    candidateId: pick(uuid, first(params, "candidate")),
    jobId: pick(uuid, first(params, "job")),
    from,
    // A range that ends before it starts is ignored at its end rather than refused.
    to: from && to && to < from ? undefined : to,
    ...paging(params),
  });
}

/** A query-string value for a record id in the URL, when it is one. */
export function idParam(params: SearchParams, key: string) {
  return pick(uuid, first(params, key));
}
