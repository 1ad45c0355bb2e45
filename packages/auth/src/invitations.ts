// Accepting an invitation: before anyone is signed in, the token (stored only as its SHA-256 hash)
// is the one thing the person holds. It is looked up through the SECURITY DEFINER function; the
// acceptance itself then runs as the app role inside that agency's tenant transaction.
//
// Safe to call with random tokens: a token is 256 random bits, a guess costs one index probe and
// changes nothing, and the expensive step (argon2id) runs only for a token that is valid, pending
// and paired with an acceptable password. A token can be accepted once.
import { createHash } from "node:crypto";
import { notifyUser } from "@debrief/api";
import {
  and,
  type Database,
  eq,
  gt,
  isNull,
  schema as s,
  sql,
  type Tx,
  withTenant,
} from "@debrief/db";
import { hashPassword } from "@debrief/db/password";
import { acceptInvitationInput, invitationToken, type Role } from "@debrief/validators";
import { type Portal, portalRoles } from "./portals";

type InvitationRow = {
  invitation_id: string;
  agency_id: string;
  agency_name: string;
  user_id: string;
  email: string;
  name: string;
  role: Role;
  status: string;
  expires_at: Date | string;
  accepted_at: Date | string | null;
  revoked_at: Date | string | null;
};

export type InvitationProblem = "unknown" | "expired" | "used" | "revoked" | "wrong_portal";

export type InvitationView =
  | {
      state: "valid";
      agencyName: string;
      name: string;
      email: string;
      role: Role;
      expiresAt: Date;
    }
  | { state: "unknown" }
  | {
      state: Exclude<InvitationProblem, "unknown">;
      agencyName: string;
      role: Role;
    };

/** The same SHA-256 hex the api stores when it issues a token. */
function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

async function lookUp(db: Database, token: string): Promise<InvitationRow | undefined> {
  if (!invitationToken.safeParse(token).success) return undefined;
  const rows = await db.execute<InvitationRow>(
    sql`select * from debrief_invitation_by_token_hash(${hashToken(token)})`,
  );
  return rows[0];
}

function problemOf(
  row: InvitationRow,
  portal: Portal,
  now: Date,
): Exclude<InvitationProblem, "unknown"> | null {
  if (row.accepted_at || row.status !== "invited") return "used";
  if (row.revoked_at) return "revoked";
  if (new Date(row.expires_at) <= now) return "expired";
  if (!portalRoles[portal].includes(row.role)) return "wrong_portal";
  return null;
}

/** What the acceptance page shows for a token: the invitation, or why it cannot be used. */
export async function findInvitation(
  db: Database,
  token: string,
  portal: Portal,
): Promise<InvitationView> {
  const row = await lookUp(db, token);
  if (!row) return { state: "unknown" };
  const problem = problemOf(row, portal, new Date());
  if (problem) return { state: problem, agencyName: row.agency_name, role: row.role };
  return {
    state: "valid",
    agencyName: row.agency_name,
    name: row.name,
    email: row.email,
    role: row.role,
    expiresAt: new Date(row.expires_at),
  };
}

export type AcceptInvitationResult =
  | { ok: true; userId: string; email: string; name: string; role: Role; agencyName: string }
  | { ok: false; problem: InvitationProblem }
  | { ok: false; problem: "input"; fieldErrors: Record<string, string[]> };

class Refused extends Error {
  constructor(readonly problem: InvitationProblem) {
    super(problem);
  }
}

/**
 * Sets the password and activates the account, once. Everything happens in one transaction in the
 * invitation's agency: the invitation is marked accepted only by a conditional UPDATE (still
 * pending, not revoked, not expired by the database's clock), so of two concurrent accepts exactly
 * one succeeds. The inviting admin is told in-app, with an outbox row for the email.
 */
export async function acceptInvitation(
  db: Database,
  raw: { token: unknown; password: unknown; confirmPassword: unknown },
  portal: Portal,
  requestId: string | null = null,
): Promise<AcceptInvitationResult> {
  const parsed = acceptInvitationInput.safeParse(raw);
  if (!parsed.success) {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) {
      const path = issue.path.map(String).join(".") || "input";
      fieldErrors[path] = [...(fieldErrors[path] ?? []), issue.message];
    }
    // A malformed token is not the person's typing: it reads as an unknown invitation.
    if (fieldErrors.token) return { ok: false, problem: "unknown" };
    return { ok: false, problem: "input", fieldErrors };
  }
  const { token, password } = parsed.data;
  const row = await lookUp(db, token);
  if (!row) return { ok: false, problem: "unknown" };
  const early = problemOf(row, portal, new Date());
  if (early) return { ok: false, problem: early };

  const passwordHash = await hashPassword(password);
  try {
    await withTenant(db, { agencyId: row.agency_id, userId: row.user_id, role: row.role }, (tx) =>
      acceptIn(tx, row, passwordHash, requestId),
    );
  } catch (error) {
    if (error instanceof Refused) return { ok: false, problem: error.problem };
    throw error;
  }
  return {
    ok: true,
    userId: row.user_id,
    email: row.email,
    name: row.name,
    role: row.role,
    agencyName: row.agency_name,
  };
}

async function acceptIn(
  tx: Tx,
  row: InvitationRow,
  passwordHash: string,
  requestId: string | null,
) {
  const agencyId = row.agency_id;
  // The user row first, as resending does, so the two queue up rather than deadlock.
  const [user] = await tx
    .select({ status: s.users.status, name: s.users.name })
    .from(s.users)
    .where(eq(s.users.id, row.user_id))
    .for("update");
  if (user?.status !== "invited") throw new Refused("used");

  const [accepted] = await tx
    .update(s.invitations)
    .set({ acceptedAt: sql`now()` })
    .where(
      and(
        eq(s.invitations.id, row.invitation_id),
        isNull(s.invitations.acceptedAt),
        isNull(s.invitations.revokedAt),
        gt(s.invitations.expiresAt, sql`now()`),
      ),
    )
    .returning({ invitedById: s.invitations.invitedById });
  if (!accepted) {
    const [now] = await tx
      .select({
        acceptedAt: s.invitations.acceptedAt,
        revokedAt: s.invitations.revokedAt,
      })
      .from(s.invitations)
      .where(eq(s.invitations.id, row.invitation_id));
    throw new Refused(now?.acceptedAt ? "used" : now?.revokedAt ? "revoked" : "expired");
  }

  await tx
    .update(s.users)
    .set({ status: "active", passwordHash })
    .where(and(eq(s.users.id, row.user_id), eq(s.users.status, "invited")));
  await tx.insert(s.auditEvents).values({
    agencyId,
    actorId: row.user_id,
    action: "invitation.accepted",
    entityType: "invitation",
    entityId: row.invitation_id,
    requestId,
    metadata: { userId: row.user_id, role: row.role },
  });

  const inviter = accepted.invitedById;
  if (inviter) {
    await notifyUser(
      { tx, user: { agencyId } },
      {
        userId: inviter,
        kind: "invitation.accepted",
        title: `${user.name} accepted your invitation`,
        link: "/admin/users",
      },
    );
  }
}
