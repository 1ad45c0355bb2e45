// The audit log's filters and cursor live in the URL. A value that does not parse is dropped
// rather than failing the page; only set keys are kept, so the server's prefetch and the client's
// query share one cache key.
import { AUDIT_PAGE_SIZE, type AuditListInput, auditGroupIds } from "@debrief/validators";
import { z } from "zod";

export type SearchParams = Record<string, string | string[] | undefined>;

const first = (params: SearchParams, key: string) => {
  const value = params[key];
  return Array.isArray(value) ? value[0] : value;
};

function pick<T>(schema: z.ZodType<T>, value: string | undefined): T | undefined {
  if (value === undefined || value === "") return undefined;
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

const uuid = z.uuid();
const day = z.iso.date();
const action = z.string().regex(/^[a-z][a-z0-9_.]{0,99}$/);
const entity = z.string().regex(/^[a-z][a-z0-9_]{0,49}$/);

/** `?size=` like the other lists: events per page, 1 to 100. */
function pageSize(value: string | undefined) {
  const size = Number.parseInt(value ?? "", 10);
  return Number.isFinite(size) && size >= 1 && size <= 100 ? size : AUDIT_PAGE_SIZE;
}

export type AuditPageInput = AuditListInput & { limit: number };

export function auditListInput(params: SearchParams): {
  input: AuditPageInput;
  /** The URL's range ended before it started: its end was ignored. */
  droppedTo: boolean;
} {
  const from = pick(day, first(params, "from"));
  const to = pick(day, first(params, "to"));
  const droppedTo = Boolean(from && to && to < from);
  const before = pick(uuid, first(params, "before"));
  const input: AuditPageInput = {
    action: pick(action, first(params, "action")),
    group: pick(z.enum(auditGroupIds), first(params, "group")),
    actorId: pick(uuid, first(params, "actor")),
    entityType: pick(entity, first(params, "entity")),
    from,
    to: droppedTo ? undefined : to,
    before,
    after: before ? undefined : pick(uuid, first(params, "after")),
    limit: pageSize(first(params, "size")),
  };
  return {
    input: Object.fromEntries(
      Object.entries(input).filter(([, v]) => v !== undefined),
    ) as AuditPageInput,
    droppedTo,
  };
}

/** The URL keys of the filters (the cursor keys are before and after). */
export const filterKeys = ["group", "action", "actor", "entity", "from", "to"] as const;
