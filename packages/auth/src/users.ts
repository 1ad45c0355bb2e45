// The look-ups that happen before a tenant is known (through SECURITY DEFINER functions), and
// revoking a signed-out session.
import type { Session } from "@debrief/api";
import { type Database, sql } from "@debrief/db";
import type { Role, UserStatus } from "@debrief/validators";
import { z } from "zod";

export type AuthUser = {
  id: string;
  agency_id: string;
  role: Role;
  status: UserStatus;
  password_hash: string | null;
};
export type SessionRow = {
  id: string;
  agency_id: string;
  role: Role;
  status: UserStatus;
  name: string;
  email: string;
  agency_name: string;
};

export async function userByEmail(db: Database, email: string): Promise<AuthUser | undefined> {
  const rows = await db.execute<AuthUser>(sql`select * from debrief_auth_user_by_email(${email})`);
  return rows[0];
}

/** The user behind a session, unless that session was signed out (one round trip either way). */
export async function sessionUser(
  db: Database,
  id: string,
  sessionId?: string,
): Promise<SessionRow | undefined> {
  const rows = await db.execute<SessionRow>(
    sessionId
      ? sql`select u.* from debrief_session_user(${id}::uuid) u
            where not exists (select 1 from revoked_sessions r where r.session_id = ${sessionId}::uuid)`
      : sql`select * from debrief_session_user(${id}::uuid)`,
  );
  return rows[0];
}

/** Records a signed-out session until its token would have expired, and forgets expired ones. */
export async function revokeSession(db: Database, sessionId: string, expiresAt: Date) {
  if (!z.uuid().safeParse(sessionId).success) return;
  await db.execute(sql`
    with gone as (delete from revoked_sessions where expires_at < now())
    insert into revoked_sessions (session_id, expires_at)
    values (${sessionId}::uuid, ${expiresAt.toISOString()}::timestamptz)
    on conflict do nothing`);
}

/**
 * The session a token's user id is worth right now: none unless the user is active and their role
 * belongs to this portal. getSession runs this on every request, so disabling someone or changing
 * their role takes effect on their next request, whatever their cookie says.
 */
export async function sessionFor(
  db: Database,
  id: string | undefined,
  allowed: readonly Role[],
  /** The token's session id: a signed-out session is no session. */
  sessionId?: string,
): Promise<Session | null> {
  if (!id || !z.uuid().safeParse(id).success) return null;
  if (sessionId !== undefined && !z.uuid().safeParse(sessionId).success) return null;
  const row = await sessionUser(db, id, sessionId);
  if (row?.status !== "active" || !allowed.includes(row.role)) return null;
  return {
    user: {
      id: row.id,
      role: row.role,
      agencyId: row.agency_id,
      name: row.name,
      email: row.email,
      agencyName: row.agency_name,
    },
  };
}
