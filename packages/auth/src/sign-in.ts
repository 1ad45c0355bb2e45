// Checking credentials at sign-in, and the audit trail of it: auth.sign_in for a success and
// auth.sign_in_failed (with the reason) for a refusal of a known account, written in that
// account's agency with the account as the actor. Unknown emails belong to no agency and leave
// no audit row (login_attempts still counts them).
import { type Database, schema, sql, withTenant } from "@debrief/db";
import { verifyPassword } from "@debrief/db/password";
import { z } from "zod";
import { type Portal, portalRoles } from "./portals";
import { isRateLimited, recordAttempt, UNKNOWN_ADDRESS } from "./rate-limit";
import { type AuthUser, userByEmail } from "./users";

const credentials = z.object({ email: z.email().max(320), password: z.string().min(1).max(200) });

// Verifying against a fixed hash when the email is unknown keeps the answer time the same.
const DUMMY_HASH =
  "$argon2id$v=19$m=19456,t=2,p=1$o6hKwzRUTIGJJG/WRNwdxQ$JiHImvBdEAC0L1g7+6nEZBH9Y/lucENXrW9CA610+nw";
const NO_AGENCY = "00000000-0000-0000-0000-000000000000";

export const signInFailureReasons = [
  "password",
  "disabled",
  "invited",
  "wrong_portal",
  "rate_limited",
] as const;
export type SignInFailureReason = (typeof signInFailureReasons)[number];

export type CredentialsResult =
  | { ok: true; userId: string }
  | { ok: false; reason: SignInFailureReason | "unknown" | "malformed" };

export function clientAddress(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || headers.get("x-real-ip") || UNKNOWN_ADDRESS;
}

/**
 * One audit row for a sign-in attempt on a known account. For an unknown email the same kind of
 * transaction runs and writes nothing, so the time an answer takes does not tell whether an
 * account exists.
 */
async function auditSignIn(
  db: Database,
  user: AuthUser | undefined,
  portal: Portal,
  requestId: string | null,
  failure: SignInFailureReason | null,
) {
  if (!user) {
    await withTenant(db, { agencyId: NO_AGENCY, userId: null, role: "candidate" }, (tx) =>
      tx.execute(sql`select 1`),
    );
    return;
  }
  await withTenant(db, { agencyId: user.agency_id, userId: user.id, role: user.role }, (tx) =>
    tx.insert(schema.auditEvents).values({
      agencyId: user.agency_id,
      actorId: user.id,
      action: failure ? "auth.sign_in_failed" : "auth.sign_in",
      entityType: "user",
      entityId: user.id,
      requestId,
      // Never the password or the address: what happened and where, nothing more.
      metadata: failure ? { portal, reason: failure } : { portal },
    }),
  );
}

function failureOf(
  user: AuthUser,
  passwordValid: boolean,
  portal: Portal,
): SignInFailureReason | null {
  if (user.status === "invited") return "invited";
  if (!passwordValid) return "password";
  if (user.status !== "active") return "disabled";
  if (!portalRoles[portal].includes(user.role)) return "wrong_portal";
  return null;
}

/**
 * The Credentials provider's check. Wrong email, wrong password, a disabled user or the other
 * portal's role all end the same way for the person signing in; only the audit trail says which.
 */
export async function checkCredentials(
  db: Database,
  portal: Portal,
  raw: unknown,
  headers: Headers,
): Promise<CredentialsResult> {
  const parsed = credentials.safeParse(raw);
  if (!parsed.success) return { ok: false, reason: "malformed" };
  const { email, password } = parsed.data;
  const address = clientAddress(headers);
  const requestId = headers.get("x-request-id");
  if (await isRateLimited(db, email, address)) {
    await auditSignIn(db, await userByEmail(db, email), portal, requestId, "rate_limited");
    return { ok: false, reason: "rate_limited" };
  }
  const user = await userByEmail(db, email);
  const valid = await verifyPassword(user?.password_hash ?? DUMMY_HASH, password);
  const failure = user ? failureOf(user, valid, portal) : null;
  const ok = !!user && failure === null;
  await recordAttempt(db, email, address, ok);
  await auditSignIn(db, user, portal, requestId, failure);
  return user && ok ? { ok: true, userId: user.id } : { ok: false, reason: failure ?? "unknown" };
}
