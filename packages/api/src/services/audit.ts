// Append-only audit trail: who did what to which entity. Never the feedback body.
import { schema } from "@debrief/db";
import type { ProtectedContext } from "../trpc";

export async function recordAudit(
  ctx: ProtectedContext,
  event: {
    action: string;
    entityType: string;
    entityId: string;
    metadata?: Record<string, unknown>;
  },
) {
  await ctx.tx.insert(schema.auditEvents).values({
    agencyId: ctx.user.agencyId,
    actorId: ctx.user.id,
    requestId: ctx.requestId,
    metadata: {},
    ...event,
  });
}
