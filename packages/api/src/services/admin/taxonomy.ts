// The agency's rejection reasons and competencies: list with how much each is used, add, rename,
// retire and restore. A retired entry stays on the feedback, templates and jobs that already use
// it (their foreign keys are untouched) but is no longer offered for new items.
import { and, asc, eq, isNotNull, isNull, ne, type SQL, schema as s, sql } from "@debrief/db";
import {
  type TaxonomyCreateInput,
  type TaxonomyEntry,
  type TaxonomyEntryRef,
  type TaxonomyKind,
  type TaxonomyUpdateInput,
  taxonomyKindLabels,
} from "@debrief/validators";
import { DomainError, notFound } from "../../errors";
import type { ProtectedContext } from "../../trpc";
import { recordAudit } from "../audit";

/** The two tables behind one shape: reasons call their name a label. */
function columnsOf(kind: TaxonomyKind) {
  if (kind === "reason") {
    const t = s.reasons;
    return {
      table: t,
      id: t.id,
      name: t.label,
      description: t.description,
      archivedAt: t.archivedAt,
      // Written out with the table's name: drizzle leaves columns unqualified without a join,
      // and inside the subquery an unqualified agency_id would be the subquery's own.
      feedbackUses: sql<number>`(select count(*)::int from feedback_items fi
        where fi.agency_id = reasons.agency_id and fi.reason_id = reasons.id)`,
      templateUses: sql<number>`(select count(*)::int from template_items ti
        where ti.agency_id = reasons.agency_id and ti.reason_id = reasons.id)`,
      jobUses: sql<number>`0`,
    };
  }
  const t = s.competencies;
  return {
    table: t,
    id: t.id,
    name: t.name,
    description: t.description,
    archivedAt: t.archivedAt,
    feedbackUses: sql<number>`(select count(*)::int from feedback_items fi
      where fi.agency_id = competencies.agency_id and fi.competency_id = competencies.id)`,
    templateUses: sql<number>`(select count(*)::int from template_items ti
      where ti.agency_id = competencies.agency_id and ti.competency_id = competencies.id)`,
    jobUses: sql<number>`(select count(*)::int from job_competencies jc
      where jc.agency_id = competencies.agency_id and jc.competency_id = competencies.id)`,
  };
}

async function entries(ctx: ProtectedContext, kind: TaxonomyKind, where?: SQL) {
  const c = columnsOf(kind);
  const rows = await ctx.tx
    .select({
      id: c.id,
      name: c.name,
      description: c.description,
      archivedAt: c.archivedAt,
      feedbackUses: c.feedbackUses,
      templateUses: c.templateUses,
      jobUses: c.jobUses,
    })
    .from(c.table)
    .where(where)
    // Active first, then alphabetically as a person reads it.
    .orderBy(sql`${c.archivedAt} is not null`, asc(sql`lower(${c.name})`), asc(c.id));
  return rows.map((row): TaxonomyEntry => ({ ...row, kind }));
}

export async function listTaxonomy({ ctx }: { ctx: ProtectedContext }) {
  const [reasons, competencies] = await Promise.all([
    entries(ctx, "reason"),
    entries(ctx, "competency"),
  ]);
  return { reasons, competencies };
}

async function entryById(ctx: ProtectedContext, kind: TaxonomyKind, id: string) {
  const [entry] = await entries(ctx, kind, eq(columnsOf(kind).id, id));
  if (!entry) throw notFound(capitalised(taxonomyKindLabels[kind].one));
  return entry;
}

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * Names are unique per agency whatever their case ("Leadership" and "leadership" are one entry).
 * The unique constraint is case-sensitive, so adds and renames of one kind take turns under a
 * transaction-scoped lock and check case-insensitively first.
 */
async function assertNameFree(
  ctx: ProtectedContext,
  kind: TaxonomyKind,
  name: string,
  exceptId?: string,
) {
  await ctx.tx.execute(
    sql`select pg_advisory_xact_lock(hashtextextended(${`taxonomy:${kind}:${ctx.user.agencyId}`}, 0))`,
  );
  const c = columnsOf(kind);
  const [clash] = await ctx.tx
    .select({ name: c.name, archivedAt: c.archivedAt })
    .from(c.table)
    .where(and(sql`lower(${c.name}) = lower(${name})`, exceptId ? ne(c.id, exceptId) : undefined))
    .limit(1);
  if (!clash) return;
  const one = taxonomyKindLabels[kind].one;
  const reason = clash.archivedAt
    ? `a retired ${one} is already called “${clash.name}”: restore it instead`
    : `a ${one} called “${clash.name}” already exists`;
  throw new DomainError("CONFLICT", capitalised(reason), { name: [reason] });
}

export async function createEntry({
  ctx,
  input,
}: {
  ctx: ProtectedContext;
  input: TaxonomyCreateInput;
}) {
  await assertNameFree(ctx, input.kind, input.name);
  const agencyId = ctx.user.agencyId;
  const description = input.description ?? null;
  const [created] =
    input.kind === "reason"
      ? await ctx.tx
          .insert(s.reasons)
          .values({ agencyId, label: input.name, description })
          .returning({ id: s.reasons.id })
      : await ctx.tx
          .insert(s.competencies)
          .values({ agencyId, name: input.name, description })
          .returning({ id: s.competencies.id });
  if (!created) throw new Error("insert returned no row");
  await recordAudit(ctx, {
    action: "taxonomy.created",
    entityType: input.kind,
    entityId: created.id,
    metadata: { kind: input.kind, name: input.name },
  });
  return entryById(ctx, input.kind, created.id);
}

export async function updateEntry({
  ctx,
  input,
}: {
  ctx: ProtectedContext;
  input: TaxonomyUpdateInput;
}) {
  const before = await entryById(ctx, input.kind, input.id);
  const description = input.description ?? null;
  const changed = [
    ...(before.name !== input.name ? ["name"] : []),
    ...(before.description !== description ? ["description"] : []),
  ];
  if (!changed.length) return before;
  if (changed.includes("name")) await assertNameFree(ctx, input.kind, input.name, input.id);
  if (input.kind === "reason") {
    await ctx.tx
      .update(s.reasons)
      .set({ label: input.name, description })
      .where(eq(s.reasons.id, input.id));
  } else {
    await ctx.tx
      .update(s.competencies)
      .set({ name: input.name, description })
      .where(eq(s.competencies.id, input.id));
  }
  await recordAudit(ctx, {
    action: changed.includes("name") ? "taxonomy.renamed" : "taxonomy.updated",
    entityType: input.kind,
    entityId: input.id,
    metadata: {
      kind: input.kind,
      changed,
      ...(changed.includes("name") ? { from: before.name, to: input.name } : {}),
    },
  });
  return entryById(ctx, input.kind, input.id);
}

/** Retires (archived) or restores (active) an entry; doing it twice changes nothing. */
async function setArchived(ctx: ProtectedContext, input: TaxonomyEntryRef, retire: boolean) {
  const c = columnsOf(input.kind);
  const archivedAt = retire ? sql`now()` : null;
  const where = and(eq(c.id, input.id), retire ? isNull(c.archivedAt) : isNotNull(c.archivedAt));
  const [changed] =
    input.kind === "reason"
      ? await ctx.tx
          .update(s.reasons)
          .set({ archivedAt })
          .where(where)
          .returning({ id: s.reasons.id })
      : await ctx.tx
          .update(s.competencies)
          .set({ archivedAt })
          .where(where)
          .returning({ id: s.competencies.id });
  const entry = await entryById(ctx, input.kind, input.id);
  if (changed) {
    await recordAudit(ctx, {
      action: retire ? "taxonomy.retired" : "taxonomy.restored",
      entityType: input.kind,
      entityId: input.id,
      metadata: { kind: input.kind, name: entry.name, feedbackUses: entry.feedbackUses },
    });
  }
  return entry;
}

export const retireEntry = ({ ctx, input }: { ctx: ProtectedContext; input: TaxonomyEntryRef }) =>
  setArchived(ctx, input, true);

export const restoreEntry = ({ ctx, input }: { ctx: ProtectedContext; input: TaxonomyEntryRef }) =>
  setArchived(ctx, input, false);
