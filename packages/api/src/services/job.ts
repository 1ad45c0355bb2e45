// Jobs: vacancies at a client, with the competencies (from the agency's taxonomy) they need.
import { and, asc, desc, eq, ilike, inArray, or, schema as s, sql } from "@debrief/db";
import type { JobFieldsInput } from "@debrief/validators";
import { notFound } from "../errors";
import type { ProtectedContext } from "../trpc";
import { recordAudit } from "./audit";
import {
  changedFields,
  containsPattern,
  invalid,
  missing,
  offsetOf,
  searchText,
} from "./pipeline-support";

export async function list({
  ctx,
  input,
}: {
  ctx: ProtectedContext;
  input: { q?: string; clientId?: string; page: number; pageSize: number };
}) {
  const q = searchText(input.q);
  const where = and(
    q
      ? or(ilike(s.jobs.title, containsPattern(q)), ilike(s.clients.name, containsPattern(q)))
      : undefined,
    input.clientId ? eq(s.jobs.clientId, input.clientId) : undefined,
  );
  const [rows, [counted]] = await Promise.all([
    ctx.tx
      .select({
        id: s.jobs.id,
        title: s.jobs.title,
        seniority: s.jobs.seniority,
        clientId: s.jobs.clientId,
        clientName: s.clients.name,
        competencies: sql<string[]>`array(
          select c.name from job_competencies jc
          join competencies c on c.agency_id = jc.agency_id and c.id = jc.competency_id
          where jc.agency_id = ${s.jobs.agencyId} and jc.job_id = ${s.jobs.id}
          order by c.name
        )`,
        interviewCount: sql<number>`(
          select count(*)::int from interviews i
          where i.agency_id = ${s.jobs.agencyId} and i.job_id = ${s.jobs.id}
        )`,
      })
      .from(s.jobs)
      .innerJoin(s.clients, eq(s.clients.id, s.jobs.clientId))
      .where(where)
      .orderBy(desc(s.jobs.createdAt), asc(s.jobs.id))
      .limit(input.pageSize)
      .offset(offsetOf(input)),
    ctx.tx
      .select({ n: sql<number>`count(*)::int` })
      .from(s.jobs)
      .innerJoin(s.clients, eq(s.clients.id, s.jobs.clientId))
      .where(where),
  ]);
  return { rows, total: counted?.n ?? 0, page: input.page, pageSize: input.pageSize };
}

async function competencyIdsOf(ctx: ProtectedContext, jobId: string) {
  const rows = await ctx.tx
    .select({ id: s.jobCompetencies.competencyId })
    .from(s.jobCompetencies)
    .innerJoin(s.competencies, eq(s.competencies.id, s.jobCompetencies.competencyId))
    .where(eq(s.jobCompetencies.jobId, jobId))
    .orderBy(asc(s.competencies.name));
  return rows.map((r) => r.id);
}

export async function byId({ ctx, input }: { ctx: ProtectedContext; input: { id: string } }) {
  const [row] = await ctx.tx
    .select({
      id: s.jobs.id,
      title: s.jobs.title,
      seniority: s.jobs.seniority,
      clientId: s.jobs.clientId,
      clientName: s.clients.name,
      createdAt: s.jobs.createdAt,
      updatedAt: s.jobs.updatedAt,
    })
    .from(s.jobs)
    .innerJoin(s.clients, eq(s.clients.id, s.jobs.clientId))
    .where(eq(s.jobs.id, input.id));
  if (!row) throw notFound("Job");
  return { ...row, competencyIds: await competencyIdsOf(ctx, row.id) };
}

async function requireClient(ctx: ProtectedContext, clientId: string) {
  const [client] = await ctx.tx
    .select({ id: s.clients.id })
    .from(s.clients)
    .where(eq(s.clients.id, clientId));
  if (!client) throw missing("Client", "clientId");
}

/**
 * Every competency must be the agency's own; a newly added one must not be archived (one the job
 * already had may stay).
 */
async function checkCompetencies(ctx: ProtectedContext, ids: string[], kept: string[] = []) {
  if (!ids.length) return;
  const found = await ctx.tx
    .select({ id: s.competencies.id, archivedAt: s.competencies.archivedAt })
    .from(s.competencies)
    .where(inArray(s.competencies.id, ids));
  if (found.length !== ids.length) throw missing("Competency", "competencyIds");
  if (found.some((c) => c.archivedAt && !kept.includes(c.id))) {
    throw invalid("competencyIds", "includes an archived competency");
  }
}

export async function create({ ctx, input }: { ctx: ProtectedContext; input: JobFieldsInput }) {
  await requireClient(ctx, input.clientId);
  await checkCompetencies(ctx, input.competencyIds);
  const agencyId = ctx.user.agencyId;
  const [created] = await ctx.tx
    .insert(s.jobs)
    .values({ agencyId, clientId: input.clientId, title: input.title, seniority: input.seniority })
    .returning({ id: s.jobs.id });
  if (!created) throw new Error("insert returned no row");
  if (input.competencyIds.length) {
    await ctx.tx
      .insert(s.jobCompetencies)
      .values(
        input.competencyIds.map((competencyId) => ({ agencyId, jobId: created.id, competencyId })),
      );
  }
  await recordAudit(ctx, { action: "job.created", entityType: "job", entityId: created.id });
  return created;
}

export async function update({
  ctx,
  input,
}: {
  ctx: ProtectedContext;
  input: JobFieldsInput & { id: string };
}) {
  const [existing] = await ctx.tx
    .select({ clientId: s.jobs.clientId, title: s.jobs.title, seniority: s.jobs.seniority })
    .from(s.jobs)
    .where(eq(s.jobs.id, input.id));
  if (!existing) throw notFound("Job");
  const currentIds = await competencyIdsOf(ctx, input.id);
  if (input.clientId !== existing.clientId) await requireClient(ctx, input.clientId);
  await checkCompetencies(ctx, input.competencyIds, currentIds);

  const values = { clientId: input.clientId, title: input.title, seniority: input.seniority };
  const fields = changedFields(
    { ...existing, competencyIds: currentIds },
    { ...values, competencyIds: input.competencyIds },
  );
  if (!fields.length) return { id: input.id };
  await ctx.tx.update(s.jobs).set(values).where(eq(s.jobs.id, input.id));
  const removed = currentIds.filter((id) => !input.competencyIds.includes(id));
  const added = input.competencyIds.filter((id) => !currentIds.includes(id));
  if (removed.length) {
    await ctx.tx
      .delete(s.jobCompetencies)
      .where(
        and(
          eq(s.jobCompetencies.jobId, input.id),
          inArray(s.jobCompetencies.competencyId, removed),
        ),
      );
  }
  if (added.length) {
    await ctx.tx.insert(s.jobCompetencies).values(
      added.map((competencyId) => ({
        agencyId: ctx.user.agencyId,
        jobId: input.id,
        competencyId,
      })),
    );
  }
  await recordAudit(ctx, {
    action: "job.updated",
    entityType: "job",
    entityId: input.id,
    metadata: { fields },
  });
  return { id: input.id };
}

/** Archived competencies come too, so a job that still has one can show (and drop) it. */
export async function formOptions({ ctx }: { ctx: ProtectedContext }) {
  const [clients, competencies] = await Promise.all([
    ctx.tx
      .select({ id: s.clients.id, name: s.clients.name })
      .from(s.clients)
      .orderBy(asc(s.clients.name), asc(s.clients.id))
      .limit(1000),
    ctx.tx
      .select({
        id: s.competencies.id,
        name: s.competencies.name,
        archived: sql<boolean>`${s.competencies.archivedAt} is not null`,
      })
      .from(s.competencies)
      .orderBy(asc(s.competencies.name)),
  ]);
  return { clients, competencies };
}
