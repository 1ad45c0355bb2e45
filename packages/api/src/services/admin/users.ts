// The agency's people as an admin manages them: the list, disabling and re-enabling, and roles.
// The last active admin can be neither disabled nor made a consultant, also when two admins try to
// demote each other at the same moment.
import { and, asc, count, desc, eq, ilike, notLike, or, schema as s, sql } from "@debrief/db";
import type { AdminUserListInput, Role, UserStatus } from "@debrief/validators";
import { DomainError, notFound } from "../../errors";
import type { ProtectedContext } from "../../trpc";
import { recordAudit } from "../audit";
import { containsPattern, offsetOf, searchText } from "../pipeline-support";
import { ERASED_EMAIL_PATTERN } from "./erasure";

type ListInput = Required<Pick<AdminUserListInput, "page" | "pageSize">> & AdminUserListInput;

export async function list({ ctx, input }: { ctx: ProtectedContext; input: ListInput }) {
  const q = searchText(input.q);
  const where = and(
    // An erased candidate's anonymised account is not a person any more.
    notLike(s.users.email, ERASED_EMAIL_PATTERN),
    q
      ? or(ilike(s.users.name, containsPattern(q)), ilike(s.users.email, containsPattern(q)))
      : undefined,
    input.role ? eq(s.users.role, input.role) : undefined,
    input.status ? eq(s.users.status, input.status) : undefined,
  );
  const invitation = ctx.tx
    .select({
      id: s.invitations.id,
      expiresAt: s.invitations.expiresAt,
      revokedAt: s.invitations.revokedAt,
      sentAt: s.invitations.createdAt,
      invitedById: s.invitations.invitedById,
    })
    .from(s.invitations)
    .where(and(eq(s.invitations.agencyId, s.users.agencyId), eq(s.invitations.userId, s.users.id)))
    .orderBy(desc(s.invitations.createdAt), desc(s.invitations.id))
    .limit(1)
    .as("invitation");

  const [rows, [counted], groups] = await Promise.all([
    ctx.tx
      .select({
        id: s.users.id,
        name: s.users.name,
        email: s.users.email,
        role: s.users.role,
        status: s.users.status,
        createdAt: s.users.createdAt,
        // Sign-ins are audited against the user (packages/auth): the entity index finds them.
        lastSignInAt: sql<Date | null>`(
          select max(a.created_at) from audit_events a
          where a.agency_id = ${s.users.agencyId} and a.entity_type = 'user'
            and a.entity_id = ${s.users.id} and a.action = 'auth.sign_in'
        )`.mapWith((v: string | Date | null) => (v === null ? null : new Date(v))),
        invitationId: invitation.id,
        invitationExpiresAt: invitation.expiresAt,
        invitationRevokedAt: invitation.revokedAt,
        invitationSentAt: invitation.sentAt,
        invitedBy: sql<string | null>`(
          select b.name from users b
          where b.agency_id = ${s.users.agencyId} and b.id = ${invitation.invitedById}
        )`,
        now: sql<Date>`now()`.mapWith((v: string | Date) => new Date(v)),
      })
      .from(s.users)
      .leftJoinLateral(invitation, sql`true`)
      .where(where)
      .orderBy(asc(s.users.name), asc(s.users.id))
      .limit(input.pageSize)
      .offset(offsetOf(input)),
    ctx.tx.select({ n: count() }).from(s.users).where(where),
    ctx.tx
      .select({ role: s.users.role, status: s.users.status, n: count() })
      .from(s.users)
      .groupBy(s.users.role, s.users.status),
  ]);

  const counts = {
    all: 0,
    admin: 0,
    consultant: 0,
    candidate: 0,
    invited: 0,
    active: 0,
    disabled: 0,
  };
  let activeAdmins = 0;
  for (const g of groups) {
    counts.all += g.n;
    counts[g.role] += g.n;
    counts[g.status] += g.n;
    if (g.role === "admin" && g.status === "active") activeAdmins += g.n;
  }

  return {
    rows: rows.map((r) => ({
      id: r.id,
      name: r.name,
      email: r.email,
      role: r.role,
      status: r.status,
      createdAt: r.createdAt,
      lastSignInAt: r.lastSignInAt,
      invitation:
        r.status === "invited" && r.invitationId && r.invitationExpiresAt && r.invitationSentAt
          ? {
              id: r.invitationId,
              state: r.invitationRevokedAt
                ? ("revoked" as const)
                : r.invitationExpiresAt <= r.now
                  ? ("expired" as const)
                  : ("pending" as const),
              expiresAt: r.invitationExpiresAt,
              sentAt: r.invitationSentAt,
              invitedBy: r.invitedBy,
            }
          : null,
      isYou: r.id === ctx.user.id,
    })),
    total: counted?.n ?? 0,
    page: input.page,
    pageSize: input.pageSize,
    counts,
    activeAdmins,
  };
}

export type LockedUser = {
  id: string;
  name: string;
  email: string;
  role: Role;
  status: UserStatus;
};

/** The user row, locked for this transaction; another agency's user is not found (RLS). */
export async function lockUser(ctx: ProtectedContext, id: string): Promise<LockedUser> {
  const [user] = await ctx.tx
    .select({
      id: s.users.id,
      name: s.users.name,
      email: s.users.email,
      role: s.users.role,
      status: s.users.status,
    })
    .from(s.users)
    .where(and(eq(s.users.id, id), notLike(s.users.email, ERASED_EMAIL_PATTERN)))
    .for("update");
  if (!user) throw notFound("User");
  return user;
}

/**
 * Locks the agency's active admins (in id order, so two of these never deadlock) and then the
 * target. A concurrent demotion commits first or waits: whichever runs second re-reads the admin
 * rows after the first has committed and sees one admin fewer.
 */
async function lockAdminsThen(ctx: ProtectedContext, id: string) {
  const admins = await ctx.tx
    .select({ id: s.users.id })
    .from(s.users)
    .where(and(eq(s.users.role, "admin"), eq(s.users.status, "active")))
    .orderBy(asc(s.users.id))
    .for("update");
  const user = await lockUser(ctx, id);
  return { user, activeAdmins: admins.map((a) => a.id) };
}

function ensureNotLastAdmin(
  ctx: ProtectedContext,
  user: LockedUser,
  activeAdmins: string[],
  action: "disable" | "demote",
) {
  if (user.role !== "admin" || user.status !== "active") return;
  if (activeAdmins.some((id) => id !== user.id)) return;
  const who = user.id === ctx.user.id ? "You are" : `${user.name} is`;
  const what = action === "disable" ? "disabled" : "made a consultant";
  throw new DomainError(
    "CONFLICT",
    `${who} the agency's last active admin and cannot be ${what}. Make someone else an admin first.`,
    action === "demote" ? { role: ["the agency needs at least one active admin"] } : undefined,
  );
}

const changed = (user: LockedUser) => ({ id: user.id, role: user.role, status: user.status });

/** A disabled user's sessions end on their next request (getSession re-reads the status). */
export async function disable({
  ctx,
  input,
}: {
  ctx: ProtectedContext;
  input: { userId: string };
}) {
  const { user, activeAdmins } = await lockAdminsThen(ctx, input.userId);
  if (user.status === "disabled") return changed(user);
  if (user.status === "invited") {
    throw new DomainError(
      "CONFLICT",
      `${user.name} has not accepted their invitation yet: revoke the invitation instead`,
    );
  }
  ensureNotLastAdmin(ctx, user, activeAdmins, "disable");
  await ctx.tx.update(s.users).set({ status: "disabled" }).where(eq(s.users.id, user.id));
  await recordAudit(ctx, {
    action: "user.disabled",
    entityType: "user",
    entityId: user.id,
    metadata: { role: user.role },
  });
  return { ...changed(user), status: "disabled" as const };
}

export async function enable({ ctx, input }: { ctx: ProtectedContext; input: { userId: string } }) {
  const user = await lockUser(ctx, input.userId);
  if (user.status === "active") return changed(user);
  if (user.status === "invited") {
    throw new DomainError(
      "CONFLICT",
      `${user.name} has not accepted their invitation yet: there is nothing to enable`,
    );
  }
  await ctx.tx.update(s.users).set({ status: "active" }).where(eq(s.users.id, user.id));
  await recordAudit(ctx, {
    action: "user.enabled",
    entityType: "user",
    entityId: user.id,
    metadata: { role: user.role },
  });
  return { ...changed(user), status: "active" as const };
}

/** Between admin and consultant only: candidates are never made staff, nor staff candidates. */
export async function changeRole({
  ctx,
  input,
}: {
  ctx: ProtectedContext;
  input: { userId: string; role: "admin" | "consultant" };
}) {
  const { user, activeAdmins } = await lockAdminsThen(ctx, input.userId);
  if (user.role === "candidate") {
    throw new DomainError(
      "BAD_REQUEST",
      `${user.name} is a candidate: candidates cannot be given a staff role. Invite them as staff with another email instead.`,
      { role: ["cannot be changed for a candidate"] },
    );
  }
  if (user.role === input.role) return changed(user);
  if (input.role === "consultant") ensureNotLastAdmin(ctx, user, activeAdmins, "demote");
  await ctx.tx.update(s.users).set({ role: input.role }).where(eq(s.users.id, user.id));
  await recordAudit(ctx, {
    action: "user.role_changed",
    entityType: "user",
    entityId: user.id,
    metadata: { from: user.role, to: input.role },
  });
  return { ...changed(user), role: input.role };
}
