// Candidates: the people an agency represents, with the consultant who owns each relationship.
import { and, asc, eq, ilike, isNull, ne, or, schema as s, sql } from "@debrief/db";
import type { CandidateFieldsInput } from "@debrief/validators";
import { DomainError, notFound } from "../errors";
import type { ProtectedContext } from "../trpc";
import { recordAudit } from "./audit";
import {
  changedFields,
  containsPattern,
  listStaff,
  offsetOf,
  requireStaff,
  searchText,
} from "./pipeline-support";

/** An erased candidate is a tombstone for the audit trail: gone from every list and page. */
const notErased = isNull(s.candidates.erasedAt);

const interviewCount = sql<number>`(
  select count(*)::int from interviews i
  where i.agency_id = ${s.candidates.agencyId} and i.candidate_id = ${s.candidates.id}
)`;
const lastInterviewAt = sql<Date | null>`(
  select max(i.scheduled_at) from interviews i
  where i.agency_id = ${s.candidates.agencyId} and i.candidate_id = ${s.candidates.id}
)`.mapWith((v: string | Date) => new Date(v));

export async function list({
  ctx,
  input,
}: {
  ctx: ProtectedContext;
  input: { q?: string; ownerId?: string; page: number; pageSize: number };
}) {
  const q = searchText(input.q);
  const where = and(
    notErased,
    q
      ? or(
          ilike(s.candidates.name, containsPattern(q)),
          ilike(s.candidates.email, containsPattern(q)),
        )
      : undefined,
    input.ownerId ? eq(s.candidates.ownerId, input.ownerId) : undefined,
  );
  const [rows, [counted]] = await Promise.all([
    ctx.tx
      .select({
        id: s.candidates.id,
        name: s.candidates.name,
        email: s.candidates.email,
        headline: s.candidates.headline,
        ownerId: s.candidates.ownerId,
        ownerName: s.users.name,
        hasLogin: sql<boolean>`${s.candidates.userId} is not null`,
        interviewCount,
        lastInterviewAt,
      })
      .from(s.candidates)
      .innerJoin(s.users, eq(s.users.id, s.candidates.ownerId))
      .where(where)
      .orderBy(asc(s.candidates.name), asc(s.candidates.id))
      .limit(input.pageSize)
      .offset(offsetOf(input)),
    ctx.tx.select({ n: sql<number>`count(*)::int` }).from(s.candidates).where(where),
  ]);
  return { rows, total: counted?.n ?? 0, page: input.page, pageSize: input.pageSize };
}

export async function byId({ ctx, input }: { ctx: ProtectedContext; input: { id: string } }) {
  const [row] = await ctx.tx
    .select({
      id: s.candidates.id,
      name: s.candidates.name,
      email: s.candidates.email,
      headline: s.candidates.headline,
      ownerId: s.candidates.ownerId,
      ownerName: s.users.name,
      hasLogin: sql<boolean>`${s.candidates.userId} is not null`,
      createdAt: s.candidates.createdAt,
      updatedAt: s.candidates.updatedAt,
    })
    .from(s.candidates)
    .innerJoin(s.users, eq(s.users.id, s.candidates.ownerId))
    .where(and(eq(s.candidates.id, input.id), notErased));
  if (!row) throw notFound("Candidate");
  return row;
}

/** One email, one candidate per agency: say so on the field rather than as a bare conflict. */
async function assertEmailFree(ctx: ProtectedContext, email: string, exceptId?: string) {
  const [taken] = await ctx.tx
    .select({ id: s.candidates.id })
    .from(s.candidates)
    .where(
      and(
        sql`lower(${s.candidates.email}) = ${email.toLowerCase()}`,
        exceptId ? ne(s.candidates.id, exceptId) : undefined,
      ),
    )
    .limit(1);
  if (taken) {
    throw new DomainError("CONFLICT", "Another candidate already has this email", {
      email: ["another candidate in your agency already has this email"],
    });
  }
}

export async function create({
  ctx,
  input,
}: {
  ctx: ProtectedContext;
  input: CandidateFieldsInput;
}) {
  await requireStaff(ctx, input.ownerId, "ownerId");
  await assertEmailFree(ctx, input.email);
  const [created] = await ctx.tx
    .insert(s.candidates)
    .values({
      agencyId: ctx.user.agencyId,
      name: input.name,
      email: input.email,
      headline: input.headline ?? null,
      ownerId: input.ownerId,
    })
    .returning({ id: s.candidates.id });
  if (!created) throw new Error("insert returned no row");
  await recordAudit(ctx, {
    action: "candidate.created",
    entityType: "candidate",
    entityId: created.id,
  });
  return created;
}

export async function update({
  ctx,
  input,
}: {
  ctx: ProtectedContext;
  input: CandidateFieldsInput & { id: string };
}) {
  const [existing] = await ctx.tx
    .select({
      name: s.candidates.name,
      email: s.candidates.email,
      headline: s.candidates.headline,
      ownerId: s.candidates.ownerId,
    })
    .from(s.candidates)
    .where(and(eq(s.candidates.id, input.id), notErased));
  if (!existing) throw notFound("Candidate");
  await requireStaff(ctx, input.ownerId, "ownerId", existing.ownerId);
  await assertEmailFree(ctx, input.email, input.id);
  const values = {
    name: input.name,
    email: input.email,
    headline: input.headline ?? null,
    ownerId: input.ownerId,
  };
  const fields = changedFields(existing, values);
  if (fields.length) {
    await ctx.tx.update(s.candidates).set(values).where(eq(s.candidates.id, input.id));
    await recordAudit(ctx, {
      action: "candidate.updated",
      entityType: "candidate",
      entityId: input.id,
      metadata: { fields },
    });
  }
  return { id: input.id };
}

/** A handful of candidates for a picker: matches of `q` by name or email, plus the current one. */
export async function options({
  ctx,
  input,
}: {
  ctx: ProtectedContext;
  input: { q?: string; includeId?: string };
}) {
  const q = searchText(input.q);
  const columns = { id: s.candidates.id, name: s.candidates.name, email: s.candidates.email };
  const [matches, current] = await Promise.all([
    ctx.tx
      .select(columns)
      .from(s.candidates)
      .where(
        and(
          notErased,
          q
            ? or(
                ilike(s.candidates.name, containsPattern(q)),
                ilike(s.candidates.email, containsPattern(q)),
              )
            : undefined,
        ),
      )
      .orderBy(asc(s.candidates.name), asc(s.candidates.id))
      .limit(20),
    input.includeId
      ? ctx.tx
          .select(columns)
          .from(s.candidates)
          .where(and(eq(s.candidates.id, input.includeId), notErased))
      : Promise.resolve([]),
  ]);
  const rest = matches.filter((m) => !current.some((c) => c.id === m.id));
  return [...current, ...rest];
}

export async function formOptions({ ctx }: { ctx: ProtectedContext }) {
  return { consultants: await listStaff(ctx) };
}
