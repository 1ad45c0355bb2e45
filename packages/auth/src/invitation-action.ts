// The acceptance form's server side, shared by both portals: accept, then sign the person straight
// in with the password they just chose (the same Credentials path as the sign-in form, so the
// sign-in is checked, rate limited and audited like any other).
import { getDb } from "@debrief/db";
import { AuthError } from "next-auth";
import { acceptInvitation, type InvitationProblem } from "./invitations";
import type { Portal } from "./portals";

export type AcceptInvitationState = {
  /** Why the invitation cannot be used (it may have expired or been revoked since the page loaded). */
  problem: InvitationProblem | null;
  fieldErrors: Record<string, string[]>;
  /** Accepted, but signing in did not work out: the person signs in on the sign-in page. */
  accepted: boolean;
};

const initial: AcceptInvitationState = {
  problem: null,
  fieldErrors: {},
  accepted: false,
};

type SignIn = (
  provider: "credentials",
  options: { email: string; password: string; redirectTo: string },
) => Promise<unknown>;

export async function acceptInvitationAndSignIn(opts: {
  portal: Portal;
  signIn: SignIn;
  token: string;
  formData: FormData;
  requestId?: string | null;
}): Promise<AcceptInvitationState> {
  const password = opts.formData.get("password");
  const result = await acceptInvitation(
    getDb(),
    { token: opts.token, password, confirmPassword: opts.formData.get("confirmPassword") },
    opts.portal,
    opts.requestId ?? null,
  );
  if (!result.ok) {
    return result.problem === "input"
      ? { ...initial, fieldErrors: result.fieldErrors }
      : { ...initial, problem: result.problem };
  }
  try {
    // Success "throws" Next's redirect to the portal's start page, which must travel on.
    await opts.signIn("credentials", {
      email: result.email,
      password: String(password),
      redirectTo: "/",
    });
  } catch (error) {
    if (!(error instanceof AuthError)) throw error;
  }
  return { ...initial, accepted: true };
}
