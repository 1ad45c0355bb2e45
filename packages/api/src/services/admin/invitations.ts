// Inviting people into an agency: the users row (status invited, no password), a single-use token
// stored only as its SHA-256 hash, the email for the outbox, and resending or revoking it.
// Accepting happens before anyone is signed in, so it lives with sign-in in packages/auth.
import { createHash, randomBytes } from "node:crypto";
import { and, eq, isNull, schema as s, sql } from "@debrief/db";
import { INVITATION_DAYS, type InviteUserInput, type Role } from "@debrief/validators";
import { portalBaseUrl } from "../../env";
import { DomainError } from "../../errors";
import type { ProtectedContext } from "../../trpc";
import { recordAudit } from "../audit";
import { queueEmail } from "../notify";
import { lockUser } from "./users";

/** The SHA-256 hex of a token: what the database keeps, and what acceptance looks up. */
export function hashInvitationToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** 32 random bytes as base64url (43 characters) and its hash. The token itself is never stored. */
export function newInvitationToken() {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: hashInvitationToken(token) };
}

/** Staff accept on the consultant portal, candidates on the candidate portal. */
export function invitationLink(role: Role, token: string): string {
  return `${portalBaseUrl(role === "candidate" ? "candidate" : "consultant")}/invitation/${token}`;
}

const emailTaken = (reason: string, message: string) =>
  new DomainError("CONFLICT", message, { email: [reason] });

/**
 * Emails are unique across Debrief (one sign-in, one agency). The look-up goes through the
 * sign-in function, which sees every agency; another agency's account is only ever named as
 * "a Debrief account".
 */
async function ensureEmailFree(ctx: ProtectedContext, email: string) {
  const [taken] = await ctx.tx.execute<{ agency_id: string; status: string }>(
    sql`select agency_id, status::text as status from debrief_auth_user_by_email(${email})`,
  );
  if (!taken) return;
  if (taken.agency_id !== ctx.user.agencyId) {
    throw emailTaken(
      "already belongs to a Debrief account",
      "That email already belongs to a Debrief account, so it cannot be invited again",
    );
  }
  if (taken.status === "invited") {
    throw emailTaken(
      "has already been invited: send the invitation again from the list",
      "That person has already been invited. Use “Resend” on their row for a new link",
    );
  }
  throw emailTaken(
    "already belongs to someone in your agency",
    "That email already belongs to someone in your agency",
  );
}

/** Writes a fresh invitation for the user and the email that carries it, in the caller's transaction. */
async function issueInvitation(
  ctx: ProtectedContext,
  user: { id: string; role: Role },
  kind: "invited" | "resent",
) {
  const { token, tokenHash } = newInvitationToken();
  const [invitation] = await ctx.tx
    .insert(s.invitations)
    .values({
      agencyId: ctx.user.agencyId,
      userId: user.id,
      invitedById: ctx.user.id,
      tokenHash,
      // The database's clock, the one acceptance compares against.
      expiresAt: sql`now() + make_interval(days => ${INVITATION_DAYS})`,
    })
    .returning({ id: s.invitations.id, expiresAt: s.invitations.expiresAt });
  if (!invitation) throw new Error("insert returned no row");
  const link = invitationLink(user.role, token);
  // The payload holds the acceptance link, the one secret in the outbox: the worker sends it and
  // never logs it.
  await queueEmail(ctx, "invitation", { kind, invitationId: invitation.id, userId: user.id, link });
  return { ...invitation, link };
}

export async function invite({ ctx, input }: { ctx: ProtectedContext; input: InviteUserInput }) {
  await ensureEmailFree(ctx, input.email);
  // ON CONFLICT: an invitation for the same email racing this one loses cleanly, not with a 500.
  const [user] = await ctx.tx
    .insert(s.users)
    .values({
      agencyId: ctx.user.agencyId,
      email: input.email,
      name: input.name,
      role: input.role,
      status: "invited",
      passwordHash: null,
    })
    .onConflictDoNothing()
    .returning({ id: s.users.id, name: s.users.name, email: s.users.email, role: s.users.role });
  if (!user) {
    throw emailTaken(
      "already belongs to a Debrief account",
      "That email already belongs to a Debrief account, so it cannot be invited again",
    );
  }

  let candidate: "linked" | "created" | null = null;
  let candidateId: string | null = null;
  if (input.role === "candidate") {
    // The agency may know this person already: their record gets the login.
    const [existing] = await ctx.tx
      .select({ id: s.candidates.id, userId: s.candidates.userId })
      .from(s.candidates)
      .where(and(sql`lower(${s.candidates.email}) = ${input.email}`, isNull(s.candidates.erasedAt)))
      .for("update");
    if (existing?.userId) {
      throw emailTaken(
        "belongs to a candidate who already has a login",
        "That candidate already has a login",
      );
    }
    if (existing) {
      await ctx.tx
        .update(s.candidates)
        .set({ userId: user.id })
        .where(eq(s.candidates.id, existing.id));
      candidate = "linked";
      candidateId = existing.id;
    } else {
      const [created] = await ctx.tx
        .insert(s.candidates)
        .values({
          agencyId: ctx.user.agencyId,
          name: input.name,
          email: input.email,
          ownerId: ctx.user.id,
          userId: user.id,
        })
        .returning({ id: s.candidates.id });
      if (!created) throw new Error("insert returned no row");
      candidate = "created";
      candidateId = created.id;
    }
  }

  const invitation = await issueInvitation(ctx, user, "invited");
  await recordAudit(ctx, {
    action: "user.invited",
    entityType: "user",
    entityId: user.id,
    metadata: {
      role: user.role,
      invitationId: invitation.id,
      ...(candidateId ? { candidateId, candidate } : {}),
    },
  });
  return {
    userId: user.id,
    invitationId: invitation.id,
    name: user.name,
    email: user.email,
    role: user.role,
    link: invitation.link,
    expiresAt: invitation.expiresAt,
    candidate,
  };
}

/** Withdraws every invitation of the user that could still be accepted; returns their ids. */
async function withdrawPending(ctx: ProtectedContext, userId: string) {
  const rows = await ctx.tx
    .update(s.invitations)
    .set({ revokedAt: sql`now()` })
    .where(
      and(
        eq(s.invitations.userId, userId),
        isNull(s.invitations.acceptedAt),
        isNull(s.invitations.revokedAt),
      ),
    )
    .returning({ id: s.invitations.id });
  return rows.map((r) => r.id);
}

function notInvitedAnyMore(name: string) {
  return new DomainError("CONFLICT", `${name} has already accepted their invitation`);
}

/** A new link: the old one stops working at once, and the seven days start again. */
export async function resend({ ctx, input }: { ctx: ProtectedContext; input: { userId: string } }) {
  // The user row first, as acceptance does: the two queue up instead of deadlocking.
  const user = await lockUser(ctx, input.userId);
  if (user.status !== "invited") throw notInvitedAnyMore(user.name);
  const replaced = await withdrawPending(ctx, user.id);
  const invitation = await issueInvitation(ctx, user, "resent");
  await recordAudit(ctx, {
    action: "invitation.resent",
    entityType: "invitation",
    entityId: invitation.id,
    metadata: { userId: user.id, replaced },
  });
  return {
    userId: user.id,
    invitationId: invitation.id,
    name: user.name,
    email: user.email,
    role: user.role,
    link: invitation.link,
    expiresAt: invitation.expiresAt,
    candidate: null,
  };
}

/**
 * Withdraws the pending invitation. The user row stays (status invited, no password, so no
 * sign-in): it keeps the email reserved and the person on the list, where "Resend" issues a new
 * link in one step, and the revoked invitation stays as the record of what happened.
 */
export async function revoke({ ctx, input }: { ctx: ProtectedContext; input: { userId: string } }) {
  const user = await lockUser(ctx, input.userId);
  if (user.status !== "invited") throw notInvitedAnyMore(user.name);
  const [invitationId, ...others] = await withdrawPending(ctx, user.id);
  if (!invitationId) {
    throw new DomainError("CONFLICT", `${user.name} has no invitation waiting to be accepted`);
  }
  await recordAudit(ctx, {
    action: "invitation.revoked",
    entityType: "invitation",
    entityId: invitationId,
    metadata: { userId: user.id, ...(others.length ? { alsoRevoked: others } : {}) },
  });
  return { userId: user.id, invitationId };
}
