// Feedback templates as admins manage them: list, read, create, edit (version-checked) and delete,
// each with its ordered items. What is saved here is what consultants pick from in the editor
// (template.list / template.byId read the same rows).
import { and, asc, eq, inArray, ne, schema as s, sql } from "@debrief/db";
import type { TemplateFields, TemplateUpdateInput } from "@debrief/validators";
import { DomainError, type FieldErrors, notFound } from "../../errors";
import type { ProtectedContext } from "../../trpc";
import { recordAudit } from "../audit";
import { staleVersion, versionOf } from "./settings";

export async function listTemplates({ ctx }: { ctx: ProtectedContext }) {
  const ti = s.templateItems;
  return ctx.tx
    .select({
      id: s.templates.id,
      name: s.templates.name,
      description: s.templates.description,
      updatedAt: s.templates.updatedAt,
      strengths: sql<number>`count(${ti.id}) filter (where ${ti.kind} = 'strength')::int`,
      gaps: sql<number>`count(${ti.id}) filter (where ${ti.kind} = 'gap')::int`,
      retiredRefs: sql<number>`count(${ti.id}) filter (
        where ${s.competencies.archivedAt} is not null or ${s.reasons.archivedAt} is not null)::int`,
    })
    .from(s.templates)
    .leftJoin(ti, and(eq(ti.agencyId, s.templates.agencyId), eq(ti.templateId, s.templates.id)))
    .leftJoin(
      s.competencies,
      and(eq(s.competencies.agencyId, ti.agencyId), eq(s.competencies.id, ti.competencyId)),
    )
    .leftJoin(s.reasons, and(eq(s.reasons.agencyId, ti.agencyId), eq(s.reasons.id, ti.reasonId)))
    .groupBy(s.templates.id)
    .orderBy(asc(sql`lower(${s.templates.name})`), asc(s.templates.id));
}

async function loadTemplate(ctx: ProtectedContext, id: string) {
  const [template] = await ctx.tx
    .select({
      id: s.templates.id,
      name: s.templates.name,
      description: s.templates.description,
      updatedAt: s.templates.updatedAt,
      version: versionOf(s.templates.updatedAt),
    })
    .from(s.templates)
    .where(eq(s.templates.id, id));
  if (!template) throw notFound("Template");
  const items = await ctx.tx
    .select({
      lens: s.templateItems.lens,
      kind: s.templateItems.kind,
      competencyId: s.templateItems.competencyId,
      reasonId: s.templateItems.reasonId,
      detail: s.templateItems.detail,
      nextStep: s.templateItems.nextStep,
    })
    .from(s.templateItems)
    .where(eq(s.templateItems.templateId, id))
    .orderBy(asc(s.templateItems.position), asc(s.templateItems.id));
  return { ...template, items };
}

export const getTemplate = ({ ctx, input }: { ctx: ProtectedContext; input: { id: string } }) =>
  loadTemplate(ctx, input.id);

/** Template names are unique per agency whatever their case; saves take turns to check. */
async function assertNameFree(ctx: ProtectedContext, name: string, exceptId?: string) {
  await ctx.tx.execute(
    sql`select pg_advisory_xact_lock(hashtextextended(${`templates:${ctx.user.agencyId}`}, 0))`,
  );
  const [clash] = await ctx.tx
    .select({ name: s.templates.name })
    .from(s.templates)
    .where(
      and(
        sql`lower(${s.templates.name}) = lower(${name})`,
        exceptId ? ne(s.templates.id, exceptId) : undefined,
      ),
    )
    .limit(1);
  if (!clash) return;
  const reason = `a template called “${clash.name}” already exists`;
  throw new DomainError("CONFLICT", `There is already a template called “${clash.name}”`, {
    name: [reason],
  });
}

/**
 * Every competency and reason must be the agency's own (another agency's id reads as not found),
 * and active, unless this template already used it: a template saved before an entry was retired
 * can be edited without first replacing it.
 */
async function checkReferences(
  ctx: ProtectedContext,
  items: TemplateFields["items"],
  kept: { competencyIds: Set<string>; reasonIds: Set<string> } = {
    competencyIds: new Set(),
    reasonIds: new Set(),
  },
) {
  const competencyIds = [
    ...new Set(items.flatMap((i) => (i.competencyId ? [i.competencyId] : []))),
  ];
  const reasonIds = [...new Set(items.flatMap((i) => (i.reasonId ? [i.reasonId] : [])))];
  const [competencies, reasons] = await Promise.all([
    competencyIds.length
      ? ctx.tx
          .select({ id: s.competencies.id, archivedAt: s.competencies.archivedAt })
          .from(s.competencies)
          .where(inArray(s.competencies.id, competencyIds))
      : [],
    reasonIds.length
      ? ctx.tx
          .select({ id: s.reasons.id, archivedAt: s.reasons.archivedAt })
          .from(s.reasons)
          .where(inArray(s.reasons.id, reasonIds))
      : [],
  ]);
  const state = (rows: { id: string; archivedAt: Date | null }[]) =>
    new Map(rows.map((r) => [r.id, r.archivedAt ? "retired" : "active"]));
  const competencyState = state(competencies);
  const reasonState = state(reasons);

  const missing: FieldErrors = {};
  const retired: FieldErrors = {};
  items.forEach((item, i) => {
    if (item.competencyId) {
      const found = competencyState.get(item.competencyId);
      const path = `items.${i}.competencyId`;
      if (!found) missing[path] = ["was not found in your agency's competencies"];
      else if (found === "retired" && !kept.competencyIds.has(item.competencyId))
        retired[path] = ["is retired; choose an active competency"];
    }
    if (item.reasonId) {
      const found = reasonState.get(item.reasonId);
      const path = `items.${i}.reasonId`;
      if (!found) missing[path] = ["was not found in your agency's rejection reasons"];
      else if (found === "retired" && !kept.reasonIds.has(item.reasonId))
        retired[path] = ["is retired; choose an active reason"];
    }
  });
  if (Object.keys(missing).length)
    throw new DomainError("NOT_FOUND", "A competency or reason was not found", missing);
  if (Object.keys(retired).length) {
    throw new DomainError(
      "BAD_REQUEST",
      "A retired competency or reason cannot be added to a template",
      retired,
    );
  }
}

async function insertItems(
  ctx: ProtectedContext,
  templateId: string,
  items: TemplateFields["items"],
) {
  await ctx.tx.insert(s.templateItems).values(
    items.map((item, position) => ({
      agencyId: ctx.user.agencyId,
      templateId,
      position,
      lens: item.lens,
      kind: item.kind,
      competencyId: item.competencyId ?? null,
      reasonId: item.kind === "gap" ? (item.reasonId ?? null) : null,
      detail: item.detail,
      nextStep: item.nextStep ?? null,
    })),
  );
}

const counts = (items: TemplateFields["items"]) => ({
  items: items.length,
  strengths: items.filter((i) => i.kind === "strength").length,
  gaps: items.filter((i) => i.kind === "gap").length,
});

export async function createTemplate({
  ctx,
  input,
}: {
  ctx: ProtectedContext;
  input: TemplateFields;
}) {
  await assertNameFree(ctx, input.name);
  await checkReferences(ctx, input.items);
  const [created] = await ctx.tx
    .insert(s.templates)
    .values({
      agencyId: ctx.user.agencyId,
      name: input.name,
      description: input.description ?? null,
    })
    .returning({ id: s.templates.id, version: versionOf(s.templates.updatedAt) });
  if (!created) throw new Error("insert returned no row");
  await insertItems(ctx, created.id, input.items);
  await recordAudit(ctx, {
    action: "template.created",
    entityType: "template",
    entityId: created.id,
    metadata: { name: input.name, ...counts(input.items) },
  });
  return created;
}

/** The items as stored, for telling whether a save changed them. */
const itemsSignature = (items: TemplateFields["items"]) =>
  JSON.stringify(
    items.map((i) => [
      i.lens,
      i.kind,
      i.competencyId ?? null,
      i.kind === "gap" ? (i.reasonId ?? null) : null,
      i.detail,
      i.nextStep ?? null,
    ]),
  );

export async function updateTemplate({
  ctx,
  input,
}: {
  ctx: ProtectedContext;
  input: TemplateUpdateInput;
}) {
  const before = await loadTemplate(ctx, input.id);
  const conflict = () => staleVersion(ctx, "template", input.id, "this template");
  if (before.version !== input.version) throw await conflict();
  const description = input.description ?? null;
  const changed = [
    ...(before.name !== input.name ? ["name"] : []),
    ...(before.description !== description ? ["description"] : []),
    ...(itemsSignature(before.items) !== itemsSignature(input.items) ? ["items"] : []),
  ];
  if (!changed.length) return { id: before.id, version: before.version };

  if (changed.includes("name")) await assertNameFree(ctx, input.name, input.id);
  await checkReferences(ctx, input.items, {
    competencyIds: new Set(before.items.flatMap((i) => (i.competencyId ? [i.competencyId] : []))),
    reasonIds: new Set(before.items.flatMap((i) => (i.reasonId ? [i.reasonId] : []))),
  });
  const [updated] = await ctx.tx
    .update(s.templates)
    .set({ name: input.name, description, updatedAt: sql`clock_timestamp()` })
    .where(
      and(
        eq(s.templates.id, input.id),
        sql`${versionOf(s.templates.updatedAt)} = ${input.version}`,
      ),
    )
    .returning({ id: s.templates.id, version: versionOf(s.templates.updatedAt) });
  if (!updated) throw await conflict();
  if (changed.includes("items")) {
    // Nothing points at a template's items, so they are replaced rather than matched.
    await ctx.tx.delete(s.templateItems).where(eq(s.templateItems.templateId, input.id));
    await insertItems(ctx, input.id, input.items);
  }
  await recordAudit(ctx, {
    action: "template.updated",
    entityType: "template",
    entityId: input.id,
    metadata: { changed, ...counts(input.items) },
  });
  return updated;
}

export async function deleteTemplate({
  ctx,
  input,
}: {
  ctx: ProtectedContext;
  input: { id: string };
}) {
  // Items go with it (ON DELETE CASCADE); feedback started from it keeps its own copies.
  const [deleted] = await ctx.tx
    .delete(s.templates)
    .where(eq(s.templates.id, input.id))
    .returning({ id: s.templates.id, name: s.templates.name });
  if (!deleted) throw notFound("Template");
  await recordAudit(ctx, {
    action: "template.deleted",
    entityType: "template",
    entityId: deleted.id,
    metadata: { name: deleted.name },
  });
  return { id: deleted.id };
}
