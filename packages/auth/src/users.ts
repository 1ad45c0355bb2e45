// The two look-ups that happen before a tenant is known, through SECURITY DEFINER functions.
import { type Database, sql } from "@debrief/db";
import type { Role, UserStatus } from "@debrief/validators";

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
