// The two look-ups that happen before a tenant is known, through SECURITY DEFINER functions.
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

export async function sessionUser(db: Database, id: string): Promise<SessionRow | undefined> {
  const rows = await db.execute<SessionRow>(sql`select * from debrief_session_user(${id}::uuid)`);
  return rows[0];
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
): Promise<Session | null> {
  if (!id || !z.uuid().safeParse(id).success) return null;
  const row = await sessionUser(db, id);
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
