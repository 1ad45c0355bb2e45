// Clients: the hiring companies an agency recruits for.
import { asc, eq, ilike, or, schema as s, sql } from "@debrief/db";
import type { ClientFieldsInput } from "@debrief/validators";
import { notFound } from "../errors";
import type { ProtectedContext } from "../trpc";
import { recordAudit } from "./audit";
import { changedFields, containsPattern, offsetOf, searchText } from "./pipeline-support";

export async function list({
  ctx,
  input,
}: {
  ctx: ProtectedContext;
  input: { q?: string; page: number; pageSize: number };
}) {
  const q = searchText(input.q);
  const where = q
    ? or(ilike(s.clients.name, containsPattern(q)), ilike(s.clients.industry, containsPattern(q)))
    : undefined;
  const [rows, [counted]] = await Promise.all([
    ctx.tx
      // The subqueries name the outer table: drizzle leaves columns unqualified without a join.
      .select({
        id: s.clients.id,
        name: s.clients.name,
        industry: s.clients.industry,
        jobCount: sql<number>`(
          select count(*)::int from jobs j
          where j.agency_id = clients.agency_id and j.client_id = clients.id
        )`,
        interviewCount: sql<number>`(
          select count(*)::int from interviews i
          join jobs j on j.agency_id = i.agency_id and j.id = i.job_id
          where j.agency_id = clients.agency_id and j.client_id = clients.id
        )`,
      })
      .from(s.clients)
      .where(where)
      .orderBy(asc(s.clients.name), asc(s.clients.id))
      .limit(input.pageSize)
      .offset(offsetOf(input)),
    ctx.tx.select({ n: sql<number>`count(*)::int` }).from(s.clients).where(where),
  ]);
  return { rows, total: counted?.n ?? 0, page: input.page, pageSize: input.pageSize };
}

export async function byId({ ctx, input }: { ctx: ProtectedContext; input: { id: string } }) {
  const [row] = await ctx.tx
    .select({
      id: s.clients.id,
      name: s.clients.name,
      industry: s.clients.industry,
      createdAt: s.clients.createdAt,
      updatedAt: s.clients.updatedAt,
    })
    .from(s.clients)
    .where(eq(s.clients.id, input.id));
  if (!row) throw notFound("Client");
  return row;
}

export async function create({ ctx, input }: { ctx: ProtectedContext; input: ClientFieldsInput }) {
  const [created] = await ctx.tx
    .insert(s.clients)
    .values({ agencyId: ctx.user.agencyId, name: input.name, industry: input.industry ?? null })
    .returning({ id: s.clients.id });
  if (!created) throw new Error("insert returned no row");
  await recordAudit(ctx, { action: "client.created", entityType: "client", entityId: created.id });
  return created;
}

export async function update({
  ctx,
  input,
}: {
  ctx: ProtectedContext;
  input: ClientFieldsInput & { id: string };
}) {
  const [existing] = await ctx.tx
    .select({ name: s.clients.name, industry: s.clients.industry })
    .from(s.clients)
    .where(eq(s.clients.id, input.id));
  if (!existing) throw notFound("Client");
  const values = { name: input.name, industry: input.industry ?? null };
  const fields = changedFields(existing, values);
  if (fields.length) {
    await ctx.tx.update(s.clients).set(values).where(eq(s.clients.id, input.id));
    await recordAudit(ctx, {
      action: "client.updated",
      entityType: "client",
      entityId: input.id,
      metadata: { fields },
    });
  }
  return { id: input.id };
}
