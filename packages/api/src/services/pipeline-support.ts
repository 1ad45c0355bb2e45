// Helpers the pipeline services share: search patterns, paging, and the staff look-ups.
import { and, asc, eq, inArray, schema as s } from "@debrief/db";
import { staffRoles } from "@debrief/validators";
import { DomainError } from "../errors";
import type { ProtectedContext } from "../trpc";

/** An ILIKE pattern that matches `q` anywhere, with LIKE's own wildcards taken literally. */
export function containsPattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** The search text, or null when there is nothing to search for. */
export function searchText(q: string | undefined): string | null {
  const trimmed = q?.trim();
  return trimmed ? trimmed : null;
}

export function offsetOf(input: { page: number; pageSize: number }) {
  return (input.page - 1) * input.pageSize;
}

/** A NOT_FOUND that also names the field, so a form can show it next to the right control. */
export function missing(what: string, field: string) {
  return new DomainError("NOT_FOUND", `${what} not found`, {
    [field]: [`was not found in your agency`],
  });
}

/** How the forms label each field, for messages a person reads. */
const fieldLabels: Record<string, string> = {
  candidateId: "Candidate",
  clientId: "Client",
  competencyIds: "Competencies",
  consultantId: "Consultant",
  jobId: "Job",
  outcome: "Outcome",
  outcomeAt: "Outcome date",
  ownerId: "Owner",
  scheduledAt: "Interview date",
};

/** A BAD_REQUEST naming the field: `reason` goes beside the control, the message in a toast. */
export function invalid(field: string, reason: string, message?: string) {
  return new DomainError("BAD_REQUEST", message ?? `${fieldLabels[field] ?? field} ${reason}`, {
    [field]: [reason],
  });
}

/**
 * A consultant or admin of the caller's agency who can be given work. Another agency's user is
 * invisible through RLS, so it reads as not found. `current` is the value already stored: keeping
 * it is allowed even if that person has since been disabled.
 */
export async function requireStaff(
  ctx: ProtectedContext,
  id: string,
  field: string,
  current?: string,
) {
  const [user] = await ctx.tx
    .select({ id: s.users.id, name: s.users.name, role: s.users.role, status: s.users.status })
    .from(s.users)
    .where(eq(s.users.id, id));
  if (!user) throw missing("Consultant", field);
  if (user.role === "candidate") throw invalid(field, "must be a consultant or an admin");
  if (user.status === "disabled" && id !== current) {
    throw invalid(field, "is a disabled account; choose someone active");
  }
  return user;
}

/** Active consultants and admins, for owner and consultant selects. */
export async function listStaff(ctx: ProtectedContext) {
  return ctx.tx
    .select({ id: s.users.id, name: s.users.name })
    .from(s.users)
    .where(and(inArray(s.users.role, [...staffRoles]), eq(s.users.status, "active")))
    .orderBy(asc(s.users.name), asc(s.users.id));
}

/** The names of the fields whose values differ; audit metadata carries names, never values. */
export function changedFields<T extends Record<string, unknown>>(before: T, after: Partial<T>) {
  return Object.keys(after).filter((key) => {
    const a = before[key];
    const b = after[key];
    if (a instanceof Date && b instanceof Date) return a.getTime() !== b.getTime();
    if (Array.isArray(a) && Array.isArray(b)) return [...a].sort().join() !== [...b].sort().join();
    return (a ?? null) !== (b ?? null);
  });
}
