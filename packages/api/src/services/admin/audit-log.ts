// The audit log for admins: filtered, newest first, paged by keyset on (created_at, id) so a page
// never shifts when events arrive, with the actor's name and the entity as it is now.
import { and, asc, desc, eq, gte, lt, type SQL, schema as s, sql } from "@debrief/db";
import { type AuditEventRow, type AuditGroup, auditGroups } from "@debrief/validators";
import { DomainError } from "../../errors";
import type { ProtectedContext } from "../../trpc";

const e = s.auditEvents;

export type AuditListParams = {
  action?: string;
  group?: AuditGroup;
  actorId?: string;
  entityType?: string;
  from?: string;
  to?: string;
  before?: string;
  after?: string;
  limit: number;
};

function groupCondition(group: AuditGroup): SQL {
  if (group === "fairness") return sql`${e.metadata} @> '{"fairnessOverride": true}'::jsonb`;
  const { prefixes, actions } = auditGroups[group] as {
    prefixes: readonly string[];
    actions: readonly string[];
  };
  const parts = [
    ...prefixes.map((p) => sql`starts_with(${e.action}, ${p})`),
    ...actions.map((a) => sql`${e.action} = ${a}`),
  ];
  return sql`(${sql.join(parts, sql` or `)})`;
}

const DAY = 86_400_000;
const startOfDay = (day: string) => new Date(`${day}T00:00:00.000Z`);

/** The exact (created_at, id) of an event, compared in SQL so microseconds are never lost. */
const keyOf = (id: string) =>
  sql`(select k.created_at, k.id from audit_events k where k.id = ${id})`;

async function filters(ctx: ProtectedContext, input: AuditListParams): Promise<SQL[]> {
  const where: SQL[] = [];
  if (input.action) where.push(eq(e.action, input.action));
  if (input.group) where.push(groupCondition(input.group));
  if (input.actorId) {
    const [actor] = await ctx.tx
      .select({ id: s.users.id })
      .from(s.users)
      .where(eq(s.users.id, input.actorId));
    if (!actor) {
      throw new DomainError("BAD_REQUEST", "That person is not a user of your agency", {
        actorId: ["is not a user of your agency"],
      });
    }
    where.push(eq(e.actorId, input.actorId));
  }
  if (input.entityType) where.push(eq(e.entityType, input.entityType));
  if (input.from) where.push(gte(e.createdAt, startOfDay(input.from)));
  if (input.to) where.push(lt(e.createdAt, new Date(startOfDay(input.to).getTime() + DAY)));
  return where;
}

async function requireEvent(ctx: ProtectedContext, field: "before" | "after", id: string) {
  const [row] = await ctx.tx.select({ id: e.id }).from(e).where(eq(e.id, id));
  if (!row) {
    throw new DomainError("BAD_REQUEST", "That page of the audit log does not exist", {
      [field]: ["is not an event of your agency's audit log"],
    });
  }
}

const actor = s.users;

/** The entity's name as it is today (after an erasure: "Erased candidate"). */
const entityLabel = sql<string | null>`case ${e.entityType}
  when 'candidate' then (select c.name from candidates c where c.id = ${e.entityId})
  when 'client' then (select c.name from clients c where c.id = ${e.entityId})
  when 'job' then (select j.title || ' · ' || c.name from jobs j
                   join clients c on c.agency_id = j.agency_id and c.id = j.client_id
                   where j.id = ${e.entityId})
  when 'user' then (select u.name from users u where u.id = ${e.entityId})
  when 'invitation' then (select u.name from invitations i
                          join users u on u.agency_id = i.agency_id and u.id = i.user_id
                          where i.id = ${e.entityId})
  when 'interview' then (select c.name || ' · ' || j.title from interviews i
                         join candidates c on c.agency_id = i.agency_id and c.id = i.candidate_id
                         join jobs j on j.agency_id = i.agency_id and j.id = i.job_id
                         where i.id = ${e.entityId})
  when 'feedback' then (select c.name || ' · ' || j.title from feedback f
                        join interviews i on i.agency_id = f.agency_id and i.id = f.interview_id
                        join candidates c on c.agency_id = i.agency_id and c.id = i.candidate_id
                        join jobs j on j.agency_id = i.agency_id and j.id = i.job_id
                        where f.id = ${e.entityId})
  when 'goal' then (select c.name from goals g
                    join action_plans p on p.agency_id = g.agency_id and p.id = g.action_plan_id
                    join candidates c on c.agency_id = p.agency_id and c.id = p.candidate_id
                    where g.id = ${e.entityId})
  when 'data_request' then (select c.name from data_requests d
                            join candidates c on c.agency_id = d.agency_id and c.id = d.candidate_id
                            where d.id = ${e.entityId})
  when 'template' then (select t.name from templates t where t.id = ${e.entityId})
  when 'reason' then (select r.label from reasons r where r.id = ${e.entityId})
  when 'competency' then (select c.name from competencies c where c.id = ${e.entityId})
  when 'agency' then (select a.name from agencies a where a.id = ${e.agencyId})
  when 'outbox' then (select 'Email to ' || u.name from outbox o
                      join users u on u.agency_id = o.agency_id and u.id::text = o.payload->>'userId'
                      where o.id = ${e.entityId})
end`;

/** The consultant-portal page of the entity, while it still exists and has one. */
const entityHref = sql<string | null>`case ${e.entityType}
  when 'candidate' then (select '/candidates/' || c.id from candidates c
                         where c.id = ${e.entityId} and c.erased_at is null)
  when 'client' then (select '/clients/' || c.id || '/edit' from clients c where c.id = ${e.entityId})
  when 'job' then (select '/jobs/' || j.id || '/edit' from jobs j where j.id = ${e.entityId})
  when 'interview' then (select '/interviews/' || i.id || '/edit' from interviews i
                         where i.id = ${e.entityId})
  when 'feedback' then (select '/interviews/' || f.interview_id || '/feedback' from feedback f
                        where f.id = ${e.entityId})
  when 'goal' then (select '/candidates/' || p.candidate_id || '#goal-' || g.id from goals g
                    join action_plans p on p.agency_id = g.agency_id and p.id = g.action_plan_id
                    where g.id = ${e.entityId})
  when 'data_request' then (select '/admin/data-requests#request-' || d.id from data_requests d
                            where d.id = ${e.entityId})
  when 'user' then (select '/admin/users' from users u where u.id = ${e.entityId})
  when 'invitation' then '/admin/users'
  when 'template' then (select '/admin/templates' from templates t where t.id = ${e.entityId})
  when 'reason' then (select '/admin/taxonomy' from reasons r where r.id = ${e.entityId})
  when 'competency' then (select '/admin/taxonomy' from competencies c where c.id = ${e.entityId})
  when 'agency' then '/admin/settings'
  when 'outbox' then '/admin/mail'
end`;

export async function list({
  ctx,
  input,
}: {
  ctx: ProtectedContext;
  input: AuditListParams;
}): Promise<{ rows: AuditEventRow[]; newer: string | null; older: string | null }> {
  const where = await filters(ctx, input);
  if (input.before) await requireEvent(ctx, "before", input.before);
  if (input.after) await requireEvent(ctx, "after", input.after);

  const page = input.after
    ? sql`(${e.createdAt}, ${e.id}) > ${keyOf(input.after)}`
    : input.before
      ? sql`(${e.createdAt}, ${e.id}) < ${keyOf(input.before)}`
      : undefined;
  // Newer pages are read upwards from the cursor, then shown newest first like the rest.
  const upwards = Boolean(input.after);
  const found = await ctx.tx
    .select({
      id: e.id,
      createdAt: e.createdAt,
      action: e.action,
      actorId: actor.id,
      actorName: actor.name,
      actorRole: actor.role,
      entityType: e.entityType,
      entityId: e.entityId,
      entityLabel,
      entityHref,
      requestId: e.requestId,
      metadata: e.metadata,
    })
    .from(e)
    .leftJoin(actor, eq(actor.id, e.actorId))
    .where(and(...where, page))
    .orderBy(...(upwards ? [asc(e.createdAt), asc(e.id)] : [desc(e.createdAt), desc(e.id)]))
    .limit(input.limit);
  const rows = upwards ? found.reverse() : found;

  const exists = async (condition: SQL) => {
    const [hit] = await ctx.tx
      .select({ id: e.id })
      .from(e)
      .where(and(...where, condition))
      .limit(1);
    return Boolean(hit);
  };
  const first = rows[0];
  const last = rows.at(-1);
  const newer =
    first && (await exists(sql`(${e.createdAt}, ${e.id}) > ${keyOf(first.id)}`)) ? first.id : null;
  const older =
    last && (await exists(sql`(${e.createdAt}, ${e.id}) < ${keyOf(last.id)}`)) ? last.id : null;

  return {
    rows: rows.map((r) => ({
      id: r.id,
      createdAt: r.createdAt,
      action: r.action,
      actor:
        r.actorId && r.actorName && r.actorRole
          ? { id: r.actorId, name: r.actorName, role: r.actorRole }
          : null,
      entityType: r.entityType,
      entityId: r.entityId,
      entityLabel: r.entityLabel,
      entityHref: r.entityHref,
      requestId: r.requestId,
      metadata: isRecord(r.metadata) ? r.metadata : {},
    })),
    newer,
    older,
  };
}

function isRecord(value: unknown): value is Record<string, never> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** What the log holds, for the filter selects: actions with their counts, actors, entity types. */
export async function facets({ ctx }: { ctx: ProtectedContext }) {
  const [actions, actors, entityTypes] = await Promise.all([
    ctx.tx
      .select({ action: e.action, count: sql<number>`count(*)::int` })
      .from(e)
      .groupBy(e.action)
      .orderBy(asc(e.action)),
    ctx.tx
      .select({ id: s.users.id, name: s.users.name, role: s.users.role })
      .from(s.users)
      .where(sql`exists (select 1 from audit_events a where a.agency_id = ${s.users.agencyId}
                         and a.actor_id = ${s.users.id})`)
      .orderBy(asc(s.users.name), asc(s.users.id)),
    ctx.tx.selectDistinct({ entityType: e.entityType }).from(e).orderBy(asc(e.entityType)),
  ]);
  return { actions, actors, entityTypes: entityTypes.map((t) => t.entityType) };
}
