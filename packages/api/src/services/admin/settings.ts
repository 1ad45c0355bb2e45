// Agency settings: the feedback SLA, whether publishing needs a second person's approval, and how
// long records are kept. Saved with a version check; every change is audited with old and new
// values (settings are configuration, not personal data).
import { and, type Column, desc, eq, type SQL, schema as s, sql } from "@debrief/db";
import type { AgencySettingsFields, AgencySettingsUpdateInput } from "@debrief/validators";
import { DomainError, notFound } from "../../errors";
import type { ProtectedContext } from "../../trpc";
import { recordAudit } from "../audit";

/**
 * A row's version token: its last change in whole microseconds, as text. Timestamps lose their
 * microseconds on the way through JavaScript Dates, so the comparison happens in SQL.
 */
export const versionOf = (updatedAt: Column): SQL<string> =>
  sql<string>`((extract(epoch from ${updatedAt}) * 1000000)::bigint)::text`;

/** The name of whoever last wrote an audit event about this entity, if anyone. */
export async function lastChangeOf(ctx: ProtectedContext, entityType: string, entityId: string) {
  const [row] = await ctx.tx
    .select({ by: s.users.name, byId: s.users.id, at: s.auditEvents.createdAt })
    .from(s.auditEvents)
    .innerJoin(s.users, eq(s.users.id, s.auditEvents.actorId))
    .where(and(eq(s.auditEvents.entityType, entityType), eq(s.auditEvents.entityId, entityId)))
    .orderBy(desc(s.auditEvents.createdAt))
    .limit(1);
  return row ?? null;
}

/** The answer to a save whose version is stale: who changed it, and that nothing was saved. */
export async function staleVersion(
  ctx: ProtectedContext,
  entityType: string,
  entityId: string,
  what: string,
) {
  const last = await lastChangeOf(ctx, entityType, entityId);
  const who = !last
    ? "Someone else"
    : last.byId === ctx.user.id
      ? "You (in another window)"
      : last.by;
  return new DomainError(
    "CONFLICT",
    `${who} changed ${what} after you opened it. Nothing was saved: reload to see the current values, then make your change again.`,
  );
}

const settingsFields = ["feedbackSlaHours", "requireApproval", "retentionMonths"] as const;

async function loadSettings(ctx: ProtectedContext) {
  const [row] = await ctx.tx
    .select({
      feedbackSlaHours: s.agencies.feedbackSlaHours,
      requireApproval: s.agencies.requireApproval,
      retentionMonths: s.agencies.retentionMonths,
      updatedAt: s.agencies.updatedAt,
      version: versionOf(s.agencies.updatedAt),
    })
    .from(s.agencies)
    .where(eq(s.agencies.id, ctx.user.agencyId));
  if (!row) throw notFound("Agency");
  return row;
}

export async function getSettings({ ctx }: { ctx: ProtectedContext }) {
  const [settings, lastChange, [waiting]] = await Promise.all([
    loadSettings(ctx),
    lastChangeOf(ctx, "agency", ctx.user.agencyId),
    ctx.tx
      .select({ n: sql<number>`count(*)::int` })
      .from(s.feedback)
      .where(eq(s.feedback.status, "in_review")),
  ]);
  return {
    ...settings,
    lastChange: lastChange && { by: lastChange.by, at: lastChange.at },
    awaitingApproval: waiting?.n ?? 0,
  };
}

export async function updateSettings({
  ctx,
  input,
}: {
  ctx: ProtectedContext;
  input: AgencySettingsUpdateInput;
}) {
  const before = await loadSettings(ctx);
  const conflict = () => staleVersion(ctx, "agency", ctx.user.agencyId, "these settings");
  if (before.version !== input.version) throw await conflict();
  const changed = settingsFields.filter((field) => before[field] !== input[field]);
  if (!changed.length) return getSettings({ ctx });

  const values: AgencySettingsFields = {
    feedbackSlaHours: input.feedbackSlaHours,
    requireApproval: input.requireApproval,
    retentionMonths: input.retentionMonths,
  };
  // The version is checked again by the update itself: a save that lands in between wins, ours
  // changes nothing.
  const [updated] = await ctx.tx
    .update(s.agencies)
    .set({ ...values, updatedAt: sql`clock_timestamp()` })
    .where(
      and(
        eq(s.agencies.id, ctx.user.agencyId),
        sql`${versionOf(s.agencies.updatedAt)} = ${input.version}`,
      ),
    )
    .returning({ id: s.agencies.id });
  if (!updated) throw await conflict();

  const pick = (source: AgencySettingsFields) =>
    Object.fromEntries(changed.map((field) => [field, source[field]]));
  await recordAudit(ctx, {
    action: "agency.settings_updated",
    entityType: "agency",
    entityId: ctx.user.agencyId,
    metadata: { changed, from: pick(before), to: pick(values) },
  });
  return getSettings({ ctx });
}
